using ExtractReports.Pages;
using ExtractReports.Pages.Pdf;

namespace ExtractReports.Tests.Pages.Pdf;

/// <summary>PdfPig's words, rulings and page images, against what poppler gives on the same files.</summary>
public sealed class PdfPigPageReaderTests
{
    private static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(TestPaths.Root, "tests", "ExtractReports.Tests", "Lines", "Pdf", "Fixtures", name));

    private static readonly PdfPigPageReader Pig = new(new PdfOptions());

    private static string Rounded(Word w) => FormattableString.Invariant($"{w.Text}@{w.Box.X0:0.0},{w.Box.Y0:0.0},{w.Box.X1:0.0},{w.Box.Y1:0.0}");

    [PopplerFact]
    public void Words_and_boxes_are_poppler_s_upright_and_turned()
    {
        var poppler = new PopplerPageReader(new PdfOptions());
        foreach (var name in new[] { "table4.pdf", "table4-ruled.pdf", "table4-turned.pdf" })
        {
            var bytes = Fixture(name);
            var expected = poppler.ReadWords(bytes, CancellationToken.None);
            var got = Pig.ReadWords(bytes, CancellationToken.None);
            Assert.Equal(expected.Pages.Select(p => (Math.Round(p.Width, 2), Math.Round(p.Height, 2))), got.Pages.Select(p => (Math.Round(p.Width, 2), Math.Round(p.Height, 2))));
            Assert.Equal(expected.Pages[0].Words.Select(Rounded).Order(), got.Pages[0].Words.Select(Rounded).Order());
            Assert.Equal(expected.Diagnostics, got.Diagnostics); // the turned page is said to be turned
        }
    }

    [Fact]
    public void Rulings_come_from_stroked_paths_of_table_pages_only_when_asked()
    {
        var ruled = Pig.ReadWords(Fixture("table4-ruled.pdf"), CancellationToken.None);
        Assert.All(ruled.Pages, p => Assert.Empty(p.Rulings));
        var page = Pig.AddRulings([], ruled, null, CancellationToken.None).Pages[0];
        Assert.True(page.Rulings.Count(r => r.IsHorizontal) >= 4);
        Assert.True(page.Rulings.Count(r => !r.IsHorizontal) >= 10);
        Assert.Empty(Pig.AddRulings([], ruled, new HashSet<int> { 2 }, CancellationToken.None).Pages[0].Rulings);

        var borderless = Pig.ReadWords(Fixture("table4.pdf"), CancellationToken.None);
        Assert.Empty(Pig.AddRulings([], borderless, null, CancellationToken.None).Pages[0].Rulings);
    }

    [Fact]
    public void Font_programs_left_unparsed_change_no_word_box_or_ruling()
    {
        // Every text PDF we have: LibreOffice's Type1 subsets (skipped), WPS's composite fonts, Chromium's prints.
        var files = Directory.GetFiles(Path.Combine(TestPaths.Corpus, "pdf"), "*.pdf")
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.Corpus, "print"), "*.pdf"))
            .Concat(Directory.Exists(TestPaths.SharedReal) ? Directory.GetFiles(TestPaths.SharedReal, "*.pdf") : []).Order().ToList();
        var parsed = new PdfPigPageReader(new PdfOptions { SkipFontPrograms = false });
        static string All(PdfPages read) => string.Join("\n", read.Pages.Select((p, i) =>
            FormattableString.Invariant($"{p.Number} {p.Width} {p.Height}: ") + string.Join(" ", p.Words.Select(w => $"{w.Text}@{w.Box}/{w.FontSize}")) +
            " | " + string.Join(" ", read.PathRulings[i].Select(r => r.Box.ToString())))) + string.Join(";", read.Diagnostics);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(All(parsed.ReadWords(bytes, CancellationToken.None)) == All(Pig.ReadWords(bytes, CancellationToken.None)), file);
        }

        var skipped = new UnparsedFontPrograms();
        using (var document = UglyToad.PdfPig.PdfDocument.Open(File.ReadAllBytes(files.First(f => f.Contains("pdf-01")))))
            skipped.LookUp(document);
        Assert.True(skipped.Count > 0); // LibreOffice's Type1 subsets, each with a ToUnicode map
    }

    [Fact]
    public void A_password_and_a_damaged_file_are_told_apart()
    {
        var locked = Assert.Throws<PdfReadException>(() => Pig.ReadWords(Fixture("encrypted-user-password.pdf"), CancellationToken.None));
        Assert.Equal(PdfFailure.PasswordRequired, locked.Failure);
        var cut = Assert.Throws<PdfReadException>(() => Pig.ReadWords(Fixture("table4.pdf")[..600], CancellationToken.None));
        Assert.Equal(PdfFailure.Damaged, cut.Failure);
        Assert.Contains("PdfPig", cut.Message);
        Assert.True(Pig.ReadWords(Fixture("encrypted-owner-password.pdf"), CancellationToken.None).Encrypted);
    }

    [Fact]
    public void A_scan_s_jpeg_is_handed_out_as_stored_and_a_flate_image_as_png()
    {
        var scan = Path.Combine(TestPaths.Corpus, "scan", "scan-01-2021-serif.pdf");
        using (var stored = PdfPageImages.Open(File.ReadAllBytes(scan)))
        {
            Assert.NotNull(stored);
            Assert.Equal(4, stored.Count);
            var (jpeg, dpi) = stored.Page(0);
            Assert.Equal(new byte[] { 0xFF, 0xD8 }, jpeg[..2]);
            Assert.Equal(200, dpi);
        }
        using (var flate = PdfPageImages.Open(Fixture("scanned.pdf")))
        {
            Assert.NotNull(flate);
            Assert.Equal("PNG"u8.ToArray(), flate.Page(0).Encoded[1..4]);
        }
        Assert.Null(PdfPageImages.Open(Fixture("table4.pdf"))); // text, no page image: poppler renders it if OCR is asked for
    }
}
