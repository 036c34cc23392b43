using System.IO.Compression;
using System.Text;
using ExtractReports.CorpusGen.Html;
using ExtractReports.CorpusGen.Model;
using ExtractReports.CorpusGen.Print;
using ExtractReports.Lines.Script;
using ExtractReports.Schema;
using static ExtractReports.Schema.ReportFormat;

namespace ExtractReports.CorpusGen.Classes;

/// <summary>
/// Tables as agencies really print them (issue #10's classes), each class in each input kind the
/// generator makes without LibreOffice: a text dump of the page, the agency's HTML page, a DOCX
/// written with OpenXml, and a PDF printed by a browser (tools/make-corpus.sh prints the staged
/// HTML with Chromium) and a scan of that print. Every class and kind has a tuned document and a held-out one from another
/// seed (`-heldout`), whose figure is reported and never tuned on. Truth follows what is printed:
/// blank cells are empty values, rows the source leaves out and tables after a cut have none.
/// </summary>
public static class ClassCorpus
{
    public enum Kind { Text, Html, Docx, Pdf, Scan }

    /// <summary>
    /// Seed offset of the held-out twins. 7: the first held-out set (offset 5) showed a defect the
    /// reader was then fixed for (blank rows one cell per line), so it was replaced by a set drawn after
    /// the fixes and measured once.
    /// </summary>
    private const int HeldOutOffset = 7;

    /// <summary>One class of the issue: how its report is drawn and whether its page is in Traditional script or carries chrome.</summary>
    private sealed record Class(int Number, string Slug, Func<DocSpec, DocSpec> Shape, string What)
    {
        public bool Traditional { get; init; }
        public bool Chrome { get; init; }
        public bool Narrow { get; init; }
    }

    private static IEnumerable<Class> Classes()
    {
        yield return new(1, "blank-rows", s => s with { BlankRows = true }, "rows of zeros printed with their label and blank cells");
        yield return new(2, "absent-extra-rows", s => s with { T2 = F2019, T3 = F2019, OmitRows = 2, ExtraRow = true }, "two table 三 rows left out, a 其他主动公开文件 row in table 二");
        yield return new(3, "sentence-cell", s => s with { SentenceCell = true }, "a sentence in a number cell, wrapped over lines") { Narrow = true };
        yield return new(4, "traditional", s => s with { T2 = F2019, T3 = F2019, ChangeWords = true }, "the page in Traditional script") { Traditional = true };
        yield return new(5, "chrome-untitled", s => s with { Untitled = true }, "site chrome, no title: the opening sentence names the report") { Chrome = true };
        yield return new(6, "cut-after-t2", s => s with { CutAfterT2 = true }, "the page cut after table 二");
        yield return new(7, "empty-template", s => s with { T2 = F2019, T3 = F2019, EmptyTemplate = true }, "an empty 2019 template: every cell blank");
        yield return new(9, "change-words", s => s with { T2 = F2019, T3 = F2019, ChangeWords = true }, "本年增/减 cells as 增12, 减3, +2, -1");
    }

    public static void Write(string corpusRoot, string staging)
    {
        var stage = Path.Combine(staging, "classes");
        Directory.CreateDirectory(stage);
        var writer = new CorpusWriter(Path.Combine(corpusRoot, "classes"));
        foreach (var c in Classes())
            foreach (var kind in Enum.GetValues<Kind>())
                foreach (var heldOut in new[] { false, true })
                {
                    var seed = 7000 + 100 * c.Number + 10 * (int)kind + (heldOut ? HeldOutOffset : 0);
                    var name = $"c{c.Number}-{c.Slug}-{kind.ToString().ToLowerInvariant()}{(heldOut ? "-heldout" : "")}";
                    var spec = c.Shape(new DocSpec(name, F2021, F2021, seed) { Scale = heldOut ? Scale.Medium : Scale.Small });
                    var report = ReportGenerator.Generate(spec);
                    var rng = new Random(seed * 13);
                    string Script(string s) => c.Traditional ? TraditionalScript.ToTraditional(s) : s;
                    switch (kind)
                    {
                        case Kind.Text:
                            writer.WriteFile($"{name}.txt", CorpusWriter.Encode(Script(PageText.Of(report, c.Chrome, cellPerLine: heldOut ^ (c.Number % 2 == 0))), "utf8"));
                            break;
                        case Kind.Html:
                            writer.WriteFile($"{name}.html", CorpusWriter.Encode(Script(HtmlWriter.Page(report, new HtmlStyle { Narrow = c.Narrow }, rng)), "utf8"));
                            break;
                        case Kind.Docx:
                            var path = Path.Combine(writer.Dir, $"{name}.docx");
                            DocxWriter.Write(path, report, rng, splitRuns: heldOut);
                            if (c.Traditional) ConvertDocx(path, Script);
                            break;
                        case Kind.Pdf or Kind.Scan:
                            // A scan is made from the browser's print of the page (tools/scan-pdf.sh: 200 dpi grey JPEG pages).
                            var style = new HtmlStyle { Chrome = c.Chrome, Narrow = c.Narrow, Soup = false, Font = "WenQuanYi Zen Hei", FontSizePt = 11 };
                            File.WriteAllText(Path.Combine(stage, $"{name}.html"), Script(HtmlWriter.Page(report, style, rng)), new UTF8Encoding(false));
                            break;
                    }
                    writer.AddTruth(name, report, report.Unprinted, $"class {c.Number}: {c.What}; {kind}{(heldOut ? ", held out" : "")}", []);
                }
        writer.Finish("Issue-class corpus", "Tables as agencies print them, one document per class of issue #10 and input kind "
            + "(text dump, HTML page, DOCX, browser-printed PDF and a 200 dpi scan of that print), each with a held-out twin from another seed (`-heldout`). "
            + "Figures per class and kind, and every field still read wrong with its cause: `docs/corpus-classes-figures.md`.");
    }

    /// <summary>A DOCX's text in Traditional script (the XML markup is ASCII, so only its text changes).</summary>
    private static void ConvertDocx(string path, Func<string, string> script)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry("word/document.xml")!;
        string xml;
        using (var r = new StreamReader(entry.Open())) xml = r.ReadToEnd();
        entry.Delete();
        using var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open(), new UTF8Encoding(false));
        w.Write(script(xml));
    }
}

/// <summary>
/// A web page's text as an archive stores it: chrome lines, the title, the narrative, and each table
/// row as its cells (a rowspan's continuation cells absent, as in the page's own text), either
/// `a | b | c` per row or one cell per line with blank cells as empty lines.
/// </summary>
internal static class PageText
{
    public static string Of(Report r, bool chrome, bool cellPerLine)
    {
        var sb = new StringBuilder();
        if (chrome)
        {
            sb.AppendLine("首页 > 政务公开 > 政府信息公开 > 政府信息公开年报");
            sb.AppendLine("打印 | 关怀版 | 无障碍 | 【字体：大 中 小】");
        }
        if (r.Title != "") sb.AppendLine(r.Title);
        foreach (var p in r.Narrative) sb.AppendLine(p);
        sb.AppendLine("二、主动公开政府信息情况");
        foreach (var g in TableGrid.T2(r, oneTable: false)) Table(sb, g, cellPerLine);
        if (!r.CutAfterT2)
        {
            sb.AppendLine("三、收到和处理政府信息公开申请情况");
            foreach (var g in TableGrid.T3(r)) Table(sb, g, cellPerLine);
            sb.AppendLine("四、政府信息公开行政复议、行政诉讼情况");
            Table(sb, TableGrid.T4(r, wrapHeaders: false), cellPerLine);
            foreach (var p in r.Closing) sb.AppendLine(p);
        }
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, Grid g, bool cellPerLine)
    {
        foreach (var row in g.Rows)
        {
            if (cellPerLine)
                foreach (var c in row) sb.AppendLine(c.Text);
            else sb.AppendLine(string.Join(" | ", row.Select(c => c.Text)) + " |");
        }
    }
}
