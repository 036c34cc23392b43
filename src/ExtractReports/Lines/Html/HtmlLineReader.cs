using AngleSharp.Html.Parser;
using ExtractReports.Documents;

namespace ExtractReports.Lines.Html;

/// <summary>
/// Reads saved web pages (.html, .htm, .shtml) and single-file archives (.mht) with AngleSharp.
/// The page is decoded by its declared or detected charset, the report's body is found among the
/// site's chrome, and its tables are read from their structure (rowspan and colspan expanded into a
/// grid, one delimited line a row, cells boxed by grid position); text outside tables comes as
/// one-cell lines in document order, led by the report's title.
/// </summary>
public sealed class HtmlLineReader : ILineReader
{
    private readonly HtmlReaderOptions _options;

    public HtmlLineReader(HtmlReaderOptions? options = null) => _options = (options ?? new HtmlReaderOptions()).Validate();

    public bool CanRead(SourceDocument document) => document.Kind == DocumentKind.Html;

    public LineDocument Read(SourceDocument document, CancellationToken cancellation)
    {
        var source = HtmlSource.Decode(document.Bytes);
        cancellation.ThrowIfCancellationRequested();
        return ReadMarkup(source.Html, $"{(source.FromArchive ? "mht" : "html")} ({source.EncodingName})");
    }

    /// <summary>Reads markup that is already text.</summary>
    public LineDocument ReadMarkup(string html, string method = "html")
    {
        var document = new HtmlParser().ParseDocument(html);
        var notes = new List<string>();
        var markup = new HtmlMarkup(PageStyles.Of(document));
        var locator = new ReportLocator(_options, markup);
        var body = document.Body ?? document.DocumentElement;
        var found = locator.FindBody(body);
        var root = found?.Root ?? body;
        notes.Add(found is { } f
            ? $"report body: <{f.Root.LocalName}{(f.Root.Id is { Length: > 0 } id ? "#" + id : "")}> with {f.Anchors} of {_options.ContentAnchors.Count} anchor phrases"
            : "no report body recognised (too few anchor phrases): the whole page was read");

        var walker = new HtmlWalker(_options, markup);
        var lines = walker.Walk(root).ToList();
        notes.Add($"{walker.DataTables} tables, {walker.DivGrids} div grids, {walker.LayoutTables} layout tables, {walker.ChromeLines} chrome lines dropped");

        var title = locator.FindTitle(document) ?? locator.FindTitle(lines);
        if (title is not null && !Prints(lines, title))
            lines.Insert(0, new Line([new Cell(title)], Delimited: true)); // the title sat outside the body (a page header)
        return new LineDocument(lines, method, 1, notes, title);
    }

    /// <summary>Whether the article's first lines print the title, on one line or set on two.</summary>
    private static bool Prints(IReadOnlyList<Line> lines, string title)
    {
        var wanted = Squeeze(title);
        var head = lines.Take(20).Select(l => Squeeze(l.Text)).ToList();
        return head.Where((t, i) => t.Contains(wanted, StringComparison.Ordinal)
                                    || i > 0 && (head[i - 1] + t).Contains(wanted, StringComparison.Ordinal)).Any();
    }

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
