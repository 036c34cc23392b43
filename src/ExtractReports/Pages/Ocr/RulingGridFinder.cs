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
        foreach (var group in Enumerable.Range(0, parent.Length).GroupBy(FindRoot))
        {
            var th = group.Where(i => i < hs.Count).Select(i => hs[i]).ToList();
            var tv = group.Where(i => i >= hs.Count).Select(i => vs[i - hs.Count]).ToList();
            if (th.Count < 2 || tv.Count < 1) continue;
            if (Build(th, tv, tol) is { } grid) tables.Add(grid);
        }
        return tables.OrderBy(t => t.Bounds.Y0).ToList();
    }

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

        var parent = Enumerable.Range(0, nr * nc).ToArray();
        int FindRoot(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        for (int r = 0; r < nr; r++)
            for (int c = 0; c < nc; c++)
            {
                if (c + 1 < nc && !Drawn(vs, cols[c + 1], rows[r], rows[r + 1], tol))
                    parent[FindRoot(r * nc + c)] = FindRoot(r * nc + c + 1);
                if (r + 1 < nr && !Drawn(hs, rows[r + 1], cols[c], cols[c + 1], tol))
                    parent[FindRoot(r * nc + c)] = FindRoot((r + 1) * nc + c);
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
