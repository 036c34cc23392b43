using System.Diagnostics;
using ExtractReports.Cli.Commands;
using ExtractReports.Evaluation;

namespace ExtractReports.Tests.EndToEnd;

/// <summary>
/// Real agency web pages (../shared/real) printed to PDF by headless Chromium as a user's "print to
/// PDF" does (tools/print-page.sh: the browser's date, title, address and page stamps in the
/// margins), read like any text PDF against the pages' own truth. The prints are made here, in a
/// temporary folder, never committed. Skipped with the reason when ../shared/real or Chromium is
/// absent (`./run.sh print-pages` installs Chromium and prints them for a look).
/// </summary>
public class BrowserPrintTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("er-print-").FullName;

    [BrowserPrintFact]
    public void Real_pages_printed_by_a_browser_are_all_right()
    {
        var pages = Directory.EnumerateFiles(TestPaths.SharedReal, "*.html").ToArray();
        Assert.NotEmpty(pages);
        var prints = Path.Combine(_dir, "prints");
        Directory.CreateDirectory(prints);
        foreach (var page in pages)
        {
            var psi = new ProcessStartInfo(Path.Combine(TestPaths.Root, "tools", "print-page.sh"))
            {
                ArgumentList = { page, Path.Combine(prints, Path.GetFileNameWithoutExtension(page) + ".pdf") },
            };
            using var p = Process.Start(psi)!;
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
        }
        var output = Path.Combine(_dir, "out");
        Assert.Equal(ExitCodes.Ok, RootCommandFactory.Create().Parse(["extract", prints, "--out", output]).Invoke());
        var names = pages.Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var truth = Path.Combine(_dir, "truth.csv");
        File.WriteAllLines(truth, File.ReadLines(Path.Combine(TestPaths.SharedReal, "truth.csv")).Where((l, i) => i == 0 || names.Contains(l.Split(',')[0])));
        var report = Evaluator.Evaluate(output, [truth]);
        Assert.True(report.Overall.Right == report.Overall.Total,
            string.Join("\n", report.Wrong.Select(w => $"{w.Document} {w.Field}: expected {w.Expected}, got {w.Got} ({w.Status}, {w.Confidence})")));
    }

    public void Dispose() => Directory.Delete(_dir, true);
}

/// <summary>A test that needs ../shared/real's web pages and a Chromium to print them.</summary>
public sealed class BrowserPrintFactAttribute : FactAttribute
{
    public BrowserPrintFactAttribute()
    {
        if (!Directory.Exists(TestPaths.SharedReal) || !Directory.EnumerateFiles(TestPaths.SharedReal, "*.html").Any())
            Skip = "../shared/real holds no web pages on this machine";
        else if (!new[] { "chromium", "chromium-browser", "google-chrome" }.Any(OnPath))
            Skip = "no Chromium to print with (./run.sh print-pages installs it)";
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, name)));
}
