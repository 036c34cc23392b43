using ExtractReports.Lines.TextDump;
using ExtractReports.Schema;
using ExtractReports.Tables;

namespace ExtractReports.Tests.Tables;

/// <summary>Builds small report dumps inline, with table 三 values that satisfy every identity.</summary>
internal static class ReportBuilder
{
    public static readonly Dictionary<string, int[]> T3 = new()
    {
        ["new_requests"] = [5, 1, 0, 0, 0, 2, 8],
        ["carried_over"] = [1, 0, 0, 0, 0, 0, 1],
        ["granted"] = [3, 1, 0, 0, 0, 1, 5],
        ["partially_granted"] = [1, 0, 0, 0, 0, 0, 1],
        ["unavailable.not_held"] = [1, 0, 0, 0, 0, 1, 2],
        ["total_handled"] = [5, 1, 0, 0, 0, 2, 8],
        ["carried_forward"] = [1, 0, 0, 0, 0, 0, 1],
    };

    public static int[] Row(string prefix) => T3.TryGetValue(prefix, out var v) ? v : [0, 0, 0, 0, 0, 0, 0];

    public static readonly Dictionary<string, string> Labels2021 = new()
    {
        ["new_requests"] = "一、本年新收政府信息公开申请数量", ["carried_over"] = "二、上年结转政府信息公开申请数量",
        ["granted"] = "三、本年度办理结果\t（一）予以公开", ["partially_granted"] = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ["withheld.state_secret"] = "（三）不予公开\t1.属于国家秘密", ["withheld.prohibited_by_law"] = "2.其他法律行政法规禁止公开",
        ["withheld.security_stability"] = "3.危及“三安全一稳定”", ["withheld.third_party"] = "4.保护第三方合法权益",
        ["withheld.internal_affairs"] = "5.属于三类内部事务信息", ["withheld.process_info"] = "6.属于四类过程性信息",
        ["withheld.enforcement_files"] = "7.属于行政执法案卷", ["withheld.query_matters"] = "8.属于行政查询事项",
        ["unavailable.not_held"] = "（四）无法提供\t1.本机关不掌握相关政府信息", ["unavailable.needs_creation"] = "2.没有现成信息需要另行制作",
        ["unavailable.unclear"] = "3.补正后申请内容仍不明确", ["not_processed.petition"] = "（五）不予处理\t1.信访举报投诉类申请",
        ["not_processed.duplicate"] = "2.重复申请", ["not_processed.publication"] = "3.要求提供公开出版物",
        ["not_processed.excessive"] = "4.无正当理由大量反复申请", ["not_processed.reconfirm"] = "5.要求行政机关确认或重新出具已获取信息",
        ["other.overdue_correction"] = "（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ["other.unpaid_fee"] = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ["other.other"] = "3.其他", ["other"] = "（六）其他处理", ["total_handled"] = "（七）总计", ["carried_forward"] = "四、结转下年度继续办理",
    };

    public const string Title = "某某县卫生健康局2022年政府信息公开工作年度报告";

    public const string T2Tabs2021 =
        "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t3\t1\t12\n" +
        "第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t2089\n第二十条第（六）项\n信息内容\t本年处理决定数量\n行政处罚\t350\n行政强制\t4\n" +
        "第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t12.5000\n";

    public const string T4Line = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t\t\t\t\t行政诉讼\n3\t0\t3\t0\t6\t0\t0\t0\t0\t0\t2\t0\t0\t1\t3\n五、存在的主要问题及改进情况\n无。\n";

    /// <summary>A table 三 as tab rows; <paramref name="row"/> can rewrite each printed row.</summary>
    public static string T3Tabs(ReportFormat format, Func<string, string, int[], string>? row = null)
    {
        var sb = new System.Text.StringBuilder("三、收到和处理政府信息公开申请情况\n\t\t申请人情况\n\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n");
        foreach (var r in TableTemplates.T3(format).Rows)
        {
            var prefix = r.Prefix[3..];
            var label = Labels2021[prefix];
            var values = Row(prefix);
            sb.Append(row?.Invoke(prefix, label, values) ?? $"{label}\t{string.Join("\t", values)}").Append('\n');
        }
        return sb.ToString();
    }

    public static ReportReading Read(string text) => new ReportReader().Read(TextDumpReader.ReadText(text));

    public static CellReading Cell(this ReportReading r, string field) =>
        r.Tables.SelectMany(t => t.Cells).Single(c => c.FieldId == field);
}
