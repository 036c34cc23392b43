using ExtractReports.Documents;
using ExtractReports.Lines;
using ExtractReports.Lines.Pdf;
using ExtractReports.Tests.Pages.Pdf;
using Xunit.Abstractions;

namespace ExtractReports.Tests.Lines.Pdf;

/// <summary>The real report in ../shared/real (not copied into the project): skipped when it is absent.</summary>
public sealed class RealPdfTests(ITestOutputHelper output)
{
    private static string Row(Line l) => string.Join(" | ", l.Cells.Select(c => c.Text));

    [PopplerFact("hzq2023_working.pdf")]
    public void Hzq2023_TableRowsAreLinesOfCells()
    {
        var path = Path.Combine(TestPaths.SharedReal, "hzq2023_working.pdf");
        // The ruled reading, which extract takes for this report: its identities break in the source.
        var doc = new PdfLineReader(new PdfLineReaderOptions { Rulings = PdfRulings.Always }).Read(SourceDocument.FromFile(path), CancellationToken.None);
        foreach (var l in doc.Lines) output.WriteLine($"p{l.Page}: {Row(l)}");
        Assert.Equal(5, doc.Pages);
        var rows = doc.Lines.Select(Row).ToList();
        // A plain row of table 三: label then seven numbers, one cell each.
        Assert.Contains("一、本年新收政府信息公开申请数量 | 21 | 0 | 0 | 0 | 0 | 0 | 21", rows);
        // A label wrapped over two lines inside its cell is one cell, on the row of its numbers.
        Assert.Contains(rows, r => r.EndsWith("（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 4 | 0 | 0 | 0 | 0 | 0 | 4"));
        // Merged group cells are emitted once, on the row where they start.
        Assert.Contains(rows, r => r.StartsWith("三、本年度办理结果 | （一）予以公开 | 0"));
        Assert.Contains(rows, r => r.StartsWith("（三）不予公开 | 1.属于国家秘密 | 1 | 0"));
        Assert.Single(rows, r => r.Contains("三、本年度办理结果"));
        // The row continued on page 4 (its group cell blank there), and the page number between them dropped.
        Assert.Contains(rows, r => r.EndsWith("3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0"));
        Assert.DoesNotContain(rows, r => r.Replace(" ", "") is "-3-" or "-4-");
        // Table 四's values row: fifteen numbers.
        Assert.Contains("10 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 0", rows);
        Assert.Contains("行政事业性收费 | 7730.28", rows);
        Assert.All(doc.Lines.Where(l => !l.IsBlank), l => Assert.All(l.Cells, c => Assert.NotNull(c.Box)));
    }
}
