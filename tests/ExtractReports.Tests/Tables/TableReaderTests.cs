using ExtractReports.Schema;
using ExtractReports.Tables;
using static ExtractReports.Tests.Tables.ReportBuilder;

namespace ExtractReports.Tests.Tables;

public class TableReaderTests
{
    private static void AssertT3(ReportReading r)
    {
        foreach (var (prefix, values) in ReportBuilder.T3)
            for (int c = 0; c < 7; c++)
                Assert.Equal(values[c].ToString(), r.Cell($"t3.{prefix}.{TableTemplates.ApplicantColumns[c]}").Value);
    }

    [Fact]
    public void Clean_tab_rows_read_every_table_in_the_2021_format()
    {
        var r = Read(Title + "\n" + T2Tabs2021 + T3Tabs(ReportFormat.F2021) + T4Line);
        Assert.Equal(ReportFormat.F2021, r.T3!.Format);
        Assert.Equal(ReportFormat.F2021, r.T2!.Format);
        AssertT3(r);
        Assert.Equal("12", r.Cell("t2.normative.in_force").Value);
        Assert.Equal("12.5", r.Cell("t2.fees.amount").Value);
        Assert.Equal("6", r.Cell("t4.review.total").Value);
        Assert.Equal("1", r.Cell("t4.suit_after_review.pending").Value);
    }

    [Fact]
    public void Table_two_with_labels_ocr_garbled_is_read_by_fuzzy_labels_and_its_fixed_row_order()
    {
        // As OCR read a bilevel fax scan: the heading, the 第二十条 anchors and most labels garbled.
        var garbled = T2Tabs2021.Replace("二、主动公开政府信息情况", "一、上主动公开收府信和总情况")
            .Replace("第二十条第（一）项", "第-上l条第〈`)项").Replace("第二十条第（五）项", "第一十条第〈产)项")
            .Replace("第二十条第（六）项", "第一上条第〈六)项").Replace("第二十条第（八）项", "第-十条第《从)项")
            .Replace("规章", "规下").Replace("行政规范性文件", "行收需范性文件").Replace("行政许可", "行路许可")
            .Replace("行政处罚", "行政处佑").Replace("行政强制", "和了区吾弄带币").Replace("行政事业性收费", "行政党烛性收红");
        var r = Read(Title + "\n" + garbled + T3Tabs(ReportFormat.F2021) + T4Line);
        Assert.Equal(ReportFormat.F2021, r.T2!.Format);
        Assert.Equal(["0", "0", "0", "3", "1", "12", "2089", "350", "4", "12.5"],
            new[] { "t2.rules.issued", "t2.rules.repealed", "t2.rules.in_force", "t2.normative.issued", "t2.normative.repealed",
             "t2.normative.in_force", "t2.licensing.decisions", "t2.penalty.decisions", "t2.coercion.decisions", "t2.fees.amount" }
            .Select(f => r.Cell(f).Value));

        // Rows of numbers that do not fit the missing rows exactly are left out rather than guessed into them.
        var extra = garbled.Replace("行政党烛性收红\t12.5000", "行政党烛性收红\t12.5000\t7");
        Assert.DoesNotContain(Read(Title + "\n" + extra + T3Tabs(ReportFormat.F2021) + T4Line).T2!.Cells, c => c.FieldId == "t2.fees.amount" && c.Value == "12.5");
    }

    [Fact]
    public void A_dropped_cell_is_reinserted_by_the_identities_and_marked_inferred()
    {
        // The granted row lost its 商业企业 cell (1): six values left.
        var text = T2Tabs2021 + T3Tabs(ReportFormat.F2021, (p, l, v) => p == "granted" ? $"{l}\t3\t0\t0\t0\t1\t5" : null!) + T4Line;
        var r = Read(text.Replace("\tnull", ""));
        var cell = r.Cell("t3.granted.commercial");
        Assert.Equal("1", cell.Value);
        Assert.Equal(CellOrigin.Inferred, cell.Origin);
        Assert.Equal("5", r.Cell("t3.granted.total").Value);
        AssertT3(r);
    }

    [Fact]
    public void Spaced_out_labels_and_one_cell_per_line_pipes_are_read()
    {
        var text = T2Tabs2021 + T3Tabs(ReportFormat.F2021, (p, l, v) =>
            string.Join(" |\n", new[] { l.Replace("\t", " |\n").Replace("本年度办理结果", "本 年 度 办 理 结 果") }.Concat(v.Select(x => x.ToString()))) + " |") + T4Line;
        var r = Read(text);
        AssertT3(r);
    }

    [Fact]
    public void Digits_that_ran_together_are_cut_by_the_row_sum_and_column_identities()
    {
        // The agency page's cells lost their boundaries: each row is label + its digits glued.
        var text = T2Tabs2021 + T3Tabs(ReportFormat.F2021, (p, l, v) => l.Replace("\t", "") + string.Concat(v)).Replace("\n", "") + "\n" + T4Line;
        var r = Read(text);
        AssertT3(r);
        Assert.All(r.T3!.Cells, c => Assert.Equal(1, c.Alternatives));
        Assert.Contains("digits_run_together", r.Cell("t3.new_requests.total").Flags);
    }

    [Fact]
    public void An_undecidable_digit_run_keeps_its_alternatives()
    {
        var text = "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件693665第二十条第（五）项\n" +
                   T3Tabs(ReportFormat.F2021) + T4Line;
        var r = Read(text);
        Assert.True(r.Cell("t2.normative.repealed").Alternatives > 1);
        Assert.Equal("0", r.Cell("t2.rules.issued").Value);
        Assert.Equal(1, r.Cell("t2.rules.issued").Alternatives);
    }

    [Fact]
    public void Mixed_format_2021_table_two_with_2019_table_three()
    {
        var r = Read(T2Tabs2021 + T3Tabs(ReportFormat.F2019) + T4Line);
        Assert.Equal(ReportFormat.F2021, r.T2!.Format);
        Assert.Equal(ReportFormat.F2019, r.T3!.Format);
        Assert.True(r.T3.FormatCertain);
        Assert.Equal("0", r.Cell("t3.other.total").Value);
    }

    /// <summary>The labels of table 三 garbled past reading (a fax-like scan) but for the first two and the last, which both
    /// forms print: the rows fit both forms as well.</summary>
    private static string GarbledT3(ReportFormat format, Func<string, bool>? keep = null) =>
        T3Tabs(format, (prefix, label, values) =>
            (keep?.Invoke(prefix) == true || ReadInBoth.Contains(prefix) ? label : "甲乙丙") + "\t" + string.Join("\t", values));

    private static readonly string[] ReadInBoth = ["new_requests", "carried_over", "carried_forward"];

    [Fact]
    public void A_table_three_whose_rows_fit_both_forms_takes_the_form_whose_row_count_it_has_not_table_twos()
    {
        var r = Read(T2Tabs2021 + GarbledT3(ReportFormat.F2019) + T4Line);
        Assert.Equal(ReportFormat.F2021, r.T2!.Format);
        Assert.Equal(ReportFormat.F2019, r.T3!.Format);
        Assert.False(r.T3.FormatCertain);
        var full2021 = Read(T2Tabs2021 + GarbledT3(ReportFormat.F2021) + T4Line);
        Assert.Equal(ReportFormat.F2021, full2021.T3!.Format);
    }

    [Fact]
    public void A_label_only_the_2021_form_prints_decides_a_tie_whatever_the_row_count()
    {
        // Two rows lost (23 found, the 2019 form's count), but the label of the row for unpaid fees read on a line of its
        // own, apart from its garbled row (a weak label, no more than a tie's margin).
        string[] lost = ["withheld.query_matters", "not_processed.duplicate"];
        var t3 = T3Tabs(ReportFormat.F2021, (prefix, label, values) => lost.Contains(prefix) ? ""
            : (prefix == "other.unpaid_fee" ? label + "\n甲乙丙" : ReadInBoth.Contains(prefix) ? label : "甲乙丙") + "\t" + string.Join("\t", values));
        var r = Read(T2Tabs2021 + t3 + T4Line);
        Assert.Equal(ReportFormat.F2021, r.T3!.Format);
        Assert.False(r.T3.FormatCertain);
    }

    [Fact]
    public void A_table_cut_off_leaves_its_later_rows_absent()
    {
        var full = T3Tabs(ReportFormat.F2021);
        var cut = full[..full.IndexOf("5.要求行政机关", StringComparison.Ordinal)];
        var r = Read(T2Tabs2021 + cut);
        Assert.Equal("0", r.Cell("t3.not_processed.excessive.total").Value);
        Assert.DoesNotContain(r.T3!.Cells, c => c.FieldId.StartsWith("t3.total_handled", StringComparison.Ordinal));
        Assert.Null(r.T4);
    }

    [Fact]
    public void Table_four_in_three_blocks_and_one_per_line()
    {
        var blocks = "四、政府信息公开行政复议、行政诉讼情况\n3\t0\t3\t0\t6\n0\t0\t0\t0\t0\n2\t0\t0\t1\t3\n五、存在的主要问题及改进情况\n";
        var perLine = "四、政府信息公开行政复议、行政诉讼情况\n" + string.Join("\n\n", "3 0 3 0 6 0 0 0 0 0 2 0 0 1 3".Split(' ')) + "\n五、存在的主要问题\n";
        foreach (var t4 in new[] { blocks, perLine })
        {
            var r = Read(T3Tabs(ReportFormat.F2021) + t4);
            Assert.Equal("6", r.Cell("t4.review.total").Value);
            Assert.Equal("2", r.Cell("t4.suit_after_review.upheld").Value);
            Assert.Equal("3", r.Cell("t4.suit_after_review.total").Value);
        }
    }

    [Fact]
    public void Notes_units_and_sentences_in_value_cells()
    {
        var t2 = T2Tabs2021.Replace("行政规范性文件\t3\t1\t12", "行政规范性文件\t3\t1\t12（含自然失效2件）")
            .Replace("行政处罚\t350", "行政处罚\t一般程序案件29起,罚没1646.3793万元,简易程序案件23起。");
        var r = Read(t2 + T3Tabs(ReportFormat.F2021) + T4Line);
        var normative = r.Cell("t2.normative.in_force");
        Assert.Equal("12", normative.Value);
        Assert.Contains(normative.Flags, f => f.Contains("含自然失效2件"));
        var penalty = r.Cell("t2.penalty.decisions");
        Assert.Equal(CellOrigin.Text, penalty.Origin);
        Assert.Equal("一般程序案件29起,罚没1646.3793万元,简易程序案件23起。", penalty.Value);
    }
}
