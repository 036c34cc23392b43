using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

/// <summary>
/// A table whose hairlines a scan lost for stretches is still one grid of single cells: pieces lying over each other
/// are joined, line pieces that cross nothing are taken into the table they lie in, and a border lost between two drawn
/// stretches is completed; merged cells of the table's design (a label spanning rows, a title row across sub-tables,
/// a last-row label spanning columns) and a box round a table stay as they are.
/// </summary>
public class RulingGridCompletionTests
{
    private const int W = 1200, H = 1300, Dpi = 300;

    /// <summary>The grid steps as measured (and as the defaults are since round 7), spelled out so the tests hold them.</summary>
    private static readonly OcrOptions On = new() { JoinGridPieces = true, BorderPresentFraction = 0.3, MaxCompletedCells = 4 };

    private sealed class Masks
    {
        public readonly byte[] Horizontal = new byte[W * H];
        public readonly byte[] Vertical = new byte[W * H];

        public Masks HLine(int y, int x0, int x1)
        {
            for (int x = x0; x <= x1; x++) for (int t = 0; t < 2; t++) Horizontal[(y + t) * W + x] = 1;
            return this;
        }

        public Masks VLine(int x, int y0, int y1)
        {
            for (int y = y0; y <= y1; y++) for (int t = 0; t < 2; t++) Vertical[y * W + x + t] = 1;
            return this;
        }

        public IReadOnlyList<TableGrid> Grids(OcrOptions? options = null) =>
            new RulingGridFinder(options ?? On).Find(new BinaryImage(W, H, Horizontal), new BinaryImage(W, H, Vertical), Dpi);
    }

    /// <summary>Rows 100 px high from y 100, columns at <paramref name="columns"/>; <paramref name="vertical"/> says whether
    /// the column line at x is drawn in row r, <paramref name="horizontal"/> whether the row line at y is drawn over column c.</summary>
    private static Masks Table(int rows, int[] columns, Func<int, int, bool>? vertical = null, Func<int, int, bool>? horizontal = null)
    {
        var m = new Masks();
        for (int r = 0; r <= rows; r++)
            for (int c = 0; c + 1 < columns.Length; c++)
                if (r == 0 || r == rows || horizontal?.Invoke(100 + 100 * r, c) != false) m.HLine(100 + 100 * r, columns[c], columns[c + 1]);
        for (int i = 0; i < columns.Length; i++)
            for (int r = 0; r < rows; r++)
                if (i == 0 || i == columns.Length - 1 || vertical?.Invoke(columns[i], r) != false) m.VLine(columns[i], 100 + 100 * r, 200 + 100 * r);
        return m;
    }

    private static readonly int[] Columns = [100, 400, 550, 700, 850, 1000];

    private static bool AllSingle(TableGrid g) => g.Cells.All(c => c.RowSpan == 1 && c.ColumnSpan == 1);

    [Fact]
    public void Column_lines_lost_for_two_rows_are_completed()
    {
        // Every number column line lost in rows 3 and 4 (the row line between them is drawn).
        var table = Table(7, Columns, vertical: (x, r) => x == 100 || x == 1000 || r is not (3 or 4));
        var grid = Assert.Single(table.Grids());
        Assert.Equal(7 * 5, grid.Cells.Count);
        Assert.True(AllSingle(grid));
        // As found, each of the two rows is one cell.
        Assert.Equal(7 * 5 - 8, Assert.Single(table.Grids(On with { MaxCompletedCells = 0 })).Cells.Count);
    }

    [Fact]
    public void A_row_line_lost_over_two_columns_is_completed()
    {
        var grid = Assert.Single(Table(5, Columns, horizontal: (y, c) => !(y == 400 && c is 1 or 2)).Grids());
        Assert.True(AllSingle(grid));
    }

    [Fact]
    public void A_column_line_lost_in_one_row_among_drawn_ones_is_completed()
    {
        var grid = Assert.Single(Table(5, Columns, vertical: (x, r) => !(x == 400 && r == 2)).Grids());
        Assert.True(AllSingle(grid));
    }

    [Fact]
    public void A_column_line_lost_in_the_last_row_under_single_cells_is_completed()
    {
        var grid = Assert.Single(Table(4, Columns, vertical: (x, r) => !(x == 700 && r == 3)).Grids());
        Assert.True(AllSingle(grid));
    }

    [Fact]
    public void Row_lines_lost_in_the_last_number_column_are_completed()
    {
        // hzq2023_working's 总计 column at 200 dpi black and white: its row lines left in dots for five rows running.
        var table = Table(7, Columns, horizontal: (y, c) => !(c == 4 && y is >= 300 and <= 700));
        Assert.True(AllSingle(Assert.Single(table.Grids())));
        // As found, the five rows' totals are one cell.
        Assert.Single(Assert.Single(table.Grids(On with { MaxCompletedCells = 0 })).Cells, c => c.Column == 4 && c.RowSpan == 6);
    }

    [Fact]
    public void The_first_row_of_a_table_run_on_from_the_page_before_keeps_its_numbers_apart()
    {
        // hzq2023_working's page 4 at 200 dpi black and white: the first row's number column lines lost whole (one line among
        // them drawn), and with them the row line under its total: four zeros read as one cell and the next row's total
        // joined to this one's.
        var table = Table(5, Columns, vertical: (x, r) => !(r == 0 && x is 550 or 850), horizontal: (y, c) => !(y == 200 && c == 4));
        Assert.True(AllSingle(Assert.Single(table.Grids())));
        Assert.Single(Assert.Single(table.Grids(On with { MaxCompletedCells = 0 })).Cells, c => c.Row == 0 && c.Column == 1 && c.ColumnSpan == 2);
    }

    [Fact]
    public void A_first_row_header_over_header_cells_spanning_rows_stays_merged()
    {
        // Table 四's 行政复议 over 结果维持, 结果纠正...: the cells under the header span two rows down to the values.
        var table = Table(4, Columns, vertical: (x, r) => !(r == 0 && x is 550 or 700 or 850), horizontal: (y, c) => !(y == 300 && c >= 1));
        var header = Assert.Single(Assert.Single(table.Grids()).Cells, c => c.Row == 0 && c.Column == 1);
        Assert.Equal(4, header.ColumnSpan);
    }

    [Fact]
    public void A_last_column_header_spanning_rows_beside_a_cell_spanning_columns_stays_merged()
    {
        // Table 三's header: 申请人情况 across the number columns; under it 总计 spans two header rows, and left of it
        // 法人或其他组织 spans two number columns.
        var table = Table(6, Columns, vertical: (x, r) => !(r == 0 && x is 550 or 700 or 850) && !(x == 700 && r == 1),
            horizontal: (y, c) => !(c == 4 && y == 300));
        var grid = Assert.Single(table.Grids());
        Assert.Equal(2, Assert.Single(grid.Cells, c => c.Row == 1 && c.Column == 4).RowSpan);
        Assert.Equal(2, Assert.Single(grid.Cells, c => c.Row == 1 && c.Column == 2).ColumnSpan);
        Assert.Equal(4, Assert.Single(grid.Cells, c => c.Row == 0 && c.Column == 1).ColumnSpan);
    }

    [Fact]
    public void A_label_spanning_rows_stays_merged()
    {
        // Column 0 is one label cell over rows 1-3; the row lines under it are not drawn there, nor is the table's edge left of it.
        var grid = Assert.Single(Table(5, Columns, horizontal: (y, c) => !(c == 0 && y is 300 or 400)).Grids());
        var label = Assert.Single(grid.Cells, c => c.Column == 0 && c.Row == 1);
        Assert.Equal(3, label.RowSpan);
    }

    [Fact]
    public void A_title_row_across_the_columns_stays_one_cell()
    {
        // Row 2 is a title row: no column line drawn in it, the ones above and below line up.
        var grid = Assert.Single(Table(5, Columns, vertical: (x, r) => r != 2).Grids());
        var title = Assert.Single(grid.Cells, c => c.Row == 2);
        Assert.Equal(5, title.ColumnSpan);
    }

    [Fact]
    public void A_last_row_label_spanning_columns_under_a_wider_cell_stays_merged()
    {
        // The last row's label spans columns 0-1, and so does the cell above it: nothing to complete.
        var grid = Assert.Single(Table(4, Columns, vertical: (x, r) => !(x == 400 && r >= 2)).Grids());
        Assert.Equal(2, Assert.Single(grid.Cells, c => c.Row == 3 && c.Column == 0).ColumnSpan);
    }

    /// <summary>Table 三's columns: a narrow first label column (三、本年度办理结果 spanning its rows), a second label column,
    /// a wide third, then five number columns.</summary>
    private static readonly int[] LabelColumns = [100, 160, 260, 560, 660, 760, 860, 960, 1060];

    [Fact]
    public void A_last_row_label_spanning_the_label_columns_beside_a_label_spanning_rows_stays_merged()
    {
        // c1-blank-rows-scan's page 3: the first column one cell over all six rows, the second a label spanning rows 2-4
        // (so the cells above the last row are one column wide on both sides of the line at 260), and the last row's
        // label ((七)总计) spanning the second and third columns. Completing the line at 260 split (七)总计 and put an empty
        // cell before its numbers.
        var m = Table(6, LabelColumns,
            vertical: (x, r) => !(x == 260 && r == 5),
            horizontal: (y, c) => !(c == 0 || (c == 1 && y is 400 or 500)));
        var grid = Assert.Single(m.Grids());
        Assert.Equal(2, Assert.Single(grid.Cells, c => c.Row == 5 && c.Column == 1).ColumnSpan);
        // The number columns' lines lost in the same last row are still completed.
        var lost = Table(6, LabelColumns,
            vertical: (x, r) => !((x == 260 || x == 760) && r == 5),
            horizontal: (y, c) => !(c == 0 || (c == 1 && y is 400 or 500)));
        Assert.Single(Assert.Single(lost.Grids()).Cells, c => c.Row == 5 && c.Column == 4 && c.ColumnSpan == 1);
    }

    [Fact]
    public void A_last_row_label_spanning_the_first_columns_on_a_page_the_table_runs_over_stays_merged()
    {
        // scan-04-mixed-serif's page 4: the table's last two rows, (七)总计 beside the first column's continued cell, then
        // 四、结转下年度继续办理 spanning both label columns. Both cells above the line at 160 are one column wide.
        int[] columns = [100, 160, 560, 660, 760, 860, 960, 1060];
        var grid = Assert.Single(Table(2, columns, vertical: (x, r) => !(x == 160 && r == 1)).Grids());
        Assert.Equal(2, Assert.Single(grid.Cells, c => c.Row == 1 && c.Column == 0).ColumnSpan);
    }

    [Fact]
    public void Pieces_lying_over_each_other_are_one_table()
    {
        // The label column's lines and the number columns' lines cross nothing of each other: the column line between
        // them is lost, the row lines stop short of it on both sides, and the number columns' lines are lost in the last
        // row, under the bottom border that the label piece holds.
        var m = new Masks();
        m.VLine(100, 100, 500).VLine(150, 100, 500).HLine(500, 100, 1000);
        for (int r = 0; r < 4; r++) { m.HLine(100 + 100 * r, 100, 380); m.HLine(100 + 100 * r, 420, 1000); }
        foreach (var x in Columns.Skip(2)) m.VLine(x, 100, 450);
        var grid = Assert.Single(m.Grids());
        Assert.Equal(4, grid.RowLines.Count - 1);
    }

    [Fact]
    public void A_row_line_piece_crossing_nothing_is_a_line_of_the_table_it_lies_in()
    {
        // The row line at y 300 is lost at both its column crossings: a piece in the middle of the label cell is left.
        var m = Table(4, Columns, horizontal: (y, c) => !(y == 300 && c == 0));
        m.HLine(300, 150, 350);
        var grid = Assert.Single(m.Grids());
        Assert.True(AllSingle(grid));
    }

    [Fact]
    public void A_box_round_a_table_is_no_piece_of_it()
    {
        var m = Table(4, Columns);
        m.HLine(20, 20, 1150).HLine(1250, 20, 1150).VLine(20, 20, 1250).VLine(1150, 20, 1250);
        var grids = m.Grids();
        Assert.Equal(2, grids.Count);
        Assert.Contains(grids, g => g.Cells.Count == 4 * 5 && AllSingle(g));
    }
}
