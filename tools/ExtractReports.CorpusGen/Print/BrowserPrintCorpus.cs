using ExtractReports.CorpusGen.Html;
using ExtractReports.CorpusGen.Model;
using static ExtractReports.Schema.ReportFormat;

namespace ExtractReports.CorpusGen.Print;

/// <summary>
/// Agency web pages printed to PDF by a browser (issue class 8): the generator writes the pages,
/// site chrome and all, into the staging folder and their truth into corpus/print;
/// tools/make-corpus.sh prints them with headless Chromium (its date, title, address and page
/// stamps in the margins). Narrow tables make the browser wrap labels over two or three lines; a
/// long narrative pushes table 三 over a page break, without a repeated header.
/// The documents from seed 690 on are held out: their figure is reported, never tuned on.
/// </summary>
public static class BrowserPrintCorpus
{
    public static IEnumerable<(DocSpec Spec, HtmlStyle Style, string What)> Docs()
    {
        var page = new HtmlStyle();
        yield return (new("print-01-2021-chrome", F2021, F2021, 601) { Scale = Scale.Medium }, page, "site chrome above the title");
        yield return (new("print-02-2019-narrow", F2019, F2019, 602), page with { Narrow = true }, "narrow tables, labels wrapped by the browser");
        yield return (new("print-03-2021-split", F2021, F2021, 603) { Scale = Scale.Medium }, page with { Narrow = true, LongNarrative = true }, "narrow, table 三 split across pages without a repeated header");
        yield return (new("print-04-mixed-split", F2021, F2019, 604), page with { LongNarrative = true, Soup = false }, "mixed formats, split across pages");
        yield return (new("print-05-2023-blanks", F2021, F2021, 605) { Year = 2023, Blanks = Blanks.Empty }, page with { Narrow = true }, "blank zero cells, narrow");
        yield return (new("print-06-2022-sentence", F2021, F2021, 606) { Year = 2022, SentenceCell = true }, page with { Narrow = true, LongNarrative = true }, "a sentence in a number cell wrapped over lines");
        // Held out.
        yield return (new("print-07-2020-narrow-split", F2019, F2019, 690) { Year = 2020, Scale = Scale.Medium }, page with { Narrow = true, LongNarrative = true, Nested = true }, "held out: nested layout, narrow, split");
        yield return (new("print-08-2024-gbk-split", F2021, F2021, 691) { Year = 2024, Notes = true }, page with { Charset = "gbk-meta", LongNarrative = true, SplitT3 = [9] }, "held out: GBK page, notes, table 三 in two tables across a page");
    }

    public static void Write(string corpusRoot, string staging)
    {
        var dir = Path.Combine(staging, "print");
        Directory.CreateDirectory(dir);
        var writer = new CorpusWriter(Path.Combine(corpusRoot, "print"));
        foreach (var (spec, style, what) in Docs())
        {
            var report = ReportGenerator.Generate(spec);
            var html = HtmlWriter.Page(report, style, new Random(spec.Seed));
            File.WriteAllBytes(Path.Combine(dir, spec.Name + ".html"), CorpusWriter.Encode(html, HtmlWriter.EncodingOf(style)));
            writer.AddTruth(spec.Name, report, new HashSet<string>(), what, []);
        }
        writer.Finish("Browser-print corpus", "Agency web pages (site chrome, Word-exported tables) printed to PDF by headless Chromium "
            + "with its header and footer stamps (date, title, address, page n/N): narrow tables whose labels the browser wraps, "
            + "tables crossing pages without a repeated header. print-07 and print-08 are held out.");
    }
}
