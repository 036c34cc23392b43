using ExtractReports.Schema;

namespace ExtractReports.CorpusGen.Model;

/// <summary>A row of table 二 as printed: the label shown and the field ids of its cells.</summary>
public sealed record T2Row(string Label, IReadOnlyList<string> Fields);

/// <summary>A sub-table of table 二 (第二十条第（x）项) with its column headers.</summary>
public sealed record T2Section(string Title, IReadOnlyList<string> Headers, IReadOnlyList<T2Row> Rows);

/// <summary>
/// A row of table 三 as printed. Level 0: 一、二、四 (label over all three label columns);
/// level 1: a row inside 三、本年度办理结果 without a sub-label; level 2: a numbered sub-row of a group.
/// </summary>
public sealed record T3Row(string Prefix, int Level, string? Group, string Label)
{
    public IReadOnlyList<string> Fields => TableTemplates.ApplicantColumns.Select(c => $"{Prefix}.{c}").ToList();
}

/// <summary>
/// The printed layout of the tables, derived from the library's templates and the schema's row labels,
/// so the generator never retypes a field id.
/// </summary>
public static class Layout
{
    public const string T3Top = "三、本年度办理结果";

    private static readonly Dictionary<string, string> T2Labels = new()
    {
        ["t2.rules"] = "规章",
        ["t2.licensing"] = "行政许可",
        ["t2.other_services"] = "其他对外管理服务事项",
        ["t2.penalty"] = "行政处罚",
        ["t2.coercion"] = "行政强制",
        ["t2.fees"] = "行政事业性收费",
        ["t2.procurement"] = "政府集中采购",
    };

    public static IReadOnlyList<T2Section> T2(ReportFormat format)
    {
        var rows = TableTemplates.T2(format).Rows.ToDictionary(r => r.Prefix, r =>
            new T2Row(r.Prefix == "t2.normative" ? (format == ReportFormat.F2021 ? "行政规范性文件" : "规范性文件") : T2Labels[r.Prefix],
                r.FieldIds.ToList()));
        if (format == ReportFormat.F2021)
            return
            [
                new("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], [rows["t2.rules"], rows["t2.normative"]]),
                new("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [rows["t2.licensing"]]),
                new("第二十条第（六）项", ["信息内容", "本年处理决定数量"], [rows["t2.penalty"], rows["t2.coercion"]]),
                new("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], [rows["t2.fees"]]),
            ];
        return
        [
            new("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], [rows["t2.rules"], rows["t2.normative"]]),
            new("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], [rows["t2.licensing"], rows["t2.other_services"]]),
            new("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], [rows["t2.penalty"], rows["t2.coercion"]]),
            new("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"], [rows["t2.fees"]]),
            new("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额"], [rows["t2.procurement"]]),
        ];
    }

    public static IReadOnlyList<T3Row> T3(ReportFormat format) =>
        TableTemplates.T3(format).Rows.Select(r => ToRow(r.Prefix)).ToList();

    private static T3Row ToRow(string prefix)
    {
        var label = StandardSchema.Default[$"{prefix}.total"].RowLabel;
        if (label.StartsWith("一、") || label.StartsWith("二、") || label.StartsWith("四、")) return new(prefix, 0, null, label);
        if (label.StartsWith(T3Top)) return new(prefix, 1, null, label[T3Top.Length..]);
        var space = label.IndexOf(' ');
        return space < 0 ? new(prefix, 1, null, label) : new(prefix, 2, label[..space], label[(space + 1)..]);
    }

    /// <summary>The four result columns and the total of each table 四 group, in printed order.</summary>
    public static readonly IReadOnlyList<(string Prefix, string Name)> T4Groups =
        TableTemplates.T4.Rows.Select(r => (r.Prefix, r.Prefix switch
        {
            "t4.review" => "行政复议",
            "t4.suit_direct" => "未经复议直接起诉",
            _ => "复议后起诉",
        })).ToList();

    public static readonly IReadOnlyList<string> T4ColumnNames = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    public static IReadOnlyList<string> T4Fields =>
        TableTemplates.T4.Rows.SelectMany(r => r.FieldIds).ToList();

    public static readonly IReadOnlyList<string> ApplicantNames = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

    public const string T3Note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
}
