namespace ExtractReports.Pages.Ocr;

/// <summary>
/// Splits a grid's merged cells that a scan made: a fax-like scan breaks a hairline border into pieces too short to count as
/// drawn, and the cells on both sides merge: two rows' labels in one cell, read as one line and placed in one row (the other
/// row left without a label, or a label confirming the wrong row's numbers). A merged cell of the table's design has no
/// border inside it; one a scan merged keeps a piece of it. A cell is cut along a grid line inside it where the ruling
/// masks hold a piece of that line within the cell (<see cref="OcrOptions.MinCellCutInches"/> long) and no text crosses
/// the line (ink running through it farther than a ruling is thick, <see cref="OcrOptions.CellCutCrossingInches"/> either
/// side): a label printed in a merged cell's middle often sits over a grid line of the rows beside it.
/// </summary>
public sealed class MergedCellSplitter(OcrOptions options)
{
    public TableGrid Split(TableGrid grid, BinaryImage horizontal, BinaryImage vertical, BinaryImage text, int dpi)
    {
        if (grid.Cells.All(c => c.RowSpan == 1 && c.ColumnSpan == 1)) return grid;
        int tol = options.Px(options.RulingMergeInches, dpi);
        var hs = RulingGridFinder.Segments(horizontal, horizontal: true, tol);
        var vs = RulingGridFinder.Segments(vertical, horizontal: false, tol);
        var cut = new Cutter(grid, hs, vs, text, tol, options.Px(options.MinCellCutInches, dpi), Math.Max(1, options.Px(options.CellCutCrossingInches, dpi)));
        var cells = grid.Cells.SelectMany(c => c.RowSpan == 1 && c.ColumnSpan == 1 ? [c] : Pieces(grid, c, cut)).ToList();
        if (cells.Count == grid.Cells.Count) return grid;
        cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
        return grid with { Cells = cells };
    }

    /// <summary>
    /// A merged cell's pieces. Cells merged round another (a ring of lost borders round a label spanning rows) come out
    /// as their bounding box, which holds that other cell too: a piece keeps only the grid places no smaller cell holds,
    /// and is dropped when it keeps none; a cell not cut stays as it was.
    /// </summary>
    private static IEnumerable<GridCell> Pieces(TableGrid grid, GridCell cell, Cutter cut)
    {
        var pieces = cut.Pieces(cell.Row, cell.Column, cell.Row + cell.RowSpan - 1, cell.Column + cell.ColumnSpan - 1);
        if (pieces.Count == 1) return [cell];
        int area = cell.RowSpan * cell.ColumnSpan;
        var smaller = grid.Cells.Where(o => o != cell && o.RowSpan * o.ColumnSpan < area).ToList();
        bool Owned(int r, int c) => !smaller.Any(o => r >= o.Row && r < o.Row + o.RowSpan && c >= o.Column && c < o.Column + o.ColumnSpan);
        var kept = new List<GridCell>();
        foreach (var p in pieces)
        {
            var owned = (from r in Enumerable.Range(p.Row, p.RowSpan) from c in Enumerable.Range(p.Column, p.ColumnSpan) where Owned(r, c) select (r, c)).ToList();
            if (owned.Count == 0) continue;
            int r0 = owned.Min(o => o.r), r1 = owned.Max(o => o.r), c0 = owned.Min(o => o.c), c1 = owned.Max(o => o.c);
            // What is left is no rectangle: the piece stays whole, as the cell did.
            if (owned.Count != (r1 - r0 + 1) * (c1 - c0 + 1)) { kept.Add(p); continue; }
            kept.Add(new GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1,
                new Box(grid.ColumnLines[c0], grid.RowLines[r0], grid.ColumnLines[c1 + 1], grid.RowLines[r1 + 1])));
        }
        return kept;
    }

    private sealed class Cutter(TableGrid grid, List<RulingGridFinder.Segment> hs, List<RulingGridFinder.Segment> vs, BinaryImage text,
        int tol, int minPiece, int reach)
    {
        private readonly IReadOnlyList<double> _rows = grid.RowLines, _cols = grid.ColumnLines;

        /// <summary>The cell spanning rows r0..r1 and columns c0..c1, cut where a scan merged it: column lines first (a
        /// label column merged with the one beside it), then row lines, each piece looked at again.</summary>
        public List<GridCell> Pieces(int r0, int c0, int r1, int c1)
        {
            for (int c = c0 + 1; c <= c1; c++)
                if (Cuts(vs, _cols[c], _rows[r0], _rows[r1 + 1], across: false))
                    return [.. Pieces(r0, c0, r1, c - 1), .. Pieces(r0, c, r1, c1)];
            for (int r = r0 + 1; r <= r1; r++)
                if (Cuts(hs, _rows[r], _cols[c0], _cols[c1 + 1], across: true))
                    return [.. Pieces(r0, c0, r - 1, c1), .. Pieces(r, c0, r1, c1)];
            return [new GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, new Box(_cols[c0], _rows[r0], _cols[c1 + 1], _rows[r1 + 1]))];
        }

        /// <summary>Whether the line at <paramref name="pos"/> between <paramref name="from"/> and <paramref name="to"/> keeps
        /// a piece inside the cell and no text crosses it.</summary>
        private bool Cuts(List<RulingGridFinder.Segment> segments, double pos, double from, double to, bool across)
        {
            double inside = segments.Where(s => Math.Abs(s.Pos - pos) <= tol)
                .Sum(s => Math.Max(0, Math.Min(s.End, to - tol) - Math.Max(s.Start, from + tol)));
            return inside >= minPiece && !Crossed((int)Math.Round(pos), (int)from + tol, (int)to - tol, across);
        }

        /// <summary>Whether ink runs through the line at <paramref name="pos"/> (a row line when <paramref name="across"/>)
        /// from <c>reach</c> pixels before it to as far after it, anywhere from <paramref name="from"/> to <paramref name="to"/>.</summary>
        private bool Crossed(int pos, int from, int to, bool across)
        {
            int extent = across ? text.Height : text.Width, length = across ? text.Width : text.Height;
            if (pos - reach < 0 || pos + reach >= extent) return false;
            for (int a = Math.Max(0, from); a < Math.Min(length, to); a++)
            {
                bool through = true;
                for (int d = -reach; d <= reach && through; d++)
                    through = (across ? text.Ink[(pos + d) * text.Width + a] : text.Ink[a * text.Width + pos + d]) != 0;
                if (through) return true;
            }
            return false;
        }
    }
}
