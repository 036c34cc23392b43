using ExtractReports.Documents;
using ExtractReports.Native;
using ExtractReports.Native.Leptonica;
using ExtractReports.Native.Tesseract;
using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

/// <summary>The leptonica and Tesseract bindings and the scan reader on pages drawn in the test.</summary>
public class NativeOcrTests
{
    private static readonly string[][] Rows =
    [
        ["信息内容", "本年新收", "总计"],
        ["行政许可", "195", "4119"],
        ["行政处罚", "7730", "0"],
        ["行政强制", "", "38"],
    ];

    [RenderedOcrTheory]
    [InlineData(2.0)]
    [InlineData(-1.3)]
    public void Deskew_turns_a_rotated_page_upright(double degrees)
    {
        var imaging = new LeptonicaImaging();
        var options = new OcrOptions();
        var page = imaging.Decode(TestPages.Table("二、主动公开政府信息情况", Rows, rotateDegrees: degrees))[0];

        var deskewed = imaging.Deskew(page, 5, options.MinSkewConfidence);

        Assert.InRange(Math.Abs(deskewed.AngleDegrees), Math.Abs(degrees) - 0.2, Math.Abs(degrees) + 0.2);
        // Upright again: every ruling is straight, so the grid has its 5 row lines and 4 column lines.
        var ink = imaging.Binarize(deskewed.Image);
        var h = imaging.Open(ink, options.Px(options.MinHorizontalRulingInches, 300), 1);
        var v = imaging.Open(ink, 1, options.Px(options.MinVerticalRulingInches, 300));
        var grid = Assert.Single(new RulingGridFinder(options).Find(h, v, 300));
        Assert.Equal(5, grid.RowLines.Count);
        Assert.Equal(4, grid.ColumnLines.Count);
        Assert.Equal(12, grid.Cells.Count);
    }

    /// <summary>The ruling search of a gray page reads the page turned by area mapping and the text is read from the page
    /// turned by shears: both must put each ruling in the same place.</summary>
    [RenderedOcrTheory]
    [InlineData(2.0)]
    [InlineData(-1.3)]
    public void Turning_by_area_mapping_puts_the_rulings_where_the_deskewed_page_has_them(double degrees)
    {
        var imaging = new LeptonicaImaging();
        var options = new OcrOptions();
        var page = imaging.Decode(TestPages.Table("二、主动公开政府信息情况", Rows, rotateDegrees: degrees))[0];
        var deskewed = imaging.Deskew(page, 5, options.MinSkewConfidence);

        var areaMapped = imaging.Rotate(page, deskewed.AngleDegrees);

        TableGrid GridOf(GrayImage image)
        {
            var ink = imaging.Binarize(image);
            var h = imaging.Open(ink, options.Px(options.MinHorizontalRulingInches, 300), 1);
            var v = imaging.Open(ink, 1, options.Px(options.MinVerticalRulingInches, 300));
            return Assert.Single(new RulingGridFinder(options).Find(h, v, 300));
        }
        var (sheared, mapped) = (GridOf(deskewed.Image), GridOf(areaMapped));
        Assert.Equal((deskewed.Image.Width, deskewed.Image.Height), (areaMapped.Width, areaMapped.Height));
        Assert.Equal(sheared.RowLines.Count, mapped.RowLines.Count);
        Assert.Equal(sheared.ColumnLines.Count, mapped.ColumnLines.Count);
        Assert.All(sheared.RowLines.Zip(mapped.RowLines), p => Assert.InRange(p.Second, p.First - 2, p.First + 2));
        Assert.All(sheared.ColumnLines.Zip(mapped.ColumnLines), p => Assert.InRange(p.Second, p.First - 2, p.First + 2));
    }

    [RenderedOcrFact]
    public void Grid_of_a_drawn_table_is_found_after_binarizing_and_opening()
    {
        var imaging = new LeptonicaImaging();
        var options = new OcrOptions();
        var page = imaging.Decode(TestPages.Table("表", Rows))[0];
        var ink = imaging.Binarize(page);
        var h = imaging.Open(ink, options.Px(options.MinHorizontalRulingInches, 300), 1);
        var v = imaging.Open(ink, 1, options.Px(options.MinVerticalRulingInches, 300));

        var grid = Assert.Single(new RulingGridFinder(options).Find(h, v, 300));

        Assert.Equal(12, grid.Cells.Count);
        Assert.Equal(5, grid.RowLines.Count);
        Assert.InRange(grid.RowLines[0], 198, 203);
        Assert.InRange(grid.ColumnLines[1], 618, 623);
    }

    [RenderedOcrFact]
    public void Multi_page_tiff_gives_every_page()
    {
        var png = TestPages.Table("表", Rows);
        var dir = Directory.CreateTempSubdirectory("ocr-test-");
        try
        {
            var a = Path.Combine(dir.FullName, "a.png");
            File.WriteAllBytes(a, png);
            var tiff = TestPages.Convert([a, a, "-compress", "lzw"], "tif");
            var pages = new LeptonicaImaging().Decode(tiff);
            Assert.Equal(2, pages.Count);
            Assert.All(pages, p => Assert.Equal(300, p.Dpi));
        }
        finally { dir.Delete(true); }
    }

    [NativeOcrFact]
    public void Gray_and_binary_images_survive_the_trip_through_leptonica()
    {
        var imaging = new LeptonicaImaging();
        var gray = GrayImage.White(37, 11, 300);
        gray.Pixels[5 * 37 + 33] = 0;
        var scaled = imaging.Scale(gray, 1.0);
        Assert.Equal(0, scaled[33, 5]);
        Assert.Equal(255, scaled[32, 5]);
        var ink = new byte[37 * 11];
        for (int x = 0; x < 37; x++) ink[3 * 37 + x] = 1; // one long row of ink
        ink[8 * 37 + 2] = 1; // a speck
        var opened = imaging.Open(new BinaryImage(37, 11, ink), 20, 1);
        Assert.True(opened[36, 3]);
        Assert.False(opened[2, 8]);
    }

    [RenderedOcrFact]
    public void Engine_reads_a_number_and_gives_boxes_in_page_pixels()
    {
        using var engine = TesseractOcrEngine.Create(new OcrOptions());
        var page = new LeptonicaImaging().Decode(TestPages.Table("表", Rows))[0];
        engine.SetImage(page);
        // The cell of 4119: third column (x 800..980), second row (y 290..380).
        var reading = engine.Read(new Box(805, 295, 975, 375), OcrMode.Number);
        var word = Assert.Single(reading.Words);
        Assert.Equal("4119", word.Text);
        Assert.True(word.Confidence > 0.5);
        Assert.InRange(word.Box.X0, 805, 900);
        Assert.InRange(word.Box.Y0, 295, 360);
        Assert.StartsWith("5.", TesseractOcrEngine.Version());
    }

    [RenderedOcrFact]
    public void Scan_reader_gives_table_rows_of_cells_with_exact_numbers()
    {
        var png = TestPages.Table("二、主动公开政府信息情况", Rows, rotateDegrees: 1.2, extraArgs: "-blur 0x0.7 -quality 70");
        var document = SourceDocument.FromBytes("scan.png", png);
        Assert.Equal(DocumentKind.Image, document.Kind);
        using var reader = NativeOcr.CreateScanReader(new OcrOptions { MaxEngines = 1 });

        var result = reader.Read(document, CancellationToken.None);

        Assert.Equal("ocr-grid", result.Method);
        var rows = result.Lines.Where(l => l.Cells.Count == 3).Select(l => l.Cells.Select(c => c.Text).ToArray()).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["195", "4119"], rows[1][1..]);
        Assert.Equal(["7730", "0"], rows[2][1..]);
        Assert.Equal(["", "38"], rows[3][1..]);
        Assert.Contains("许可", rows[1][0]);
                // The title sits above the table.
        int title = result.Lines.ToList().FindIndex(l => l.Text.Replace(" ", "").Contains("主动公开"));
        Assert.InRange(title, 0, result.Lines.ToList().FindIndex(l => l.Text.Contains("许可")));
        Assert.All(result.Lines.Where(l => l.Cells.Count == 3).SelectMany(l => l.Cells), c => Assert.NotNull(c.Box));
    }

    [RenderedOcrFact]
    public void Scan_reader_reads_a_borderless_table_cell_by_cell_with_its_blank_cell_in_place()
    {
        var png = TestPages.Table("二、主动公开政府信息情况", Rows, rotateDegrees: 0.8, extraArgs: "-blur 0x0.7 -quality 70", ruled: false);
        using var reader = NativeOcr.CreateScanReader(new OcrOptions { MaxEngines = 1 });

        var result = reader.Read(SourceDocument.FromBytes("borderless.png", png), CancellationToken.None);

        Assert.Equal("ocr-whitespace-grid", result.Method);
        var rows = result.Lines.Where(l => l.Cells.Any(c => c.Text.Any(char.IsAsciiDigit)))
            .Select(l => l.Cells.Select(c => c.Text).ToArray()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["195", "4119"], rows[0][^2..]);
        Assert.Equal(["7730", "0"], rows[1][^2..]);
        Assert.Equal(["", "38"], rows[2][^2..]); // the blank cell keeps its column
        Assert.Contains("许可", rows[0][0]);
        Assert.Contains("强制", rows[2][0]);
    }

    [NativeOcrFact]
    public void Undecodable_image_is_a_document_error()
    {
        using var reader = NativeOcr.CreateScanReader(new OcrOptions { MaxEngines = 1 });
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4, 5 };
        var document = SourceDocument.FromBytes("broken.png", bytes);
        Assert.Throws<ExtractReports.Lines.DocumentReadException>(() => reader.Read(document, CancellationToken.None));
    }
}
