using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

public class RulingGridFinderTests
{
    private const int Dpi = 300;
    private readonly RulingGridFinder _finder = new(new OcrOptions());

    /// <summary>Ruling masks drawn in code: each line 3 px thick.</summary>
    private sealed class Masks(int width, int height)
    {
        public readonly byte[] H = new byte[width * height];
        public readonly byte[] V = new byte[width * height];

        public Masks HLine(int y, int x0, int x1)
        {
            for (int t = 0; t < 3; t++) for (int x = x0; x <= x1; x++) H[(y + t) * width + x] = 1;
            return this;
        }

        public Masks VLine(int x, int y0, int y1)
        {
            for (int t = 0; t < 3; t++) for (int y = y0; y <= y1; y++) V[y * width + x + t] = 1;
            return this;
        }

        public (BinaryImage, BinaryImage) Build() => (new BinaryImage(width, height, H), new BinaryImage(width, height, V));
    }

    [Fact]
    public void Full_grid_gives_every_cell()
    {
        var m = new Masks(1000, 600);
        foreach (var y in new[] { 100, 200, 300, 400 }) m.HLine(y, 100, 900);
        foreach (var x in new[] { 100, 500, 700, 900 }) m.VLine(x, 100, 402);
        var (h, v) = m.Build();

        var grid = Assert.Single(_finder.Find(h, v, Dpi));

        Assert.Equal(9, grid.Cells.Count);
        Assert.All(grid.Cells, c => Assert.Equal((1, 1), (c.RowSpan, c.ColumnSpan)));
        var middle = grid.Cells.Single(c => c is { Row: 1, Column: 1 });
        Assert.InRange(middle.Box.X0, 499, 503);
        Assert.InRange(middle.Box.Y1, 299, 303);
    }

    [Fact]
    public void Missing_border_merges_cells_into_a_spanning_cell()
    {
        var m = new Masks(1000, 600);
        foreach (var y in new[] { 100, 300, 400 }) m.HLine(y, 100, 900);
        m.HLine(200, 500, 900); // no line under the first column: its cell spans two rows
        foreach (var x in new[] { 100, 500, 900 }) m.VLine(x, 100, 402);
        m.VLine(700, 200, 402); // the header row's second cell spans two columns
        var (h, v) = m.Build();

        var grid = Assert.Single(_finder.Find(h, v, Dpi));

        var label = grid.Cells.Single(c => c is { Row: 0, Column: 0 });
        Assert.Equal((2, 1), (label.RowSpan, label.ColumnSpan));
        var header = grid.Cells.Single(c => c is { Row: 0, Column: 1 });
        Assert.Equal((1, 2), (header.RowSpan, header.ColumnSpan));
        Assert.Equal(7, grid.Cells.Count); // label, header, two cells in row 1, three in row 2
    }

    [Fact]
    public void Table_without_side_borders_reaches_the_ends_of_its_lines()
    {
        var m = new Masks(1000, 600);
        foreach (var y in new[] { 100, 200, 300 }) m.HLine(y, 100, 900);
        m.VLine(500, 100, 302); // only an inner column line
        var (h, v) = m.Build();

        var grid = Assert.Single(_finder.Find(h, v, Dpi));

        Assert.Equal(4, grid.Cells.Count);
        Assert.InRange(grid.Bounds.X0, 99, 101);
        Assert.InRange(grid.Bounds.X1, 899, 903);
    }

    [Fact]
    public void Separate_tables_are_found_apart_and_in_page_order()
    {
        var m = new Masks(1000, 1000);
        foreach (var y in new[] { 600, 700, 800 }) m.HLine(y, 100, 900);
        foreach (var x in new[] { 100, 900 }) m.VLine(x, 600, 802);
        foreach (var y in new[] { 100, 200 }) m.HLine(y, 100, 600);
        foreach (var x in new[] { 100, 300, 600 }) m.VLine(x, 100, 202);
        var (h, v) = m.Build();

        var grids = _finder.Find(h, v, Dpi);

        Assert.Equal(2, grids.Count);
        Assert.Equal(2, grids[0].Cells.Count);
        Assert.Equal(2, grids[1].Cells.Count);
        Assert.True(grids[0].Bounds.Y0 < grids[1].Bounds.Y0);
    }

    [Fact]
    public void Lines_that_never_cross_are_no_table()
    {
        var m = new Masks(1000, 600);
        m.HLine(100, 100, 900).HLine(300, 100, 900); // a three-line table without a vertical line
        var (h, v) = m.Build();
        Assert.Empty(_finder.Find(h, v, Dpi));
    }
}
