using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ExtractReports.Lines.Html;

/// <summary>
/// Finds the report inside a page: the element holding its body (not the site's menus, sidebars and
/// footers) and its title (a heading, the article-title meta tag, or &lt;title&gt; without the site name).
/// </summary>
internal sealed partial class ReportLocator(HtmlReaderOptions options, HtmlMarkup markup)
{
    /// <summary>
    /// The deepest element whose text outside links holds as many content anchors as the page's
    /// body does (links are left out so a menu item named like a section does not pull the menu in);
    /// null when the page holds too few anchors to be a report.
    /// </summary>
    public (IElement Root, int Anchors)? FindBody(IElement body)
    {
        int best = Anchors(markup.PlainText(body, skipLinks: true));
        if (best < options.MinContentAnchors) return null;
        IElement root = body;
        int rootLength = int.MaxValue;
        foreach (var e in body.Descendants<IElement>())
        {
            if (markup.IsHidden(e)) continue;
            var text = markup.PlainText(e, skipLinks: true);
            if (text.Length < rootLength && Anchors(text) == best) { root = e; rootLength = text.Length; }
        }
        return (root, best);
    }

    private int Anchors(string plainText) => options.ContentAnchors.Count(a => plainText.Contains(a, StringComparison.Ordinal));

    /// <summary>The report's title, or null when the page names none.</summary>
    public string? FindTitle(IDocument document)
    {
        foreach (var e in document.Body?.Descendants<IElement>() ?? [])
        {
            if (!IsHeading(e) || markup.IsHidden(e)) continue;
            var text = markup.CellText(e);
            if (IsTitle(text)) return text;
        }
        foreach (var name in new[] { "ArticleTitle", "og:title", "title" })
        {
            var meta = document.QuerySelectorAll("meta")
                .FirstOrDefault(m => string.Equals(m.GetAttribute("name") ?? m.GetAttribute("property"), name, StringComparison.OrdinalIgnoreCase));
            if (meta?.GetAttribute("content") is { } content && IsTitle(TextPieces.Collapse(content)))
                return TextPieces.Collapse(content);
        }
        var title = TextPieces.Collapse(document.Title ?? "");
        if (title.Length == 0) return null;
        // "Report title_Column_Site": keep the part that is the report's title.
        var parts = title.Split(options.TitleSeparators.ToArray(), StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.FirstOrDefault(HasMarker) ?? parts.FirstOrDefault() ?? title;
    }

    private static bool IsHeading(IElement e) =>
        e.LocalName is "h1" or "h2" or "h3" or "h4"
        || e.ClassList.Any(c => c.Contains("title", StringComparison.OrdinalIgnoreCase))
        || (e.Id?.Contains("title", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>A title names the report and its year: a column heading like 政府信息公开年报 is not one.</summary>
    private bool IsTitle(string text) => text.Length <= options.TitleMaxChars && HasMarker(text) && Year().IsMatch(text);

    private bool HasMarker(string text) => options.TitleMarkers.Any(m => text.Contains(m, StringComparison.Ordinal));

    [GeneratedRegex(@"([12]\d{3}|[〇○零一二][〇○零一二三四五六七八九]{3})\s*年")]
    private static partial Regex Year();
}
