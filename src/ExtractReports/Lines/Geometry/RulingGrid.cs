using ExtractReports.Pages;

namespace ExtractReports.Lines.Geometry;

/// <summary>
/// The ruled tables of a page: rulings joined where they cross, kept when they make at least two
/// cells. A point's cell is the rectangle of the nearest rulings around it, so a merged cell
/// (no ruling inside it) is one cell however many rows or columns it spans.
/// </summary>
internal sealed class RulingGrid
{
    internal readonly record struct HLine(double Y, double X0, double X1);
    internal readonly record struct VLine(double X, double Y0, double Y1);

    internal sealed record Table(IReadOnlyList<HLine> H, IReadOnlyList<VLine> V, Box Bounds);

    private readonly double tol;
    public IReadOnlyList<Table> Tables { get; }

    public RulingGrid(IReadOnlyList<Ruling> rulings, double tolerance)
    {
        tol = tolerance;
        var h = MergeH(rulings.Where(r => r.IsHorizontal).Select(r => new HLine(r.Box.CenterY, r.Box.X0, r.Box.X1)));
        var v = MergeV(rulings.Where(r => !r.IsHorizontal).Select(r => new VLine(r.Box.CenterX, r.Box.Y0, r.Box.Y1)));
        (h, v) = DropLooseEnds(h, v);
        Tables = Components(h, v);
    }

    /// <summary>
    /// A short ruling that meets no perpendicular ruling at one of its ends is a leftover of a
    /// character stroke touching a border, not a cell edge: every cell edge ends on another edge.
    /// </summary>
    private (List<HLine>, List<VLine>) DropLooseEnds(List<HLine> h, List<VLine> v)
    {
        const double shortLength = 30;
        bool HitsV(double x, double y) => v.Any(l => Math.Abs(l.X - x) <= tol && y >= l.Y0 - tol && y <= l.Y1 + tol);
        bool HitsH(double x, double y) => h.Any(l => Math.Abs(l.Y - y) <= tol && x >= l.X0 - tol && x <= l.X1 + tol);
        var keepH = h.Where(l => l.X1 - l.X0 >= shortLength || HitsV(l.X0, l.Y) && HitsV(l.X1, l.Y)).ToList();
        var keepV = v.Where(l => l.Y1 - l.Y0 >= shortLength || HitsH(l.X, l.Y0) && HitsH(l.X, l.Y1)).ToList();
        return (keepH, keepV);
    }

    public bool IsEmpty => Tables.Count == 0;

    /// <summary>The cell around a point, or null outside every table.</summary>
    public Box? CellAt(double x, double y)
    {
        foreach (var t in Tables)
        {
            if (x < t.Bounds.X0 - tol || x > t.Bounds.X1 + tol || y < t.Bounds.Y0 - tol || y > t.Bounds.Y1 + tol) continue;
            if (CellAt(t, x, y) is { } cell) return cell;
        }
        return null;
    }

    private Box? CellAt(Table t, double x, double y)
    {
        double left = double.NegativeInfinity, right = double.PositiveInfinity;
        double top = double.NegativeInfinity, bottom = double.PositiveInfinity;
        foreach (var v in t.V)
        {
            if (y < v.Y0 - tol || y > v.Y1 + tol) continue;
            if (v.X <= x) left = Math.Max(left, v.X); else right = Math.Min(right, v.X);
        }
        foreach (var h in t.H)
        {
            if (x < h.X0 - tol || x > h.X1 + tol) continue;
            if (h.Y <= y) top = Math.Max(top, h.Y); else bottom = Math.Min(bottom, h.Y);
        }
        if (double.IsInfinity(left) || double.IsInfinity(right) || double.IsInfinity(top) || double.IsInfinity(bottom)) return null;
        return new Box(left, top, right, bottom);
    }

    /// <summary>Every cell of every table once, blank ones included: probed at each row top and column start.</summary>
    public IEnumerable<Box> Cells()
    {
        foreach (var t in Tables)
        {
            var ys = Distinct(t.H.Select(h => h.Y));
            var xs = Distinct(t.V.Select(v => v.X));
            var seen = new HashSet<Box>();
            for (int i = 0; i + 1 < ys.Count; i++)
            {
                double py = ys[i] + Math.Min(4, (ys[i + 1] - ys[i]) / 2);
                for (int j = 0; j + 1 < xs.Count; j++)
                {
                    double px = (xs[j] + xs[j + 1]) / 2;
                    if (CellAt(t, px, py) is not { } cell) continue;
                    if (Math.Abs(cell.Y0 - ys[i]) > tol || Math.Abs(cell.X0 - xs[j]) > tol) continue;
                    if (seen.Add(cell)) yield return cell;
                }
            }
        }
    }

    private List<double> Distinct(IEnumerable<double> values)
    {
        var result = new List<double>();
        foreach (var v in values.OrderBy(v => v))
            if (result.Count == 0 || v - result[^1] > tol) result.Add(v);
        return result;
    }

    private List<HLine> MergeH(IEnumerable<HLine> lines)
    {
        var result = new List<HLine>();
        foreach (var l in lines.OrderBy(l => l.Y).ThenBy(l => l.X0))
        {
            int k = result.FindLastIndex(r => Math.Abs(r.Y - l.Y) <= tol && l.X0 <= r.X1 + tol && l.X1 >= r.X0 - tol);
            if (k >= 0) result[k] = new HLine((result[k].Y + l.Y) / 2, Math.Min(result[k].X0, l.X0), Math.Max(result[k].X1, l.X1));
            else result.Add(l);
        }
        return result;
    }

    private List<VLine> MergeV(IEnumerable<VLine> lines)
    {
        var result = new List<VLine>();
        foreach (var l in lines.OrderBy(l => l.X).ThenBy(l => l.Y0))
        {
            int k = result.FindLastIndex(r => Math.Abs(r.X - l.X) <= tol && l.Y0 <= r.Y1 + tol && l.Y1 >= r.Y0 - tol);
            if (k >= 0) result[k] = new VLine((result[k].X + l.X) / 2, Math.Min(result[k].Y0, l.Y0), Math.Max(result[k].Y1, l.Y1));
            else result.Add(l);
        }
        return result;
    }

    /// <summary>
    /// Rulings that cross are one table. A component is a table when it has at least two
    /// horizontal and two vertical rulings and three of one kind: two cells or more. A page frame
    /// or a boxed paragraph (one cell) is not a table, so its prose is not glued into one cell.
    /// </summary>
    private List<Table> Components(List<HLine> h, List<VLine> v)
    {
        int n = h.Count + v.Count;
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (int i = 0; i < h.Count; i++)
            for (int j = 0; j < v.Count; j++)
                if (v[j].X >= h[i].X0 - tol && v[j].X <= h[i].X1 + tol && h[i].Y >= v[j].Y0 - tol && h[i].Y <= v[j].Y1 + tol)
                    parent[Find(i)] = Find(h.Count + j);
        var tables = new List<Table>();
        foreach (var group in Enumerable.Range(0, n).GroupBy(Find))
        {
            var hs = group.Where(i => i < h.Count).Select(i => h[i]).ToList();
            var vs = group.Where(i => i >= h.Count).Select(i => v[i - h.Count]).ToList();
            if (hs.Count < 2 || vs.Count < 2 || hs.Count < 3 && vs.Count < 3) continue;
            // The outline: where a border ruling exists, its own position (a raster ruling's ends
            // overshoot the perpendicular border by its thickness); else the farthest ruling end.
            double Edge(double border, double ends, bool low) =>
                Math.Abs(border - ends) <= 2 * tol ? border : low ? Math.Min(border, ends) : Math.Max(border, ends);
            var bounds = new Box(
                Edge(vs.Min(x => x.X), hs.Min(x => x.X0), true), Edge(hs.Min(x => x.Y), vs.Min(x => x.Y0), true),
                Edge(vs.Max(x => x.X), hs.Max(x => x.X1), false), Edge(hs.Max(x => x.Y), vs.Max(x => x.Y1), false));
            // Close the outline: a table cut by a page break has no bottom (or top) border on this page.
            hs.Add(new HLine(bounds.Y0, bounds.X0, bounds.X1));
            hs.Add(new HLine(bounds.Y1, bounds.X0, bounds.X1));
            vs.Add(new VLine(bounds.X0, bounds.Y0, bounds.Y1));
            vs.Add(new VLine(bounds.X1, bounds.Y0, bounds.Y1));
            tables.Add(new Table(MergeH(hs), MergeV(vs), bounds));
        }
        return tables;
    }
}
