using ExtractReports.Lines;
using ExtractReports.Lines.TextDump;
using ExtractReports.Schema;
using ExtractReports.Tables;
using static ExtractReports.Tests.Tables.ReportBuilder;

namespace ExtractReports.Tests.Tables;

/// <summary>
/// A row of cells the OCR reader left empty but was unsure of (faint ink it could not read: a row of printed zeros whose
/// thin glyphs binarisation lost) is not a blank row; a row of empty cells read sure is.
/// </summary>
public class UnsureBlankRowTests
{
    [Fact]
    public void A_row_of_unsure_empty_cells_is_not_read_as_a_sure_blank_row()
    {
        // Two rows of zeros printed as seven empty cells each, as the scan reader gives a ruled row: one read sure (a row
        // printed blank), one unsure (faint ink the reader could not read).
        var doc = TextDumpReader.ReadText(T2Tabs2021 + T3Tabs(ReportFormat.F2021) + T4Line);
        Line Empty(Line l, double confidence) =>
            new([l.Cells[0], .. Enumerable.Range(0, 7).Select(_ => new Cell("", null, confidence))], l.Page, Delimited: true);
        var lines = doc.Lines.Select(l => l.Cells.Count == 0 ? l
            : l.Cells[0].Text.Contains("要求提供公开出版物") ? Empty(l, 1.0)
            : l.Cells[0].Text.Contains("要求行政机关确认") ? Empty(l, 0.5) : l).ToList();
        Assert.Contains(lines, l => l.Cells.Any(c => c.IsBlank && c.Confidence == 0.5));

        var r = new ReportReader().Read(doc with { Lines = lines });

        Assert.Equal(CellOrigin.Blank, r.Cell("t3.not_processed.publication.total").Origin);
        var unsure = r.Cell("t3.not_processed.reconfirm.total");
        Assert.False(unsure.Origin == CellOrigin.Blank && unsure.EngineConfidence >= RowCandidates.SureBlankConfidence,
            $"{unsure.Origin} at {unsure.EngineConfidence}");
        Assert.Equal("8", r.Cell("t3.total_handled.total").Value);
    }
}
