namespace ExtractReports.Pages.Ocr;

/// <summary>A ruled table found on a page image: its outline, the positions of its grid lines, and its
/// cells (merged cells spanning several grid rows or columns appear once).</summary>
public sealed record TableGrid(Box Bounds, IReadOnlyList<double> RowLines, IReadOnlyList<double> ColumnLines, IReadOnlyList<GridCell> Cells);

/// <summary>A cell of a grid: first grid row and column, how many it spans, and its box between the lines.</summary>
public sealed record GridCell(int Row, int Column, int RowSpan, int ColumnSpan, Box Box);

/// <summary>Finds ruled tables from the masks of horizontal and vertical ruling ink.</summary>
public interface IGridFinder
{
    IReadOnlyList<TableGrid> Find(BinaryImage horizontalRulings, BinaryImage verticalRulings, int dpi);
}
