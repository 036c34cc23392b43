using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

public class WhitespaceGridFinderTests
{
    private const int Dpi = 300;
    private readonly WhitespaceGridFinder _finder = new(new OcrOptions());

    /// <summary>A page of text ink drawn in code: labels (with the OCR words that read them) and digit-sized blocks.</summary>
    private sealed class Page(int width, int height)
    {
        public readonly byte[] Ink = new byte[width * height];
        public readonly List<OcrWord> Words = [];

        public Page Fill(int x0, int y0, int x1, int y1)
        {
            for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) Ink[y * width + x] = 1;
            return this;
        }

        /// <summary>A Chinese label read surely by whole-page OCR.</summary>
        public Page Label(string text, int x0, int y0, int x1, int y1)
        {
            Fill(x0, y0, x1, y1);
            Words.Add(new OcrWord(text, new Box(x0, y0, x1, y1), 0.95, 0.9));
            return this;
        }

        /// <summary>A one-digit number, 20 x 30 px (0.1 in high at 300 dpi), its middle at x.</summary>
        public Page Digit(int x, int y) => Fill(x - 10, y, x + 10, y + 30);

        public BinaryImage Build() => new(width, height, Ink);
    }

    [Fact]
    public void Borderless_table_gives_its_columns_and_rows_with_a_blank_cell_in_its_column()
    {
        var page = new Page(1200, 600).Label("信息内容本年新收总计", 100, 20, 1100, 60);
        int[] columns = [600, 800, 1000];
        for (int r = 0; r < 4; r++)
        {
            int y = 100 + r * 100;
            page.Label("行政许可", 100, y - 5, 400, y + 35);
            for (int c = 0; c < 3; c++)
                if (!(r == 2 && c == 1)) page.Digit(columns[c], y); // row 2 has no number in the middle column
        }

        var grid = Assert.Single(_finder.Find(page.Build(), page.Words, [], Dpi));

        Assert.Equal(4, grid.RowLines.Count - 1);
        Assert.Equal(3, grid.ColumnLines.Count - 1);
        Assert.Equal(12, grid.Cells.Count);
        var blank = grid.Cells.Single(c => c is { Row: 2, Column: 1 });
        Assert.InRange(blank.Box.CenterX, 790, 810);
        Assert.InRange(blank.Box.CenterY, 305, 325);
        Assert.True(grid.Bounds.X0 > 400, "the label column is not part of the grid");
    }

    [Fact]
    public void Rows_whose_numbers_move_to_other_columns_start_another_table()
    {
        var page = new Page(1200, 700);
        for (int r = 0; r < 3; r++) { page.Label("属于", 100, 95 + r * 80, 300, 135 + r * 80); page.Digit(500, 100 + r * 80); page.Digit(800, 100 + r * 80); }
        for (int r = 0; r < 3; r++) { page.Label("属于", 100, 395 + r * 80, 300, 435 + r * 80); page.Digit(600, 400 + r * 80); page.Digit(950, 400 + r * 80); }

        var grids = _finder.Find(page.Build(), page.Words, [], Dpi);

        Assert.Equal(2, grids.Count);
        Assert.All(grids, g => Assert.Equal(6, g.Cells.Count));
        Assert.True(grids[0].Bounds.Y1 < grids[1].Bounds.Y0);
    }

    [Fact]
    public void Digits_in_prose_and_a_lone_page_number_are_no_table()
    {
        var page = new Page(1200, 600)
            .Label("全年主动公开政府信息", 100, 100, 700, 140).Digit(720, 105).Digit(745, 105) // "…信息 24 条": touches its text
            .Label("条", 765, 100, 800, 140)
            .Digit(600, 500); // a page number: alone, no label

        Assert.Empty(_finder.Find(page.Build(), page.Words, [], Dpi));
    }

    [Fact]
    public void Ruled_tables_already_read_are_left_out()
    {
        var page = new Page(1200, 400);
        for (int r = 0; r < 2; r++) { page.Label("规章", 100, 95 + r * 80, 300, 135 + r * 80); page.Digit(600, 100 + r * 80); page.Digit(900, 100 + r * 80); }

        Assert.Empty(_finder.Find(page.Build(), page.Words, [new Box(50, 50, 1150, 300)], Dpi));
    }
}
