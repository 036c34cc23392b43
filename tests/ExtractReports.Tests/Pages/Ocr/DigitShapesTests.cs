using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

/// <summary>Digit reads checked against their glyphs' ink: glyphs thresholded from a 300 dpi render of WenQuanYi digits.</summary>
public class DigitShapesTests
{
    // A 1 with its flag and foot serif, which Tesseract's digit reader reads as a sure 4 at every scale.
    private static readonly string[] One =
    [
        "..............####............",
        ".............#####............",
        "............######............",
        "...........#######............",
        "..........########............",
        "........#####.####............",
        ".......#####..####............",
        ".....######...####............",
        ".....####.....####............",
        ".....###......####............",
        "..............####............",
        "..............####............",
        "..............####............",
        "..............####............",
        "..............####............",
        "..............####............",
        "..............####............",
        "..............####............",
        "..............####............",
        "..............####............",
        "..............####............",
        "..............####............",
        "..............####............",
        "..............####............",
        "..............####............",
        "..............####............",
        "..............####............",
        "..............####............",
        ".....######################...",
        ".....######################...",
        ".....######################..."
    ];

    private static readonly string[] Four =
    [
        ".................######.......",
        "................#######.......",
        "................#######.......",
        "...............###.####.......",
        "..............####.####.......",
        "..............###..####.......",
        ".............###...####.......",
        "............####...####.......",
        "............###....####.......",
        "...........###.....####.......",
        "..........####.....####.......",
        "..........###......####.......",
        ".........####......####.......",
        "........####.......####.......",
        "........###........####.......",
        ".......####........####.......",
        "......####.........####.......",
        "......###..........####.......",
        ".....####..........####.......",
        "....####...........####.......",
        "....####...........####.......",
        "...#########################..",
        "...#########################..",
        "....#######################...",
        "...................####.......",
        "...................####.......",
        "...................####.......",
        "...................####.......",
        "...................####.......",
        "...................####.......",
        "...................####......."
    ];

    // A 7 (WenQuanYi, 300 dpi), which the digit reader read as a sure 1 (76 read 16).
    private static readonly string[] Seven =
    [
        "####################",
        "####################",
        "####################",
        "................###.",
        "...............####.",
        "...............###..",
        "..............###...",
        ".............###....",
        "............####....",
        "............###.....",
        "...........####.....",
        "...........###......",
        "..........####......",
        "..........###.......",
        ".........####.......",
        ".........###........",
        "........####........",
        "........####........",
        "........###.........",
        ".......####.........",
        ".......####.........",
        ".......####.........",
        "......####..........",
        "......####..........",
        "......####..........",
        "......####..........",
        "......####..........",
        "......####..........",
        "......####..........",
        "......####.........."
    ];

    /// <summary>The glyphs drawn side by side with a gap, as the page's ink; their boxes.</summary>
    private static (BinaryImage Ink, List<Box> Glyphs) Draw(params string[][] glyphs)
    {
        int height = glyphs.Max(g => g.Length) + 10, width = glyphs.Sum(g => g[0].Length) + 10 * (glyphs.Length + 1);
        var ink = new byte[width * height];
        var boxes = new List<Box>();
        int left = 10;
        foreach (var g in glyphs)
        {
            int x0 = int.MaxValue, x1 = -1, y0 = int.MaxValue, y1 = -1;
            for (int y = 0; y < g.Length; y++)
                for (int x = 0; x < g[y].Length; x++)
                    if (g[y][x] == '#')
                    {
                        ink[(y + 5) * width + left + x] = 1;
                        x0 = Math.Min(x0, left + x); x1 = Math.Max(x1, left + x); y0 = Math.Min(y0, y + 5); y1 = Math.Max(y1, y + 5);
                    }
            boxes.Add(new Box(x0, y0, x1 + 1, y1 + 1));
            left += g[0].Length + 10;
        }
        return (new BinaryImage(width, height, ink), boxes);
    }

    [Fact]
    public void A_one_with_flag_and_foot_is_a_one_and_a_four_is_not()
    {
        var (ink, glyphs) = Draw(One, Four);
        var options = new OcrOptions();

        Assert.True(DigitShapes.IsOne(ink, glyphs[0], options));
        Assert.False(DigitShapes.IsOne(ink, glyphs[1], options));
    }

    [Fact]
    public void A_four_read_on_the_ink_of_a_one_becomes_a_one_and_a_real_four_stays()
    {
        var (ink, glyphs) = Draw(One, Four, One);

        Assert.Equal("141", DigitShapes.CorrectOnes("444", ink, glyphs, new OcrOptions()));
        Assert.Null(DigitShapes.CorrectOnes("141", ink, glyphs, new OcrOptions()));
        // Digits and glyphs that do not pair up one to one are left alone.
        Assert.Null(DigitShapes.CorrectOnes("44", ink, glyphs, new OcrOptions()));
    }

    [Fact]
    public void The_glyph_boxes_of_a_cell_pair_with_its_digits()
    {
        var (ink, glyphs) = Draw(One, Four);

        var (boxes, height) = CellReader.GlyphBoxes(ink, new Box(0, 0, ink.Width, ink.Height), new OcrOptions());

        Assert.Equal(glyphs, boxes);
        Assert.Equal(glyphs.Max(g => g.Height), height);
    }

    [Fact]
    public void A_one_read_on_the_ink_of_a_seven_is_refuted_and_real_ones_are_not()
    {
        var (ink, glyphs) = Draw(Seven, One, Four);
        var options = new OcrOptions();

        Assert.True(DigitShapes.IsNotOne(ink, glyphs[0], options));
        Assert.False(DigitShapes.IsNotOne(ink, glyphs[1], options)); // flag and foot serif
        Assert.True(DigitShapes.RefutesOnes("114", ink, glyphs, options));
        Assert.False(DigitShapes.RefutesOnes("714", ink, glyphs, options));
        // Digits and glyphs that do not pair up one to one are left alone.
        Assert.False(DigitShapes.RefutesOnes("11", ink, glyphs, options));
    }

    [Fact]
    public void A_number_whose_one_is_a_seven_is_read_with_a_seven_for_review()
    {
        var (ink, _) = Draw(Seven, One);
        // Every read says 11, sure; the first glyph's ink is a 7.
        var engine = new FakeOcrEngine((_, _) => FakeOcrEngine.Words(("11", 0.99)));
        var cell = new CellReader(new OcrOptions { DigitHeightTolerance = 10 })
            .Read(engine, ink, new Box(0, 0, ink.Width, ink.Height), 300, likelyNumber: true);
        Assert.Equal("71", cell.Text);
        Assert.True(cell.Confidence < 0.9);
        Assert.False(cell.Glyphs!.ReadsAgree);
    }

    [Fact]
    public void A_seven_is_told_from_a_one_and_from_a_four()
    {
        var (ink, glyphs) = Draw(Seven, One, Four);
        var options = new OcrOptions();

        Assert.True(DigitShapes.IsSeven(ink, glyphs[0], options));
        Assert.False(DigitShapes.IsSeven(ink, glyphs[1], options));
        Assert.False(DigitShapes.IsSeven(ink, glyphs[2], options));
        Assert.Equal("714", DigitShapes.CorrectSevensAndFives("114", ink, glyphs, options));
        Assert.Null(DigitShapes.CorrectSevensAndFives("714", ink, glyphs, options));
    }

    [Fact]
    public void Two_digits_every_read_took_for_one_are_read_glyph_by_glyph()
    {
        var (ink, _) = Draw(Seven, Seven);
        // Every read of the whole number gives one 7 (77 read 7 at 200 dpi bilevel), as does each glyph alone.
        var engine = new FakeOcrEngine((_, _) => FakeOcrEngine.Words(("7", 0.95)));
        var cell = new CellReader(new OcrOptions { DigitHeightTolerance = 10 })
            .Read(engine, ink, new Box(0, 0, ink.Width, ink.Height), 300, likelyNumber: true);

        Assert.Equal("77", cell.Text);
        Assert.True(cell.Confidence <= new OcrOptions().DoubtfulNumberConfidence);
        Assert.False(cell.Glyphs!.ReadsAgree);
    }

    [Fact]
    public void A_glyph_read_alone_that_contradicts_the_whole_reads_leaves_them_as_they_were()
    {
        var (ink, glyphs) = Draw(Seven, Four);
        // The whole reads give 7; the glyphs alone read 1 and 4, which do not hold the 7.
        var engine = new FakeOcrEngine((region, _) => FakeOcrEngine.Words(
            (region is { } r && r.X1 < glyphs[0].X1 + 5 ? "1" : region is { } s && s.X0 > glyphs[0].X1 ? "4" : "7", 0.95)));
        var cell = new CellReader(new OcrOptions { DigitHeightTolerance = 10 })
            .Read(engine, ink, new Box(0, 0, ink.Width, ink.Height), 300, likelyNumber: true);

        Assert.Equal("7", cell.Text);
        Assert.True(cell.Confidence <= new OcrOptions().DoubtfulNumberConfidence);
    }

    /// <summary>A minus sign drawn as a glyph of digit height: a bar 3 px high, 14 wide, at 0.55 of the height.</summary>
    private static readonly string[] Minus =
        [.. Enumerable.Range(0, 31).Select(y => y is >= 16 and <= 18 ? "##############" : "..............")];

    [Fact]
    public void A_lone_one_read_with_two_digits_is_too_many_digits_and_a_wide_glyph_may_hold_two()
    {
        var options = new OcrOptions();
        var (ink, glyphs) = Draw(One);
        Assert.True(DigitShapes.TooManyDigits("41", glyphs, options));
        Assert.True(DigitShapes.TooManyDigits("-41", glyphs, options));
        Assert.False(DigitShapes.TooManyDigits("1", glyphs, options));
        Assert.False(DigitShapes.TooManyDigits("-1", glyphs, options));
        // Two digits that touch are one glyph twice as wide: it may hold both.
        var touching = new Box(glyphs[0].X0, glyphs[0].Y0, glyphs[0].X0 + 2 * glyphs[0].Width, glyphs[0].Y1);
        Assert.False(DigitShapes.TooManyDigits("14", [touching], options));
        Assert.NotNull(ink);
    }

    [Fact]
    public void A_minus_sign_in_the_ink_is_found_before_the_digits_and_a_plain_number_has_none()
    {
        var options = new OcrOptions();
        var (signed, withSign) = Draw(Minus, One);
        var full = new Box(0, 0, signed.Width, signed.Height);
        // The sign is no glyph (too low), so the glyphs are the digits'.
        var (digits, _) = CellReader.GlyphBoxes(signed, full, options);
        Assert.Equal([withSign[1]], digits);
        Assert.True(DigitShapes.MinusBefore(signed, full, digits, options));

        var (plain, _) = Draw(One);
        var plainFull = new Box(0, 0, plain.Width, plain.Height);
        Assert.False(DigitShapes.MinusBefore(plain, plainFull, CellReader.GlyphBoxes(plain, plainFull, options).Boxes, options));
    }

    [Fact]
    public void A_read_that_lost_the_minus_sign_or_reads_too_many_digits_is_doubtful()
    {
        var (ink, _) = Draw(Minus, One);
        var box = new Box(0, 0, ink.Width, ink.Height);
        var options = new OcrOptions { DigitHeightTolerance = 10 };
        foreach (var read in new[] { "1", "-41" })
        {
            var engine = new FakeOcrEngine((_, _) => FakeOcrEngine.Words((read, 0.99)));
            var cell = new CellReader(options).Read(engine, ink, box, 300, likelyNumber: true);
            Assert.True(cell.Confidence <= options.DoubtfulNumberConfidence, $"{read}: {cell.Confidence}");
        }
        var right = new CellReader(options).Read(new FakeOcrEngine((_, _) => FakeOcrEngine.Words(("-1", 0.99))), ink, box, 300, likelyNumber: true);
        Assert.Equal("-1", right.Text);
        Assert.True(right.Confidence >= 0.9);
    }
}
