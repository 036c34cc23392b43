using ExtractReports.Pages;

namespace ExtractReports.Lines;

/// <summary>A cell of a structured table (HTML, DOCX) as written: its text and how many grid columns and rows it covers.</summary>
public sealed record SpanCell(string Text, int ColSpan = 1, int RowSpan = 1);

/// <summary>
/// Boxes for cells of tables that carry structure but no page geometry (HTML, DOCX): x counts grid
/// columns and y grid rows, scaled so that a box looks like one on a text page, which lets the table
/// reader keep numbers in their columns the same way it does for PDF words.
/// </summary>
public sealed record GridGeometry
{
    /// <summary>Width given to one grid column, in points. Default 60 (a narrow numeric column on A4).</summary>
    public double ColumnWidth { get; init; } = 60;

    /// <summary>Height given to one grid row, in points. Default 20 (one line of 12 pt text with padding).</summary>
    public double RowHeight { get; init; } = 20;

    public Box Box(int row, int column, int rowSpan, int colSpan) =>
        new(column * ColumnWidth, row * RowHeight, (column + colSpan) * ColumnWidth, (row + rowSpan) * RowHeight);

    public void Validate()
    {
        if (ColumnWidth <= 0 || RowHeight <= 0) throw new ArgumentException("grid column width and row height must be positive");
    }
}

/// <summary>
/// Expands rows of spanning cells into a full grid and returns one delimited <see cref="Line"/> a row.
/// A cell spanning columns is one cell whose box covers them (its text is not repeated). A cell
/// spanning rows keeps its text in its first row; the rows below get a blank cell at its columns,
/// so every row has its cells at their true column positions and a label printed once for a group
/// is not read again as each member's label. Rows whose cells are all blank are spacing and dropped.
/// </summary>
public static class SpanGrid
{
    /// <param name="rows">The table's rows as written, cells left to right, cells covered by a span above left out.</param>
    /// <param name="firstRow">Grid row of the table's first row, so that boxes of consecutive tables do not overlap.</param>
    public static IReadOnlyList<Line> ToLines(IReadOnlyList<IReadOnlyList<SpanCell>> rows, GridGeometry geometry, int firstRow = 0)
    {
        // owner[r][c]: the cell placed at (r, c), with the row and column where it starts.
        var owner = new List<Placed?[]>();
        for (int r = 0; r < rows.Count; r++)
        {
            int c = 0;
            foreach (var cell in rows[r])
            {
                while (At(owner, r, c) is not null) c++;
                int colSpan = Math.Max(1, cell.ColSpan);
                // rowspan 0 means "to the end of the table", as in HTML; a span past the end is cut there.
                int rowSpan = cell.RowSpan <= 0 ? rows.Count - r : Math.Min(cell.RowSpan, rows.Count - r);
                var placed = new Placed(cell, r, c, rowSpan, colSpan);
                for (int dr = 0; dr < rowSpan; dr++)
                    for (int dc = 0; dc < colSpan; dc++)
                        Set(owner, r + dr, c + dc, placed);
                c += colSpan;
            }
        }

        var lines = new List<Line>();
        for (int r = 0; r < rows.Count; r++)
        {
            var cells = new List<Cell>();
            var row = r < owner.Count ? owner[r] : [];
            for (int c = 0; c < row.Length; c++)
            {
                var p = row[c];
                if (p is null || p.Column != c) continue; // not covered, or inside a column span
                var box = geometry.Box(firstRow + r, c, p.Row == r ? p.RowSpan : 1, p.ColSpan);
                cells.Add(new Cell(p.Row == r ? p.Cell.Text : "", box));
            }
            var line = new Line(cells, Delimited: true);
            if (cells.Count > 0 && !line.IsBlank) lines.Add(line);
        }
        return lines;
    }

    private sealed record Placed(SpanCell Cell, int Row, int Column, int RowSpan, int ColSpan);

    private static Placed? At(List<Placed?[]> owner, int r, int c) =>
        r < owner.Count && c < owner[r].Length ? owner[r][c] : null;

    private static void Set(List<Placed?[]> owner, int r, int c, Placed p)
    {
        while (owner.Count <= r) owner.Add([]);
        if (owner[r].Length <= c)
        {
            var grown = new Placed?[c + 1];
            owner[r].CopyTo(grown, 0);
            owner[r] = grown;
        }
        owner[r][c] = p;
    }
}
