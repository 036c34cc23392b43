using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ExtractReports.Lines.Html;

/// <summary>What the reader needs to know about elements: hidden, block or inline, and a cell's text.</summary>
internal static partial class HtmlMarkup
{
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

    public static bool IsHidden(IElement e) =>
        Invisible.Contains(e.LocalName) || e.HasAttribute("hidden")
        || e.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style);

    /// <summary>Block elements start and end a line; so does a table cell read as layout.</summary>
    public static bool IsBlock(IElement e) =>
        Blocks.Contains(e.LocalName) || e.GetAttribute("style") is { } style && BlockStyle().IsMatch(style);

    /// <summary>
    /// The text of a table cell as one string: inline soup (&lt;span&gt;, &lt;font&gt;, &lt;b&gt;) runs
    /// together, &lt;br&gt; and block children (&lt;p&gt;, &lt;div&gt;) only wrap it.
    /// </summary>
    public static string CellText(IElement cell)
    {
        var pieces = new TextPieces();
        Gather(cell, pieces);
        return pieces.Take();
    }

    private static void Gather(INode node, TextPieces pieces)
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

    /// <summary>The text of an element with links and hidden parts left out, whitespace removed (for matching phrases).</summary>
    public static string PlainText(IElement e, bool skipLinks)
    {
        var sb = new System.Text.StringBuilder();
        Plain(e, sb, skipLinks);
        return sb.ToString();
    }

    private static void Plain(INode node, System.Text.StringBuilder sb, bool skipLinks)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                foreach (var ch in text.Data) if (!char.IsWhiteSpace(ch)) sb.Append(ch);
            }
            else if (child is IElement e && !IsHidden(e) && !(skipLinks && e.LocalName == "a"))
                Plain(e, sb, skipLinks);
        }
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"display\s*:\s*(block|flex|grid|list-item|table)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlockStyle();
}
