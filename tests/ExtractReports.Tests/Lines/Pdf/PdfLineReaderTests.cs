using ExtractReports.Documents;
using ExtractReports.Lines;
using ExtractReports.Lines.Pdf;
using ExtractReports.Pages.Pdf;
using ExtractReports.Tests.Pages.Pdf;

namespace ExtractReports.Tests.Lines.Pdf;

/// <summary>
/// Small PDFs made for these tests (Fixtures/make-fixtures.sh): a LibreOffice table, the same
/// encrypted two ways, a scan of it, and two text layers without a usable Unicode map.
/// </summary>
public sealed class PdfLineReaderTests
{
    private static SourceDocument Fixture(string name) =>
        SourceDocument.FromFile(Path.Combine(TestPaths.Root, "tests", "ExtractReports.Tests", "Lines", "Pdf", "Fixtures", name));

    private static LineDocument Read(string name, PdfRulings rulings = PdfRulings.WhenInDoubt) =>
        new PdfLineReader(new PdfLineReaderOptions { Rulings = rulings }).Read(Fixture(name), CancellationToken.None);

    private static List<string> Rows(LineDocument d) => d.Lines.Select(l => string.Join(" | ", l.Cells.Select(c => c.Text))).ToList();

    [Fact]
    public void Claims_text_pdfs_only()
    {
        var reader = new PdfLineReader();
        Assert.True(reader.CanRead(SourceDocument.FromBytes("a.pdf", "%PDF-1.4\n"u8.ToArray())));
        Assert.False(reader.CanRead(SourceDocument.FromBytes("a.txt", "本年新收 1 2"u8.ToArray())));
    }

    private const string Header = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计";
    private const string Values = "3 | 1 | 0 | 2 | 6 | 4 | 0 | 1 | 0 | 5";

    [PopplerFact]
    public void Reads_a_borderless_table_row_by_row_with_header_words_over_their_columns()
    {
        var doc = Read("table4.pdf");
        var rows = Rows(doc);
        Assert.Contains("行政复议 | 未经复议直接起诉", rows);
        Assert.Contains(Header, rows);
        Assert.Contains(Values, rows);
        Assert.Equal("pdf-text (PdfPig words)", doc.Method);
    }

    [PopplerFact]
    public void Reads_a_ruled_table_by_its_rulings()
    {
        var doc = Read("table4-ruled.pdf", PdfRulings.Always);
        Assert.Equal("pdf-text (PdfPig words, rulings)", doc.Method);
        var rows = Rows(doc);
        Assert.Contains(Header, rows);
        Assert.Contains(Values, rows);
        Assert.Contains("测试机关（有框线）2023年政府信息公开工作年度报告", rows);
        Assert.Null(doc.CloserReading);
    }

    [PopplerFact]
    public void Reads_from_gaps_first_and_offers_the_rulings_as_a_closer_reading()
    {
        var quick = Read("table4-ruled.pdf");
        Assert.Equal("pdf-text (PdfPig words)", quick.Method);
        Assert.Contains(Values, Rows(quick));
        Assert.NotNull(quick.CloserReading);
        var closer = quick.CloserReading(null, CancellationToken.None);
        Assert.Equal("pdf-text (PdfPig words, rulings)", closer.Method);
        Assert.Equal(Rows(Read("table4-ruled.pdf", PdfRulings.Always)), Rows(closer));
        Assert.Null(Read("table4-ruled.pdf", PdfRulings.Never).CloserReading);
        // Asked for other pages only, it renders nothing.
        Assert.Equal("pdf-text (PdfPig words)", quick.CloserReading(new HashSet<int> { 2 }, CancellationToken.None).Method);
    }

    [PopplerFact]
    public void A_page_turned_sideways_is_read_upright()
    {
        var doc = Read("table4-turned.pdf");
        Assert.Contains(Values, Rows(doc));
        Assert.Contains(Header, Rows(doc));
        Assert.Contains(doc.Notes, n => n.Contains("turned upright"));
    }

    [PopplerFact]
    public void An_encrypted_pdf_that_opens_without_a_password_reads_normally()
    {
        var doc = Read("encrypted-owner-password.pdf");
        Assert.Contains(Values, Rows(doc));
        Assert.Contains(doc.Notes, n => n.Contains("encrypted"));
    }

    [PopplerFact]
    public void A_pdf_needing_a_password_is_a_clear_error()
    {
        var e = Assert.Throws<DocumentReadException>(() => Read("encrypted-user-password.pdf"));
        Assert.IsNotType<NeedsOcrException>(e);
        Assert.Contains("password", e.Message);
    }

    [PopplerFact]
    public void A_scan_without_text_goes_to_ocr()
    {
        var e = Assert.Throws<NeedsOcrException>(() => Read("scanned.pdf"));
        Assert.Contains("no text layer", e.Message);
    }

    [PopplerFact]
    public void Text_without_a_unicode_map_goes_to_ocr()
    {
        // PdfPig ignores a ToUnicode map on an unembedded standard font and reads the glyphs' Latin
        // names, which are not Chinese either; poppler follows the map to private-use code points.
        Assert.Contains("not Chinese", Assert.Throws<NeedsOcrException>(() => Read("garbled-private-use.pdf")).Message);
        Assert.Contains("not Chinese", Assert.Throws<NeedsOcrException>(() => Read("garbled-latin.pdf")).Message);
        var poppler = new PdfLineReader(new PdfLineReaderOptions { Library = PdfLibrary.Poppler });
        Assert.Contains("Unicode map", Assert.Throws<NeedsOcrException>(() => poppler.Read(Fixture("garbled-private-use.pdf"), CancellationToken.None)).Message);
    }

    [PopplerFact]
    public void A_damaged_pdf_is_a_clear_error_not_a_crash()
    {
        var bytes = File.ReadAllBytes(Fixture("table4.pdf").Path)[..600];
        var e = Assert.Throws<DocumentReadException>(() =>
            new PdfLineReader().Read(SourceDocument.FromBytes("cut.pdf", bytes), CancellationToken.None));
        Assert.Contains("PDF", e.Message);
    }

    [Fact]
    public void A_missing_poppler_is_a_clear_error()
    {
        var options = new PdfLineReaderOptions { Library = PdfLibrary.Poppler, Pdf = new() { ToolsFolder = "/nonexistent/poppler" } };
        var e = Assert.Throws<DocumentReadException>(() => new PdfLineReader(options).Read(Fixture("table4.pdf"), CancellationToken.None));
        Assert.Contains("pdftotext", e.Message);
    }

    [Fact]
    public void A_hanging_tool_costs_a_timeout_not_the_batch()
    {
        // A stand-in "pdftotext" that never finishes, as a PDF that hangs poppler would.
        if (OperatingSystem.IsWindows()) return;
        var folder = Directory.CreateTempSubdirectory("hang").FullName;
        var script = Path.Combine(folder, "pdftotext");
        File.WriteAllText(script, "#!/bin/sh\nsleep 30\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        var options = new PdfLineReaderOptions { Library = PdfLibrary.Poppler, Pdf = new() { ToolsFolder = folder, Timeout = TimeSpan.FromSeconds(1) } };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var e = Assert.Throws<DocumentReadException>(() => new PdfLineReader(options).Read(Fixture("table4.pdf"), CancellationToken.None));
        Assert.Contains("did not finish", e.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Directory.Delete(folder, true);
    }

    [Fact]
    public void A_crashing_tool_costs_one_error()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = Directory.CreateTempSubdirectory("crash").FullName;
        var script = Path.Combine(folder, "pdftotext");
        File.WriteAllText(script, "#!/bin/sh\nkill -SEGV $$\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        var options = new PdfLineReaderOptions { Library = PdfLibrary.Poppler, Pdf = new() { ToolsFolder = folder } };
        var e = Assert.Throws<DocumentReadException>(() => new PdfLineReader(options).Read(Fixture("table4.pdf"), CancellationToken.None));
        Assert.Contains("crashed", e.Message);
        Directory.Delete(folder, true);
    }
}

/// <summary>The second library reads what the first refuses; a password is no reason to try again.</summary>
public sealed class PdfLibraryFallbackTests
{
    private sealed class Refusing(PdfFailure failure) : ExtractReports.Pages.Pdf.IPdfPageReader
    {
        public int Calls;
        public string Library => "first";
        public ExtractReports.Pages.Pdf.PdfPages ReadWords(byte[] pdf, CancellationToken cancellation)
        {
            Calls++;
            throw new ExtractReports.Pages.Pdf.PdfReadException(failure, "first refused it");
        }
        public ExtractReports.Pages.Pdf.PdfPages AddRulings(byte[] pdf, ExtractReports.Pages.Pdf.PdfPages words, IReadOnlySet<int>? only, CancellationToken cancellation) => words;
    }

    private static SourceDocument Table4() =>
        SourceDocument.FromFile(Path.Combine(TestPaths.Root, "tests", "ExtractReports.Tests", "Lines", "Pdf", "Fixtures", "table4.pdf"));

    [PopplerFact]
    public void A_file_the_first_library_refuses_is_read_by_the_second_with_a_note()
    {
        var options = new PdfLineReaderOptions();
        var reader = new PdfLineReader(options, new Refusing(PdfFailure.Damaged), new ExtractReports.Pages.Pdf.PopplerPageReader(options.Pdf));
        var doc = reader.Read(Table4(), CancellationToken.None);
        Assert.StartsWith("pdf-text (poppler words", doc.Method);
        Assert.Contains(doc.Notes, n => n.Contains("first could not read this PDF") && n.Contains("read with poppler"));
        Assert.Contains(doc.Lines, l => l.Cells.Any(c => c.Text == "行政复议"));
    }

    [Fact]
    public void A_password_is_not_tried_again()
    {
        var second = new Refusing(PdfFailure.Damaged);
        var reader = new PdfLineReader(new PdfLineReaderOptions(), new Refusing(PdfFailure.PasswordRequired), second);
        var e = Assert.Throws<DocumentReadException>(() => reader.Read(Table4(), CancellationToken.None));
        Assert.Contains("first refused it", e.Message);
        Assert.Equal(0, second.Calls);
    }
}
