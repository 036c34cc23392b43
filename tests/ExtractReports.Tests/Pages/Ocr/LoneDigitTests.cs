using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

/// <summary>
/// A lone digit the digit reader read nothing from (a serif 1 alone in its cell; a 0 a fax threshold broke), read by its
/// shape: glyphs thresholded from a Liberation Serif render (30 pt label, ImageMagick, threshold 55 %).
/// </summary>
public class LoneDigitTests
{
    internal static readonly string[] One =
    [
        "....##....", "...###....", ".#####....", "#...##....", "....##....", "....##....", "....##....", "....##....",
        "....##....", "....##....", "....##....", "....##....", "....##....", "....##....", "....##....", "....##....",
        "....##....", "....##....", "##########",
    ];

    internal static readonly string[] Zero =
    [
        "....#####....", "..###...##...", "..##.....##..", ".###.....###.", ".##.......##.", "###.......###", "###.......###",
        "###.......###", "###.......###", "###.......###", "###.......###", "###.......###", "###.......###", "###.......###",
        ".##.......##.", ".###.....###.", "..##.....##..", "..###...##...", "....#####....",
    ];

    // The same 0 with its thin top and bottom lost to a threshold: two arcs, ( and ).
    internal static readonly string[] BrokenZero =
    [
        ".............", ".............", ".............", ".###.....###.", ".##.......##.", "###.......###", "###.......###",
        "###.......###", "###.......###", "###.......###", "###.......###", "###.......###", "###.......###", "###.......###",
        ".##.......##.", ".###.....###.", ".............", ".............", ".............",
    ];

    internal static readonly string[] Eight =
    [
        "...#######...", "..###...###..", ".###.....###.", ".###.....###.", ".##.......##.", ".###.....###.", ".###.....###.",
        "..###...###..", "...#######...", "..###...###..", ".###.....###.", "###.......##.", "###.......###", "###.......###",
        "###.......###", "###.......###", ".##......###.", "..###...###..", "...#######...",
    ];

    internal static readonly string[] Six =
    [
        ".....#######.", "...###...###.", "..###......#.", "..##.........", ".###.........", ".##..........", ".##..........",
        "###..######..", "######..####.", "###.......###", "###.......###", "###.......###", "###.......###", ".##.......###",
        ".###......###", ".###......###", "..###.....##.", "...###..###..", "....######...",
    ];

    internal static readonly string[] Nine =
    [
        "...######....", "..###...###..", ".###.....##..", "###......###.", "###.......##.", "###.......##.", "###.......###",
        "###.......###", "###.......###", ".####....####", "..#######.###", "..........###", "..........###", "..........##.",
        ".........###.", ".#.......##..", ".#......###..", ".##...####...", ".#######.....",
    ];

    internal static readonly string[] Five =
    [
        "##########..", "##########..", "##..........", "##..........", "##..........", "##..........", "##..........",
        "#########...", ".#....####..", "........###.", ".........###", ".........###", ".........###", ".........###",
        "#........###", "#........##.", "#.......###.", "###...####..", "########....",
    ];

    /// <summary>The glyph drawn in the middle of a 60 x 40 cell, as the cell's text ink; the glyph's ink box.</summary>
    internal static (BinaryImage Ink, Box Glyph) Draw(string[] glyph)
    {
        const int width = 60, height = 40;
        var ink = new byte[width * height];
        int left = (width - glyph[0].Length) / 2, top = (height - glyph.Length) / 2;
        int x0 = int.MaxValue, x1 = -1, y0 = int.MaxValue, y1 = -1;
        for (int y = 0; y < glyph.Length; y++)
            for (int x = 0; x < glyph[y].Length; x++)
                if (glyph[y][x] == '#')
                {
                    ink[(top + y) * width + left + x] = 1;
                    x0 = Math.Min(x0, left + x); x1 = Math.Max(x1, left + x); y0 = Math.Min(y0, top + y); y1 = Math.Max(y1, top + y);
                }
        return (new BinaryImage(width, height, ink), new Box(x0, y0, x1 + 1, y1 + 1));
    }

    [Fact]
    public void A_one_a_zero_and_a_broken_zero_are_read_by_shape_and_other_digits_are_not()
    {
        var options = new OcrOptions();
        char? Shape(string[] g) { var (ink, box) = Draw(g); return DigitShapes.LoneDigit(ink, box, options); }

        Assert.Equal('1', Shape(One));
        Assert.Equal('0', Shape(Zero));
        Assert.Equal('0', Shape(BrokenZero));
        Assert.Null(Shape(Eight));
        Assert.Null(Shape(Six));
        Assert.Null(Shape(Nine));
        Assert.Null(Shape(Five));
    }

    [Fact]
    public void A_lone_one_the_digit_reader_reads_as_nothing_is_a_doubtful_one()
    {
        var (ink, _) = Draw(One);
        // The digit reader gives nothing at every scale, the text model 上 (as it read a serif 1 at 150 dpi).
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number ? FakeOcrEngine.Words() : FakeOcrEngine.Words(("上", 0.95)));
        var cell = new CellReader(new OcrOptions()).Read(engine, ink, new Box(0, 0, ink.Width, ink.Height), 225, likelyNumber: true);
        Assert.Equal("1", cell.Text);
        Assert.True(cell.Confidence < 0.9);
    }

    [Fact]
    public void A_stem_touching_the_cell_border_is_a_ruling_remnant_not_a_one()
    {
        // A stem from the cell's top to its bottom: what a ruling the grid missed leaves.
        const int width = 60, height = 40;
        var ink = new byte[width * height];
        for (int y = 0; y < height; y++) { ink[y * width + 50] = 1; ink[y * width + 51] = 1; }
        var text = new BinaryImage(width, height, ink);
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number ? FakeOcrEngine.Words() : FakeOcrEngine.Words(("|", 0.6)));
        var cell = new CellReader(new OcrOptions { CellInsetInches = 0 }).Read(engine, text, new Box(0, 0, width, height), 225, likelyNumber: true);
        Assert.NotEqual("1", cell.Text);
    }
}
