using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

public class CellReaderTests
{
    private const int Dpi = 300;
    // The ink drawn here is 50-60 px high; the reread tests read it at the page's scale (no digit-height scaling).
    private readonly CellReader _reader = new(new OcrOptions { DigitHeightTolerance = 10 });

    private static BinaryImage InkAt(int width, int height, Box box)
    {
        var ink = new byte[width * height];
        for (int y = (int)box.Y0; y < box.Y1; y++) for (int x = (int)box.X0; x < box.X1; x++) ink[y * width + x] = 1;
        return new BinaryImage(width, height, ink);
    }

    [Fact]
    public void Blank_cell_is_not_read()
    {
        var engine = new FakeOcrEngine((_, _) => throw new InvalidOperationException("a blank cell must not be read"));
        var cell = _reader.Read(engine, new BinaryImage(400, 200, new byte[400 * 200]), new Box(0, 0, 400, 200), Dpi);
        Assert.True(cell.IsBlank);
        Assert.Empty(engine.Calls);
    }

    [Fact]
    public void Numeric_cell_is_read_again_with_the_digit_reader()
    {
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number
            ? FakeOcrEngine.Words(("195", 0.91))
            : FakeOcrEngine.Words(("193", 0.40)));
        var cell = _reader.Read(engine, InkAt(400, 200, new Box(150, 70, 250, 120)), new Box(0, 0, 400, 200), Dpi);

        Assert.Equal("195", cell.Text);
        Assert.Equal(0.91, cell.Confidence, 3);
        Assert.Equal([OcrMode.Block, OcrMode.Number], engine.Calls.Select(c => c.Mode));
        // The crop is tightened to the ink with a margin, inside the cell.
        var region = engine.Calls[0].Region!.Value;
        Assert.InRange(region.X0, 130, 150);
        Assert.InRange(region.X1, 250, 270);
    }

    [Fact]
    public void Label_cell_keeps_its_chinese_text()
    {
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number
            ? throw new InvalidOperationException("a sure label must not be read as a number")
            : new OcrReading([[new OcrWord("（一）", default, 0.9, 0.9), new OcrWord("予以", default, 0.95, 0.9)], [new OcrWord("公开", default, 0.97, 0.9)]], 0.94));
        var cell = _reader.Read(engine, InkAt(400, 200, new Box(20, 20, 380, 180)), new Box(0, 0, 400, 200), Dpi);
        Assert.Equal("（一）予以公开", cell.Text);
        Assert.Equal(0.9, cell.Confidence, 3);
    }

    [Fact]
    public void Doubtful_short_text_gives_way_to_a_surer_number()
    {
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number
            ? FakeOcrEngine.Words(("21", 0.85))
            : FakeOcrEngine.Words(("2则", 0.10)));
        var cell = _reader.Read(engine, InkAt(400, 200, new Box(150, 70, 250, 120)), new Box(0, 0, 400, 200), Dpi);
        Assert.Equal("21", cell.Text);
    }

    [Fact]
    public void In_a_numeric_column_sure_digits_skip_the_text_read()
    {
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number
            ? FakeOcrEngine.Words(("38", 0.95))
            : throw new InvalidOperationException("sure digits need no text read"));
        var cell = _reader.Read(engine, InkAt(400, 200, new Box(150, 70, 250, 120)), new Box(0, 0, 400, 200), Dpi, likelyNumber: true);
        Assert.Equal("38", cell.Text);
        Assert.Equal([OcrMode.Number], engine.Calls.Select(c => c.Mode));
    }

    [Fact]
    public void In_a_numeric_column_a_placeholder_still_reads_as_text()
    {
        // "无" forced through the digit whitelist comes out as an unsure digit; the text read wins.
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number
            ? FakeOcrEngine.Words(("7", 0.30))
            : FakeOcrEngine.Words(("无", 0.93)));
        var cell = _reader.Read(engine, InkAt(400, 200, new Box(150, 70, 250, 120)), new Box(0, 0, 400, 200), Dpi, likelyNumber: true);
        Assert.Equal("无", cell.Text);
        // The unsure digit is read again enlarged (it agrees with itself), then the text read wins.
        Assert.Equal([OcrMode.Number, OcrMode.Number, OcrMode.Block], engine.Calls.Select(c => c.Mode));
        Assert.Equal([2.0], engine.Enlarged);
    }

    [Fact]
    public void A_stray_mark_becomes_the_digits_read_but_no_surer_than_the_mark()
    {
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number
            ? FakeOcrEngine.Words(("1", 0.6))
            : FakeOcrEngine.Words(("]", 0.79)));
        // The mark's ink is a 1's stem (8 px wide, 50 high) on a foot: its shape vouches for the 1 (a lone digit it did not
        // would be doubtful, see LoneDigitConfidenceTests).
        var ink = InkAt(400, 200, new Box(156, 70, 164, 120));
        for (int y = 116; y < 120; y++) for (int x = 150; x < 170; x++) ink.Ink[y * 400 + x] = 1;
        var cell = _reader.Read(engine, ink, new Box(0, 0, 400, 200), Dpi);
        Assert.Equal("1", cell.Text);
        Assert.Equal(0.6, cell.Confidence, 3);
    }

    [Fact]
    public void A_dash_placeholder_is_not_turned_into_a_number()
    {
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number
            ? FakeOcrEngine.Words(("1", 0.5))
            : FakeOcrEngine.Words(("—", 0.7)));
        var cell = _reader.Read(engine, InkAt(400, 200, new Box(150, 90, 250, 96)), new Box(0, 0, 400, 200), Dpi);
        Assert.Equal("—", cell.Text);
    }

    /// <summary>Ink blocks as tall as digits (60 px at 300 dpi), one per box's x range.</summary>
    private static BinaryImage Glyphs(params (int X0, int X1)[] columns)
    {
        var ink = new byte[400 * 200];
        foreach (var (x0, x1) in columns)
            for (int y = 70; y < 130; y++) for (int x = x0; x < x1; x++) ink[y * 400 + x] = 1;
        return new BinaryImage(400, 200, ink);
    }

    [Fact]
    public void A_digit_read_that_drops_a_glyph_is_read_again_enlarged()
    {
        // "14": Tesseract's digit reader drops the thin leading 1 and is sure of the 4; the ink has two glyphs.
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number ? FakeOcrEngine.Words(("4", 0.95)) : FakeOcrEngine.Words(("4", 0.6)))
        { EnlargedAnswer = _ => FakeOcrEngine.Words(("14", 0.93)) };
        var cell = _reader.Read(engine, Glyphs((150, 170), (185, 225)), new Box(0, 0, 400, 200), Dpi, likelyNumber: true);

        Assert.Equal("14", cell.Text);
        Assert.Equal([2.0, 1.5], engine.Enlarged);
        // Outvoted, the first read still says the scan is hard to read: the cell goes to review.
        Assert.True(cell.Confidence <= new OcrOptions().DoubtfulNumberConfidence);
    }

    [Fact]
    public void Reads_that_never_account_for_the_glyphs_leave_the_number_doubtful()
    {
        // Every read of both glyphs gives one digit; each glyph read alone gives nothing.
        var engine = new FakeOcrEngine((region, mode) => region is { } r && (r.X0 > 170 || r.X1 < 180) ? OcrReading.Empty
            : mode == OcrMode.Number ? FakeOcrEngine.Words(("1", 0.95)) : FakeOcrEngine.Words(("1", 0.9)));
        var cell = _reader.Read(engine, Glyphs((150, 165), (185, 200)), new Box(0, 0, 400, 200), Dpi, likelyNumber: true);
        Assert.Equal("1", cell.Text);
        Assert.True(cell.Confidence <= new OcrOptions().DoubtfulNumberConfidence);
    }

    [Fact]
    public void On_a_low_resolution_page_a_sure_digit_is_checked_enlarged()
    {
        // At 150 dpi a thin serif 1 reads as a confident 4; enlarged, it reads as 1 twice.
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number ? FakeOcrEngine.Words(("4", 0.93)) : FakeOcrEngine.Words(("4", 0.9)))
        { EnlargedAnswer = _ => FakeOcrEngine.Words(("1", 0.9)) };
        var cell = _reader.Read(engine, Glyphs((180, 200)), new Box(0, 0, 400, 200), Dpi, likelyNumber: true, verifyNumbers: true);
        Assert.Equal("1", cell.Text);
        Assert.True(cell.Confidence <= new OcrOptions().DoubtfulNumberConfidence);
    }

    [Fact]
    public void Agreeing_enlarged_read_confirms_a_sure_digit_at_full_confidence()
    {
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number ? FakeOcrEngine.Words(("7", 0.95)) : FakeOcrEngine.Words(("7", 0.9)))
        { EnlargedAnswer = _ => FakeOcrEngine.Words(("7", 0.9)) };
        var cell = _reader.Read(engine, Glyphs((180, 210)), new Box(0, 0, 400, 200), Dpi, likelyNumber: true, verifyNumbers: true);
        Assert.Equal("7", cell.Text);
        Assert.Equal(0.95, cell.Confidence, 3);
        Assert.Equal([2.0], engine.Enlarged);
    }

    [Fact]
    public void A_zero_read_as_the_letter_O_becomes_the_digit()
    {
        // The digit reader loses a thin 0 at the page's scale and finds it enlarged; the text reader says O.
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number ? OcrReading.Empty : FakeOcrEngine.Words(("O", 0.92)))
        { EnlargedAnswer = _ => FakeOcrEngine.Words(("0", 0.88)) };
        var cell = _reader.Read(engine, Glyphs((180, 210)), new Box(0, 0, 400, 200), Dpi);
        Assert.Equal("0", cell.Text);
    }

    [Fact]
    public void A_chinese_character_read_on_digit_shaped_ink_gives_way_to_the_digits()
    {
        // A 0 whose joins a bilevel scan lost, ( and ): the text model reads 人, a little surer than the digits.
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number ? FakeOcrEngine.Words(("0", 0.72)) : FakeOcrEngine.Words(("人", 0.77)))
        { EnlargedAnswer = _ => FakeOcrEngine.Words(("0", 0.65)) };
        var cell = _reader.Read(engine, Glyphs((180, 190), (200, 210)), new Box(0, 0, 400, 200), Dpi);
        Assert.Equal("0", cell.Text);
    }

    [Fact]
    public void A_placeholder_as_wide_as_tall_stays_text()
    {
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number ? FakeOcrEngine.Words(("7", 0.3)) : FakeOcrEngine.Words(("无", 0.6)));
        var cell = _reader.Read(engine, Glyphs((170, 230)), new Box(0, 0, 400, 200), Dpi);
        Assert.Equal("无", cell.Text);
    }

    [Theory]
    [InlineData(new[] { 100, 120, 135, 165 }, 2)] // two digits apart: 14
    [InlineData(new[] { 100, 110, 122, 135 }, 1)] // a 0 fallen apart into ( and ): no wider than one digit
    [InlineData(new[] { 100, 130 }, 1)]
    public void Glyphs_are_digit_tall_runs_of_ink_columns(int[] edges, int expected)
    {
        var runs = Enumerable.Range(0, edges.Length / 2).Select(i => (edges[2 * i], edges[2 * i + 1])).ToArray();
        var ink = Glyphs(runs);
        Assert.Equal(expected, CellReader.CountGlyphs(ink, new Box(edges[0], 70, edges[^1], 130), new OcrOptions()));
    }

    [Fact]
    public void A_comma_or_a_speck_is_no_glyph()
    {
        var ink = Glyphs((100, 125), (140, 165));
        for (int y = 122; y < 136; y++) for (int x = 128; x < 134; x++) ink.Ink[y * 400 + x] = 1; // the comma of 1,2
        Assert.Equal(2, CellReader.CountGlyphs(ink, new Box(100, 70, 165, 136), new OcrOptions()));
    }

    [Theory]
    [InlineData("1,234.", "1,234")]
    [InlineData("-3", "-3")]
    [InlineData("12-", "12")]
    [InlineData(".", null)]
    [InlineData("-", null)]
    public void Number_reads_lose_stray_separators(string read, string? expected) =>
        Assert.Equal(expected, OcrText.CleanNumber(read));

    [Fact]
    public void Digits_are_read_scaled_to_the_height_the_engine_reads_best()
    {
        // 32 px high digits (a 300 dpi scan of 10 pt print) are read at 0.75 (24 px); rereads are relative to that.
        var engine = new FakeOcrEngine((_, mode) => FakeOcrEngine.Words(("4", 0.6)))
        { EnlargedAnswer = f => FakeOcrEngine.Words((f < 1 ? "4" : "14", 0.95)) };
        var ink = new byte[400 * 200];
        foreach (var (x0, x1) in new[] { (150, 160), (175, 195) })
            for (int y = 80; y < 112; y++) for (int x = x0; x < x1; x++) ink[y * 400 + x] = 1;
        var cell = new CellReader(new OcrOptions()).Read(engine, new BinaryImage(400, 200, ink), new Box(0, 0, 400, 200), Dpi, likelyNumber: true);
        Assert.Equal([0.75, 1.5, 1.125], engine.Enlarged);
        Assert.Equal("14", cell.Text);
    }
}
