using AngleSharp.Dom;

namespace ExtractReports.Lines.Html;

/// <summary>What the reader needs to know about elements: hidden, block or inline, and a cell's text.</summary>
internal sealed class HtmlMarkup(PageStyles styles)
{
    public PageStyles Styles => styles;

    private static readonly HashSet<string> Invisible =
    [
        "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg", "canvas",
        "select", "button", "input", "textarea", "map", "audio", "video",
    ];

    private static readonly HashSet<string> Blocks =
    [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul",
        "caption", "summary", "legend", "option", "html",
    ];

    public bool IsHidden(IElement e) =>
        Invisible.Contains(e.LocalName) || e.HasAttribute("hidden")
        || styles.Get(e, "display") == "none" || styles.Get(e, "visibility") is "hidden" or "collapse";

    /// <summary>
    /// Block elements start and end a line (so does a table cell read as layout); a declared
    /// display decides over the tag (a &lt;span style="display:block"&gt; is a block).
    /// </summary>
    public bool IsBlock(IElement e) =>
        styles.Get(e, "display") is { } display
            ? !(display.StartsWith("inline", StringComparison.Ordinal) || display is "contents" or "ruby" or "none")
            : Blocks.Contains(e.LocalName);

    /// <summary>
    /// The text of a table cell as one string: inline soup (&lt;span&gt;, &lt;font&gt;, &lt;b&gt;) runs
    /// together, &lt;br&gt; and block children (&lt;p&gt;, &lt;div&gt;) only wrap it.
    /// </summary>
    public string CellText(IElement cell)
    {
        var pieces = new TextPieces();
        Gather(cell, pieces);
        return pieces.Take();
    }

    private void Gather(INode node, TextPieces pieces)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text) { pieces.Append(text.Data); continue; }
            if (child is not IElement e || IsHidden(e)) continue;
            if (e.LocalName == "br") { pieces.Break(); continue; }
            bool block = IsBlock(e);
            if (block) pieces.Break();
            Gather(e, pieces);
            if (block) pieces.Break();
        }
    }
}
