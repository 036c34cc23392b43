using System.Text;
using ExtractReports.Documents;
using ExtractReports.Pipeline;
using ExtractReports.Schema;
using ExtractReports.Scoring;
using ExtractReports.Tables;
using static ExtractReports.Tests.Tables.ReportBuilder;

namespace ExtractReports.Tests.Tables;

/// <summary>
/// Small text dumps with the damage that once gave a confidently wrong field in random damaged reports
/// (<see cref="DamagedReportProperties"/>), one class each: a row's own label garbled or lost, a stray row among table 三's
/// or after table 四's, a row short of a cell, a run of digits in table 二.
/// </summary>
public sealed class DamagedDumpTests
{
    private static readonly ExtractPipeline Pipeline = PipelineBuilder.CreateDefault().Build();

    private static Dictionary<string, ScoredField> Extract(string text) =>
        Pipeline.Run(SourceDocument.FromBytes("dump.txt", Encoding.UTF8.GetBytes(text))).Fields.ToDictionary(f => f.Field.FieldId);

    private const string T2Tabs2019 =
        "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t1\t1\t5\n" +
        "行政许可\t3\t1\t40\n其他对外管理服务事项\t0\t0\t0\n行政处罚\t2\t0\t15\n行政强制\t0\t0\t4\n行政事业性收费\t1\t0\n政府集中采购\t2\t30\n";

    /// <summary>
    /// Every label of table 三 garbled at any one or two characters names its own row or none, never another: a label names
    /// a row by the row's keys, fuzzily, and a key mostly made of words other rows print too (新收政府信息公开申请) once took
    /// `二、上某结转政府信息公开申请数量` for new_requests at 0.8, while 上年结转 itself no longer matched.
    /// </summary>
    [Fact]
    public void A_garbled_label_names_its_own_row_or_none()
    {
        var wrong = new List<string>();
        foreach (var template in new[] { TableTemplates.T3F2019, TableTemplates.T3F2021 })
            foreach (var row in template.Rows)
            {
                var label = LabelText.Normalize(Labels2021[row.Prefix[3..]].Replace("\t", ""));
                for (int a = 0; a < label.Length; a++)
                    for (int b = a; b < label.Length; b++)
                    {
                        var garbled = new StringBuilder(label) { [a] = '某', [b] = '某' }.ToString();
                        var group = new RowGroup([], garbled, "", false, 0);
                        double own = group.Match(row).Strong;
                        foreach (var other in template.Rows)
                            if (other != row && group.Match(other).Strong is var m && m >= AlignerOptions.Default.MinMatch && m > own)
                                wrong.Add($"{template.Format.Name()} {garbled}: {other.Prefix} {m:0.00} over {row.Prefix} {own:0.00}");
                    }
            }
        Assert.Empty(wrong);
    }

    /// <summary>
    /// 一's label lost and 二's garbled in 上年结转: the unlabelled first row is 一 and the garbled one 二 (the garbled label
    /// once named 一, so 一's values were dropped and 二's put in 一 at 1.0).
    /// </summary>
    [Fact]
    public void A_garbled_carried_over_label_after_a_lost_new_requests_label_keeps_both_rows_in_place()
    {
        var text = Title + "\n" + T2Tabs2019 + T3Tabs(ReportFormat.F2019, (prefix, label, values) => prefix switch
        {
            "new_requests" => "\t" + string.Join("\t", values),
            "carried_over" => "二、上某结转政府信息公开申请数量\t" + string.Join("\t", values),
            _ => $"{label}\t{string.Join("\t", values)}",
        }) + T4Line;
        var r = Read(text);
        Assert.Equal(string.Join(",", ReportBuilder.T3["new_requests"]),
            string.Join(",", TableTemplates.ApplicantColumns.Select(c => r.Cell($"t3.new_requests.{c}").Value)));
        Assert.Equal(string.Join(",", ReportBuilder.T3["carried_over"]),
            string.Join(",", TableTemplates.ApplicantColumns.Select(c => r.Cell($"t3.carried_over.{c}").Value)));
    }

    /// <summary>
    /// A 2019 table 三 whose one row the forms differ in ((六)其他处理) lost its label, with two rows the schema lacks among
    /// its rows: 25 groups, the 2021 form's count, once made table 三 2021 and the report `mixed` at 1.0. The stray rows are
    /// not rows of the table; and a format the reader could not tell is below the review threshold whatever it is.
    /// </summary>
    [Fact]
    public void Stray_rows_do_not_make_a_2019_table_three_the_2021_form()
    {
        var t3 = T3Tabs(ReportFormat.F2019, (prefix, label, values) => prefix switch
        {
            "other" => "\t" + string.Join("\t", values),
            "withheld.process_info" => $"{label}\t{string.Join("\t", values)}\n（八）其他说明\t3\t7\t3\t3\t7\t2\t7",
            "not_processed.excessive" => $"{label}\t{string.Join("\t", values)}\n其他事项\t4\t5\t6\t8\t3\t5\t4",
            _ => $"{label}\t{string.Join("\t", values)}",
        });
        var fields = Extract(Title + "\n" + T2Tabs2019 + t3 + T4Line);
        Assert.Equal("2019", fields["meta.format"].Field.Value);
        Assert.True(fields.ContainsKey("t3.other.total"), "table 三 read in the 2021 form");
        Assert.Equal("0", fields["t3.other.total"].Field.Value);
    }

    /// <summary>
    /// Table 四's row one cell short and a stray labelled row after it: table 四's values are its own row's (the stray's first
    /// value once filled the row, and the last block `0 0 1 1 2` held by chance at 1.0).
    /// </summary>
    [Fact]
    public void Table_four_takes_no_value_from_a_stray_row_after_it()
    {
        string[] truth = ["2", "0", "0", "0", "2", "0", "0", "0", "0", "0", "0", "0", "0", "1", "1"];
        var t4 = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t\t\t\t\t行政诉讼\n" +
                 "2\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t1\t1\n（八）其他说明\t2\t8\t1\t4\t4\t4\t3\t3\t4\t3\t8\t4\t1\t8\n五、存在的主要问题及改进情况\n无。\n";
        var fields = Extract(Title + "\n" + T2Tabs2019 + T3Tabs(ReportFormat.F2019) + t4);
        var ids = TableTemplates.T4.Rows.SelectMany(r => r.FieldIds).ToList();
        for (int i = 0; i < ids.Count; i++)
        {
            var f = fields[ids[i]];
            Assert.True(f.Field.Value is var v && (v == truth[i] || v == "" || f.Confidence < 0.9), $"{ids[i]} = {f.Field.Value} at {f.Confidence:0.000}");
        }
        Assert.Equal("1", fields["t4.suit_after_review.total"].Field.Value);
    }

    /// <summary>
    /// A table 二 row whose cell boundaries were lost after two blank cells (`规范性文件  1202`): cut into three values its last
    /// is 2 either way (1/20/2, 12/0/2), but nothing says the row holds three, so no cut is sure.
    /// </summary>
    [Fact]
    public void A_digit_run_in_table_two_is_not_sure()
    {
        var t2 = T2Tabs2019.Replace("规范性文件\t1\t1\t5", "规范性文件  1202");
        var fields = Extract(Title + "\n" + t2 + T3Tabs(ReportFormat.F2019) + T4Line);
        var f = fields["t2.normative.total_published"];
        Assert.True(f.Field.Value == "1202" || f.Confidence < 0.9, $"{f.Field.Value} at {f.Confidence:0.000}");
        Assert.True(fields["t2.rules.total_published"].Confidence >= 0.9, "the other rows stay sure");
    }
}
