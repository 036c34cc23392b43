using ExtractReports.Schema;
using ExtractReports.Tables;
using static ExtractReports.Tests.Tables.ReportBuilder;

namespace ExtractReports.Tests.Tables;

/// <summary>The mangled forms the seeds and the real dumps show, each built inline.</summary>
public class MangledFormTests
{
    [Fact]
    public void One_cell_per_line_separated_by_blank_lines_with_blank_cells_at_the_row_end()
    {
        // Seed 002's form: each cell followed by a blank line; a row with only 自然人 filled ends in a long blank run.
        var rows = T3Tabs(ReportFormat.F2021, (p, l, v) => $"{l.Replace("\t", "\n\n")}\n\n{v[0]}\n\n\n\n\n\n\n");
        var r = Read(T2Tabs2021 + rows + T4Line);
        Assert.Equal("5", r.Cell("t3.new_requests.natural_person").Value);
        var blank = r.Cell("t3.new_requests.total");
        Assert.Equal("", blank.Value);
        Assert.Equal(CellOrigin.Blank, blank.Origin);
    }

    [Fact]
    public void One_cell_per_line_where_a_blank_line_is_a_blank_cell()
    {
        var rows = T3Tabs(ReportFormat.F2021, (p, l, v) => $"{l.Replace("\t", "\n")}\n\n{v[0]}\n{v[1]}\n\n\n\n\n{v[6]}\n");
        var r = Read(T2Tabs2021 + rows + T4Line);
        Assert.Equal("1", r.Cell("t3.new_requests.commercial").Value);
        Assert.Equal("", r.Cell("t3.new_requests.research").Value);
        Assert.Equal("8", r.Cell("t3.new_requests.total").Value);
    }

    [Fact]
    public void A_shredded_markdown_table_with_labels_floating_away_from_their_rows()
    {
        // kewei's form: some rows lost their label cell; labels float as text lines elsewhere.
        var rows = T3Tabs(ReportFormat.F2021, (p, l, v) =>
        {
            var cells = "| " + string.Join(" | ", v) + " |";
            return p is "partially_granted" or "withheld.prohibited_by_law" or "unavailable.not_held"
                ? cells                                                    // label dropped entirely
                : p == "withheld.internal_affairs" ? $"{l.Replace("\t", "")}\n{cells}"  // label on the line above
                : $"| {l.Replace("\t", " | ")} {cells}";
        });
        var r = Read(T2Tabs2021 + rows + T4Line);
        foreach (var (prefix, values) in ReportBuilder.T3)
            Assert.Equal(values[6].ToString(), r.Cell($"t3.{prefix}.total").Value);
        Assert.Contains("row_placed_by_order", r.Cell("t3.partially_granted.total").Flags);
    }

    [Fact]
    public void Table_four_without_its_heading_after_a_cut_table()
    {
        var full = T3Tabs(ReportFormat.F2019);
        var cut = full[..full.IndexOf("5.要求行政机关", StringComparison.Ordinal)];
        var r = Read(T2Tabs2021 + cut + "\n\n\n" + string.Join("\t", "3 0 3 0 6 0 0 0 0 0 2 0 0 1 3".Split(' ')) + "\n---\t---\n");
        Assert.NotNull(r.T4);
        Assert.Equal("6", r.Cell("t4.review.total").Value);
        Assert.DoesNotContain(r.T3!.Cells, c => c.FieldId.StartsWith("t3.total_handled", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stray_number_between_a_label_and_its_row_does_not_steal_the_label()
    {
        var rows = T3Tabs(ReportFormat.F2021, (p, l, v) => p == "other.unpaid_fee"
            ? $"{l.Replace("\t", "")}\n1\n| {string.Join(" | ", v)} |" : null!);
        var r = Read(T2Tabs2021 + rows + T4Line);
        Assert.Equal("0", r.Cell("t3.other.unpaid_fee.natural_person").Value);
        Assert.Equal("0", r.Cell("t3.other.unpaid_fee.total").Value);
    }
}
