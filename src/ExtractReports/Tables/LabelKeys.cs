using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>Every label phrase of the three tables, to tell a label cell from a sentence cell.</summary>
internal static class LabelKeys
{
    private static readonly string[] All = new[]
        {
            TableTemplates.T2F2019, TableTemplates.T2F2021, TableTemplates.T3F2019, TableTemplates.T3F2021, TableTemplates.T4,
        }
        .SelectMany(t => t.Rows).SelectMany(r => r.Keys)
        .Concat(["第二十条", "信息内容", "本年度办理结果", "申请人情况"])
        .Select(LabelText.Normalize).Distinct().ToArray();

    public static bool Mentions(string normalized)
    {
        foreach (var key in All)
            if (normalized.Contains(key, StringComparison.Ordinal)) return true;
        return false;
    }
}
