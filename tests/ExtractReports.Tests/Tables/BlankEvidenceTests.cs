using ExtractReports.Lines;
using ExtractReports.Lines.TextDump;
using ExtractReports.Pages;
using ExtractReports.Schema;
using ExtractReports.Tables;
using static ExtractReports.Tests.Tables.ReportBuilder;

namespace ExtractReports.Tests.Tables;

/// <summary>
/// A blank read by OCR is known to be blank only when a cell was looked at and seen empty: a ruled row printed blank
/// stays a sure blank, while a row whose digits were never looked at (its label alone) or whose cells the grid never had
/// (its values placed by position, the rest taken as blank) is not (<see cref="CellReading.BlankSeen"/>).
/// </summary>
public class BlankEvidenceTests
{
    private static readonly GlyphEvidence LabelRead = new(0.95, 1, true, 0, 0, false, false);
    private static readonly GlyphEvidence DigitRead = new(0.99, 1, true, 1, 1, false, false);
    private static readonly GlyphEvidence SeenEmpty = new GlyphEvidence(1, 0, true, 0, 0, false, false) { SeenEmpty = true };
    /// <summary>An empty cell whose page was not looked at (text ink only).</summary>
    private static readonly GlyphEvidence NotLookedAt = new(1, 0, true, 0, 0, false, false);

    /// <summary>
    /// The dump as a ruled scan reads it: every cell with OCR glyph evidence, value cells (numbers and empty cells after
    /// a row's label) boxed by their column, <paramref name="empty"/> the evidence of an empty cell. A dump drops trailing
    /// empty cells, so an empty cell is written □.
    /// </summary>
    private static ReportReading ReadAsScan(string dump, GlyphEvidence empty, string? bandSeenEmpty = null)
    {
        var lines = TextDumpReader.ReadText(dump).Lines.Select((line, li) =>
        {
            int value = 0;
            bool seenLabel = false;
            var cells = line.Cells.Select(c => c.Text == "□" ? c with { Text = "" } : c).Select(c =>
            {
                bool isValue = seenLabel && (c.IsBlank || c.Text.All(char.IsAsciiDigit));
                seenLabel |= !c.IsBlank;
                if (!isValue)
                    return c with { Box = new Box(0, li * 40, 900, li * 40 + 30), Confidence = 0.95, Glyphs = LabelRead, RowSeenEmptyAfter = c.Text == bandSeenEmpty };
                var box = new Box(1000 + 100 * value, li * 40, 1080 + 100 * value, li * 40 + 30);
                value++;
                return c with { Box = box, Confidence = c.IsBlank ? 1 : 0.99, Glyphs = c.IsBlank ? empty : DigitRead };
            }).ToArray();
            return line with { Cells = cells };
        }).ToArray();
        return new ReportReader().Read(new LineDocument(lines, "ocr-grid"));
    }

    private static string WithRow(string prefix, string row) =>
        Title + "\n" + T2Tabs2021 + T3Tabs(ReportFormat.F2021, (p, l, v) => p == prefix ? l + row : null!) + T4Line;

    private static IEnumerable<CellReading> Row(ReportReading r, string prefix) =>
        TableTemplates.ApplicantColumns.Select(c => r.Cell($"t3.{prefix}.{c}"));

    [Fact]
    public void A_ruled_row_printed_blank_whose_cells_were_seen_empty_is_a_seen_blank()
    {
        var r = ReadAsScan(WithRow("not_processed.duplicate", "\t□\t□\t□\t□\t□\t□\t□"), SeenEmpty);
        Assert.All(Row(r, "not_processed.duplicate"), c => Assert.True(c is { Value: "", Origin: CellOrigin.Blank, BlankSeen: true }, c.ToString()));
        // A zero read is no blank, and a blank cell between values carries its own evidence.
        Assert.All(Row(r, "new_requests"), c => Assert.False(c.BlankSeen));
    }

    [Fact]
    public void A_ruled_row_whose_empty_cells_were_not_looked_at_on_the_page_is_no_seen_blank()
    {
        var r = ReadAsScan(WithRow("not_processed.duplicate", "\t□\t□\t□\t□\t□\t□\t□"), NotLookedAt);
        Assert.All(Row(r, "not_processed.duplicate"), c => Assert.True(c is { Value: "", BlankSeen: false }, c.ToString()));
    }

    [Fact]
    public void A_label_whose_digits_were_never_looked_at_reads_blank_but_not_seen_blank()
    {
        // A borderless row whose faint digits the whitespace grid never found: its label alone, no cell at all.
        var r = ReadAsScan(WithRow("not_processed.duplicate", ""), SeenEmpty);
        Assert.All(Row(r, "not_processed.duplicate"), c => Assert.True(c is { Value: "", Origin: CellOrigin.Blank, BlankSeen: false }, c.ToString()));
    }

    [Fact]
    public void A_borderless_label_whose_band_was_seen_empty_reads_a_seen_blank_row()
    {
        const string label = "2.重复申请";
        var r = ReadAsScan(WithRow("not_processed.duplicate", ""), SeenEmpty, bandSeenEmpty: label);
        Assert.All(Row(r, "not_processed.duplicate"), c => Assert.True(c is { Value: "", Origin: CellOrigin.Blank, BlankSeen: true }, c.ToString()));
    }

    [Fact]
    public void Cells_the_grid_never_had_are_not_seen_blank_but_a_row_with_every_cell_is()
    {
        // The grid's row holds three value cells only: the zeros are placed by position, the other four columns taken as
        // blank without a cell to show it.
        var r = ReadAsScan(WithRow("not_processed.duplicate", "\t0\t0\t0"), SeenEmpty);
        var row = Row(r, "not_processed.duplicate").ToList();
        Assert.Equal(["0", "0", "0"], row.Take(3).Select(c => c.Value));
        Assert.All(row.Skip(3), c => Assert.True(c is { Value: "", BlankSeen: false }, c.ToString()));

        // The same row with all seven cells, the last four seen empty.
        var whole = Row(ReadAsScan(WithRow("not_processed.duplicate", "\t0\t0\t0\t□\t□\t□\t□"), SeenEmpty), "not_processed.duplicate").ToList();
        Assert.All(whole.Skip(3), c => Assert.True(c is { Value: "", BlankSeen: true }, c.ToString()));
    }
}
