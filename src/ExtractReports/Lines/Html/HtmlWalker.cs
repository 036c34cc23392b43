using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ExtractReports.Lines.Html;

/// <summary>
/// Walks the report's part of a page in document order: each row of a data table (or a &lt;div&gt;
/// grid) becomes a delimited line of cells, spans expanded; text outside tables becomes one-cell
/// lines, a line per block element or &lt;br&gt;. Tables used for page layout (holding other tables
/// or long text) are walked as blocks, so the tables inside them are read as tables.
/// </summary>
internal sealed class HtmlWalker(HtmlReaderOptions options, HtmlMarkup markup)
{
    private readonly DivGrid _grids = new(markup, options);
    private readonly Regex _chrome = new(options.ChromePattern);
    private readonly List<Line> _lines = [];
    private readonly TextPieces _prose = new();
    private int _gridRow;

    public int DataTables { get; private set; }
    public int LayoutTables { get; private set; }
    public int DivGrids { get; private set; }
    public int ChromeLines { get; private set; }

    public IReadOnlyList<Line> Walk(IElement root)
    {
        Visit(root);
        FlushProse();
        return _lines;
    }

    private void Visit(INode node)
    {
        if (node is IText text) { _prose.Append(text.Data); return; }
        if (node is not IElement e || markup.IsHidden(e)) return;
        if (e.LocalName == "br") { FlushProse(); return; }
        if (e is IHtmlTableElement table)
        {
            if (!IsLayout(table))
            {
                FlushProse();
                if (table.Caption is { } caption) AddProse(markup.CellText(caption));
                EmitGrid(TableRows(table));
                DataTables++;
                return;
            }
            LayoutTables++;
        }
        else if (_grids.ReadCssGrid(e) is { } cssGrid)
        {
            FlushProse();
            EmitGrid(cssGrid);
            DivGrids++;
            return;
        }
        bool block = markup.IsBlock(e);
        if (block) FlushProse();
        VisitChildren(e);
        if (block) FlushProse();
    }

    /// <summary>Children in order, with consecutive &lt;div&gt; rows gathered into one grid.</summary>
    private void VisitChildren(IElement e)
    {
        var run = new List<IElement>();
        foreach (var child in e.ChildNodes)
        {
            if (child is IElement ce && !markup.IsHidden(ce) && _grids.RowsOf(ce) is { Count: > 0 } rows)
            {
                run.AddRange(rows);
                continue;
            }
            if (child is IText t && string.IsNullOrWhiteSpace(t.Data) && run.Count > 0) continue;
            EmitRun(run);
            Visit(child);
        }
        EmitRun(run);
    }

    private void EmitRun(List<IElement> run)
    {
        if (run.Count == 0) return;
        if (_grids.Read(run) is { } grid)
        {
            FlushProse();
            EmitGrid(grid);
            DivGrids++;
        }
        else
            foreach (var row in run) Visit(row);
        run.Clear();
    }

    /// <summary>A table holding another table, or a cell with a page's worth of text, lays out the page.</summary>
    private bool IsLayout(IHtmlTableElement table) =>
        table.QuerySelector("table") is not null
        || table.Rows.SelectMany(r => r.Cells).Any(c => markup.CellText(c).Length >= options.LayoutCellMinChars);

    private List<IReadOnlyList<SpanCell>> TableRows(IHtmlTableElement table)
    {
        var rows = new List<IReadOnlyList<SpanCell>>();
        foreach (var row in table.Rows)
        {
            if (markup.IsHidden(row)) continue;
            rows.Add(row.Cells.Where(c => !markup.IsHidden(c))
                .Select(c => new SpanCell(markup.CellText(c), c.ColumnSpan, c.RowSpan)).ToList());
        }
        return rows;
    }

    private void EmitGrid(IReadOnlyList<IReadOnlyList<SpanCell>> rows)
    {
        _lines.AddRange(SpanGrid.ToLines(rows, options.Geometry, _gridRow));
        _gridRow += rows.Count + 1; // a gap between tables, so their boxes never touch
    }

    private void FlushProse() => AddProse(_prose.Take());

    private void AddProse(string text)
    {
        if (text.Length == 0) return;
        if (text.Length <= options.ChromeMaxChars && _chrome.IsMatch(text)) { ChromeLines++; return; }
        // A block boundary in a page is a real boundary: the paragraph is one cell.
        _lines.Add(new Line([new Cell(text)], Delimited: true));
    }
}
