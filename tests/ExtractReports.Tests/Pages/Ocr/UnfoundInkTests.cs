using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

/// <summary>
/// A cell whose text ink is empty is a sure blank only when the page as scanned is blank there too: a thin 0 that
/// binarisation lost (a WenQuanYi 0 at 200 dpi, a broken fax 0) must not come out as a sure blank.
/// </summary>
public class UnfoundInkTests
{
    private const int Dpi = 300, W = 400, H = 200;
    private static readonly Box CellBox = new(0, 0, W, H);

    /// <summary>Paper at <paramref name="paper"/> with noise of ±<paramref name="noise"/> levels (seeded), as a gray scan.</summary>
    private static GrayImage Paper(byte paper = 235, int noise = 0, int seed = 7)
    {
        var random = new Random(seed);
        var pixels = new byte[W * H];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = (byte)Math.Clamp(paper + (noise == 0 ? 0 : random.Next(-noise, noise + 1)), 0, 255);
        return new GrayImage(W, H, pixels, Dpi);
    }

    /// <summary>A thin 0 (an ellipse outline <paramref name="stroke"/> px wide, 30 px high) drawn at gray <paramref name="level"/>.</summary>
    private static GrayImage WithThinZero(GrayImage page, byte level, double stroke = 1.5)
    {
        var pixels = (byte[])page.Pixels.Clone();
        double cx = 200, cy = 100, rx = 9, ry = 15;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
            {
                double d = Math.Sqrt((x - cx) * (x - cx) / (rx * rx) + (y - cy) * (y - cy) / (ry * ry));
                if (Math.Abs(d - 1) * Math.Min(rx, ry) <= stroke / 2) pixels[y * W + x] = level;
            }
        return new GrayImage(W, H, pixels, Dpi);
    }

    private static BinaryImage NoTextInk() => new(W, H, new byte[W * H]);

    [Fact]
    public void A_thin_zero_the_threshold_lost_is_not_a_sure_blank()
    {
        var page = WithThinZero(Paper(noise: 6), level: 160);
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Block ? FakeOcrEngine.Words(("0", 0.96)) : OcrReading.Empty);
        var cell = new CellReader(new OcrOptions()).Read(engine, NoTextInk(), CellBox, Dpi, likelyNumber: true, page: page);

        // Read from the page as scanned, and no surer than the review threshold allows.
        Assert.Equal("0", cell.Text);
        Assert.True(cell.Confidence <= new OcrOptions().UnfoundInkConfidence);
        Assert.Equal([OcrMode.Block], engine.Calls.Select(c => c.Mode));
    }

    [Fact]
    public void Faint_ink_that_reads_as_nothing_is_a_doubtful_blank()
    {
        var page = WithThinZero(Paper(), level: 170);
        var engine = new FakeOcrEngine((_, _) => OcrReading.Empty);
        var cell = new CellReader(new OcrOptions()).Read(engine, NoTextInk(), CellBox, Dpi, page: page);
        Assert.True(cell.IsBlank);
        Assert.Equal(new OcrOptions().UnfoundInkConfidence, cell.Confidence, 3);
        Assert.False(cell.Glyphs!.SeenEmpty);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void A_white_cell_with_scanner_noise_stays_a_sure_blank(int noise)
    {
        var engine = new FakeOcrEngine((_, _) => throw new InvalidOperationException("a blank cell must not be read"));
        var cell = new CellReader(new OcrOptions()).Read(engine, NoTextInk(), CellBox, Dpi, page: Paper(noise: noise));
        Assert.True(cell.IsBlank);
        Assert.Equal(1.0, cell.Confidence, 3);
        Assert.Empty(engine.Calls);
        // Looked at on the page too: a blank the table reader may take as printed blank.
        Assert.True(cell.Glyphs!.SeenEmpty);
    }

    [Fact]
    public void A_speck_or_a_ruling_edge_is_no_faint_ink()
    {
        var pixels = Paper().Pixels;
        for (int y = 98; y < 102; y++) for (int x = 198; x < 202; x++) pixels[y * W + x] = 90; // a 4 px speck
        for (int y = 0; y < H; y++) for (int x = 0; x < 4; x++) pixels[y * W + x] = 60;      // the cell's left ruling, blurred in
        var page = new GrayImage(W, H, pixels, Dpi);
        Assert.Null(CellReader.FaintInk(page, 6, 6, W - 6, H - 6, Dpi, new OcrOptions()));
    }

    [Fact]
    public void Without_the_page_an_empty_cell_is_a_sure_blank_as_before_but_not_seen_empty()
    {
        var engine = new FakeOcrEngine((_, _) => throw new InvalidOperationException("a blank cell must not be read"));
        var cell = new CellReader(new OcrOptions()).Read(engine, NoTextInk(), CellBox, Dpi);
        Assert.True(cell.IsBlank);
        Assert.Equal(1.0, cell.Confidence, 3);
        // Text ink alone loses faint digits: the cell was not looked at on the page.
        Assert.False(cell.Glyphs!.SeenEmpty);
    }
}
