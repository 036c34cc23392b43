using ExtractReports.Checks;
using ExtractReports.Fields;
using ExtractReports.Schema;
using ExtractReports.Tests.Tables;

namespace ExtractReports.Tests.Checks;

public class IdentityCheckerTests
{
    private static CheckedFields Check(string text)
    {
        var lines = ExtractReports.Lines.TextDump.TextDumpReader.ReadText(text);
        var reading = new ExtractReports.Tables.ReportReader().Read(lines);
        var set = FieldMapper.Map(reading, MetaExtractor.Extract(lines), StandardSchema.Default);
        return IdentityChecker.Check(set);
    }

    [Fact]
    public void Every_identity_holds_on_a_consistent_report()
    {
        var c = Check(ReportBuilder.Title + "\n" + ReportBuilder.T2Tabs2021 + ReportBuilder.T3Tabs(ReportFormat.F2021) + ReportBuilder.T4Line);
        Assert.Equal(7 + 7 + 25 + 3, c.Held);
        Assert.Equal(0, c.Broken);
    }

    [Fact]
    public void Only_an_identity_across_rows_confirms_a_values_column()
    {
        var c = Check(ReportBuilder.Title + "\n" + ReportBuilder.T2Tabs2021 + ReportBuilder.T3Tabs(ReportFormat.F2021) + ReportBuilder.T4Line);
        // Table 四's sums are its rows' own: they hold whichever of a row's parts holds which value.
        var upheld = c.Fields.Single(f => f.FieldId == "t4.review.upheld").Features;
        Assert.Equal((1, 0), (upheld.IdentitiesHeld, upheld.ColumnIdentitiesHeld));
        // Table 三's column sums tie rows together: a value moved to another column breaks two of them.
        var granted = c.Fields.Single(f => f.FieldId == "t3.granted.natural_person").Features;
        Assert.Equal((2, 1), (granted.IdentitiesHeld, granted.ColumnIdentitiesHeld));
    }

    [Fact]
    public void A_total_the_source_printed_wrong_is_a_source_inconsistency_and_stays_as_printed()
    {
        // 行政复议 总计 printed as 7 while its results add up to 6; every cell read plainly.
        var t4 = ReportBuilder.T4Line.Replace("3\t0\t3\t0\t6\t", "3\t0\t3\t0\t7\t");
        var c = Check(ReportBuilder.T2Tabs2021 + ReportBuilder.T3Tabs(ReportFormat.F2021) + t4);
        var broken = Assert.Single(c.Checks, x => x.Outcome != CheckOutcome.Held && x.Outcome != CheckOutcome.NotCheckable);
        Assert.Equal(CheckOutcome.BrokenInSource, broken.Outcome);
        var total = c.Fields.Single(f => f.FieldId == "t4.review.total");
        Assert.Equal("7", total.Value);
        Assert.Contains("source_inconsistency", total.Flags);
    }

    [Fact]
    public void A_column_identity_broken_by_one_row_flags_that_column()
    {
        // 结转下年度 自然人 printed as 2 instead of 1: the balance of the 自然人 column breaks.
        var text = ReportBuilder.T3Tabs(ReportFormat.F2021, (p, l, v) => p == "carried_forward" ? $"{l}\t2\t0\t0\t0\t0\t0\t2" : null!);
        var c = Check(ReportBuilder.T2Tabs2021 + text + ReportBuilder.T4Line);
        Assert.Contains(c.Checks, x => x.Identity.Contains("balance [natural_person]") && x.Outcome == CheckOutcome.BrokenInSource);
        Assert.Contains(c.Checks, x => x.Identity.Contains("balance [total]") && x.Outcome == CheckOutcome.BrokenInSource);
        Assert.DoesNotContain(c.Checks, x => x.Identity.Contains("balance [commercial]") && x.Outcome != CheckOutcome.Held);
    }

    [Fact]
    public void Blank_cells_make_an_identity_not_checkable_rather_than_broken()
    {
        var text = ReportBuilder.T3Tabs(ReportFormat.F2021, (p, l, v) => p == "granted" ? $"{l}\t3\t1\t—\t0\t0\t1\t5" : null!);
        var c = Check(ReportBuilder.T2Tabs2021 + text + ReportBuilder.T4Line);
        Assert.Contains(c.Checks, x => x.Identity.Contains("row [granted]") && x.Outcome == CheckOutcome.NotCheckable);
        Assert.Equal(FieldStatus.Blank, c.Fields.Single(f => f.FieldId == "t3.granted.research").Status);
    }

    [Fact]
    public void An_identity_that_no_value_of_its_blanks_can_mend_is_broken_and_one_a_blank_may_mend_is_not_checkable()
    {
        // 行政复议: 3, 0, blank, 0 against a 总计 of 1: a blank only adds, so the row cannot add up.
        var c = Check(ReportBuilder.T2Tabs2021 + ReportBuilder.T3Tabs(ReportFormat.F2021) + ReportBuilder.T4Line.Replace("3\t0\t3\t0\t6\t", "3\t0\t—\t0\t1\t"));
        var review = c.Checks.Single(x => x.Fields.Contains("t4.review.total"));
        Assert.Equal(CheckOutcome.BrokenInSource, review.Outcome); // every cell read plainly from a text layer
        Assert.Contains("source_inconsistency", c.Fields.Single(f => f.FieldId == "t4.review.other").Flags);

        // 3, 0, blank, 0 against 6: the blank may hold the 3 that is missing.
        var mendable = Check(ReportBuilder.T2Tabs2021 + ReportBuilder.T3Tabs(ReportFormat.F2021) + ReportBuilder.T4Line.Replace("3\t0\t3\t0\t6\t", "3\t0\t—\t0\t6\t"));
        Assert.Equal(CheckOutcome.NotCheckable, mendable.Checks.Single(x => x.Fields.Contains("t4.review.total")).Outcome);
    }
}
