using ExtractReports.Cli.Commands;
using ExtractReports.Evaluation;

namespace ExtractReports.Tests.EndToEnd;

/// <summary>extract then eval through the command line, as a user runs them.</summary>
public class ExtractEvalTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("er-e2e-").FullName;

    private int Cli(params string[] args) => RootCommandFactory.Create().Parse(args).Invoke();

    [Fact]
    public void Seeds_are_all_right()
    {
        var seeds = Path.Combine(TestPaths.Corpus, "seeds");
        Assert.Equal(ExitCodes.Ok, Cli("extract", seeds, "--out", _out, "--jobs", "2"));
        var report = Evaluator.Evaluate(_out, [seeds]);
        Assert.Equal(985, report.Overall.Total);
        Assert.True(report.Overall.Right == 985, string.Join("\n", report.Wrong.Select(w => $"{w.Document} {w.Field}: expected {w.Expected}, got {w.Got}")));
        Assert.Equal(ExitCodes.Ok, Cli("eval", _out, "--truth", seeds, "--min-accuracy", "1"));
    }

    [Fact]
    public void Real_text_dumps_reach_95_percent_and_every_wrong_field_is_doubtful()
    {
        if (!Directory.Exists(TestPaths.SharedReal)) return; // ../shared absent: nothing to compare with
        var dumps = Directory.EnumerateFiles(TestPaths.SharedReal).Where(f => f.EndsWith(".txt") || f.EndsWith("-source.md")).ToArray();
        Assert.NotEmpty(dumps);
        Cli(["extract", .. dumps, "--out", _out]);
        var names = dumps.Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var truth = Path.Combine(_out, "truth-dumps.csv");
        File.WriteAllLines(truth, File.ReadLines(Path.Combine(TestPaths.SharedReal, "truth.csv"))
            .Where((l, i) => i == 0 || names.Contains(l.Split(',')[0])));
        var report = Evaluator.Evaluate(_out, [truth]);
        Assert.True(report.Overall.Rate >= 0.95, $"accuracy {report.Overall}");
        Assert.True(report.ConfidentlyWrong == 0,
            string.Join("\n", report.Wrong.Where(w => w.Confidence >= 0.9).Select(w => $"{w.Document} {w.Field}: {w.Got} at {w.Confidence}")));
    }

    /// <summary>
    /// ../shared/real/pages: real agency pages as web archives store them (chrome, Traditional script,
    /// blank cells flattened to `|` lines or dropped, an empty template, pages cut after table 二). Every
    /// field is right, and no field the page prints (a value or a blank) comes out `missing`.
    /// </summary>
    [Fact]
    public void Real_agency_pages_are_all_right()
    {
        var pages = Path.Combine(TestPaths.SharedReal, "pages");
        if (!Directory.Exists(pages)) return; // ../shared absent: nothing to compare with
        var files = Directory.EnumerateFiles(pages, "*.txt").ToArray();
        Assert.NotEmpty(files);
        Cli(["extract", .. files, "--out", _out]);
        var report = Evaluator.Evaluate(_out, [Path.Combine(pages, "truth.csv")]);
        Assert.True(report.Overall.Right == report.Overall.Total,
            string.Join("\n", report.Wrong.Select(w => $"{w.Document} {w.Field}: expected {w.Expected}, got {w.Got} ({w.Status}, {w.Confidence})")));
        Assert.Empty(report.Comparisons.Where(c => c.Status == "missing").Select(c => $"{c.Document} {c.Field}"));
    }

    [Fact]
    public void Extract_without_inputs_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.UsageError, Cli("extract", Path.Combine(_out, "does-not-exist")));
    }

    public void Dispose() => Directory.Delete(_out, true);
}
