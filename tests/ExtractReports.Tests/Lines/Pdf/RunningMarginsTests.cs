using ExtractReports.Lines;
using ExtractReports.Lines.Pdf;
using ExtractReports.Pages;

namespace ExtractReports.Tests.Lines.Pdf;

/// <summary>A browser's print stamps and a PDF's running heads are dropped; the report's own lines stay.</summary>
public class RunningMarginsTests
{
    private const double Height = 792, Width = 612;

    private static Line At(double top, params string[] cells) =>
        new(cells.Select((t, i) => new Cell(t, new Box(30 + 100 * i, top, 30 + 100 * i + 60, top + 8))).ToList(), Delimited: true);

    private static (Page, IReadOnlyList<Line>) PageOf(int n, params Line[] lines) =>
        (new Page(n, Width, Height, [], []), lines.Select(l => l with { Page = n }).ToList());

    [Fact]
    public void Browser_stamps_and_repeated_feet_go_and_table_rows_near_the_edges_stay()
    {
        var pages = new[]
        {
            PageOf(1, At(14, "12/3/26, 3:57 AM", "某某局2021年度政府信息公开工作年度报告_门户网站"), At(60, "行政复议"), At(700, "0", "1", "2", "0", "3"),
                At(770, "file:///tmp/page.html", "1/2")),
            PageOf(2, At(14, "12/3/26, 3:57 AM", "某某局2021年度政府信息公开工作年度报告_门户网站"), At(40, "1", "0", "2", "0", "3"),
                At(770, "file:///tmp/page.html", "2/2")),
        };
        var kept = RunningMargins.Drop(pages);
        Assert.Equal(["行政复议", "0 1 2 0 3"], kept[0].Select(l => l.Text));
        // A table row at the very top of a page is the report's, however close to the edge: it is not repeated.
        Assert.Equal(["1 0 2 0 3"], kept[1].Select(l => l.Text));
    }

    [Fact]
    public void A_running_head_repeated_on_every_page_goes_even_without_a_stamp()
    {
        var pages = Enumerable.Range(1, 3).Select(n => PageOf(n, At(20, "某某市人民政府办公室文件"), At(200, $"第{n}段正文"), At(775, $"— {n} —"))).ToArray();
        var kept = RunningMargins.Drop(pages);
        Assert.All(kept.Select((lines, i) => (lines, i)), p => Assert.Equal([$"第{p.i + 1}段正文"], p.lines.Select(l => l.Text)));
    }

    [Fact]
    public void A_single_page_keeps_its_margin_lines_unless_they_are_stamps()
    {
        var kept = RunningMargins.Drop([PageOf(1, At(20, "某某市人民政府办公室"), At(300, "正文"), At(775, "https://www.example.gov.cn/a.html", "1/1"))]);
        Assert.Equal(["某某市人民政府办公室", "正文"], kept[0].Select(l => l.Text));
    }
}
