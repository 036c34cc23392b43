namespace ExtractReports.Pages.Ocr;

/// <summary>
/// Builds table grids from ruling masks (the page opened with long horizontal and vertical bricks):
/// projections give the line segments, crossing segments make up one table, the distinct line positions
/// its grid, and a border that is not drawn between two grid cells merges them (spanned cells).
/// Tables without outer side borders get their outline from the ends of their lines.
/// </summary>
public sealed class RulingGridFinder(OcrOptions options) : IGridFinder
{
    /// <summary>A stretch of a ruling line: its position across, and where it starts and ends along, pixels.</summary>
    internal readonly record struct Segment(double Pos, double Start, double End);

    public IReadOnlyList<TableGrid> Find(BinaryImage horizontalRulings, BinaryImage verticalRulings, int dpi)
    {
        int tol = options.Px(options.RulingMergeInches, dpi);
        var hs = Segments(horizontalRulings, horizontal: true, tol);
        var vs = Segments(verticalRulings, horizontal: false, tol);
        if (hs.Count < 2 || vs.Count < 1) return [];

        // Union-find over segments: a horizontal and a vertical segment that cross (or touch) are one table.
        var parent = Enumerable.Range(0, hs.Count + vs.Count).ToArray();
        int FindRoot(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        for (int i = 0; i < hs.Count; i++)
            for (int j = 0; j < vs.Count; j++)
                if (vs[j].Pos >= hs[i].Start - tol && vs[j].Pos <= hs[i].End + tol
                    && hs[i].Pos >= vs[j].Start - tol && hs[i].Pos <= vs[j].End + tol)
                    parent[FindRoot(i)] = FindRoot(hs.Count + j);

        var tables = new List<TableGrid>();
        var groups = Enumerable.Range(0, parent.Length).GroupBy(FindRoot)
            .Select(g => (H: g.Where(i => i < hs.Count).Select(i => hs[i]).ToList(), V: g.Where(i => i >= hs.Count).Select(i => vs[i - hs.Count]).ToList()))
            .ToList();
        foreach (var (th, tv) in options.JoinGridPieces ? Pieced(groups, tol) : groups.Where(g => g.H.Count >= 2 && g.V.Count >= 1).ToList())
            if (Build(th, tv, tol) is { } grid) tables.Add(grid);
        return tables.OrderBy(t => t.Bounds.Y0).ToList();
    }

    /// <summary>
    /// The tables of a page from its groups of crossing segments. A table whose hairlines a scan lost for stretches falls
    /// apart into groups that cross nothing of each other: its label columns one grid and its number columns another, lying
    /// over each other, and row-line pieces between two lost column lines that cross nothing at all. Tables do not overlap,
    /// so groups whose outlines overlap are one table, and a segment lying inside a table's outline is one of its lines.
    /// </summary>
    private static List<(List<Segment> H, List<Segment> V)> Pieced(List<(List<Segment> H, List<Segment> V)> groups, int tol)
    {
        var tables = groups.Where(g => g.H.Count >= 2 && g.V.Count >= 1).ToList();
        var loose = groups.Where(g => g.H.Count < 2 || g.V.Count < 1).ToList();
        for (bool merged = true; merged;)
        {
            merged = false;
            for (int i = 0; i < tables.Count && !merged; i++)
                for (int j = i + 1; j < tables.Count && !merged; j++)
                {
                    var (a, b) = (Outline(tables[i]), Outline(tables[j]));
                    if (Math.Min(a.X1, b.X1) - Math.Max(a.X0, b.X0) <= tol || Math.Min(a.Y1, b.Y1) - Math.Max(a.Y0, b.Y0) <= tol) continue;
                    // A box drawn round a table (a page frame, a boxed section) is no piece of it.
                    if (Frame(tables[i], b, tol) || Frame(tables[j], a, tol)) continue;
                    tables[i] = ([.. tables[i].H, .. tables[j].H], [.. tables[i].V, .. tables[j].V]);
                    tables.RemoveAt(j);
                    merged = true;
                }
        }
        foreach (var table in tables)
        {
            var o = Outline(table);
            foreach (var (h, v) in loose)
            {
                table.H.AddRange(h.Where(s => s.Pos > o.Y0 + tol && s.Pos < o.Y1 - tol && s.Start >= o.X0 - tol && s.End <= o.X1 + tol));
                table.V.AddRange(v.Where(s => s.Pos > o.X0 + tol && s.Pos < o.X1 - tol && s.Start >= o.Y0 - tol && s.End <= o.Y1 + tol));
            }
        }
        return tables;
    }

    /// <summary>Whether a group is a plain box (two lines each way) round <paramref name="inner"/>.</summary>
    private static bool Frame((List<Segment> H, List<Segment> V) g, Box inner, int tol)
    {
        var o = Outline(g);
        return Cluster(g.H.Select(s => s.Pos), tol).Count <= 2 && Cluster(g.V.Select(s => s.Pos), tol).Count <= 2
            && o.X0 <= inner.X0 + tol && o.Y0 <= inner.Y0 + tol && o.X1 >= inner.X1 - tol && o.Y1 >= inner.Y1 - tol;
    }

    /// <summary>The box a group of segments spans.</summary>
    private static Box Outline((List<Segment> H, List<Segment> V) g) => new(
        Math.Min(g.H.Min(s => s.Start), g.V.Min(s => s.Pos)), Math.Min(g.V.Min(s => s.Start), g.H.Min(s => s.Pos)),
        Math.Max(g.H.Max(s => s.End), g.V.Max(s => s.Pos)), Math.Max(g.V.Max(s => s.End), g.H.Max(s => s.Pos)));

    private TableGrid? Build(List<Segment> hs, List<Segment> vs, int tol)
    {
        var rows = Cluster(hs.Select(s => s.Pos), tol);
        var cols = Cluster(vs.Select(s => s.Pos), tol);
        // Open sides: the table reaches as far as its lines do even where no border is drawn.
        AddEdge(cols, hs.Min(s => s.Start), tol);
        AddEdge(cols, hs.Max(s => s.End), tol);
        AddEdge(rows, vs.Min(s => s.Start), tol);
        AddEdge(rows, vs.Max(s => s.End), tol);
        rows.Sort();
        cols.Sort();
        int nr = rows.Count - 1, nc = cols.Count - 1;
        if (nr < 1 || nc < 1) return null;

        // right[r, c]: the border right of cell (r, c) is drawn; below[r, c]: the border under it.
        var right = new bool[nr, nc];
        var below = new bool[nr, nc];
        for (int r = 0; r < nr; r++)
            for (int c = 0; c < nc; c++)
            {
                right[r, c] = c + 1 == nc || Drawn(vs, cols[c + 1], rows[r], rows[r + 1], tol);
                below[r, c] = r + 1 == nr || Drawn(hs, rows[r + 1], cols[c], cols[c + 1], tol);
            }
        (right, below) = Completed(right, below, cols);

        var parent = Enumerable.Range(0, nr * nc).ToArray();
        int FindRoot(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        for (int r = 0; r < nr; r++)
            for (int c = 0; c < nc; c++)
            {
                if (!right[r, c]) parent[FindRoot(r * nc + c)] = FindRoot(r * nc + c + 1);
                if (!below[r, c]) parent[FindRoot(r * nc + c)] = FindRoot((r + 1) * nc + c);
            }

        var cells = new List<GridCell>();
        foreach (var g in Enumerable.Range(0, nr * nc).GroupBy(FindRoot))
        {
            int r0 = g.Min(i => i / nc), r1 = g.Max(i => i / nc), c0 = g.Min(i => i % nc), c1 = g.Max(i => i % nc);
            cells.Add(new GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, new Box(cols[c0], rows[r0], cols[c1 + 1], rows[r1 + 1])));
        }
        cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
        return new TableGrid(new Box(cols[0], rows[0], cols[^1], rows[^1]), rows, cols, cells);
    }

    /// <summary>
    /// The grid's borders with those a scan lost completed from the grid's own shape. A hairline lost for a stretch leaves
    /// a line drawn on both sides of the stretch and nothing in it, and the cells on both sides merge: numbers of two rows
    /// in one cell, a row's label joined to the next row's. A merged cell of the table's design is merged along its whole
    /// border: a row line under a cell is completed when the same line is drawn in the cells left and right of the stretch
    /// and the column lines inside the stretch are drawn above or below it (a label cell spanning rows has a merged cell
    /// beside it, or the table's edge); a column line when it is drawn above and below a stretch whose row lines are drawn on
    /// one side of it, and a stretch of one row has another column line drawn (a title row spanning the columns of table
    /// 二's sub-tables has none); in the last row, when the cells above on both sides are one column wide and both columns
    /// are number columns (a label ending a table spans label columns: (七)总计 across table 三's two label columns under a
    /// label spanning rows, 四、结转下年度继续办理 across the first two on a page the table runs over), and in the first row
    /// alike when the cells below are one column wide and end after one row (a table run on from the page before). Stretches
    /// longer than <see cref="OcrOptions.MaxCompletedCells"/> cells are left as they are. Decided on the borders as found, so
    /// one completion does not license another, but for the first row's column lines, which the last column's row line under
    /// that row asks for (the scan lost them together).
    /// </summary>
    private (bool[,] Right, bool[,] Below) Completed(bool[,] right, bool[,] below, List<double> cols)
    {
        int nr = right.GetLength(0), nc = right.GetLength(1), most = options.MaxCompletedCells;
        if (most <= 0) return (right, below);
        // Numbers sit in columns of about one width, the table's commonest; its label columns are wider.
        var widths = Enumerable.Range(0, nc).Select(c => cols[c + 1] - cols[c]).ToList();
        double median = widths.Order().ElementAt(nc / 2);
        bool NumberColumn(int c) => widths[c] <= options.NumberColumnWidthFactor * median;
        var r2 = (bool[,])right.Clone();
        var b2 = (bool[,])below.Clone();
        // Row line under row r, across columns c0..c1.
        for (int r = 0; r + 1 < nr; r++)
            for (int c0 = 1; c0 + 1 < nc; c0++)
            {
                if (below[r, c0] || !below[r, c0 - 1]) continue;
                int c1 = c0;
                while (c1 + 1 < nc && !below[r, c1 + 1]) c1++;
                if (c1 + 1 < nc && c1 - c0 + 1 <= most && Enumerable.Range(c0, c1 - c0).All(c => right[r, c] || right[r + 1, c]))
                    for (int c = c0; c <= c1; c++) b2[r, c] = true;
                c0 = c1;
            }
        // The table's first row, the last row's twin: a table run on from the page before starts with a row of numbers whose
        // column lines the scan may lose whole (hzq2023_working's page 4 at 200 dpi black and white, four numbers read as one
        // cell). Completed when the cells below on both sides are one column wide and end after one row, both are number
        // columns, and another line between two number columns is drawn in the row (the row is a row of numbers that kept
        // some of its lines): a header spanning number columns has only the label column's line beside it, or header cells
        // below it that span rows (行政复议 over 结果维持..., 申请人情况 over 自然人) or columns; a title row has no line in it.
        bool OtherColumnLine(int r, int c) => Enumerable.Range(0, nc - 1).Any(k => k != c && right[r, k]);
        bool OtherNumberLine(int c) => Enumerable.Range(0, nc - 1).Any(k => k != c && right[0, k] && NumberColumn(k) && NumberColumn(k + 1));
        if (nr >= 3)
            for (int c = 0; c + 1 < nc; c++)
                if (!right[0, c] && right[1, c] && (c == 0 || right[1, c - 1]) && right[1, c + 1] && below[1, c] && below[1, c + 1]
                    && OtherNumberLine(c) && NumberColumn(c) && NumberColumn(c + 1))
                    r2[0, c] = true;
        // Row line under row r in the table's last column, which has no cell right of it to confirm the line: completed when
        // the cells left of it, above and below the line, are each one row tall and one column wide and both columns are
        // number columns (a 总计 column whose row lines a scan left in dots, its rows then read as one cell). A header cell
        // spanning rows there (总计 beside 法人或其他组织 spanning columns) has a wider or taller cell beside it.
        int last = nc - 1;
        // The first row's column lines completed above count: its last number lost its row line under it with them.
        bool SingleCell(int r, int c) => (c == 0 || r2[r, c - 1]) && r2[r, c] && (r == 0 || below[r - 1, c]) && below[r, c];
        if (last >= 2 && NumberColumn(last) && NumberColumn(last - 1))
            for (int r = 0; r + 1 < nr; r++)
                if (!below[r, last] && SingleCell(r, last - 1) && SingleCell(r + 1, last - 1) && (r == 0 || below[r - 1, last] || b2[r - 1, last] || right[r, last - 1]))
                    b2[r, last] = true;
        // Column line right of column c, down rows r0..r1.
        for (int c = 0; c + 1 < nc; c++)
            for (int r0 = 1; r0 < nr; r0++)
            {
                if (right[r0, c] || !right[r0 - 1, c]) continue;
                int r1 = r0;
                while (r1 + 1 < nr && !right[r1 + 1, c]) r1++;
                bool closed = r1 + 1 < nr
                    ? r1 - r0 + 1 <= most && (r1 > r0 || OtherColumnLine(r0, c)) && Enumerable.Range(r0, r1 - r0).All(r => below[r, c] || below[r, c + 1])
                    // The table's last row: the cells above on both sides are one column wide (a label spanning the
                    // last row's columns has a wider cell above it, or the table's edge), and both are number columns (the
                    // cells above a label spanning label columns may be one column wide: a label spanning rows beside one).
                    : r0 == r1 && (c == 0 || right[r0 - 1, c - 1]) && right[r0 - 1, c + 1] && OtherColumnLine(r0, c)
                      && NumberColumn(c) && NumberColumn(c + 1);
                if (closed)
                    for (int r = r0; r <= r1; r++) r2[r, c] = true;
                r0 = r1;
            }
        return (r2, b2);
    }

    /// <summary>Whether the line at <paramref name="pos"/> covers enough of the span between two grid lines.</summary>
    private bool Drawn(List<Segment> segments, double pos, double from, double to, int tol)
    {
        double span = to - from;
        if (span <= 0) return true;
        var covered = segments.Where(s => Math.Abs(s.Pos - pos) <= tol)
            .Select(s => (Math.Max(s.Start, from), Math.Min(s.End, to)))
            .Where(p => p.Item2 > p.Item1)
            .OrderBy(p => p.Item1);
        double total = 0, reach = from;
        foreach (var (a, b) in covered)
        {
            double start = Math.Max(a, reach);
            if (b > start) { total += b - start; reach = b; }
        }
        return total >= options.BorderPresentFraction * span;
    }

    private static void AddEdge(List<double> lines, double edge, int tol)
    {
        if (lines.All(l => Math.Abs(l - edge) > 4 * tol)) lines.Add(edge);
    }

    private static List<double> Cluster(IEnumerable<double> positions, int tol)
    {
        var sorted = positions.OrderBy(p => p).ToList();
        var result = new List<double>();
        var group = new List<double>();
        foreach (var p in sorted)
        {
            if (group.Count > 0 && p - group[^1] > tol) { result.Add(group.Average()); group.Clear(); }
            group.Add(p);
        }
        if (group.Count > 0) result.Add(group.Average());
        return result;
    }

    /// <summary>
    /// Line segments of a ruling mask: bands of rows (columns) holding ink, then within each band the runs
    /// of ink along it. Pieces closer than <paramref name="tol"/> join (skew leftovers, scan breaks).
    /// </summary>
    internal static List<Segment> Segments(BinaryImage mask, bool horizontal, int tol)
    {
        int across = horizontal ? mask.Height : mask.Width;
        int along = horizontal ? mask.Width : mask.Height;
        var profile = new int[across];
        for (int y = 0; y < mask.Height; y++)
            for (int x = 0; x < mask.Width; x++)
                if (mask.Ink[y * mask.Width + x] != 0) profile[horizontal ? y : x]++;

        var segments = new List<Segment>();
        int i = 0;
        while (i < across)
        {
            if (profile[i] == 0) { i++; continue; }
            int start = i, end = i, gap = 0;
            for (int k = i + 1; k < across && gap <= tol; k++)
            {
                if (profile[k] > 0) { end = k; gap = 0; } else gap++;
            }
            i = end + 1;
            var hit = new bool[along];
            for (int a = start; a <= end; a++)
                for (int b = 0; b < along; b++)
                    if (mask.Ink[horizontal ? a * mask.Width + b : b * mask.Width + a] != 0) hit[b] = true;
            double pos = (start + end) / 2.0;
            int run = -1, last = -1;
            for (int b = 0; b < along; b++)
            {
                if (!hit[b]) continue;
                if (run >= 0 && b - last > tol + 1) { segments.Add(new Segment(pos, run, last + 1)); run = -1; }
                if (run < 0) run = b;
                last = b;
            }
            if (run >= 0) segments.Add(new Segment(pos, run, last + 1));
        }
        return segments;
    }
}
