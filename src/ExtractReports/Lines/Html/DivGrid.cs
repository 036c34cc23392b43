using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ExtractReports.Lines.Html;

/// <summary>
/// Tables drawn with &lt;div&gt;s instead of &lt;table&gt;: rows and cells are recognised by CSS
/// table display, ARIA roles, or class names whose parts are tr/row and td/th/cell (a Bootstrap
/// layout row holds col-* children, which are not cells, so it is not mistaken for a table).
/// Spans come from colspan/rowspan (or data-) attributes and CSS grid-column/grid-row spans.
/// </summary>
internal static partial class DivGrid
{
    public static bool IsRow(IElement e) =>
        !IsTableMarkup(e) && (Display(e) == "table-row" || Role(e) == "row" || HasClassPart(e, "tr", "row"))
        && VisibleChildren(e) is { Count: > 0 } cells && cells.All(IsCell);

    /// <summary>A header or body wrapper around rows (display:table-row-group, role=rowgroup, class thead/tbody).</summary>
    public static bool IsRowGroup(IElement e) =>
        !IsTableMarkup(e)
        && (Display(e) is "table-row-group" or "table-header-group" or "table-footer-group" || Role(e) == "rowgroup"
            || HasClassPart(e, "thead", "tbody", "tfoot", "rowgroup"))
        && VisibleChildren(e) is { Count: > 0 } rows && rows.All(IsRow);

    public static IReadOnlyList<IElement> RowsOf(IElement e) => IsRowGroup(e) ? VisibleChildren(e) : IsRow(e) ? [e] : [];

    /// <summary>The grid of a run of rows, or null when it is page layout (a cell holds a page's worth of text).</summary>
    public static IReadOnlyList<IReadOnlyList<SpanCell>>? Read(IReadOnlyList<IElement> rows, HtmlReaderOptions options)
    {
        var grid = new List<IReadOnlyList<SpanCell>>();
        foreach (var row in rows)
        {
            var cells = new List<SpanCell>();
            foreach (var cell in VisibleChildren(row))
            {
                var text = HtmlMarkup.CellText(cell);
                if (text.Length >= options.LayoutCellMinChars) return null;
                cells.Add(new SpanCell(text, Span(cell, "colspan", GridColumnSpan()), Span(cell, "rowspan", GridRowSpan())));
            }
            grid.Add(cells);
        }
        return grid.Sum(r => r.Count) >= 2 ? grid : null;
    }

    private static bool IsCell(IElement e) =>
        !IsTableMarkup(e) && (Display(e) == "table-cell" || Role(e) is "cell" or "gridcell" or "columnheader" or "rowheader"
                              || HasClassPart(e, "td", "th", "cell"));

    private static bool IsTableMarkup(IElement e) => e.LocalName is "table" or "tr" or "td" or "th" or "tbody" or "thead" or "tfoot";

    private static List<IElement> VisibleChildren(IElement e) => e.Children.Where(c => !HtmlMarkup.IsHidden(c)).ToList();

    private static string? Display(IElement e) =>
        e.GetAttribute("style") is { } style && DisplayStyle().Match(style) is { Success: true } m ? m.Groups[1].Value.ToLowerInvariant() : null;

    private static string? Role(IElement e) => e.GetAttribute("role")?.Trim().ToLowerInvariant();

    private static bool HasClassPart(IElement e, params string[] parts)
    {
        foreach (var token in e.ClassList)
            foreach (var part in token.ToLowerInvariant().Split('-', '_'))
                if (parts.Contains(part)) return true;
        return false;
    }

    private static int Span(IElement cell, string attribute, Regex gridSpan)
    {
        foreach (var name in new[] { attribute, "data-" + attribute })
            if (int.TryParse(cell.GetAttribute(name), out var n) && n > 0) return n;
        if (cell.GetAttribute("style") is { } style && gridSpan.Match(style) is { Success: true } m) return int.Parse(m.Groups[1].Value);
        return 1;
    }

    [GeneratedRegex(@"display\s*:\s*([a-z-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex DisplayStyle();

    [GeneratedRegex(@"grid-column(?:-end)?\s*:[^;]*?span\s+(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex GridColumnSpan();

    [GeneratedRegex(@"grid-row(?:-end)?\s*:[^;]*?span\s+(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex GridRowSpan();
}
