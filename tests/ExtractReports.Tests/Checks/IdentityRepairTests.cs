using ExtractReports.Checks;
using ExtractReports.Fields;
using ExtractReports.Schema;
using ExtractReports.Tests.Tables;

namespace ExtractReports.Tests.Checks;

/// <summary>
/// Misread OCR digits repaired by the identities of table 三. The reports are consistent text dumps
/// whose fields are then marked as OCR reads and given the misreads seen in scans (a dropped leading 1,
/// 1 read as 4).
/// </summary>
public class IdentityRepairTests
{
    private static FieldSet Report(bool fromOcr = true, double engineConfidence = 0.7, params (string Field, string Read)[] misreads)
    {
        var text = ReportBuilder.Title + "\n" + ReportBuilder.T2Tabs2021 + ReportBuilder.T3Tabs(ReportFormat.F2021) + ReportBuilder.T4Line;
        var lines = ExtractReports.Lines.TextDump.TextDumpReader.ReadText(text);
        var set = FieldMapper.Map(new ExtractReports.Tables.ReportReader().Read(lines), MetaExtractor.Extract(lines), StandardSchema.Default);
        var wrong = misreads.ToDictionary(m => m.Field, m => m.Read);
        return set with
        {
            Fields = set.Fields.Select(f =>
            {
                var read = f with { Features = f.Features with { FromOcr = fromOcr, EngineConfidence = fromOcr ? engineConfidence : 1 } };
                return wrong.TryGetValue(f.FieldId, out var v) ? read with { Value = v } : read;
            }).ToList(),
        };
    }

    private static FieldValue Field(FieldSet set, string id) => set.Fields.Single(f => f.FieldId == id);

    [Fact]
    public void A_dropped_leading_one_is_restored_where_its_row_and_column_agree()
    {
        // 予以公开 自然人 is 3 in the report, read as 8: its row (总计 5) and its column's result sum both say 3.
        var repaired = IdentityRepair.Repair(Report(misreads: ("t3.granted.natural_person", "8")));
        var f = Field(repaired, "t3.granted.natural_person");
        Assert.Equal("3", f.Value);
        Assert.Equal(FieldStatus.Inferred, f.Status);
        Assert.Contains("ocr", f.Flags);
        Assert.Contains("repaired_by_identities", f.Flags);
        Assert.Contains("read as 8", f.Evidence);
        Assert.True(IdentityChecker.Check(repaired).Broken == 0);
    }

    [Fact]
    public void A_one_read_as_four_is_repaired_even_when_the_engine_was_sure()
    {
        // 结转下年度 总计 is 1; read as 4 with a confident engine. 1<->4 is a shape OCR confuses.
        var repaired = IdentityRepair.Repair(Report(engineConfidence: 0.95, misreads: ("t3.carried_forward.total", "4")));
        Assert.Equal("1", Field(repaired, "t3.carried_forward.total").Value);
    }

    [Fact]
    public void Two_misreads_in_one_row_are_repaired_together_by_their_columns()
    {
        // 本年新收: 自然人 5 read as 15 and 商业企业 1 read as 11: the row's sum breaks twice over, so no single
        // cell explains it; each column's balance fixes its own cell.
        var repaired = IdentityRepair.Repair(Report(misreads: [("t3.new_requests.natural_person", "15"), ("t3.new_requests.commercial", "11")]));
        Assert.Equal("5", Field(repaired, "t3.new_requests.natural_person").Value);
        Assert.Equal("1", Field(repaired, "t3.new_requests.commercial").Value);
    }

    [Fact]
    public void A_confident_read_that_is_no_ocr_confusion_is_left_as_printed()
    {
        // 予以公开 总计 printed 7 where its row adds to 5 and its column needs 5: a sure OCR read of 7 for 5 is
        // not a shape confusion, so it is the report's own inconsistency, not ours to change.
        var set = IdentityRepair.Repair(Report(engineConfidence: 0.97, misreads: ("t3.granted.total", "7")));
        Assert.Equal("7", Field(set, "t3.granted.total").Value);
        Assert.Equal(FieldStatus.Ok, Field(set, "t3.granted.total").Status);

        // The same read with a doubtful engine is repaired.
        var doubtful = IdentityRepair.Repair(Report(engineConfidence: 0.5, misreads: ("t3.granted.total", "7")));
        Assert.Equal("5", Field(doubtful, "t3.granted.total").Value);
    }

    [Fact]
    public void Text_layer_reads_are_never_changed()
    {
        var set = IdentityRepair.Repair(Report(fromOcr: false, misreads: ("t3.granted.natural_person", "8")));
        Assert.Equal("8", Field(set, "t3.granted.natural_person").Value);
    }

    [Fact]
    public void Two_misreads_that_keep_their_row_whole_are_repaired_by_their_columns()
    {
        // 予以公开 自然人 3 read as 8 and 总计 5 read as 10: the row holds (8+1+1 = 10), only the columns break,
        // and each column's fix alone breaks the row; together they are two cells of one row, repaired together.
        var both = IdentityRepair.Repair(Report(misreads: [("t3.granted.natural_person", "8"), ("t3.granted.total", "10")]));
        Assert.Equal("3", Field(both, "t3.granted.natural_person").Value);
        Assert.Equal("5", Field(both, "t3.granted.total").Value);

        // 总计 row: 自然人 5 read as 1 and 商业企业 1 as 5 (a row sum filling a cell OCR could not read). The same
        // two values in 本年新收 could be swapped instead to mend both columns' balances, but that leaves their
        // result sums broken: the fix that leaves the whole table consistent wins.
        var swapped = IdentityRepair.Repair(Report(misreads: [("t3.total_handled.natural_person", "1"), ("t3.total_handled.commercial", "5")]));
        Assert.Equal("5", Field(swapped, "t3.total_handled.natural_person").Value);
        Assert.Equal("1", Field(swapped, "t3.total_handled.commercial").Value);
        Assert.Equal("5", Field(swapped, "t3.new_requests.natural_person").Value);
        Assert.Equal(0, IdentityChecker.Check(swapped).Broken);
    }

    [Fact]
    public void A_table_four_row_has_one_identity_so_a_broken_one_cannot_say_which_cell_is_wrong()
    {
        var t4 = Report(misreads: ("t4.review.upheld", "8"));
        Assert.Equal("8", Field(IdentityRepair.Repair(t4), "t4.review.upheld").Value);
    }
}
