using System.Text.RegularExpressions;

namespace ExtractReports.Tables;

/// <summary>Knobs of <see cref="GridRows"/>, their defaults as measured on the scan-conditions matrix (docs/scan-reader.md, "Rows placed by order").</summary>
public sealed record GridRowOptions
{
    /// <summary>Fewest lines whose last cells are one plain number per value column for the columns' places to be learned
    /// from them (3: the table's first two rows and one more; a table 三 has 23 or 25).</summary>
    public int MinFullRows { get; init; } = 3;

    /// <summary>How far from a value column's middle a cell's middle may lie, as a share of the narrowest gap between two
    /// columns' middles (0.4: a cell is nearer its own column than any other's, with room for a page scanned a little
    /// shifted; hzq2023_working's table 三 moved 5 px between its two pages at 150 dpi, its columns 90-100 px apart).</summary>
    public double ColumnToleranceShare { get; init; } = 0.4;

    /// <summary>Most value columns of a row the grid gave no cell (a row line lost across one cell merges it into the
    /// cell above or below): the row is still a row of the grid, its value there unknown.</summary>
    public int MaxLostCells { get; init; } = 1;

    /// <summary>Most value cells of a row that hold neither a number nor nothing (a digit read as a character, two numbers
    /// in one cell): more, and the line is a header or prose, not a row of values.</summary>
    public int MaxUnreadableCells { get; init; } = 2;

    public static GridRowOptions Default { get; } = new();

    public void Validate()
    {
        if (MinFullRows < 2) throw new ArgumentException("MinFullRows must be at least 2");
        if (ColumnToleranceShare is <= 0 or >= 0.5) throw new ArgumentException("ColumnToleranceShare must be in (0, 0.5)");
        if (MaxLostCells < 0 || MaxUnreadableCells < 0) throw new ArgumentException("MaxLostCells and MaxUnreadableCells must not be negative");
    }
}

/// <summary>
/// The rows of an OCR'd table as its ruled grid gives them, one row group per line of the grid, whatever its cells read.
/// A scan read badly garbles labels and digits into anything: a row's ordinal alone read as a number (`2` for 2.重复申请)
/// joins the row's values, a digit read as a character (`革`, `(0)`) or two rows' digits in one cell (`0 1`, a row line
/// lost) make a row one cell short or long, and the token stream then cuts the rows wrong. Where the table is a grid,
/// the cells' places say what each is: cells left of the value columns are the label, whatever they read; the cell
/// under a value column is that column's value, or an unknown when it reads as no number. So when every line of the
/// region that holds a number is such a row (the whole table is a grid), each line is one row group with one slot per
/// column, in printed order, and the aligner places them by the fixed row sequence, the labels that read confirming.
/// Null when the region is not a whole grid (a text layer, a dump, a grid found in pieces): the token stream's groups
/// stand.
/// </summary>
public static partial class GridRows
{
    /// <summary>An opening ordinal of a table 三 label (一、 (三) 2.), also as OCR garbles its bracketed middle.</summary>
    [GeneratedRegex(@"^([一二三四五六七八九十]{1,2}[、.]|\(.{1,2}\)|[0-9]{1,2}\s*[.、])")]
    private static partial Regex OpeningOrdinal();

    /// <summary>The glyph evidence of a value cell with no read behind it: ink that read as nothing.</summary>
    private static readonly ExtractReports.Lines.GlyphEvidence NothingRead = new(0, 0, false, 0, 0, true, false);

    /// <summary>One cell of a line: its tokens (a cell may tokenize as several) and where it is.</summary>
    private sealed record GridCell(int Line, int Cell, ExtractReports.Pages.Box Box, IReadOnlyList<Token> Tokens)
    {
        public double CenterX => (Box.X0 + Box.X1) / 2;
        public bool IsNumber => Tokens is [{ Kind: TokenKind.Number, Atomic: true }];
        public bool IsBlank => Tokens.All(t => t.Kind == TokenKind.Blank);
    }

    public static IReadOnlyList<RowGroup>? Groups(IReadOnlyList<Token> region, int columns, GridRowOptions? options = null)
    {
        options?.Validate();
        var o = options ?? GridRowOptions.Default;
        // Only an engine's reading: a text layer's labels read as printed, and its token stream is not in doubt.
        if (!region.Any(t => t.Glyphs is not null)) return null;
        var lines = region.Where(t => t.Cell >= 0 && t.Box is not null)
            .GroupBy(t => (t.Line, t.Cell))
            .Select(g => new GridCell(g.Key.Line, g.Key.Cell, g.First().Box!.Value, g.ToList()))
            .GroupBy(c => c.Line)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Box.X0).ToList());
        var centers = ColumnCenters(lines.Values, columns, o);
        if (centers is null) return null;
        double gap = Enumerable.Range(1, columns - 1).Min(c => centers[c] - centers[c - 1]);
        if (gap <= 0) return null;
        double tolerance = o.ColumnToleranceShare * gap;

        var numberLines = region.Where(t => t.Kind == TokenKind.Number).Select(t => t.Line).ToHashSet();
        var rows = new List<(int Line, List<GridCell> Label, GridCell?[] Values)>();
        foreach (var (line, cells) in lines.OrderBy(kv => kv.Key))
        {
            var row = AsRow(cells, centers, tolerance, o);
            if (row is { } r) rows.Add((line, r.Label, r.Values));
            // A line holding numbers that is no row of the grid (values outside the columns, two cells in one column):
            // the region is not a whole grid, and the token stream reads it.
            else if (numberLines.Contains(line)) return null;
        }
        if (rows.Count < o.MinFullRows) return null;
        var rowLines = rows.Select(r => r.Line).ToHashSet();
        if (numberLines.Any(l => !lines.ContainsKey(l))) return null; // numbers in lines without cells (prose)

        var groups = new List<RowGroup>();
        int previousLine = -1;
        foreach (var (line, label, values) in rows)
        {
            string strong = string.Concat(label.SelectMany(c => c.Tokens).Select(t => t.Kind == TokenKind.Number ? t.Raw : t.Norm));
            // Text on lines of no row since the previous row (a label spanning rows, 本年度办理结果, read on a line of its own).
            string weak = string.Concat(region.Where(t => t.Line > previousLine && t.Line < line && t.Kind == TokenKind.Text && !rowLines.Contains(t.Line)).Select(t => t.Norm));
            int page = region.First(t => t.Line == line).Page;
            if (groups.Count > 0 && values.All(v => v is null || v.IsBlank) && !OpeningOrdinal().IsMatch(strong)
                && groups[^1].Slots.Any(s => s.Kind == TokenKind.Number) && groups[^1].Slots[0].Page < page)
            {
                // The first row of a page with every value cell empty and a label without an ordinal, after a row of values on
                // the page before: the rest of that row's label, the row cut by the page's foot (pdf-01 at 150 dpi:
                // `逾期不补正、行政机关不再处理…` under a page break, its row's values above it).
                groups[^1] = groups[^1] with { StrongLabel = groups[^1].StrongLabel + strong };
                previousLine = line;
                continue;
            }
            var slots = values.Select((v, c) => Slot(v, line, page, c)).ToArray();
            groups.Add(new RowGroup(slots, strong, weak, TrailingBlankRun: false, groups.Count)
            {
                EmptyCells = slots.Where(s => s is { Kind: TokenKind.Blank, Placeholder: false, Cell: >= 0 } && s.Raw.Length == 0).ToArray(),
            });
            previousLine = line;
        }
        return groups;
    }

    /// <summary>The middle of each value column: the median over lines whose last cells are one plain number per column.</summary>
    private static double[]? ColumnCenters(IEnumerable<List<GridCell>> lines, int columns, GridRowOptions o)
    {
        var full = lines.Where(cells => cells.Count > columns && cells.Skip(cells.Count - columns).All(c => c.IsNumber)).ToList();
        if (full.Count < o.MinFullRows) return null;
        return Enumerable.Range(0, columns).Select(c =>
        {
            var xs = full.Select(cells => cells[cells.Count - columns + c].CenterX).Order().ToList();
            return xs[xs.Count / 2];
        }).ToArray();
    }

    /// <summary>A line as a row of the grid: its label cells (left of the first value column) and the cell of each value
    /// column (null where the grid gave none); null when a cell lies outside the columns or two share one, or too many
    /// columns have no cell or no number.</summary>
    private static (List<GridCell> Label, GridCell?[] Values)? AsRow(List<GridCell> cells, double[] centers, double tolerance, GridRowOptions o)
    {
        var label = new List<GridCell>();
        var values = new GridCell?[centers.Length];
        foreach (var cell in cells)
        {
            double x = cell.CenterX;
            if (x < centers[0] - tolerance) { label.Add(cell); continue; }
            int column = -1;
            for (int c = 0; c < centers.Length; c++) if (Math.Abs(centers[c] - x) <= tolerance) column = c;
            if (column < 0 || values[column] is not null) return null;
            values[column] = cell;
        }
        int lost = values.Count(v => v is null);
        int unreadable = values.Count(v => v is not null && !v.IsNumber && !v.IsBlank);
        if (lost > o.MaxLostCells || unreadable > o.MaxUnreadableCells) return null;
        // A row of values, or a row printed blank: not a line of headers or prose laid over the columns.
        if (!values.Any(v => v is not null && v.IsNumber) && !values.All(v => v is not null && v.IsBlank)) return null;
        return (label, values);
    }

    /// <summary>
    /// The slot of one value column: its number or its empty cell as read; an unknown (a blank the engine was not sure of,
    /// see <see cref="RowGrouper.UnreadableConfidence"/>) for a cell that reads as no number, or for a column the grid gave
    /// no cell, whose value its row's sum may still give.
    /// </summary>
    private static Token Slot(GridCell? cell, int line, int page, int column)
    {
        if (cell is null)
            return new Token(TokenKind.Blank, "", "", line, -1, page, null, 0)
                { Glyphs = NothingRead };
        if (cell.IsNumber || cell.IsBlank && cell.Tokens.Count == 1) return cell.Tokens[0];
        return Unknown(cell.Tokens);
    }

    /// <summary>A value cell that reads as no number (its tokens): an unknown in its place, ink read there.</summary>
    internal static Token Unknown(IReadOnlyList<Token> cell)
    {
        var first = cell[0];
        return first with
        {
            Kind = TokenKind.Blank, Raw = string.Concat(cell.Select(t => t.Raw)), Norm = "", Atomic = false, Note = null, Placeholder = false,
            Confidence = Math.Min(cell.Min(t => t.Confidence), RowGrouper.UnreadableConfidence),
            Glyphs = (first.Glyphs ?? NothingRead) with { SeenEmpty = false },
        };
    }
}
