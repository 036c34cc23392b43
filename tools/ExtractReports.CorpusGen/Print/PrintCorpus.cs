using ExtractReports.CorpusGen.Html;
using ExtractReports.CorpusGen.Model;
using static ExtractReports.Schema.ReportFormat;

namespace ExtractReports.CorpusGen.Print;

/// <summary>
/// Documents that LibreOffice prints: the generator writes their source HTML into the staging folder
/// (with a manifest) and their truth into the corpus; tools/make-corpus.sh converts them to PDF/DOCX
/// and degrades the scans. Truth never depends on the conversion: it is the report's values.
/// </summary>
public static class PrintCorpus
{
    private const string Serif = "Noto Serif CJK SC";
    private const string Sans = "Noto Sans CJK SC";
    private const string Wqy = "WenQuanYi Zen Hei";

    private static readonly HtmlStyle Print = new() { Chrome = false, Font = Serif, FontSizePt = 11 };

    public static IEnumerable<(DocSpec Spec, HtmlStyle Style, string What)> PdfDocs()
    {
        yield return (new("pdf-01-2021-serif", F2021, F2021, 301) { Scale = Scale.Medium }, Print, "Noto Serif, ruled, Word soup");
        yield return (new("pdf-02-2021-sans-borderless", F2021, F2021, 302), Print with { Font = Sans, Borders = false }, "Noto Sans, no ruling lines");
        yield return (new("pdf-03-2019-wqy", F2019, F2019, 303) { Scale = Scale.Medium }, Print with { Font = Wqy }, "WenQuanYi Zen Hei, 2019 format");
        yield return (new("pdf-04-mixed-serif", F2021, F2019, 304) { Scale = Scale.Medium }, Print, "mixed formats");
        yield return (new("pdf-05-2021-cross-page-repeat", F2021, F2021, 305) { Scale = Scale.Medium }, Print with { LongNarrative = true, THead = true }, "long narrative, table 三 crosses a page, header repeated");
        yield return (new("pdf-06-2022-cross-page", F2021, F2021, 306) { Year = 2022 }, Print with { LongNarrative = true, Font = Sans, PageNumbers = true }, "long narrative, table 三 crosses a page, no repeated header, page numbers");
        yield return (new("pdf-07-2019-page-break-split", F2019, F2019, 307), Print with { PageBreakBeforeT3Row = 12, RepeatHeaderOnSplit = true }, "table 三 broken over two pages inside （四）, header restated");
        yield return (new("pdf-08-2021-landscape", F2021, F2021, 308) { Scale = Scale.Large }, Print with { Landscape = true }, "landscape pages");
        yield return (new("pdf-09-2021-wrapped-labels", F2021, F2021, 309) { Scale = Scale.Medium }, Print with { LabelWrap = 6 }, "narrow label columns, labels wrapped over 2-3 lines");
        yield return (new("pdf-10-2019-wrapped-sans", F2019, F2019, 310), Print with { LabelWrap = 5, Font = Sans, PageNumbers = true }, "2019, wrapped labels, Noto Sans");
        yield return (new("pdf-11-2021-notes", F2021, F2021, 311) { Notes = true, Scale = Scale.Medium }, Print, "notes inside numeric cells");
        yield return (new("pdf-12-2020-notes-procurement", F2019, F2019, 312) { Notes = true, Year = 2020 }, Print with { Font = Wqy }, "2019 format, notes, 采购总金额 with unit");
        yield return (new("pdf-13-mixed-borderless-wqy", F2021, F2019, 313), Print with { Borders = false, Font = Wqy }, "mixed, no ruling lines");
        yield return (new("pdf-14-2022-large", F2021, F2021, 314) { Scale = Scale.Large, Year = 2022 }, Print, "large counts");
        yield return (new("pdf-15-2023-rowtotal-broken", F2021, F2021, 315) { Year = 2023, Scale = Scale.Medium, Inconsistency = Inconsistency.T3RowTotal }, Print, "source prints a wrong row total");
        yield return (new("pdf-16-2024-t4-broken", F2021, F2021, 316) { Year = 2024, Inconsistency = Inconsistency.T4Total }, Print with { Font = Sans }, "source prints a wrong table 四 total");
        yield return (new("pdf-17-2021-dash-blanks", F2021, F2021, 317) { Blanks = Blanks.Dash }, Print, "zero cells printed as —");
        yield return (new("pdf-18-2020-plain", F2019, F2019, 318) { Year = 2020, Scale = Scale.Medium }, Print with { Soup = false }, "plain HTML source");
        yield return (new("pdf-19-mixed-landscape-wrapped", F2021, F2019, 319) { Scale = Scale.Medium }, Print with { Landscape = true, LabelWrap = 7, Font = Sans, PageNumbers = true }, "mixed, landscape, wrapped labels");
        yield return (new("pdf-20-2021-sentence", F2021, F2021, 320) { SentenceCell = true }, Print with { Font = Wqy }, "a sentence in a numeric cell");
        yield return (new("pdf-21-2022-split-borderless", F2021, F2021, 321) { Year = 2022, Scale = Scale.Medium }, Print with { SplitT3 = [9], Borders = false }, "table 三 in two tables, no ruling lines");
        yield return (new("pdf-22-2019-small-font", F2019, F2019, 322) { Scale = Scale.Large }, Print with { FontSizePt = 9.5 }, "small font");
        yield return (new("pdf-23-2023-column-broken", F2021, F2021, 323) { Year = 2023, Inconsistency = Inconsistency.T3Column }, Print with { LongNarrative = true, THead = true, Font = Sans, PageNumbers = true }, "source breaks a column identity; crosses a page, page numbers");
    }

    public static IEnumerable<(DocSpec Spec, HtmlStyle Style, string What)> DocxDocs()
    {
        yield return (new("docx-01-2021", F2021, F2021, 401) { Scale = Scale.Medium }, Print, "2021 format");
        yield return (new("docx-02-2019", F2019, F2019, 402), Print with { Font = Sans }, "2019 format");
        yield return (new("docx-03-mixed", F2021, F2019, 403) { Scale = Scale.Medium }, Print, "mixed formats");
        yield return (new("docx-04-2022-wrapped", F2021, F2021, 404) { Year = 2022 }, Print with { LabelWrap = 6 }, "labels with line breaks");
        yield return (new("docx-05-2021-notes", F2021, F2021, 405) { Notes = true, Scale = Scale.Large }, Print with { Font = Wqy }, "notes in cells");
        yield return (new("docx-06-2023-blanks", F2021, F2021, 406) { Year = 2023, Blanks = Blanks.Empty }, Print with { SplitT3 = [11] }, "blank cells, table 三 split in two tables");
    }

    /// <summary>Scans of some PDFs (same report, another document name) and their degradation parameters.</summary>
    public static IEnumerable<(string Source, string Name, string Out, int Dpi, double Angle, int Quality, double Noise, double Blur)> Scans()
    {
        yield return ("pdf-01-2021-serif", "scan-01-2021-serif", "pdf", 200, 0.8, 75, 0.6, 0.5);
        yield return ("pdf-02-2021-sans-borderless", "scan-02-2021-sans-borderless", "pdf", 200, -1.1, 70, 0.5, 0.4);
        yield return ("pdf-03-2019-wqy", "scan-03-2019-wqy", "pdf", 150, 1.4, 60, 0.8, 0.6);
        yield return ("pdf-04-mixed-serif", "scan-04-mixed-serif", "pdf", 200, -0.5, 85, 0.4, 0.3);
        yield return ("pdf-05-2021-cross-page-repeat", "scan-05-2021-cross-page", "pdf", 150, 0.3, 65, 0.7, 0.5);
        yield return ("pdf-07-2019-page-break-split", "scan-07-2019-page-break", "pdf", 200, -1.5, 55, 0.9, 0.7);
        yield return ("pdf-09-2021-wrapped-labels", "scan-09-2021-wrapped", "pdf", 300, 1.0, 50, 0.6, 0.8);
        yield return ("pdf-11-2021-notes", "scan-11-2021-notes", "pdf", 200, 0.0, 80, 0.5, 0.4);
        yield return ("pdf-13-mixed-borderless-wqy", "scan-13-mixed-borderless", "pdf", 200, 0.6, 70, 0.6, 0.5);
        yield return ("pdf-14-2022-large", "scan-14-2022-large", "pdf", 150, -0.9, 60, 0.7, 0.6);
        yield return ("pdf-15-2023-rowtotal-broken", "scan-15-2023-rowtotal-broken", "pdf", 200, 1.2, 75, 0.5, 0.5);
        yield return ("pdf-18-2020-plain", "scan-18-2020-plain", "pdf", 200, -0.3, 65, 0.8, 0.4);
        yield return ("pdf-21-2022-split-borderless", "scan-21-2022-split", "pdf", 150, 0.4, 80, 0.4, 0.3);
    }

    /// <summary>Single-page images of a table page (title, table 三 and 四 on one page), and a multi-page TIFF.</summary>
    public static IEnumerable<(DocSpec Spec, string Out, int Dpi, double Angle, int Quality, double Noise, double Blur)> Images()
    {
        yield return (new("img-01-2021-table-page", F2021, F2021, 501) { Scale = Scale.Medium }, "png", 200, 0.7, 0, 0.5, 0.4);
        yield return (new("img-02-2019-table-page", F2019, F2019, 502) { Scale = Scale.Medium }, "jpg", 200, -1.2, 70, 0.6, 0.5);
        yield return (new("img-03-2022-table-photo", F2021, F2021, 503) { Year = 2022, Scale = Scale.Large }, "jpg", 200, 1.5, 55, 0.9, 0.7);
        yield return (new("img-04-2023-multipage", F2021, F2021, 504) { Year = 2023, Scale = Scale.Medium }, "tiff", 150, -0.6, 0, 0.5, 0.4);
    }

    /// <summary>The one-page layout of an image: title, table 三 and table 四 only, in a small font.</summary>
    private static readonly HtmlStyle TablePage = Print with { FontSizePt = 7.5, TablesOnly = true };

    public static void Write(string corpusRoot, string staging, string kind)
    {
        switch (kind)
        {
            case "pdf":
                WriteKind(corpusRoot, staging, "pdf", PdfDocs(), "PDF corpus",
                    "Reports printed by LibreOffice from HTML in several fonts (Noto Serif/Sans CJK SC, WenQuanYi Zen Hei), with and "
                    + "without ruling lines, merged cells, wrapped labels, tables crossing pages, landscape pages, notes in cells.");
                break;
            case "docx":
                WriteKind(corpusRoot, staging, "docx", DocxDocs(), "DOCX corpus",
                    "Word documents made by LibreOffice from HTML (docx-01..06) and written directly with OpenXml "
                    + "(docx-07..08): tables with gridSpan and vMerge, header rows marked, runs split inside cells, w:br in labels.",
                    writer =>
                    {
                        foreach (var spec in OpenXmlDocs())
                        {
                            var report = ReportGenerator.Generate(spec);
                            DocxWriter.Write(Path.Combine(corpusRoot, "docx", spec.Name + ".docx"), report, new Random(spec.Seed), splitRuns: true);
                            writer.AddTruth(spec.Name, report, new HashSet<string>(), "written with OpenXml (gridSpan, vMerge, split runs)", []);
                        }
                    });
                break;
            case "scan":
                WriteScans(corpusRoot, staging);
                break;
        }
    }

    /// <summary>DOCX files the generator writes itself with OpenXml (no LibreOffice).</summary>
    public static IEnumerable<DocSpec> OpenXmlDocs()
    {
        yield return new("docx-07-2021-openxml", F2021, F2021, 407) { Scale = Scale.Medium, Notes = true };
        yield return new("docx-08-mixed-openxml", F2021, F2019, 408) { Year = 2022 };
    }

    private static void WriteKind(string corpusRoot, string staging, string kind,
        IEnumerable<(DocSpec Spec, HtmlStyle Style, string What)> docs, string title, string intro, Action<CorpusWriter>? more = null)
    {
        var dir = Path.Combine(staging, kind);
        Directory.CreateDirectory(dir);
        var writer = new CorpusWriter(Path.Combine(corpusRoot, kind));
        foreach (var (spec, style, what) in docs)
        {
            var report = ReportGenerator.Generate(spec);
            File.WriteAllText(Path.Combine(dir, spec.Name + ".html"), HtmlWriter.Page(report, style, new Random(spec.Seed)));
            writer.AddTruth(spec.Name, report, new HashSet<string>(), $"{what}; {style.Font}", []);
        }
        more?.Invoke(writer);
        writer.Finish(title, intro);
    }

    private static void WriteScans(string corpusRoot, string staging)
    {
        var dir = Path.Combine(staging, "scan");
        Directory.CreateDirectory(dir);
        var writer = new CorpusWriter(Path.Combine(corpusRoot, "scan"));
        var pdfs = PdfDocs().ToDictionary(d => d.Spec.Name);
        var manifest = new List<string>();
        foreach (var s in Scans())
        {
            var report = ReportGenerator.Generate(pdfs[s.Source].Spec);
            writer.AddTruth(s.Name, report, new HashSet<string>(), $"scan of {s.Source}: {s.Dpi} dpi, {s.Angle}°, JPEG q{s.Quality}", []);
            manifest.Add($"{s.Name}\tpdf/{s.Source}.pdf\t{s.Out}\t{s.Dpi}\t{s.Angle}\t{s.Quality}\t{s.Noise}\t{s.Blur}\t0");
        }
        foreach (var img in Images())
        {
            var report = ReportGenerator.Generate(img.Spec);
            var full = img.Out == "tiff";
            var style = full ? Print with { FontSizePt = 10.5 } : TablePage;
            File.WriteAllText(Path.Combine(dir, img.Spec.Name + ".html"), HtmlWriter.Page(report, style, new Random(img.Spec.Seed)));
            // A table page carries no table 二: its fields get no truth.
            var absent = full ? new HashSet<string>() : report.FieldsOf("t2").Select(f => f.Id).ToHashSet();
            writer.AddTruth(img.Spec.Name, report, absent, full ? $"multi-page TIFF, {img.Dpi} dpi" : $"one {img.Out} image of the table page, {img.Dpi} dpi", []);
            manifest.Add($"{img.Spec.Name}\tstaging\t{img.Out}\t{img.Dpi}\t{img.Angle}\t{img.Quality}\t{img.Noise}\t{img.Blur}\t{(full ? 0 : 1)}");
        }
        File.WriteAllLines(Path.Combine(dir, "manifest.tsv"), manifest);
        writer.Finish("Scanned corpus", "Scans made from the PDF corpus (different document names, same truth) and page images: rasterized at "
            + "150-300 dpi, rotated within ±1.5°, noise, slight blur, grayscale, JPEG quality 50-85, wrapped with img2pdf (tools/degrade-scan.sh).");
    }
}
