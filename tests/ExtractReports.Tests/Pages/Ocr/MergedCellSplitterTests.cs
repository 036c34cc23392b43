using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

/// <summary>
/// A row line a fax-like scan broke in a label column (a piece of it left, too short to count as drawn, beside a label
/// spanning rows so the grid cannot complete it) no longer merges two rows' labels into one cell; a label spanning rows
/// by the table's design stays one cell, and so does a cell whose text runs through the broken line.
/// </summary>
public class MergedCellSplitterTests
{
    private const int W = 1200, H = 800, Dpi = 300;
    private static readonly int[] Columns = [100, 300, 600, 750, 900, 1050];
    private static readonly OcrOptions Options = new();

    private readonly byte[] _horizontal = new byte[W * H], _vertical = new byte[W * H], _text = new byte[W * H];

    /// <summary>Rows 100 px high from y 100 to 700; the group column (100-300) spans rows 1-4, and the row line at
    /// y 400 is lost over the label column (300-600) but for a piece from 420 to 480.</summary>
    public MergedCellSplitterTests()
    {
        for (int y = 100; y <= 700; y += 100)
            for (int c = 0; c + 1 < Columns.Length; c++)
            {
                if (c == 0 && y is 300 or 400 or 500) continue;
                if (c == 1 && y == 400) { Line(_horizontal, 420, 480, y, across: true); continue; }
                Line(_horizontal, Columns[c], Columns[c + 1], y, across: true);
            }
        foreach (int x in Columns) Line(_vertical, 100, 700, x, across: false);
        Block(130, 370, 270, 430);   // the group label, printed in the middle of its rows: over the line at y 400
        Block(320, 330, 580, 370);   // row 2's label
        Block(320, 430, 580, 470);   // row 3's label
    }

    private static void Line(byte[] mask, int from, int to, int at, bool across)
    {
        for (int a = from; a <= to; a++)
            for (int t = 0; t < 3; t++) mask[across ? (at + t) * W + a : a * W + at + t] = 1;
    }

    private void Block(int x0, int y0, int x1, int y1)
    {
        for (int y = y0; y <= y1; y++) for (int x = x0; x <= x1; x++) _text[y * W + x] = 1;
    }

    private TableGrid Split(TableGrid grid) =>
        new MergedCellSplitter(Options).Split(grid, new BinaryImage(W, H, _horizontal), new BinaryImage(W, H, _vertical), new BinaryImage(W, H, _text), Dpi);

    private TableGrid Found() => Assert.Single(new RulingGridFinder(Options).Find(new BinaryImage(W, H, _horizontal), new BinaryImage(W, H, _vertical), Dpi));

    private static GridCell At(TableGrid grid, int row, int column) =>
        Assert.Single(grid.Cells, c => row >= c.Row && row < c.Row + c.RowSpan && column >= c.Column && column < c.Column + c.ColumnSpan);

    [Fact]
    public void Two_rows_labels_merged_by_a_broken_line_are_cut_apart()
    {
        var found = Found();
        Assert.Equal(2, At(found, 2, 1).RowSpan);
        var grid = Split(found);
        Assert.Equal((2, 1), (At(grid, 2, 1).Row, At(grid, 2, 1).RowSpan));
        Assert.Equal((3, 1), (At(grid, 3, 1).Row, At(grid, 3, 1).RowSpan));
        // Each grid place is one cell's: no cell read twice.
        Assert.Equal(6 * 5 - 3, grid.Cells.Count);
    }

    [Fact]
    public void A_label_spanning_rows_by_design_stays_one_cell()
    {
        var grid = Split(Found());
        Assert.Equal((1, 4), (At(grid, 2, 0).Row, At(grid, 2, 0).RowSpan));
    }

    [Fact]
    public void A_cell_whose_text_runs_through_the_broken_line_stays_one_cell()
    {
        Block(320, 360, 340, 440);   // a stroke of the label column's text through y 400
        var grid = Split(Found());
        Assert.Equal((2, 2), (At(grid, 2, 1).Row, At(grid, 2, 1).RowSpan));
    }
}
