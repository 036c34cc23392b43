using ExtractReports.CorpusGen.Model;
using ExtractReports.CorpusGen.Text;
using static ExtractReports.Schema.ReportFormat;

namespace ExtractReports.CorpusGen.Html;

/// <summary>
/// Agency web pages: chrome around the article, Word-exported table soup, GBK and UTF-8, split and
/// nested tables, a div grid. html-02 and html-03 are the same report in GBK and UTF-8.
/// </summary>
public static class HtmlCorpus
{
    private static IEnumerable<(DocSpec Spec, HtmlStyle Style, string Ext, string What)> Docs()
    {
        yield return (new("html-01-2021-utf8", F2021, F2021, 201) { Scale = Scale.Medium }, new HtmlStyle(), "html", "Word soup, UTF-8");
        yield return (new("html-02-2022-gbk", F2021, F2021, 202) { Year = 2022 }, new HtmlStyle { Charset = "gbk-meta" }, "html", "GBK (meta charset), same report as html-03");
        yield return (new("html-03-2022-utf8-same-report", F2021, F2021, 202) { Year = 2022 }, new HtmlStyle(), "html", "UTF-8, same report as html-02");
        yield return (new("html-04-2019-gb2312", F2019, F2019, 204) { Scale = Scale.Medium }, new HtmlStyle { Charset = "gb2312-httpequiv" }, "htm", "GB2312 declared by http-equiv");
        yield return (new("html-05-2020-utf8", F2019, F2019, 205) { Year = 2020 }, new HtmlStyle { Soup = false }, "html", "plain markup, th headers");
        yield return (new("html-06-mixed-utf8", F2021, F2019, 206) { Scale = Scale.Medium }, new HtmlStyle(), "html", "mixed formats");
        yield return (new("html-07-mixed-gbk", F2021, F2019, 207), new HtmlStyle { Charset = "gbk-httpequiv", Soup = false }, "shtml", "mixed formats, GBK by http-equiv");
        yield return (new("html-08-2021-split-tables", F2021, F2021, 208) { Scale = Scale.Medium }, new HtmlStyle { SplitT3 = [4, 14] }, "html", "table 三 split into three table elements");
        yield return (new("html-09-2019-split-repeat", F2019, F2019, 209), new HtmlStyle { SplitT3 = [12], RepeatHeaderOnSplit = true }, "html", "table 三 split in two, header restated");
        yield return (new("html-10-2021-nested", F2021, F2021, 210) { Scale = Scale.Large }, new HtmlStyle { Nested = true }, "html", "article inside a layout table");
        yield return (new("html-11-2023-nbsp-blanks", F2021, F2021, 211) { Year = 2023, Blanks = Blanks.Empty }, new HtmlStyle(), "html", "zero cells left blank (&nbsp;)");
        yield return (new("html-12-2019-notes", F2019, F2019, 212) { Notes = true, Scale = Scale.Medium }, new HtmlStyle { Charset = "gbk-meta" }, "html", "notes in table 二 cells, GBK");
        yield return (new("html-13-2021-sentence", F2021, F2021, 213) { SentenceCell = true }, new HtmlStyle { T2OneTable = true }, "html", "a sentence in a numeric cell, table 二 as one table");
        yield return (new("html-14-2022-divgrid", F2021, F2021, 214) { Year = 2022, Scale = Scale.Medium }, new HtmlStyle { DivGrid = true }, "html", "tables as div grids");
        yield return (new("html-15-2021-t4-broken", F2021, F2021, 215) { Inconsistency = Inconsistency.T4Total }, new HtmlStyle(), "html", "table 四 total printed wrong in the source");
        yield return (new("html-16-2024-wrapped", F2021, F2021, 216) { Year = 2024, Scale = Scale.Medium }, new HtmlStyle { LabelWrap = 8, Charset = "gbk-meta" }, "html", "labels broken with <br> and <p>");
        yield return (new("html-17-mixed-nested-split", F2021, F2019, 217) { Scale = Scale.Large }, new HtmlStyle { Nested = true, SplitT3 = [10], T2OneTable = true }, "html", "mixed, nested, split");
    }

    public static void Write(string corpusRoot)
    {
        var writer = new CorpusWriter(Path.Combine(corpusRoot, "html"));
        foreach (var (spec, style, ext, what) in Docs())
        {
            var report = ReportGenerator.Generate(spec);
            var html = HtmlWriter.Page(report, style, new Random(spec.Seed * 31 + spec.Name.Length));
            writer.WriteFile($"{spec.Name}.{ext}", CorpusWriter.Encode(html, HtmlWriter.EncodingOf(style)));
            writer.AddTruth(spec.Name, report, new HashSet<string>(), $"{what}; {HtmlWriter.CharsetName(style)}", []);
        }
        writer.Finish("HTML corpus", "Agency web pages with site chrome and Word-exported tables (rowspan 22/20 on 三、本年度办理结果, "
            + "8/3/5/3 on the groups, colspans on labels and headers, <p>/<span>/<br> soup, &nbsp; blanks), UTF-8 and GBK/GB2312.");
    }
}
