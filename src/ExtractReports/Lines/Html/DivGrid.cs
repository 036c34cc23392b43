using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ExtractReports.Lines.Html;

/// <summary>
/// Tables drawn with &lt;div&gt;s instead of &lt;table&gt;. Row-and-cell grids are recognised by CSS
/// table display (inline or from the page's style rules), ARIA roles, or class names whose parts
/// are tr/row and td/th/cell (a Bootstrap layout row holds col-* children, which are not cells, so
/// it is not mistaken for a table). A flat CSS grid (display:grid with grid-template-columns) is
/// laid out row by row as a browser places its items. Spans come from colspan/rowspan (or data-)
/// attributes and grid-column/grid-row spans.
/// </summary>
internal sealed partial class DivGrid(HtmlMarkup markup, HtmlReaderOptions options)
{
    public bool IsRow(IElement e) =>
        !IsTableMarkup(e) && (Display(e) == "table-row" || Role(e) == "row" || HasClassPart(e, "tr", "row"))
        && VisibleChildren(e) is { Count: > 0 } cells && cells.All(IsCell);

    /// <summary>A header or body wrapper around rows (display:table-row-group, role=rowgroup, class thead/tbody).</summary>
    public bool IsRowGroup(IElement e) =>
        !IsTableMarkup(e)
        && (Display(e) is "table-row-group" or "table-header-group" or "table-footer-group" || Role(e) == "rowgroup"
            || HasClassPart(e, "thead", "tbody", "tfoot", "rowgroup"))
        && VisibleChildren(e) is { Count: > 0 } rows && rows.All(IsRow);

    public IReadOnlyList<IElement> RowsOf(IElement e) => IsRowGroup(e) ? VisibleChildren(e) : IsRow(e) ? [e] : [];

    /// <summary>The grid of a run of rows, or null when it is page layout (a cell holds a page's worth of text).</summary>
    public IReadOnlyList<IReadOnlyList<SpanCell>>? Read(IReadOnlyList<IElement> rows)
    {
        var grid = new List<IReadOnlyList<SpanCell>>();
        foreach (var row in rows)
        {
            var cells = new List<SpanCell>();
            foreach (var cell in VisibleChildren(row))
            {
                if (ReadCell(cell) is not { } c) return null;
                cells.Add(c);
            }
            grid.Add(cells);
        }
        return grid.Sum(r => r.Count) >= 2 ? grid : null;
    }

    /// <summary>
    /// A flat CSS grid (display:grid, a column count in grid-template-columns, items as children),
    /// placed row by row: an item goes at the next free position where its column span fits.
    /// Null when the element is not one or its items hold page text (a page-layout grid).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<SpanCell>>? ReadCssGrid(IElement e)
    {
        if (Display(e) is not ("grid" or "inline-grid") || ColumnCount(markup.Styles.Get(e, "grid-template-columns")) is not int columns || columns < 2)
            return null;
        var occupied = new HashSet<(int, int)>();
        var rows = new SortedDictionary<int, List<(int Column, SpanCell Cell)>>();
        int r = 0, c = 0;
        foreach (var item in VisibleChildren(e))
        {
            if (ReadCell(item) is not { } cell) return null;
            int span = Math.Min(cell.ColSpan, columns);
            while (true)
            {
                if (c + span > columns) { r++; c = 0; continue; }
                if (Enumerable.Range(c, span).Any(x => occupied.Contains((r, x)))) { c++; continue; }
                break;
            }
            for (int dr = 0; dr < cell.RowSpan; dr++)
                for (int dc = 0; dc < span; dc++) occupied.Add((r + dr, c + dc));
            (rows.TryGetValue(r, out var list) ? list : rows[r] = []).Add((c, cell with { ColSpan = span }));
            c += span;
        }
        if (rows.Count == 0) return null;
        // Rows as SpanGrid takes them; a gap left by a span that did not fit becomes a blank cell.
        var grid = new List<IReadOnlyList<SpanCell>>();
        var covered = new HashSet<(int, int)>();
        for (int row = 0; row <= rows.Keys.Max(); row++)
        {
            var cells = new List<SpanCell>();
            int next = 0;
            foreach (var (column, cell) in rows.GetValueOrDefault(row) ?? [])
            {
                for (int x = next; x < column; x++)
                    if (!covered.Contains((row, x))) cells.Add(new SpanCell(""));
                cells.Add(cell);
                for (int dr = 1; dr < cell.RowSpan; dr++)
                    for (int dc = 0; dc < cell.ColSpan; dc++) covered.Add((row + dr, column + dc));
                next = column + cell.ColSpan;
            }
            grid.Add(cells);
        }
        return grid.Sum(x => x.Count) >= 2 ? grid : null;
    }

    private SpanCell? ReadCell(IElement cell)
    {
        var text = markup.CellText(cell);
        if (text.Length >= options.LayoutCellMinChars) return null;
        return new SpanCell(text, Span(cell, "colspan", "grid-column"), Span(cell, "rowspan", "grid-row"));
    }

    private static int? ColumnCount(string? template) =>
        string.IsNullOrWhiteSpace(template) || template == "none" ? null : CountTracks(template) is var n and > 0 ? n : null;

    /// <summary>Tracks in a grid-template-columns value; line names ([a]) are not tracks; repeat(auto-fill, …) is unknown (-1).</summary>
    private static int CountTracks(string template)
    {
        int count = 0;
        foreach (Match m in TrackToken().Matches(template))
        {
            if (m.Value.StartsWith('[')) continue;
            if (!m.Groups["repeat"].Success) { count++; continue; }
            if (!int.TryParse(m.Groups["repeat"].Value, out var times)) return -1;
            var inner = CountTracks(m.Groups["tracks"].Value);
            if (inner < 0) return -1;
            count += times * inner;
        }
        return count;
    }

    private bool IsCell(IElement e) =>
        !IsTableMarkup(e) && (Display(e) == "table-cell" || Role(e) is "cell" or "gridcell" or "columnheader" or "rowheader"
                              || HasClassPart(e, "td", "th", "cell"));

    private static bool IsTableMarkup(IElement e) => e.LocalName is "table" or "tr" or "td" or "th" or "tbody" or "thead" or "tfoot";

    private List<IElement> VisibleChildren(IElement e) => e.Children.Where(c => !markup.IsHidden(c)).ToList();

    private string? Display(IElement e) => markup.Styles.Get(e, "display");

    private static string? Role(IElement e) => e.GetAttribute("role")?.Trim().ToLowerInvariant();

    private static bool HasClassPart(IElement e, params string[] parts)
    {
        foreach (var token in e.ClassList)
            foreach (var part in token.ToLowerInvariant().Split('-', '_'))
                if (parts.Contains(part)) return true;
        return false;
    }

    private int Span(IElement cell, string attribute, string gridProperty)
    {
        foreach (var name in new[] { attribute, "data-" + attribute })
            if (int.TryParse(cell.GetAttribute(name), out var n) && n > 0) return n;
        foreach (var property in new[] { gridProperty, gridProperty + "-end" })
        {
            var value = markup.Styles.Get(cell, property);
            if (value is null) continue;
            if (SpanValue().Match(value) is { Success: true } m) return Math.Max(1, int.Parse(m.Groups[1].Value));
            // "2 / 5": from line 2 to line 5 spans three tracks.
            if (LineRange().Match(value) is { Success: true } lr && int.Parse(lr.Groups[2].Value) > int.Parse(lr.Groups[1].Value))
                return int.Parse(lr.Groups[2].Value) - int.Parse(lr.Groups[1].Value);
        }
        return 1;
    }

    [GeneratedRegex(@"span\s+(\d+)")]
    private static partial Regex SpanValue();

    [GeneratedRegex(@"^\s*(\d+)\s*/\s*(\d+)\s*$")]
    private static partial Regex LineRange();

    [GeneratedRegex(@"repeat\(\s*(?<repeat>[^,\s]+)\s*,\s*(?<tracks>(?:[^()]|\([^()]*\))+)\)|minmax\([^()]*\)|fit-content\([^()]*\)|\[[^\]]*\]|[^\s\[\]()]+")]
    private static partial Regex TrackToken();
}
