using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

/// <summary>
/// A 6, 8 or 9 read where the glyph's ink encloses no counter (a serif 5 read 9 by every read of a phone-photo scan),
/// or a 1 or 7 where it encloses one, is refuted by the ink; the glyphs are <see cref="LoneDigitTests"/>' Liberation Serif renders.
/// </summary>
public class DigitCounterTests
{
    private static bool Refutes(string read, string[] glyph)
    {
        var (ink, box) = LoneDigitTests.Draw(glyph);
        return DigitShapes.CountersRefute(read, ink, [box], new OcrOptions());
    }

    [Fact]
    public void A_nine_read_from_a_five_or_a_seven_from_a_zero_is_refuted_by_its_counter_and_digits_read_right_are_not()
    {
        Assert.True(Refutes("9", LoneDigitTests.Five));
        Assert.True(Refutes("6", LoneDigitTests.Five));
        Assert.True(Refutes("8", LoneDigitTests.One));
        Assert.True(Refutes("7", LoneDigitTests.Zero));
        Assert.True(Refutes("1", LoneDigitTests.Zero));
        Assert.False(Refutes("9", LoneDigitTests.Nine));
        Assert.False(Refutes("6", LoneDigitTests.Six));
        Assert.False(Refutes("8", LoneDigitTests.Eight));
        // A 0 is not checked: a fax threshold opens its thin joins.
        Assert.False(Refutes("0", LoneDigitTests.BrokenZero));
        Assert.False(Refutes("1", LoneDigitTests.One));
        // A 2, 3 or 5 is not checked (blur closes their bowls), nor a broken 0's opened counter refuted as a 5.
        Assert.False(Refutes("5", LoneDigitTests.Five));
        Assert.False(Refutes("5", LoneDigitTests.Zero));
    }

    [Fact]
    public void A_sure_nine_whose_glyph_is_an_open_five_is_read_five_for_review()
    {
        var (ink, _) = LoneDigitTests.Draw(LoneDigitTests.Five);
        // Every read says 9 at a confidence the reader would otherwise keep (548 read 948 at 0.62-0.79, twice).
        var engine = new FakeOcrEngine((_, mode) => FakeOcrEngine.Words(("9", 0.99)));
        var cell = new CellReader(new OcrOptions()).Read(engine, ink, new Box(0, 0, ink.Width, ink.Height), 225, likelyNumber: true);
        Assert.Equal("5", cell.Text);
        Assert.True(cell.Confidence < 0.9);
        Assert.False(cell.Glyphs!.ReadsAgree);
    }

    [Fact]
    public void A_nine_without_a_counter_whose_upper_rows_are_no_fives_stays_a_doubtful_nine()
    {
        var (ink, _) = LoneDigitTests.Draw(OpenNine);
        var engine = new FakeOcrEngine((_, mode) => FakeOcrEngine.Words(("9", 0.99)));
        var cell = new CellReader(new OcrOptions()).Read(engine, ink, new Box(0, 0, ink.Width, ink.Height), 225, likelyNumber: true);
        Assert.Equal("9", cell.Text);
        Assert.True(cell.Confidence <= new OcrOptions().DoubtfulNumberConfidence);
    }

    [Fact]
    public void Only_a_five_has_its_upper_rows_on_the_left_alone()
    {
        var options = new OcrOptions();
        bool OpenFive(string[] glyph) { var (ink, box) = LoneDigitTests.Draw(glyph); return DigitShapes.IsOpenFive(ink, box, options); }
        Assert.True(OpenFive(LoneDigitTests.Five));
        Assert.False(OpenFive(LoneDigitTests.Nine));
        Assert.False(OpenFive(OpenNine));
        Assert.False(OpenFive(LoneDigitTests.Six));
        Assert.False(OpenFive(LoneDigitTests.Eight));
        Assert.False(OpenFive(LoneDigitTests.One));
        var (five, box) = LoneDigitTests.Draw(LoneDigitTests.Five);
        Assert.Equal("5", DigitShapes.CorrectSevensAndFives("3", five, [box], options));
        Assert.Null(DigitShapes.CorrectSevensAndFives("6", five, [box], options));
    }

    // The Nine with its loop's lower join lost (no counter): its upper rows still hold ink on both sides.
    private static readonly string[] OpenNine =
    [
        "...######....", "..###...###..", ".###.....##..", "###......###.", "###.......##.", "###.......##.", "###.......###",
        "###.......###", "###.......###", ".####.....###", "..........###", "..........###", "..........###", "..........##.",
        ".........###.", ".#.......##..", ".#......###..", ".##...####...", ".#######.....",
    ];
}
