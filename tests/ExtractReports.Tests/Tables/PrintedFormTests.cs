using ExtractReports.Lines.Script;
using ExtractReports.Lines.TextDump;
using ExtractReports.Schema;
using ExtractReports.Tables;
using static ExtractReports.Tests.Tables.ReportBuilder;

namespace ExtractReports.Tests.Tables;

/// <summary>Tables as agencies' pages print them (issue 10), each form built inline, none copied from a real page.</summary>
public class PrintedFormTests
{
    [Fact]
    public void Change_cells_in_words_and_signs_are_numbers()
    {
        var text = "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n" +
                   "行政许可\t30\t增12\t42\n行政处罚\t9\t减4\t5\n行政强制\t3\t+2\t5\n" + T3Tabs(ReportFormat.F2019);
        var r = Read(text);
        Assert.Equal("12", r.Cell("t2.licensing.change").Value);
        Assert.Equal("-4", r.Cell("t2.penalty.change").Value);
        Assert.Equal("2", r.Cell("t2.coercion.change").Value);
    }

    [Fact]
    public void Blank_cells_flattened_to_pipe_lines_keep_their_places()
    {
        // Each blank cell became a line break: `7 |` / `|` ... / `| 7 |` (five blanks between 自然人 and 总计).
        var rows = T3Tabs(ReportFormat.F2021, (p, l, v) => p == "granted"
            ? $"{l.Replace("\t", " | ")} | 4 |\n|\n|\n|\n|\n| 4 |"
            : $"{l.Replace("\t", " | ")} | {string.Join(" | ", v)} |");
        var r = Read(T2Tabs2021 + rows + T4Line);
        Assert.Equal("4", r.Cell("t3.granted.natural_person").Value);
        Assert.Equal(CellOrigin.Blank, r.Cell("t3.granted.commercial").Origin);
        Assert.Equal(CellOrigin.Blank, r.Cell("t3.granted.other_org").Origin);
        Assert.Equal("4", r.Cell("t3.granted.total").Value);
    }

    [Fact]
    public void An_empty_template_whose_blank_cells_were_dropped_is_all_blank()
    {
        var text = "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年新制作数量\n本年新公开数量\n对外公开总数量\n规章\n规范性文件\n" +
                   "第二十条第（五）项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n行政许可\n其他对外管理服务事项\n" +
                   "第二十条第（六）项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n行政处罚\n行政强制\n三、收到和处理政府信息公开申请情况\n";
        var t2 = Read(text).T2!;
        Assert.Equal(ReportFormat.F2019, t2.Format);
        Assert.All(t2.Cells, c => Assert.Equal((CellOrigin.Blank, ""), (c.Origin, c.Value)));
        Assert.Contains(t2.Cells, c => c.FieldId == "t2.penalty.decisions");
    }

    [Fact]
    public void Labels_without_values_are_not_blank_rows_while_values_have_no_row()
    {
        // The labels may be those of the unlabelled numbers below them (a dump that moved them apart).
        var text = "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\n行政规范性文件\n" +
                   "第二十条第（五）项\n信息内容\t本年处理决定数量\n4\t5\t6\n";
        var t2 = Read(text).T2;
        Assert.DoesNotContain(t2?.Cells ?? [], c => c.FieldId == "t2.rules.issued" && c.Origin == CellOrigin.Blank);
    }

    [Fact]
    public void A_page_cut_after_table_two_keeps_table_two_though_its_summary_mentions_行政复议()
    {
        var text = "一、总体情况\n（三）因政府信息公开申请行政复议、提起行政诉讼的情况\n本年度没有此类情况。\n" + T2Tabs2021;
        var r = Read(text);
        Assert.NotNull(r.T2);
        Assert.Equal("2089", r.Cell("t2.licensing.decisions").Value);
    }

    [Fact]
    public void Traditional_script_is_read_as_simplified()
    {
        Assert.Equal("其他对外管理服务事项", TraditionalScript.ToSimplified("其他對外管理服務事項"));
        var text = TraditionalScript.ToTraditional(Title + "\n" + T2Tabs2021 + T3Tabs(ReportFormat.F2021) + T4Line);
        var doc = TraditionalScript.Simplify(TextDumpReader.ReadText(text));
        Assert.Contains("某某县卫生健康局", doc.Lines[0].Text);
        var r = new ReportReader().Read(doc);
        Assert.Equal(ReportFormat.F2021, r.T3!.Format);
        Assert.Equal("8", r.Cell("t3.new_requests.total").Value);
    }

    [Fact]
    public void Rows_of_zeros_printed_blank_one_cell_per_line_are_blank_rows_and_shift_nothing()
    {
        // One cell per line, a blank cell an empty line: rows without a number are their label and seven empty lines.
        var rows = T3Tabs(ReportFormat.F2021, (p, l, v) => string.Join("\n", l.Split('\t'))
            + "\n" + string.Join("\n", v.Any(x => x != 0) ? v.Select(x => x.ToString()) : Enumerable.Repeat("", 7)));
        var r = Read(T2Tabs2021 + rows + T4Line);
        Assert.Equal("1", r.Cell("t3.partially_granted.natural_person").Value);
        Assert.Equal((CellOrigin.Blank, ""), (r.Cell("t3.withheld.state_secret.total").Origin, r.Cell("t3.withheld.state_secret.total").Value));
        Assert.Equal("2", r.Cell("t3.unavailable.not_held.total").Value);
        Assert.Equal(CellOrigin.Blank, r.Cell("t3.other.other.natural_person").Origin);
        Assert.Equal("8", r.Cell("t3.total_handled.total").Value);
    }

    [Fact]
    public void Table_three_rows_printed_with_their_label_alone_are_blank_not_missing()
    {
        // The dump dropped the blank cells of the rows without numbers: their labels follow each other.
        var rows = T3Tabs(ReportFormat.F2021, (p, l, v) => v.Any(x => x != 0) ? $"{l}\t{string.Join("\t", v)}" : l);
        var r = Read(T2Tabs2021 + rows + T4Line);
        Assert.Equal(CellOrigin.Blank, r.Cell("t3.withheld.third_party.commercial").Origin);
        Assert.Equal(CellOrigin.Blank, r.Cell("t3.not_processed.reconfirm.total").Origin);
        Assert.Equal("1", r.Cell("t3.partially_granted.total").Value);
        Assert.Equal("2", r.Cell("t3.unavailable.not_held.total").Value);
        // A label garbled by OCR (结志转) still names its row nearly, as the aligner's labels do.
        var garbled = Read(T2Tabs2021 + T3Tabs(ReportFormat.F2021, (p, l, v) => p == "carried_forward" ? "四、结志转下年度继续办理" : $"{l}\t{string.Join("\t", v)}") + T4Line);
        Assert.Equal(CellOrigin.Blank, garbled.Cell("t3.carried_forward.total").Origin);
    }

    [Fact]
    public void An_empty_template_of_all_three_tables_is_blank_and_a_cut_one_is_not()
    {
        var t3 = T3Tabs(ReportFormat.F2019, (p, l, v) => string.Join("\n", l.Split('\t')));
        var t4 = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n未经复议直接起诉\n复议后起诉\n";
        var whole = Read(T2Tabs2021 + t3 + t4 + "五、存在的主要问题及改进情况\n无。\n");
        Assert.Equal(ReportFormat.F2019, whole.T3!.Format);
        Assert.All(whole.T3.Cells.Concat(whole.T4!.Cells), c => Assert.Equal((CellOrigin.Blank, ""), (c.Origin, c.Value)));
        Assert.Equal(15, whole.T4.Cells.Count);
        // Cut inside table 四's header: nothing says its cells were printed blank.
        var cut = Read(T2Tabs2021 + t3 + "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n");
        Assert.Null(cut.T4);
        // Table 三 with numbers: a table 四 header without its row of values lost that row, it is no blank table.
        var lost = Read(T2Tabs2021 + T3Tabs(ReportFormat.F2021) + t4 + "五、存在的主要问题及改进情况\n无。\n");
        Assert.DoesNotContain(lost.T4?.Cells ?? [], c => c.Origin == CellOrigin.Blank);
    }

    [Fact]
    public void A_label_with_values_run_into_it_is_not_a_row_printed_blank()
    {
        // A garbled label (某正后 for 补正后) with its seven zeros run into it reads as a sentence, not as a label alone.
        var rows = T3Tabs(ReportFormat.F2021, (p, l, v) => p == "unavailable.unclear" ? "3.某正后申请内容仍不明确0000000" : $"{l}\t{string.Join("\t", v)}");
        var r = Read(T2Tabs2021 + rows + T4Line);
        Assert.DoesNotContain(r.Tables.SelectMany(t => t.Cells), c => c.FieldId == "t3.unavailable.unclear.total" && c.Origin == CellOrigin.Blank);
    }

    [Fact]
    public void Simplified_text_is_left_as_it_is()
    {
        var doc = TextDumpReader.ReadText("乾县人民政府2020年政府信息公开工作年度报告\n" + T2Tabs2021);
        Assert.Same(doc, TraditionalScript.Simplify(doc));
    }
}
