using ExtractReports.Documents;
using ExtractReports.Lines;
using ExtractReports.Lines.Html;

namespace ExtractReports.Tests.Lines.Html;

/// <summary>The agency's own pages of the 平潭 2019 and 2021 reports: heavy inline styles, spans, site chrome.</summary>
public class RealPageTests
{
    private static LineDocument Read(string fileName)
    {
        var document = SourceDocument.FromFile(RealPages.Find(fileName)!);
        Assert.Equal(DocumentKind.Html, document.Kind);
        return new HtmlLineReader().Read(document, CancellationToken.None);
    }

    private static string[] Row(LineDocument doc, string label) =>
        doc.Lines.Single(l => l.Cells.Any(c => c.Text.StartsWith(label, StringComparison.Ordinal)))
            .Cells.Select(c => c.Text).SkipWhile(t => !t.StartsWith(label, StringComparison.Ordinal)).ToArray();

    [RealPageFact("pingtan-2019-html.html")]
    public void Pingtan_2019_rows_come_out_with_their_cells()
    {
        var doc = Read("pingtan-2019-html.html");
        Assert.Equal("平潭综合实验区2019年度政府信息公开工作年度报告", doc.Title);
        Assert.DoesNotContain(doc.Lines, l => l.Text.Contains("首页") || l.Text.Contains("网站支持IPV6"));
        Assert.Equal(["一、本年新收政府信息公开申请数量", "23", "0", "0", "0", "0", "0", "23"], Row(doc, "一、本年新收"));
        Assert.Equal(["3.补正后申请内容仍不明确", "5", "0", "0", "0", "0", "0", "5"], Row(doc, "3.补正后申请内容仍不明确"));
        Assert.Equal(["政府集中采购", "135", "75394432.52元"], Row(doc, "政府集中采购"));
        Assert.Equal(["行政许可", "396", "0", "181"], Row(doc, "行政许可"));
        Assert.Contains(doc.Lines, l => l.Text == "六、其他需要报告的事项");
    }

    [RealPageFact("pingtan-2021-html.html")]
    public void Pingtan_2021_rows_come_out_with_their_cells()
    {
        var doc = Read("pingtan-2021-html.html");
        Assert.Equal("平潭综合实验区2021年度政府信息公开工作年度报告", doc.Title);
        Assert.Equal(["一、本年新收政府信息公开申请数量", "64", "0", "0", "2", "0", "4", "70"], Row(doc, "一、本年新收"));
        Assert.Equal(["行政规范性文件", "69", "3", "665"], Row(doc, "行政规范性文件"));
        Assert.Equal(["行政事业性收费", "24252.311082"], Row(doc, "行政事业性收费"));
        // Table 四: fifteen numbers in one row under the two-level header.
        var t4 = doc.Lines.Single(l => l.Cells.Count == 15 && l.Cells.All(c => c.Text.All(char.IsDigit) && c.Text.Length > 0));
        Assert.Equal(["1", "0", "2", "0", "3", "12", "0", "0", "0", "12", "0", "0", "0", "0", "0"], t4.Cells.Select(c => c.Text));
    }
}
