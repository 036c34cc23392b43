using AngleSharp.Dom;

namespace ExtractReports.Lines.Html;

/// <summary>
/// Finds the report inside a page: the element holding its body (not the site's menus, sidebars and
/// footers) and its title (a heading, the article-title meta tag, or &lt;title&gt; without the site name).
/// </summary>
internal sealed class ReportLocator(HtmlReaderOptions options, HtmlMarkup markup)
{
    /// <summary>
    /// The deepest element whose text outside links holds as many content anchors as the page's
    /// body does (links are left out so a menu item named like a section does not pull the menu in),
    /// and that holds a table when the page has one; null when the page holds too few anchors to be a report.
    /// </summary>
    public (IElement Root, int Anchors)? FindBody(IElement body)
    {
        // One pass: the body's plain text, and where each element's text starts and ends in it.
        var text = new System.Text.StringBuilder();
        var spans = new List<(IElement Element, int Start, int End)>();
        Measure(body, text, spans);
        var plain = text.ToString();
        var occurrences = options.ContentAnchors.Select(a => Occurrences(plain, a)).ToList();
        int AnchorsIn(int start, int end) =>
            occurrences.Count(o => o.Any(p => p.Start >= start && p.End <= end));

        int best = AnchorsIn(0, plain.Length);
        if (best < options.MinContentAnchors) return null;
        // Among those, the deepest holding a table when the page has one: a report's opening paragraph
        // may name every section (`报告全文包括总体情况、主动公开政府信息情况…`), and on a page cut after
        // table 二 that paragraph holds as many anchors as the report does.
        bool pageHasTable = body.QuerySelector("table") is not null;
        IElement? root = null, withTable = null;
        int rootLength = int.MaxValue, withTableLength = int.MaxValue;
        foreach (var (e, start, end) in spans)
        {
            if (AnchorsIn(start, end) != best) continue;
            if (end - start < rootLength) { root = e; rootLength = end - start; }
            if (pageHasTable && end - start < withTableLength && e.QuerySelector("table") is not null) { withTable = e; withTableLength = end - start; }
        }
        return (withTable ?? root ?? body, best);
    }

    /// <summary>Text outside links and hidden parts, whitespace removed, with each element's extent.</summary>
    private void Measure(IElement e, System.Text.StringBuilder text, List<(IElement, int, int)> spans)
    {
        int index = spans.Count, start = text.Length;
        spans.Add((e, start, start));
        foreach (var child in e.ChildNodes)
        {
            if (child is IText t)
            {
                foreach (var ch in t.Data) if (!char.IsWhiteSpace(ch)) text.Append(ch);
            }
            else if (child is IElement ce && !markup.IsHidden(ce) && ce.LocalName != "a")
                Measure(ce, text, spans);
        }
        spans[index] = (e, start, text.Length);
    }

    private static List<(int Start, int End)> Occurrences(string text, string phrase)
    {
        var found = new List<(int, int)>();
        for (int i = text.IndexOf(phrase, StringComparison.Ordinal); i >= 0; i = text.IndexOf(phrase, i + 1, StringComparison.Ordinal))
            found.Add((i, i + phrase.Length));
        return found;
    }

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
        // "Report title_Column_Site": keep the part that is the report's title; a <title> that does
        // not name a report (the site's name alone) is no title.
        var parts = title.Split(options.TitleSeparators.ToArray(), StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.FirstOrDefault(IsTitle) ?? parts.FirstOrDefault(HasMarker);
    }

    /// <summary>The title as the article prints it, when the page marks none.</summary>
    public string? FindTitle(IReadOnlyList<Line> lines) => ReportTitle.Find(lines, options.Title);

    private static bool IsHeading(IElement e) =>
        e.LocalName is "h1" or "h2" or "h3" or "h4"
        || e.ClassList.Any(c => c.Contains("title", StringComparison.OrdinalIgnoreCase))
        || (e.Id?.Contains("title", StringComparison.OrdinalIgnoreCase) ?? false);

    private bool IsTitle(string text) => ReportTitle.IsTitle(text, options.Title);

    private bool HasMarker(string text) => ReportTitle.HasMarker(text, options.Title);
}
