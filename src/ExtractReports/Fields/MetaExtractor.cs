using System.Text.RegularExpressions;
using ExtractReports.Lines;

namespace ExtractReports.Fields;

/// <summary>The report's issuing agency and year, as named in its title.</summary>
/// <param name="TitleConfidence">The least engine confidence of the title's cells (1 for a text layer).</param>
public sealed record ReportMeta(string? Agency, string? Year, string? Title, double TitleConfidence = 1);

/// <summary>
/// Finds the title (the first lines that name a 年度报告, joined when the title wraps) and takes the
/// agency and the year from it: `XX局2022年政府信息公开工作年度报告`, `2024 年上海市科委政府信息公开工作年度报告`.
/// </summary>
public static partial class MetaExtractor
{
    public static ReportMeta Extract(LineDocument document)
    {
        double confidence = 1;
        string? title;
        if (document.Title is { Length: > 0 } t && TitleParts().IsMatch(Clean(t)))
        {
            // A title the reader named: its confidence is that of the lines it was read from.
            title = Clean(t);
            confidence = document.Lines.Take(60).Where(l => !l.IsBlank && Clean(l.Text) is { Length: > 1 } x && title.Contains(x))
                .SelectMany(l => l.Cells).Where(c => !c.IsBlank).Select(c => c.Confidence).DefaultIfEmpty(1).Min();
        }
        else title = FindTitle(document.Lines, out confidence);
        if (title is null) return new ReportMeta(null, null, null);
        var m = TitleParts().Match(title);
        if (!m.Success) return new ReportMeta(null, null, title, confidence);
        var agency = m.Groups["agency"].Value.Trim();
        if (agency.Length == 0) agency = m.Groups["rest"].Value.Trim();
        agency = AgencyTail().Replace(agency, "").Trim(' ', '　', ':', '：');
        return new ReportMeta(agency.Length > 0 ? agency : null, m.Groups["year"].Value, title, confidence);
    }

    /// <summary>Lines that converters and web pages put before the title.</summary>
    private static readonly HashSet<string> Boilerplate = ["正文", "目录", "全文", "原文", "打印", "关闭", "文字版", "全真版"];

    private static string? FindTitle(IReadOnlyList<Line> lines, out double confidence)
    {
        var candidates = lines.Where(l => !l.IsBlank).Select(l => (Text: Clean(l.Text), Line: l)).Where(x => !Boilerplate.Contains(x.Text)).Take(40).ToList();
        for (int i = 0; i < candidates.Count; i++)
        {
            // A title may wrap over up to three lines.
            for (int span = 1; span <= 3 && i + span <= candidates.Count; span++)
            {
                var joined = string.Concat(candidates.Skip(i).Take(span).Select(x => x.Text));
                if (joined.Length > 80) break;
                if (joined.Contains("报告") && TitleParts().IsMatch(joined))
                {
                    confidence = candidates.Skip(i).Take(span).SelectMany(x => x.Line.Cells).Where(c => !c.IsBlank).Select(c => c.Confidence).DefaultIfEmpty(1).Min();
                    return joined;
                }
            }
        }
        confidence = 1;
        return null;
    }

    private static string Clean(string s)
    {
        var c = s.Replace('\u00a0', ' ').Replace("**", "").Trim().TrimStart('#').Trim();
        c = Prefix().Replace(c, "");
        return Spaces().Replace(c, "");
    }

    [GeneratedRegex(@"^(?<agency>[^\d]*?)(?<year>(19|20)\d{2})年度?(?<rest>[^\d]*?)(政府)?信息公开")]
    private static partial Regex TitleParts();

    [GeneratedRegex(@"(关于)?$")]
    private static partial Regex AgencyTail();

    [GeneratedRegex(@"^(标题|title)\s*[:：]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
