using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>
/// The rows of table 三 that the national template prints with an Arabic ordinal: the eight grounds of
/// (三)不予公开, the three of (四)无法提供, the five of (五)不予处理 and the three of the 2021 format's
/// (六)其他处理. OCR drops the point after such an ordinal (`1本机关不掌握相关政府信息`), and the lone digit
/// left opening the label would otherwise be read as a value.
/// </summary>
internal static class NumberedRows
{
    // By field-id prefix; `3.其他` is left out: its only key carries its own ordinal and `其他` alone says nothing.
    private static readonly string[] Prefixes =
    [
        "t3.withheld.", "t3.unavailable.", "t3.not_processed.", "t3.other.overdue_correction", "t3.other.unpaid_fee",
    ];

    private static readonly string[] Keys = new[] { TableTemplates.T3F2019, TableTemplates.T3F2021 }
        .SelectMany(t => t.Rows)
        .Where(r => Prefixes.Any(p => r.Prefix.StartsWith(p, StringComparison.Ordinal)))
        .SelectMany(r => r.NormalizedKeys)
        .Distinct().ToArray();

    /// <summary>The largest ordinal the template prints (属于行政查询事项 is 8).</summary>
    public const char LastOrdinal = '8';

    /// <summary>Whether <paramref name="label"/> (normalized) is the label of a numbered row, exactly or as OCR garbles it.</summary>
    public static bool Names(string label)
    {
        if (label.Length == 0 || !Tokenizer.IsCjk(label[0])) return false;
        var prepared = PreparedLabel.Of(label);
        foreach (var key in Keys)
            if (LabelText.Match(prepared, key) > 0) return true;
        return false;
    }
}
