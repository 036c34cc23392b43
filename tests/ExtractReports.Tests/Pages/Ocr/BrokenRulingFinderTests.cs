using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

public class BrokenRulingFinderTests
{
    private const int W = 900, H = 700, Dpi = 300;
    private readonly OcrOptions _options = new();

    /// <summary>A page's ink drawn in code, with the solid rulings the opening would keep.</summary>
    private sealed class Page
    {
        public readonly byte[] Ink = new byte[W * H];
        public readonly byte[] Horizontal = new byte[W * H];
        public readonly byte[] Vertical = new byte[W * H];

        /// <summary>A line <paramref name="thickness"/> px thick, inked <paramref name="on"/> px out of every <paramref name="period"/>
        /// (a hairline a threshold broke into dashes); solid rulings go into the ruling mask as well, a text stroke does not.</summary>
        public Page HLine(int y, int x0, int x1, int on = 1, int period = 1, int thickness = 2, bool text = false)
        {
            for (int x = x0; x <= x1; x++)
                if ((x - x0) % period < on)
                    for (int t = 0; t < thickness; t++) { Ink[(y + t) * W + x] = 1; if (period == 1 && !text) Horizontal[(y + t) * W + x] = 1; }
            return this;
        }

        public Page VLine(int x, int y0, int y1, int on = 1, int period = 1, int thickness = 2, bool text = false)
        {
            for (int y = y0; y <= y1; y++)
                if ((y - y0) % period < on)
                    for (int t = 0; t < thickness; t++) { Ink[y * W + x + t] = 1; if (period == 1 && !text) Vertical[y * W + x + t] = 1; }
            return this;
        }

        public Page Block(int x0, int y0, int x1, int y1)
        {
            for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) Ink[y * W + x] = 1;
            return this;
        }

        public BinaryImage Mask(byte[] b) => new(W, H, b);
    }

    private (BinaryImage H, BinaryImage V) Complete(Page p) =>
        new BrokenRulingFinder(_options).Complete(p.Mask(p.Ink), p.Mask(p.Horizontal), p.Mask(p.Vertical), Dpi);

    private static int Count(BinaryImage m, int x0, int y0, int x1, int y1) => m.CountInk(x0, y0, x1, y1);

    [Fact]
    public void A_dashed_line_between_solid_borders_is_added_whole()
    {
        var p = new Page().VLine(100, 100, 600).VLine(800, 100, 600)
            .HLine(100, 100, 800).HLine(600, 100, 800)
            .HLine(350, 103, 797, on: 6, period: 10); // 60 % inked, gaps of 4 px

        var (h, _) = Complete(p);

        // Every column between the borders is inked on the dashed line's rows, gaps included.
        for (int x = 110; x < 790; x++) Assert.True(Count(h, x, 348, x + 1, 354) > 0, $"gap at x={x}");
    }

    /// <summary>A dash 48 px long, two thick, stepping down a row after its first two pixels and again before its last four
    /// (a speck of the ragged edge), so that it spans four rows: straight by its middle line only.</summary>
    private static Page SteppingDash(Page p, int y, int x0, int length = 48) =>
        p.HLine(y - 1, x0, x0 + 1, text: true).HLine(y, x0 + 2, x0 + length - 5, text: true).HLine(y + 1, x0 + length - 4, x0 + length - 1, text: true);

    [Fact]
    public void A_dashed_hairline_whose_dashes_step_a_row_with_a_speck_at_their_ends_is_added_whole()
    {
        // pdf-03's table 二 at 200 dpi black and white (enlarged to 300): the row line under 规范性文件 in dashes two pixels
        // thick; where the residual skew crosses a row a dash steps, with a speck at an end. The dashes are too short for
        // the opening's brick: ink only, as text strokes are. Every third dash steps, so the level ones alone are runs
        // of two dashes, too short and crossing no column line.
        var p = new Page().VLine(100, 100, 600).VLine(800, 100, 600).HLine(100, 100, 800).HLine(600, 100, 800);
        int k = 0;
        for (int x0 = 104; x0 + 48 < 797; x0 += 58, k++)
            if (k % 3 == 2) SteppingDash(p, 350, x0);
            else p.HLine(350, x0, x0 + 47, text: true);

        var (h, _) = Complete(p);

        for (int x = 110; x < 790; x++) Assert.True(Count(h, x, 347, x + 1, 355) > 0, $"gap at x={x}");
    }

    [Fact]
    public void A_row_of_thin_strokes_each_stepping_a_row_is_no_ruling()
    {
        // Thin horizontals of a serif face, each with its end bead a row off, lined up across a table between its borders:
        // every one straight by its middle line, none level, of lengths no dashed line prints together. Read as a line, it
        // would cut the cells it crosses in two.
        var p = new Page().VLine(100, 100, 600).VLine(800, 100, 600).HLine(100, 100, 800).HLine(600, 100, 800);
        int x0 = 104;
        foreach (int length in (int[])[40, 56, 44, 64, 36, 52, 40, 56, 44, 64, 36, 48])
        {
            SteppingDash(p, 350, x0, length);
            x0 += length + 10;
        }

        var (h, _) = Complete(p);

        Assert.Equal(0, Count(h, 110, 340, 790, 360));
    }

    [Fact]
    public void A_table_drawn_all_in_dots_is_found_and_gives_its_cells()
    {
        var p = new Page();
        foreach (var y in new[] { 100, 250, 400, 550 }) p.HLine(y, 100, 800, on: 3, period: 5);
        foreach (var x in new[] { 100, 450, 800 }) p.VLine(x, 100, 551, on: 3, period: 5);

        var (h, v) = Complete(p);
        var grid = Assert.Single(new RulingGridFinder(_options).Find(h, v, Dpi));

        Assert.Equal(3 * 2, grid.Cells.Count);
        Assert.All(grid.Cells, c => Assert.Equal((1, 1), (c.RowSpan, c.ColumnSpan)));
    }

    [Fact]
    public void Thin_strokes_that_cross_no_ruling_stay_text()
    {
        // A row of short dashes (a 一 and 二 of a heading, a placeholder) outside any table, and a dotted leader.
        var p = new Page().HLine(300, 100, 700, on: 30, period: 40).HLine(400, 100, 700, on: 2, period: 4);

        var (h, v) = Complete(p);

        Assert.Equal(0, Count(h, 0, 0, W, H));
        Assert.Equal(0, Count(v, 0, 0, W, H));
    }

    [Fact]
    public void Sparse_dots_are_no_line()
    {
        var p = new Page().VLine(100, 100, 600).VLine(800, 100, 600)
            .HLine(350, 103, 797, on: 2, period: 10); // 20 % inked

        var (h, _) = Complete(p);

        Assert.Equal(0, Count(h, 0, 340, W, 360));
    }

    [Fact]
    public void Strokes_of_a_line_of_text_are_not_a_ruling()
    {
        // A label filling its cell from border to border, in characters shaped like 目 (a box with bars 12 px apart, as
        // a 10 pt character's strokes are at 300 dpi): once the uprights are set aside, the bars line up into rows of
        // dashes that cross both borders, but every one has text beside it.
        var p = new Page().VLine(100, 100, 600).VLine(800, 100, 600);
        for (int x = 104; x <= 760; x += 41)
        {
            p.VLine(x, 330, 366, thickness: 3, text: true).VLine(x + 33, 330, 366, thickness: 3, text: true);
            for (int y = 330; y <= 366; y += 12) p.HLine(y, x, x + 35, thickness: 2, text: true);
        }

        var (h, _) = Complete(p);

        Assert.Equal(0, Count(h, 0, 0, W, H));
    }

    [Fact]
    public void A_column_of_digit_strokes_between_dotted_rulings_is_no_line()
    {
        // Rows 80 px apart drawn with dotted lines, and in one column a 1 (stem with a flag) in every row: the stems and
        // the rulings' dots line up, but a flagged stem is not straight, so it is no piece of a line.
        var p = new Page().VLine(100, 100, 600).VLine(800, 100, 600);
        for (int y = 100; y <= 580; y += 80) p.HLine(y, 103, 797, on: 2, period: 3);
        for (int y = 122; y < 580; y += 80) p.VLine(450, y, y + 36, thickness: 4, text: true).HLine(y, 444, 450, thickness: 3, text: true);

        var (_, v) = Complete(p);

        Assert.Equal(0, Count(v, 440, 0, 460, H));
    }

    [Fact]
    public void A_line_ends_on_the_border_it_crosses_not_in_the_caption_above()
    {
        // A column line, and just above the table's top border an upright stroke of the caption in line with it.
        var p = new Page().VLine(100, 200, 600).VLine(800, 200, 600).HLine(200, 100, 800).HLine(600, 100, 800)
            .VLine(450, 200, 600).VLine(450, 150, 190, thickness: 3, text: true);

        var (_, v) = Complete(p);

        Assert.Equal(0, Count(v, 440, 0, 460, 194));
    }

    [Fact]
    public void Column_lines_of_a_table_running_over_the_page_foot_keep_its_last_row()
    {
        // Dotted lines; no border under the last row (400-520): the table goes on on the next page.
        var p = new Page();
        foreach (var y in new[] { 100, 250, 400 }) p.HLine(y, 100, 800, on: 3, period: 5);
        foreach (var x in new[] { 100, 350, 600, 800 }) p.VLine(x, 100, 520, on: 3, period: 5);

        var options = new OcrOptions { BrokenRulings = new() { MinOpenEnds = 3 } };
        var (h, v) = new BrokenRulingFinder(options).Complete(p.Mask(p.Ink), p.Mask(p.Horizontal), p.Mask(p.Vertical), Dpi);

        foreach (var x in new[] { 100, 350, 600, 800 }) Assert.True(Count(v, x - 2, 505, x + 4, 515) > 0, $"column line at {x} cut short");
        var grid = Assert.Single(new RulingGridFinder(options).Find(h, v, Dpi));
        Assert.True(grid.Bounds.Y1 >= 515, $"the grid ends at {grid.Bounds.Y1}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_two_dotted_rows_a_table_carries_over_keep_their_column_lines_on_a_gray_page_only(bool gray)
    {
        // A table's last two rows at the top of the next page, drawn in dots: its column lines are 0.4 in long, shorter than
        // a broken line must be. On a gray page a chain of dots is a dotted ruling; a black-and-white page's dots may be text's.
        var p = new Page();
        foreach (var y in new[] { 100, 160, 220 }) p.HLine(y, 100, 800, on: 3, period: 5);
        foreach (var x in new[] { 100, 350, 600, 800 }) p.VLine(x, 100, 221, on: 3, period: 5);

        var (h, v) = new BrokenRulingFinder(_options).Complete(p.Mask(p.Ink), p.Mask(p.Horizontal), p.Mask(p.Vertical), Dpi, gray: gray);

        if (!gray) { Assert.Equal(0, Count(v, 0, 0, W, H)); return; }
        foreach (var x in new[] { 100, 350, 600, 800 }) Assert.True(Count(v, x - 2, 120, x + 4, 200) >= 75, $"column line at {x} not whole");
        Assert.Equal(2 * 3, Assert.Single(new RulingGridFinder(_options).Find(h, v, Dpi)).Cells.Count);
    }

    [Fact]
    public void Two_carried_over_rows_whose_dotted_column_lines_came_out_in_dashes_keep_them_on_a_gray_page()
    {
        // As above, but blur ran the dots together: dashes of 20 px (0.07 in) with 4 px gaps, longer than a dot, and the
        // lines 0.4 in long, shorter than a broken line must be (pdf-03 200-gray-dotted, the rows carried over to page 4).
        var p = new Page();
        foreach (var y in new[] { 100, 160, 220 }) p.HLine(y, 100, 800, on: 3, period: 5);
        foreach (var x in new[] { 100, 350, 600, 800 }) p.VLine(x, 100, 221, on: 20, period: 24);

        var (h, v) = new BrokenRulingFinder(_options).Complete(p.Mask(p.Ink), p.Mask(p.Horizontal), p.Mask(p.Vertical), Dpi, gray: true);

        foreach (var x in new[] { 100, 350, 600, 800 }) Assert.True(Count(v, x - 2, 120, x + 4, 200) >= 75, $"column line at {x} not whole");
        Assert.Equal(2 * 3, Assert.Single(new RulingGridFinder(_options).Find(h, v, Dpi)).Cells.Count);
    }

    [Fact]
    public void Straight_strokes_stacked_in_a_column_between_dotted_rulings_are_no_line_on_a_gray_page()
    {
        // Two rows 60 px high drawn in dots, and in one column an upright stroke with no flag in each row (an l, a 丨),
        // 0.1 in long: in line, but each lies farther than a dotted line's gap from the rulings and from the next.
        var p = new Page();
        foreach (var y in new[] { 100, 160, 220 }) p.HLine(y, 100, 800, on: 3, period: 5);
        foreach (var x in new[] { 100, 800 }) p.VLine(x, 100, 221, on: 3, period: 5);
        foreach (var y in new[] { 115, 175 }) p.VLine(450, y, y + 30, thickness: 3, text: true);

        var (_, v) = new BrokenRulingFinder(_options).Complete(p.Mask(p.Ink), p.Mask(p.Horizontal), p.Mask(p.Vertical), Dpi, gray: true);

        Assert.Equal(0, Count(v, 440, 0, 460, H));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_dashed_column_line_with_labels_starting_at_it_is_a_line_and_one_between_text_is_not(bool textOnBothSides)
    {
        // hzq2023_working's table 三 at 200 dpi black and white (enlarged to 300): the column line right of (三)不予公开 kept
        // in dashes over 85 % of its course, and each row's label (1.属于国家秘密…) starting 4 px right of it, so that text lies
        // beside it along 40 % of its length. With text on both sides it is strokes lined up inside text, no line.
        var p = new Page().VLine(100, 100, 600).VLine(800, 100, 600).HLine(100, 100, 800).HLine(600, 100, 800)
            .VLine(450, 103, 597, on: 17, period: 20, text: true);
        for (int y = 120; y < 580; y += 80)
        {
            p.Block(456, y, 520, y + 31);
            if (textOnBothSides) p.Block(380, y, 444, y + 31);
        }

        var (_, v) = Complete(p);

        if (textOnBothSides) Assert.Equal(0, Count(v, 445, 0, 455, H));
        else for (int y = 110; y < 590; y++) Assert.True(Count(v, 448, y, 454, y + 1) > 0, $"gap at y={y}");
    }

    [Fact]
    public void The_two_rows_a_table_carries_over_keep_column_lines_kept_whole_in_dashes_on_a_black_and_white_page()
    {
        // pdf-03's table 三 at 200 dpi black and white: its (七)总计 and 四、结转下年度继续办理 rows carried over to page 4, the
        // number columns' lines in dashes covering 90 % of them and 0.47 in long, shorter than a broken line must be. Lost,
        // the row lines are cut back to the last solid column line and the last numbers fall outside the grid.
        var p = new Page().VLine(100, 100, 240).VLine(250, 100, 240).HLine(100, 100, 800).HLine(170, 100, 800).HLine(240, 100, 800);
        foreach (var x in new[] { 450, 625, 800 }) p.VLine(x, 103, 237, on: 18, period: 20, text: true);

        var (h, v) = Complete(p);

        foreach (var x in new[] { 450, 625, 800 }) Assert.True(Count(v, x - 2, 110, x + 4, 230) >= 110, $"column line at {x} not found");
        var grid = Assert.Single(new RulingGridFinder(_options).Find(h, v, Dpi));
        Assert.Equal(2 * 4, grid.Cells.Count);
    }

    [Fact]
    public void Solid_rulings_are_kept_as_they_were_when_nothing_is_broken()
    {
        var p = new Page().VLine(100, 100, 600).VLine(800, 100, 600).HLine(100, 100, 800).HLine(600, 100, 800);

        var (h, v) = Complete(p);

        Assert.Equal(p.Horizontal, h.Ink);
        Assert.Equal(p.Vertical, v.Ink);
    }
}
