using System.Text.RegularExpressions;
using ExtractReports.Lines;

namespace ExtractReports.Fields;

/// <summary>The report's issuing agency and year, as named in its title.</summary>
public sealed record ReportMeta(string? Agency, string? Year, string? Title);

/// <summary>
/// Finds the title (the first lines that name a 年度报告, joined when the title wraps) and takes the
/// agency and the year from it: `XX局2022年政府信息公开工作年度报告`, `2024 年上海市科委政府信息公开工作年度报告`.
/// </summary>
public static partial class MetaExtractor
{
    public static ReportMeta Extract(LineDocument document)
    {
        var title = document.Title is { Length: > 0 } t && TitleParts().IsMatch(Clean(t)) ? Clean(t) : FindTitle(document.Lines);
        if (title is null) return new ReportMeta(null, null, null);
        var m = TitleParts().Match(title);
        if (!m.Success) return new ReportMeta(null, null, title);
        var agency = m.Groups["agency"].Value.Trim();
        if (agency.Length == 0) agency = m.Groups["rest"].Value.Trim();
        agency = AgencyTail().Replace(agency, "").Trim(' ', '　', ':', '：');
        return new ReportMeta(agency.Length > 0 ? agency : null, m.Groups["year"].Value, title);
    }

    /// <summary>Lines that converters and web pages put before the title.</summary>
    private static readonly HashSet<string> Boilerplate = ["正文", "目录", "全文", "原文", "打印", "关闭", "文字版", "全真版"];

    private static string? FindTitle(IReadOnlyList<Line> lines)
    {
        var texts = lines.Where(l => !l.IsBlank).Select(l => Clean(l.Text)).Where(t => !Boilerplate.Contains(t)).Take(40).ToList();
        for (int i = 0; i < texts.Count; i++)
        {
            // A title may wrap over up to three lines.
            for (int span = 1; span <= 3 && i + span <= texts.Count; span++)
            {
                var joined = string.Concat(texts.Skip(i).Take(span));
                if (joined.Length > 80) break;
                if (joined.Contains("报告") && TitleParts().IsMatch(joined)) return joined;
            }
        }
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
