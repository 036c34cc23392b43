using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

/// <summary>
/// A cell whose value is one glyph and one digit: one misread is a wrong value, and in table 二 and many table 三 rows no sum
/// checks it. The reader leaves such a digit doubtful (its reads recorded as not agreeing, which keeps the field below 0.9
/// when no identity holds: see DoubtCaps.DoubtfulOcrRead) unless the engine was sure of it or its glyph's shape shows it.
/// </summary>
public class LoneDigitConfidenceTests
{
    /// <summary>A WenQuanYi -1 as the text ink of a 200 dpi bilevel scan enlarged to 300 dpi (scan-conditions matrix, probe
    /// part 17, pdf-03 table 二): a speck of scanner noise beside the 1's stem. Tesseract read it -4 by two agreeing reads at
    /// engine confidence 0.61, and the field scored 0.986.</summary>
    internal static readonly string[] MinusOneWithSpeck =
    [
        "...........................###..........",
        "...........................####.........",
        "..........................#####.........",
        ".........................######.........",
        "........................#######.........",
        "........................#######.........",
        "......................#########.........",
        "....................###########.........",
        "...................#####.#.####.........",
        "..................#####....####.........",
        "..................#####....####.........",
        "..................###......####.........",
        "...........................####.........",
        "...........................###..........",
        "...........................###..........",
        "...........................###..........",
        "...........................###..........",
        "...........................###..........",
        "..........................####..........",
        "#########.................####..........",
        "##########...............#.###..........",
        "##########.................###..........",
        "#########..................###..........",
        "..........................####..........",
        ".........................#####..........",
        ".........................#####..........",
        ".........................#####..........",
        ".........................#####..........",
        ".........................######.........",
        ".........................##############.",
        "................########################",
        "................#######################.",
        "................##########.............."
    ];

    /// <summary>The rows drawn in a cell 40 px wider and 60 px higher than they are, as the cell's text ink.</summary>
    private static BinaryImage Cell(string[] rows)
    {
        int width = rows.Max(r => r.Length) + 80, height = rows.Length + 60;
        var ink = new byte[width * height];
        for (int y = 0; y < rows.Length; y++)
            for (int x = 0; x < rows[y].Length; x++)
                if (rows[y][x] == '#') ink[(y + 30) * width + x + 40] = 1;
        return new BinaryImage(width, height, ink);
    }

    private static ExtractReports.Lines.Cell Read(BinaryImage ink, string digits, double confidence, int dpi) =>
        new CellReader(new OcrOptions { DigitHeightTolerance = 10 }).Read(
            new FakeOcrEngine((_, _) => FakeOcrEngine.Words((digits, confidence))), ink, new Box(0, 0, ink.Width, ink.Height), dpi,
            likelyNumber: true, verifyNumbers: true);

    [Fact]
    public void A_one_with_a_speck_beside_its_stem_is_still_a_one()
    {
        var ink = Cell(MinusOneWithSpeck);
        var (glyphs, _) = CellReader.GlyphBoxes(ink, new Box(0, 0, ink.Width, ink.Height), new OcrOptions());
        Assert.Single(glyphs);
        Assert.True(DigitShapes.IsOne(ink, glyphs[0], new OcrOptions()));
    }

    [Fact]
    public void A_lone_minus_one_read_minus_four_by_every_read_comes_out_a_doubtful_minus_one()
    {
        var cell = Read(Cell(MinusOneWithSpeck), "-4", 0.61, 300);
        Assert.Equal("-1", cell.Text);
        Assert.False(cell.Glyphs!.ReadsAgree);
        Assert.True(cell.Confidence < 0.9);
    }

    [Fact]
    public void A_lone_digit_the_engine_was_unsure_of_and_the_shape_does_not_show_is_doubtful()
    {
        // An 8 read 3 by every read at 0.7: no shape check tells a 3 from an 8, and the engine was not sure.
        var (ink, _) = LoneDigitTests.Draw(LoneDigitTests.Eight);
        var cell = Read(ink, "3", 0.7, 225);
        Assert.Equal("3", cell.Text);
        Assert.False(cell.Glyphs!.ReadsAgree);
        Assert.True(cell.Confidence < 0.9);
    }

    [Fact]
    public void A_lone_zero_read_on_a_stem_and_a_one_read_on_a_ring_are_doubtful_however_sure_the_engine()
    {
        var (one, _) = LoneDigitTests.Draw(LoneDigitTests.One);
        Assert.False(Read(one, "0", 0.97, 225).Glyphs!.ReadsAgree);
        var (zero, _) = LoneDigitTests.Draw(LoneDigitTests.Zero);
        Assert.False(Read(zero, "1", 0.97, 225).Glyphs!.ReadsAgree);
        Assert.False(Read(zero, "8", 0.97, 225).Glyphs!.ReadsAgree);
    }

    [Fact]
    public void A_lone_digit_its_shape_shows_or_the_engine_was_sure_of_keeps_its_confidence()
    {
        var (zero, _) = LoneDigitTests.Draw(LoneDigitTests.Zero);
        var unsureZero = Read(zero, "0", 0.7, 225);
        Assert.True(unsureZero.Glyphs!.ReadsAgree);
        Assert.Equal(0.7, unsureZero.Confidence, 3);
        var (eight, _) = LoneDigitTests.Draw(LoneDigitTests.Eight);
        var sureEight = Read(eight, "8", 0.97, 225);
        Assert.True(sureEight.Glyphs!.ReadsAgree);
        Assert.Equal(0.97, sureEight.Confidence, 3);
    }
}
