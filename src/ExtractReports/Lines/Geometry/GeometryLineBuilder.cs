using System.Text;
using System.Text.RegularExpressions;
using ExtractReports.Pages;

namespace ExtractReports.Lines.Geometry;

/// <summary>Turns one page of positioned words into lines of cells.</summary>
public interface IPageLineBuilder
{
    IReadOnlyList<Line> Build(Page page);
}

/// <summary>
/// Lines of cells from geometry, for text-layer PDFs (and OCR words):
/// <list type="bullet">
/// <item>Inside a ruled table every cell is the rectangle of rulings around its words; its words,
/// wrapped over several lines or stacked vertically, are one <see cref="Cell"/> whose box is that
/// rectangle. A table row is one <see cref="Line"/>: the cells starting at that row's top ruling,
/// blank cells included. A cell spanning several rows (a merged group label) is emitted once, on
/// the row where it starts.</item>
/// <item>Elsewhere words share a line by vertical overlap and are split into cells by gaps. A line
/// of label text without numbers, next to a row of numbers and left of them, is a wrapped label:
/// it is merged into the nearest such row (a fragment opening with an ordinal marker such as
/// （三） or 1. only into the row below it). Vertical text joins the first line it spans.</item>
/// <item>A line holding only a page number in the top or bottom margin is dropped.</item>
/// </list>
/// Every line is <see cref="Line.Delimited"/>: its cell boundaries are rulings or real gaps.
/// </summary>
public sealed partial class GeometryLineBuilder : IPageLineBuilder
{
    private readonly GeometryOptions options;

    public GeometryLineBuilder(GeometryOptions? options = null)
    {
        this.options = options ?? new GeometryOptions();
        this.options.Validate();
    }

    private sealed record Piece(string Text, Box Box, bool Vertical = false);

    /// <summary>A line under construction: its cells and the top it sorts by.</summary>
    private sealed record Row(IReadOnlyList<Cell> Cells, double Top, double Left);

    public IReadOnlyList<Line> Build(Page page)
    {
        var pieces = page.Words
            .Select(w => new Piece(w.Text.Trim(), w.Box))
            .Where(p => p.Text.Length > 0)
            .ToList();
        pieces = MergeVerticalStacks(pieces);

        var grid = new RulingGrid(page.Rulings, options.RulingTolerance);
        var rows = new List<Row>();
        var free = pieces;
        if (!grid.IsEmpty)
        {
            pieces = SplitAtRulings(pieces, grid);
            free = [];
            var inCells = new Dictionary<Box, List<Piece>>();
            foreach (var p in pieces)
            {
                if (grid.CellAt(p.Box.CenterX, p.Box.CenterY) is { } cell)
                {
                    if (!inCells.TryGetValue(cell, out var list)) inCells[cell] = list = [];
                    list.Add(p);
                }
                else free.Add(p);
            }
            rows.AddRange(TableRows(grid, inCells));
        }
        rows.AddRange(FreeRows(free, page));
        return rows
            .OrderBy(r => r.Top).ThenBy(r => r.Left)
            .Select(r => new Line(r.Cells, page.Number, Delimited: true))
            .ToList();
    }

    // ---- ruled tables ----

    private IEnumerable<Row> TableRows(RulingGrid grid, Dictionary<Box, List<Piece>> inCells)
    {
        var cells = grid.Cells().ToList();
        // A word whose centre fell in a cell the probes did not reach (an irregular grid) still counts.
        foreach (var extra in inCells.Keys) if (!cells.Contains(extra)) cells.Add(extra);
        var tol = options.RulingTolerance;
        foreach (var group in GroupByTop(cells, tol))
        {
            var line = group.OrderBy(c => c.X0)
                .Select(c => new Cell(inCells.TryGetValue(c, out var ps) ? JoinText(ps) : "", c))
                .ToList();
            if (line.All(c => c.IsBlank)) continue; // an empty row carries neither label nor value
            yield return new Row(line, group.Min(c => c.Y0), group.Min(c => c.X0));
        }
    }

    private static IEnumerable<List<Box>> GroupByTop(List<Box> cells, double tol)
    {
        List<Box>? current = null;
        double top = double.NegativeInfinity;
        foreach (var c in cells.OrderBy(c => c.Y0))
        {
            if (current is null || c.Y0 - top > tol)
            {
                if (current is not null) yield return current;
                current = [];
                top = c.Y0;
            }
            current.Add(c);
        }
        if (current is not null) yield return current;
    }

    /// <summary>
    /// Poppler makes one word of text that touches across a cell border. Split such a word where a
    /// vertical ruling crosses it, assuming evenly wide characters (true of CJK and of digits).
    /// </summary>
    private List<Piece> SplitAtRulings(List<Piece> pieces, RulingGrid grid)
    {
        var result = new List<Piece>();
        var verticals = grid.Tables.SelectMany(t => t.V).ToList();
        foreach (var p in pieces)
        {
            if (p.Vertical || p.Text.Length < 2) { result.Add(p); continue; }
            double charWidth = p.Box.Width / p.Text.Length;
            var cuts = verticals
                .Where(v => v.Y0 <= p.Box.Y0 + 1 && v.Y1 >= p.Box.Y1 - 1 // a border runs through the whole word
                            && v.X > p.Box.X0 + charWidth * 0.5 && v.X < p.Box.X1 - charWidth * 0.5)
                .Select(v => v.X).OrderBy(x => x).ToList();
            if (cuts.Count == 0) { result.Add(p); continue; }
            int start = 0;
            double x0 = p.Box.X0;
            foreach (var x in cuts.Append(p.Box.X1))
            {
                int end = x >= p.Box.X1 ? p.Text.Length : Math.Clamp((int)Math.Round((x - p.Box.X0) / charWidth), start + 1, p.Text.Length);
                if (end > start)
                    result.Add(new Piece(p.Text[start..end], new Box(x0, p.Box.Y0, Math.Min(x, p.Box.X1), p.Box.Y1)));
                start = end;
                x0 = x;
            }
        }
        return result;
    }

    // ---- vertical text ----

    /// <summary>
    /// Characters stacked in a column, each piece one character wide, touching the one above:
    /// vertical text (a label printed top to bottom in a tall merged cell). One piece, read downwards.
    /// </summary>
    private List<Piece> MergeVerticalStacks(List<Piece> pieces)
    {
        var narrow = pieces.Where(IsColumnOfCharacters).OrderBy(p => p.Box.X0).ThenBy(p => p.Box.Y0).ToList();
        var used = new HashSet<Piece>();
        var merged = new List<Piece>();
        foreach (var start in narrow)
        {
            if (used.Contains(start)) continue;
            var stack = new List<Piece> { start };
            var last = start;
            while (true)
            {
                double em = last.Box.Width;
                var next = narrow.FirstOrDefault(p => !used.Contains(p) && !stack.Contains(p)
                    && Math.Abs(p.Box.CenterX - last.Box.CenterX) <= 0.25 * em
                    && p.Box.Y0 - last.Box.Y1 >= -0.2 * em && p.Box.Y0 - last.Box.Y1 <= options.VerticalGap * em);
                if (next is null) break;
                stack.Add(next);
                last = next;
            }
            if (stack.Count < 2 && !IsTallWord(start)) continue;
            foreach (var p in stack) used.Add(p);
            var box = stack.Select(p => p.Box).Aggregate((a, b) => a.Union(b));
            merged.Add(new Piece(string.Concat(stack.Select(p => p.Text)), box, Vertical: true));
        }
        return pieces.Where(p => !used.Contains(p)).Concat(merged).ToList();
    }

    /// <summary>A piece one character wide whose height is its characters stacked; digits excluded (a column of numbers is not a word).</summary>
    private static bool IsColumnOfCharacters(Piece p)
    {
        if (p.Text.Any(char.IsAsciiDigit) || p.Box.Width <= 0) return false;
        double perChar = p.Box.Height / p.Text.Length;
        return p.Box.Height >= 0.8 * p.Box.Width && perChar >= 0.6 * p.Box.Width && perChar <= 1.6 * p.Box.Width;
    }

    /// <summary>One word of several characters, one character wide: poppler read a vertical font as one word.</summary>
    private static bool IsTallWord(Piece p) => p.Text.Length >= 2 && p.Box.Height >= 1.8 * p.Box.Width;

    // ---- free text: lines by overlap, cells by gaps, wrapped labels ----

    private sealed class Band
    {
        public List<Piece> Pieces { get; } = [];
        public double Top, Bottom;
        public void Add(Piece p)
        {
            Pieces.Add(p);
            Top = Pieces.Average(x => x.Box.Y0);
            Bottom = Pieces.Average(x => x.Box.Y1);
        }
        public double Height => Bottom - Top;
        public double Center => (Top + Bottom) / 2;
        public List<(string Text, Box Box)> Cells { get; set; } = [];
        public double? FirstNumberX => Cells.Where(c => IsNumberCell(c.Text)).Select(c => (double?)c.Box.X0).Min();
        public bool HasNumbers => FirstNumberX is not null;
        public Box Extent => Pieces.Select(p => p.Box).Aggregate((a, b) => a.Union(b));
    }

    private List<Row> FreeRows(List<Piece> pieces, Page page)
    {
        var tall = pieces.Where(p => p.Vertical).ToList();
        var bands = new List<Band>();
        foreach (var p in pieces.Where(p => !p.Vertical).OrderBy(p => p.Box.Y0).ThenBy(p => p.Box.X0))
        {
            Band? best = null;
            double bestRatio = 0;
            foreach (var b in bands)
            {
                if (b.Bottom <= p.Box.Y0) continue;
                double overlap = Math.Min(b.Bottom, p.Box.Y1) - Math.Max(b.Top, p.Box.Y0);
                double ratio = overlap / Math.Max(0.1, Math.Min(b.Height, p.Box.Height));
                if (ratio >= options.LineOverlap && ratio > bestRatio) { best = b; bestRatio = ratio; }
            }
            if (best is null) { best = new Band(); bands.Add(best); }
            best.Add(p);
        }
        bands = bands.OrderBy(b => b.Top).ToList();
        var columns = NumberColumns(pieces);
        var starts = ColumnStarts(pieces);
        foreach (var b in bands) b.Cells = SplitCells(b.Pieces, columns, starts);

        // Vertical text joins the first line it spans, as a merged cell in a ruled table does.
        foreach (var t in tall)
        {
            var b = bands.FirstOrDefault(b => b.Center >= t.Box.Y0 && b.Center <= t.Box.Y1);
            if (b is null) { b = new Band(); b.Add(t); bands.Add(b); b.Cells = [(t.Text, t.Box)]; continue; }
            b.Cells = b.Cells.Append((t.Text, t.Box)).OrderBy(c => c.Box.X0).ToList();
        }
        bands = bands.OrderBy(b => b.Top).ToList();

        var absorbed = MergeWrappedLabels(bands);
        var rows = new List<Row>();
        foreach (var b in bands)
        {
            if (absorbed.Contains(b) || b.Cells.Count == 0) continue;
            if (IsPageNumber(b, page, bands)) continue;
            rows.Add(new Row(b.Cells.Select(c => new Cell(c.Text, c.Box)).ToList(), b.Top, b.Cells[0].Box.X0));
        }
        return rows;
    }

    /// <summary>Where numbers stand on the page: their left edges and centres, the columns of a borderless table.</summary>
    private static List<Box> NumberColumns(List<Piece> pieces) =>
        pieces.Where(p => !p.Vertical && IsNumberCell(p.Text)).Select(p => p.Box).ToList();

    /// <summary>
    /// Left edges shared by words on three lines or more: the columns of a borderless table's
    /// labels (a group column, then the row labels), where narrow gaps still part cells.
    /// </summary>
    private List<double> ColumnStarts(List<Piece> pieces)
    {
        double tol = options.RulingTolerance;
        // Left edges sorted, so that the words starting near a word are a window found by binary
        // search rather than a pass over every word of the page for every word.
        var edges = pieces.Where(q => !q.Vertical).Select(q => (q.Box.X0, q.Box.CenterY)).OrderBy(e => e.X0).ToArray();
        var xs = edges.Select(e => e.X0).ToArray();
        var starts = new List<double>();
        var lines = new HashSet<double>();
        foreach (var p in pieces)
        {
            double x0 = p.Box.X0;
            if (p.Vertical || starts.Any(x => Math.Abs(x - x0) <= tol)) continue;
            int i = Array.BinarySearch(xs, x0 - tol - 1);
            if (i < 0) i = ~i;
            lines.Clear();
            for (; i < edges.Length && edges[i].X0 <= x0 + tol + 1; i++)
                if (Math.Abs(edges[i].X0 - x0) <= tol) lines.Add(edges[i].CenterY);
            if (lines.Count >= 3) starts.Add(x0);
        }
        return starts;
    }

    /// <summary>
    /// Cells of a line split at wide gaps, and at narrower ones (a quarter em and more) where the
    /// next word starts or is centred on a column of numbers, or starts a column of labels: a
    /// borderless table's header words and label columns are often closer together than its
    /// numbers, but they line up.
    /// </summary>
    private List<(string Text, Box Box)> SplitCells(List<Piece> pieces, List<Box> numbers, List<double> starts)
    {
        var cells = new List<(string, Box)>();
        var current = new List<Piece>();
        foreach (var p in pieces.OrderBy(p => p.Box.X0))
        {
            if (current.Count > 0)
            {
                var prev = current[^1];
                double em = Math.Min(prev.Box.Height, p.Box.Height);
                double gap = p.Box.X0 - prev.Box.X1;
                bool overColumn = gap >= 0.25 * em && (numbers.Any(n =>
                    !n.Equals(p.Box) && (Math.Abs(n.X0 - p.Box.X0) <= options.RulingTolerance || Math.Abs(n.CenterX - p.Box.CenterX) <= options.RulingTolerance))
                    || starts.Any(x => Math.Abs(x - p.Box.X0) <= options.RulingTolerance));
                if (gap > options.CellGap * em || overColumn)
                {
                    cells.Add((JoinText(current), Extent(current)));
                    current = [];
                }
            }
            current.Add(p);
        }
        if (current.Count > 0) cells.Add((JoinText(current), Extent(current)));
        return cells;
    }

    /// <summary>
    /// Label lines without numbers (wrapped labels) join the row of numbers they belong to; returns
    /// the bands that were merged into another.
    /// </summary>
    private HashSet<Band> MergeWrappedLabels(List<Band> bands)
    {
        var absorbed = new HashSet<Band>();
        var joins = new Dictionary<Band, List<Band>>();
        for (int i = 0; i < bands.Count; i++)
        {
            var t = bands[i];
            if (t.HasNumbers || t.Cells.Count == 0) continue;
            var above = Neighbour(bands, i, -1);
            var below = Neighbour(bands, i, +1);
            bool fitsAbove = above is not null;
            // A label's first line (an ordinal marker) begins a new label: nothing joins it from above.
            bool fitsBelow = below is not null && !LabelStartsAtSameColumn(below, t);
            Band? target = null;
            if (StartsWithMarker(t.Cells[0].Text))
            {
                // A label's first line: its numbers are on its own row or below, never above.
                if (fitsBelow) target = below;
            }
            else if (fitsAbove && fitsBelow)
                target = Math.Abs(t.Center - below!.Center) < Math.Abs(t.Center - above!.Center) - 0.5 ? below : above;
            else if (fitsAbove) target = above;
            else if (fitsBelow) target = below;
            if (target is null) continue;
            if (!joins.TryGetValue(target, out var list)) joins[target] = list = [];
            list.Add(t);
            absorbed.Add(t);
        }
        foreach (var (target, fragments) in joins)
        {
            double numbersX = target.FirstNumberX!.Value;
            var labelParts = target.Cells.Where(c => c.Box.X1 <= numbersX)
                .Concat(fragments.SelectMany(f => f.Cells)).ToList();
            var rest = target.Cells.Where(c => c.Box.X1 > numbersX).ToList();
            // Fragments in the same column (overlapping in x) are one label, read top to bottom.
            var columns = new List<List<(string Text, Box Box)>>();
            foreach (var part in labelParts.OrderBy(c => c.Box.X0))
            {
                var col = columns.FirstOrDefault(col => col.Any(c => c.Box.X0 < part.Box.X1 && part.Box.X0 < c.Box.X1));
                if (col is null) columns.Add([part]); else col.Add(part);
            }
            var labels = columns.Select(col =>
            {
                var ordered = col.OrderBy(c => c.Box.Y0).ToList();
                return (Text: JoinStrings(ordered.Select(c => c.Text)), Box: ordered.Select(c => c.Box).Aggregate((a, b) => a.Union(b)));
            });
            target.Cells = labels.Concat(rest).OrderBy(c => c.Box.X0).ToList();
            target.Top = Math.Min(target.Top, fragments.Min(f => f.Top));
        }
        return absorbed;
    }

    /// <summary>
    /// The nearest row of numbers in a direction that a label line can belong to: no wider gap
    /// than a wrapped line's on the way, and every line passed on the way a label line too (a
    /// header or a title in between ends the search).
    /// </summary>
    private Band? Neighbour(List<Band> bands, int i, int step)
    {
        var t = bands[i];
        var passed = new List<Band> { t };
        for (int j = i + step; j >= 0 && j < bands.Count; j += step)
        {
            var b = bands[j];
            double gap = step < 0 ? t.Top - b.Bottom : b.Top - t.Bottom;
            double em = Math.Min(t.Height, b.Height);
            if (gap > options.WrapGap * em) return null;
            if (b.HasNumbers) return passed.All(p => BelongsTo(p, b)) ? b : null;
            passed.Add(b);
            t = b;
        }
        return null;
    }

    /// <summary>
    /// A label line belongs to a row of numbers when it lies left of the numbers and, if the row
    /// has a label of its own, in that label's column (a centred sub-table title does not).
    /// </summary>
    private static bool BelongsTo(Band label, Band numbers)
    {
        double numbersX = numbers.FirstNumberX!.Value;
        if (!label.Cells.All(c => c.Box.X1 <= numbersX + 1)) return false;
        var own = numbers.Cells.Where(c => c.Box.X1 <= numbersX).ToList();
        return own.Count == 0 || label.Cells.Any(c => own.Any(o => c.Box.X0 < o.Box.X1 && o.Box.X0 < c.Box.X1));
    }

    /// <summary>Whether the row has a label of its own opening with a marker, in the label line's column.</summary>
    private static bool LabelStartsAtSameColumn(Band numbers, Band label)
    {
        var first = label.Cells[0].Box;
        return numbers.Cells.Any(c => c.Box.X1 <= numbers.FirstNumberX!.Value && StartsWithMarker(c.Text)
            && (Math.Abs(c.Box.X0 - first.X0) <= label.Height || c.Box.X0 < first.X1 && first.X0 < c.Box.X1));
    }

    /// <summary>
    /// A page number in the top or bottom margin: decorated (<c>— 3 —</c>, <c>第3页</c>, <c>3/10</c>)
    /// anywhere there; bare (<c>3</c>) only as the page's last line, centred or towards the right
    /// edge, since a table may run into either margin with numbers alone on their lines.
    /// </summary>
    private bool IsPageNumber(Band b, Page page, List<Band> bands)
    {
        if (b.Cells.Count > 3 || page.Height <= 0) return false;
        var margin = page.Height * options.MarginShare;
        bool top = b.Bottom < margin, bottom = b.Top > page.Height - margin;
        if (!top && !bottom) return false;
        var text = string.Concat(b.Cells.Select(c => c.Text));
        if (!PageNumber().IsMatch(text)) return false;
        if (!BareNumber().IsMatch(text)) return true;
        double x = b.Extent.CenterX;
        bool placed = Math.Abs(x - page.Width / 2) <= 0.15 * page.Width || x >= 0.75 * page.Width;
        return bottom && placed && !bands.Any(o => o != b && o.Top > b.Top);
    }

    [GeneratedRegex(@"^\s*[0-9０-９]+\s*$")]
    private static partial Regex BareNumber();

    // ---- text helpers ----

    private static Box Extent(IEnumerable<Piece> pieces) => pieces.Select(p => p.Box).Aggregate((a, b) => a.Union(b));

    /// <summary>A cell's words in reading order: lines by vertical overlap, then left to right.</summary>
    private static string JoinText(List<Piece> pieces)
    {
        var lines = new List<List<Piece>>();
        foreach (var p in pieces.OrderBy(p => p.Box.Y0))
        {
            var line = lines.FirstOrDefault(l => l.Any(q =>
                Math.Min(q.Box.Y1, p.Box.Y1) - Math.Max(q.Box.Y0, p.Box.Y0) >= 0.5 * Math.Min(q.Box.Height, p.Box.Height)));
            if (line is null) lines.Add([p]); else line.Add(p);
        }
        return JoinStrings(lines.Select(JoinLine));
    }

    /// <summary>
    /// Words of one line: two Latin letters or digits keep a space between them only where the
    /// page shows one (a tenth of an em); poppler also splits "20" into "2" and "0" at a style change.
    /// </summary>
    private static string JoinLine(List<Piece> line)
    {
        var sb = new StringBuilder();
        Piece? prev = null;
        foreach (var p in line.OrderBy(p => p.Box.X0))
        {
            if (prev is not null && sb.Length > 0 && char.IsAsciiLetterOrDigit(sb[^1]) && char.IsAsciiLetterOrDigit(p.Text[0])
                && p.Box.X0 - prev.Box.X1 > 0.1 * Math.Min(p.Box.Height, prev.Box.Height))
                sb.Append(' ');
            sb.Append(p.Text);
            prev = p;
        }
        return sb.ToString();
    }

    /// <summary>Lines of a wrapped cell: Chinese runs join without a space, Latin words keep one.</summary>
    private static string JoinStrings(IEnumerable<string> parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Length == 0) continue;
            if (sb.Length > 0 && char.IsAsciiLetterOrDigit(sb[^1]) && char.IsAsciiLetterOrDigit(part[0])) sb.Append(' ');
            sb.Append(part);
        }
        return sb.ToString();
    }

    internal static bool IsNumberCell(string text) => NumberCell().IsMatch(text.Trim()) && !ItemMarkerOnly().IsMatch(text.Trim());

    private static bool StartsWithMarker(string text) => Marker().IsMatch(text);

    /// <summary>A number, maybe with separators, a sign, a percent or unit, or a bracketed note; not an item marker like "1.".</summary>
    [GeneratedRegex(@"^[-+－]?[0-9０-９][0-9０-９,，.．]*(%|％|元|万元|件|个|条)?\s*([（(][^）)]*[）)])?$")]
    private static partial Regex NumberCell();

    [GeneratedRegex(@"^[0-9０-９]+[.．、]$")]
    private static partial Regex ItemMarkerOnly();

    [GeneratedRegex(@"^\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．](?!\d))")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^[-—–－―~～·•\s]*(第\s*)?[0-9０-９]{1,4}(\s*页)?([/／]\s*[0-9]{1,4}|\s*共\s*[0-9]{1,4}\s*页)?[-—–－―~～·•\s]*$")]
    private static partial Regex PageNumber();
}
