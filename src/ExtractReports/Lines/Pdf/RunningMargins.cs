using System.Text.RegularExpressions;
using ExtractReports.Pages;

namespace ExtractReports.Lines.Pdf;

/// <summary>
/// Drops a PDF's running heads and feet: lines in the top or bottom margin that are no part of the
/// report. A browser's "print to PDF" puts the date and the page title above every page and the
/// address and <c>3/9</c> below it; an agency's own PDF may repeat its name or a file number. Left
/// in, their numbers (<c>12/3/26, 3:57</c>, <c>6/9</c>) are read as cells of a table that crosses the
/// page there. A margin line is dropped when its text, digits aside, comes back on other pages, or
/// when it is a browser's stamp (an address, a date with a time).
/// </summary>
public static partial class RunningMargins
{
    /// <summary>Share of the page height at the top and at the bottom searched for running lines. 0.08: a browser's stamps sit within 0.04 of the edge, a report's own text rarely that close.</summary>
    public const double MarginShare = 0.08;

    public static IReadOnlyList<IReadOnlyList<Line>> Drop(IReadOnlyList<(Page Page, IReadOnlyList<Line> Lines)> pages)
    {
        var margins = pages.Select(p => MarginLines(p.Page, p.Lines)).ToList();
        var seenOn = margins
            .SelectMany((m, i) => m.Select(l => (Key: Shape(l.Text), Page: i)))
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Page).Distinct().Count());
        return pages.Select((p, i) =>
        {
            var drop = margins[i].Where(l => seenOn[Shape(l.Text)] >= 2 && pages.Count >= 2 || IsBrowserStamp(l.Text)).ToHashSet();
            return (IReadOnlyList<Line>)p.Lines.Where(l => !drop.Contains(l)).ToList();
        }).ToList();
    }

    /// <summary>The first and last lines of a page when they stand within the margin.</summary>
    private static List<Line> MarginLines(Page page, IReadOnlyList<Line> lines)
    {
        var found = new List<Line>();
        if (page.Height <= 0 || lines.Count == 0) return found;
        double top = page.Height * MarginShare, bottom = page.Height * (1 - MarginShare);
        if (Extent(lines[0]) is { } first && first.Y1 <= top) found.Add(lines[0]);
        if (Extent(lines[^1]) is { } last && last.Y0 >= bottom && !found.Contains(lines[^1])) found.Add(lines[^1]);
        return found;
    }

    private static Box? Extent(Line line) =>
        line.Cells.Where(c => c.Box is not null).Select(c => c.Box!.Value).Aggregate((Box?)null, (a, b) => a is { } x ? x.Union(b) : b);

    /// <summary>A line's text with its digits folded, so that <c>6/9</c> and <c>7/9</c> are one running foot.</summary>
    private static string Shape(string text) => Digits().Replace(text, "0");

    /// <summary>What a browser prints in the margins: the page's address, or the date with the time.</summary>
    private static bool IsBrowserStamp(string text) => BrowserStamp().IsMatch(text);

    [GeneratedRegex(@"[0-9]+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^\s*((file|https?)://\S+|[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4}\s*,?\s*[0-9]{1,2}:[0-9]{2})", RegexOptions.IgnoreCase)]
    private static partial Regex BrowserStamp();
}
