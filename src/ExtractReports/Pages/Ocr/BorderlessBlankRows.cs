using ExtractReports.Lines;

namespace ExtractReports.Pages.Ocr;

/// <summary>
/// A borderless table's row printed blank has no cell to be seen empty: the whitespace grid finds rows by their numbers,
/// so the row's label stands alone and the table reader reads it as a row printed blank. A row whose digits the grid never
/// found (faint digits that binarisation lost) looks the same, and read blank it is sure and wrong (measured 2026-12-03 on
/// the scan-conditions matrix: a row of seven printed zeros of a borderless table 三 read blank at 0.995). So a label line
/// among a borderless table's rows, left of its numbers and joined to none of them, is looked at along its band across
/// the table's number columns, in the text ink and on the page as scanned (<see cref="CellReader.FaintInk"/>): only when
/// both are empty there are its cells marked <see cref="Cell.RowSeenEmptyAfter"/>, the evidence that the row is blank.
/// </summary>
public sealed class BorderlessBlankRows(OcrOptions options)
{
    /// <summary>How far above the table's first row and below its last a label line may lie, in rows: a first or last row
    /// printed blank has no number to put it inside the table's bounds.</summary>
    private const double RowsBeyondTable = 2;

    /// <param name="lines">The page's lines, table rows with their labels joined (<c>ScanPageReader.WithLabels</c>).</param>
    /// <param name="tables">Each borderless table read: the bounds of its number cells and the cells.</param>
    /// <param name="text">The page's text ink.</param>
    /// <param name="page">The page as scanned.</param>
    public IEnumerable<PlacedLine> Mark(IEnumerable<PlacedLine> lines, IReadOnlyList<(Box Bounds, List<Box> Cells)> tables, BinaryImage text,
        GrayImage page, int dpi)
    {
        int minInk = options.Px(Math.Sqrt(options.MinCellInkSquareInches), dpi);
        foreach (var line in lines)
        {
            // The table whose blank row the line may label (a default with no cells when none).
            if (line.Line.Cells.Count == 0 || tables.FirstOrDefault(t => IsBlankRowLabel(line, t)) is not { Cells: not null, Bounds: var bounds })
            { yield return line; continue; }
            int x0 = (int)bounds.X0, x1 = (int)Math.Ceiling(bounds.X1), y0 = (int)line.Box.Y0, y1 = (int)Math.Ceiling(line.Box.Y1);
            bool empty = CellReader.InkBounds(text, x0, y0, x1, y1, minInk) is null && CellReader.FaintInk(page, x0, y0, x1, y1, dpi, options) is null;
            yield return empty ? line with { Line = line.Line with { Cells = [.. line.Line.Cells.Select(c => c with { RowSeenEmptyAfter = true })] } } : line;
        }
    }

    /// <summary>A line that may be a row's label printed alone: left of the table's numbers, none of its cells among them, its
    /// middle within the table's rows (or <see cref="RowsBeyondTable"/> rows beyond them).</summary>
    private static bool IsBlankRowLabel(PlacedLine line, (Box Bounds, List<Box> Cells) table)
    {
        var (bounds, cells) = table;
        if (line.Box.X1 > bounds.X0 || line.Line.Cells.Any(c => c.Box is { } b && b.CenterX >= bounds.X0)) return false;
        double row = cells.Select(c => c.Height).Order().ElementAt(cells.Count / 2);
        double middle = line.Box.CenterY;
        return middle >= bounds.Y0 - RowsBeyondTable * row && middle <= bounds.Y1 + RowsBeyondTable * row;
    }
}
