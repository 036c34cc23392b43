using System.Text.RegularExpressions;

namespace ExtractReports.Lines;

/// <summary>How a report's title is recognised, for readers of documents that carry one (HTML, DOCX).</summary>
public sealed record ReportTitleOptions
{
    /// <summary>Words that make a line the report's title. Default 年度报告 and 年报.</summary>
    public IReadOnlyList<string> Markers { get; init; } = ["年度报告", "年报"];

    /// <summary>A title longer than this is a paragraph mentioning the report, not its title. Default 80 characters.</summary>
    public int MaxChars { get; init; } = 80;

    public void Validate()
    {
        if (Markers.Count == 0 || Markers.Any(string.IsNullOrEmpty)) throw new ArgumentException("title markers must be non-empty words");
        if (MaxChars < 2) throw new ArgumentException("MaxChars must leave room for a title");
    }
}

/// <summary>
/// Recognises a report's title: it names the report (a marker) and its year, so a column heading
/// like 政府信息公开年报 is not one. A title set on two lines is joined: the agency on the line
/// above a line that starts with the year (某某局 / 2020年政府信息公开工作年度报告), or the agency
/// and year above the report's name (某某局2020年 / 政府信息公开工作年度报告).
/// </summary>
public static partial class ReportTitle
{
    public static bool IsTitle(string text, ReportTitleOptions options) =>
        text.Length <= options.MaxChars && HasMarker(text, options) && Year().IsMatch(text);

    public static bool HasMarker(string text, ReportTitleOptions options) =>
        options.Markers.Any(m => text.Contains(m, StringComparison.Ordinal));

    /// <summary>The title formed by the line at <paramref name="index"/> (with the line above when the title wraps), or null.</summary>
    public static string? At(IReadOnlyList<Line> lines, int index, ReportTitleOptions options)
    {
        if (lines[index].Cells.Count != 1) return null;
        var text = lines[index].Text;
        if (!HasMarker(text, options)) return null;
        var above = index > 0 && lines[index - 1].Cells.Count == 1 && lines[index - 1].Text.Length <= options.MaxChars / 2
            ? lines[index - 1].Text : null;
        if (above is not null && (YearFirst().IsMatch(text) || !Year().IsMatch(text) && Year().IsMatch(above)))
            text = above + text;
        return IsTitle(text, options) ? text : null;
    }

    /// <summary>The first title among the lines, or null.</summary>
    public static string? Find(IReadOnlyList<Line> lines, ReportTitleOptions options)
    {
        for (int i = 0; i < lines.Count; i++)
            if (At(lines, i, options) is { } title) return title;
        return null;
    }

    /// <summary>A line that starts with the year and goes on with the report's name has no agency.</summary>
    [GeneratedRegex(@"^\s*([12]\d{3}|[〇○零一二][〇○零一二三四五六七八九]{3})\s*年度?\s*(政府)?信息公开")]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"([12]\d{3}|[〇○零一二][〇○零一二三四五六七八九]{3})\s*年")]
    private static partial Regex Year();
}
