using System.Text;
using ExtractReports.Documents;
using ExtractReports.Fields;
using ExtractReports.Lines.TextDump;
using ExtractReports.Pipeline;
using ExtractReports.Schema;
using ExtractReports.Scoring;
using ExtractReports.Tables;
using static ExtractReports.Tests.Tables.ReportBuilder;

namespace ExtractReports.Tests.Tables;

/// <summary>
/// A table the document shows it printed (its heading, or two of its labels, with numbers after them) but of
/// which nothing was read has its missing fields flagged <c>table_not_read</c> and bounded; a table the
/// document shows no sign of (a page cut before it, a summary that only names it) keeps its fields' confidence.
/// </summary>
public sealed class PrintedTablesTests
{
    private static PrintedTables Signs(string text) => PrintedTableFinder.Find(Tokenizer.Tokenize(TextDumpReader.ReadText(text).Lines));

    /// <summary>Table 四 as a poor scan reads it: its heading with one glyph misread, 行政复议 garbled (no anchor for the reader), and a broken row of numbers.</summary>
    private const string T4Garbled = "四、政府信息公开行政复汉、行政诉讼情况\n行型刀议\t\t\t\t\t行政诉讼\n10\t1\t00\t00\t0,0\t90\t0\n五、存在的主要问题及改进情况\n无。\n";

    private const string Summary = "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况等六部分。\n";

    [Fact]
    public void Headings_with_numbers_after_them_show_each_table_printed()
    {
        Assert.Equal(new PrintedTables(true, true, true), Signs(Title + "\n" + T2Tabs2021 + T3Tabs(ReportFormat.F2021) + T4Line));
        Assert.True(Signs(Title + "\n" + T2Tabs2021 + T3Tabs(ReportFormat.F2021) + T4Garbled).T4);
    }

    [Fact]
    public void A_summary_naming_the_sections_and_a_heading_cut_before_its_table_show_nothing()
    {
        // The page cut right after table 三's heading (a web page stored in part): no table 三 in the input.
        var cut = Title + "\n" + Summary + T2Tabs2021 + "三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n申请人情况\n";
        Assert.Equal(new PrintedTables(true, false, false), Signs(cut));
        // Table 二's heading removed: its labels alone (two cells, numbers after) still show it.
        Assert.True(Signs(Title + "\n" + Summary + T2Tabs2021.Replace("二、主动公开政府信息情况\n", "")).T2);
    }

    [Fact]
    public void One_label_cell_is_not_a_table()
    {
        Assert.False(Signs(Title + "\n行政许可\t2089\n").T2);
        Assert.True(Signs(Title + "\n行政许可\t2089\n行政处罚\t350\n").T2);
    }

    private static DocumentResult Extract(string text) =>
        PipelineBuilder.CreateDefault().Build().Run(SourceDocument.FromBytes("made-up.txt", Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Fields_of_a_printed_table_not_read_are_flagged_and_bounded_and_those_of_a_table_not_printed_are_not()
    {
        var printed = Extract(Title + "\n" + T2Tabs2021 + T3Tabs(ReportFormat.F2021) + T4Garbled);
        var t4 = printed.Fields.Where(f => f.Field.FieldId.StartsWith("t4.", StringComparison.Ordinal)).ToList();
        Assert.Equal(15, t4.Count);
        Assert.All(t4, f =>
        {
            Assert.Equal(FieldStatus.Missing, f.Field.Status);
            Assert.Contains(FieldMapper.TableNotRead, f.Field.Flags);
            Assert.True(f.Confidence <= DoubtCaps.MissingFromUnreadTable, $"{f.Field.FieldId} at {f.Confidence}");
        });
        // The tables that were read carry no such flag.
        Assert.DoesNotContain(printed.Fields, f => !f.Field.FieldId.StartsWith("t4.", StringComparison.Ordinal) && f.Field.Flags.Contains(FieldMapper.TableNotRead));

        // The same report cut after table 三: table 四 shows no sign, its fields are missing and left to the model.
        var cut = Extract(Title + "\n" + T2Tabs2021 + T3Tabs(ReportFormat.F2021));
        var fields = cut.Fields.Select(f => f.Field).ToList();
        var bounds = DoubtCaps.Bounds(fields);
        var cutT4 = fields.Select((f, i) => (f, Bound: bounds[i])).Where(x => x.f.FieldId.StartsWith("t4.", StringComparison.Ordinal)).ToList();
        Assert.Equal(15, cutT4.Count);
        Assert.All(cutT4, x =>
        {
            Assert.Equal(FieldStatus.Missing, x.f.Status);
            Assert.DoesNotContain(FieldMapper.TableNotRead, x.f.Flags);
            Assert.Equal(1, x.Bound);
        });
    }
}
