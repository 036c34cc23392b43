using ExtractReports.Cli.Commands;
using ExtractReports.Evaluation;
using ExtractReports.Tests.Lines.Html;

namespace ExtractReports.Tests.EndToEnd;

/// <summary>Web pages and Word documents through extract and eval, as a user runs them.</summary>
public class StructuredInputTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("er-structured-").FullName;

    private int Cli(params string[] args) => RootCommandFactory.Create().Parse(args).Invoke();

    private static string Misses(EvalReport report) =>
        string.Join("\n", report.Wrong.Select(w => $"{w.Document} {w.Field}: expected {w.Expected}, got {w.Got}"));

    [Theory]
    [InlineData("html")]
    [InlineData("docx")]
    public void Corpus_pages_and_documents_are_all_right(string kind)
    {
        var folder = Path.Combine(TestPaths.Corpus, kind);
        // The documents only: a folder's notes (NOTES.md) are not reports.
        var documents = Directory.GetFiles(folder).Where(f => Path.GetExtension(f) is not (".csv" or ".md")).ToArray();
        Assert.Equal(ExitCodes.Ok, Cli(["extract", .. documents, "--out", _out, "--jobs", "2"]));
        var report = Evaluator.Evaluate(_out, [folder]);
        Assert.True(report.Overall.Total > 1000, $"only {report.Overall.Total} truth fields in corpus/{kind}");
        Assert.True(report.Overall.Right == report.Overall.Total, Misses(report));
    }

    [Fact]
    public void A_gbk_page_and_a_utf8_page_of_the_same_report_give_identical_field_rows()
    {
        var gbk = Path.Combine(TestPaths.Corpus, "html", "html-02-2022-gbk.html");
        var utf8 = Path.Combine(TestPaths.Corpus, "html", "html-03-2022-utf8-same-report.html");
        Assert.Equal(ExitCodes.Ok, Cli("extract", gbk, utf8, "--out", _out));
        var rows = File.ReadAllLines(Path.Combine(_out, "fields.csv")).Skip(1).ToList();
        string[] Of(string name) => rows.Where(r => r.StartsWith(name + ",", StringComparison.Ordinal))
            .Select(r => r[(name.Length + 1)..]).Order(StringComparer.Ordinal).ToArray();
        var fromGbk = Of("html-02-2022-gbk");
        Assert.NotEmpty(fromGbk);
        Assert.Equal(fromGbk, Of("html-03-2022-utf8-same-report"));
    }

    [RealPageFact("pingtan-2019-html.html")]
    public void The_agency_pages_of_real_reports_are_all_right()
    {
        var pages = new[] { "pingtan-2019-html.html", "pingtan-2021-html.html" }.Select(RealPages.Find).OfType<string>().ToArray();
        Assert.Equal(ExitCodes.Ok, Cli(["extract", .. pages, "--out", _out]));
        var names = pages.Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var truth = Path.Combine(_out, "truth-pages.csv");
        File.WriteAllLines(truth, File.ReadLines(Path.Combine(TestPaths.SharedReal, "truth.csv"))
            .Where((l, i) => i == 0 || names.Contains(l.Split(',')[0])));
        var report = Evaluator.Evaluate(_out, [truth]);
        Assert.Equal(pages.Length * 200, report.Overall.Total, tolerance: pages.Length * 5);
        Assert.True(report.Overall.Right == report.Overall.Total, Misses(report));
    }

    public void Dispose() => Directory.Delete(_out, true);
}
