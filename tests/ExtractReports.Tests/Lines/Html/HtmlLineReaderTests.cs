using ExtractReports.Lines;
using ExtractReports.Lines.Html;

namespace ExtractReports.Tests.Lines.Html;

public class HtmlLineReaderTests
{
    private static readonly HtmlLineReader Reader = new();

    private static LineDocument Read(string html) => Reader.ReadMarkup(html);

    /// <summary>The line with a cell that starts with the label.</summary>
    private static Line Row(LineDocument doc, string label) =>
        doc.Lines.Single(l => l.Cells.Any(c => c.Text.StartsWith(label, StringComparison.Ordinal)));

    private static string[] Texts(Line line) => line.Cells.Select(c => c.Text).ToArray();

    private static int[] Columns(Line line) => line.Cells.Select(c => (int)(c.Box!.Value.X0 / 60)).ToArray();

    [Fact]
    public void Rowspan_and_colspan_expand_into_a_grid_with_the_text_once()
    {
        var doc = Read(HtmlPages.Table3);

        var first = Row(doc, "三、本年度办理结果");
        Assert.Equal(["三、本年度办理结果", "（一）予以公开", "7", "1", "0", "0", "0", "0", "8"], Texts(first));
        Assert.Equal([0, 1, 3, 4, 5, 6, 7, 8, 9], Columns(first));
        Assert.True(first.Delimited);

        // Rows under a rowspan get a blank cell at its column, so the numbers stay in columns 3 to 9.
        var secret = Row(doc, "1.属于国家秘密");
        Assert.Equal(["", "（三）不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"], Texts(secret));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], Columns(secret));
        var other = Row(doc, "2.其他法律行政法规禁止公开");
        Assert.Equal(["", "", "2.其他法律行政法规禁止公开", "0", "0", "0", "0", "0", "0", "0"], Texts(other));

        // A column span is one cell whose box covers the columns.
        var newRequests = Row(doc, "一、本年新收");
        Assert.Equal(3 * 60, newRequests.Cells[0].Box!.Value.Width);
        Assert.Equal(["一、本年新收政府信息公开申请数量", "23", "1", "0", "0", "0", "0", "24"], Texts(newRequests));

        // The two-level header: 商业企业 sits under 法人或其他组织, 总计 keeps its column.
        var header = Row(doc, "商业企业");
        Assert.Equal(4, Columns(header)[Array.IndexOf(Texts(header), "商业企业")]);
        var groups = Row(doc, "自然人");
        Assert.Equal(["自然人", "法人或其他组织", "总计"], Texts(groups).Where(t => t.Length > 0));
        Assert.Equal(9, Columns(groups)[Array.IndexOf(Texts(groups), "总计")]);
    }

    [Fact]
    public void Paragraphs_breaks_and_spans_inside_a_cell_stay_one_text()
    {
        var doc = Read("""
            <table><tr>
              <td><p><span>本年新</span><span><br/></span><span>制作数量</span></p></td>
              <td><p>（二）部分公开</p><p>（区分处理的，只计这一情形，不计其他情形）</p></td>
              <td><span>自</span><span>然</span>
                  <span>人</span></td>
              <td>&nbsp;</td>
              <td><p>&nbsp;</p></td>
              <td>1,234</td>
              <td>12<br>34</td>
            </tr></table>
            """);
        var line = Assert.Single(doc.Lines);
        Assert.Equal(["本年新制作数量", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "自然人", "", "", "1,234", "12 34"], Texts(line));
        Assert.True(line.Cells[3].IsBlank);
    }

    [Fact]
    public void A_table_nested_in_a_layout_table_is_read_as_a_table()
    {
        var doc = Read($"""
            <table width="100%"><tr>
              <td class="left"><a href="/">首页</a><br><a href="/x">机构概况</a></td>
              <td class="right"><p>三、收到和处理政府信息公开申请情况</p>{HtmlPages.Table3}</td>
            </tr></table>
            """);
        Assert.Equal(["一、本年新收政府信息公开申请数量", "23", "1", "0", "0", "0", "0", "24"], Texts(Row(doc, "一、本年新收")));
        var heading = doc.Lines.Single(l => l.Text == "三、收到和处理政府信息公开申请情况");
        Assert.Single(heading.Cells);
    }

    [Fact]
    public void A_table_split_into_several_tables_reads_on_in_order()
    {
        var doc = Read("""
            <table><tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>5</td><td>5</td></tr></table>
            <p>&nbsp;</p>
            <table><tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>1</td><td>1</td></tr></table>
            """);
        Assert.Equal(2, doc.Lines.Count);
        Assert.StartsWith("一、", doc.Lines[0].Cells[0].Text);
        Assert.StartsWith("二、", doc.Lines[1].Cells[0].Text);
        Assert.True(doc.Lines[1].Cells[0].Box!.Value.Y0 > doc.Lines[0].Cells[0].Box!.Value.Y1, "the second table lies below the first");
    }

    [Fact]
    public void A_layout_table_with_a_page_of_text_in_a_cell_is_read_as_paragraphs()
    {
        var paragraph = string.Concat(Enumerable.Repeat("我局认真贯彻落实《条例》，扎实推进政务公开工作。", 15));
        var doc = Read($"<table><tr><td><p>一、总体情况</p><p>{paragraph}</p><p>二、主动公开政府信息情况</p></td></tr></table>");
        Assert.Equal(["一、总体情况", paragraph, "二、主动公开政府信息情况"], doc.Lines.Select(l => l.Text));
    }

    [Fact]
    public void Div_grids_with_classes_roles_and_css_display_are_read_as_tables()
    {
        var doc = Read("""
            <div class="report-table">
              <div class="thead"><div class="tr"><div class="th">行政复议</div><div class="th" data-colspan="2">行政诉讼</div></div></div>
              <div class="tbody">
                <div class="tr"><div class="td" style="grid-column: span 2">四、结转下年度继续办理</div><div class="td">3</div></div>
              </div>
            </div>
            <div role="table">
              <div role="row"><span role="cell">结果维持</span><span role="cell">2</span></div>
              <div role="row"><span role="cell">结果纠正</span><span role="cell">&nbsp;</span></div>
            </div>
            <div style="display:table">
              <div style="display:table-row"><div style="display:table-cell">其他结果</div><div style="display: table-cell">9</div></div>
            </div>
            """);
        Assert.Equal(["行政复议", "行政诉讼"], Texts(doc.Lines[0]));
        Assert.Equal([0, 1], Columns(doc.Lines[0]));
        Assert.Equal(120, doc.Lines[0].Cells[1].Box!.Value.Width);
        Assert.Equal(["四、结转下年度继续办理", "3"], Texts(doc.Lines[1]));
        Assert.Equal([0, 2], Columns(doc.Lines[1]));
        Assert.Equal(["结果维持", "2"], Texts(doc.Lines[2]));
        Assert.Equal(["结果纠正", ""], Texts(doc.Lines[3]));
        Assert.Equal(["其他结果", "9"], Texts(doc.Lines[4]));
        Assert.All(doc.Lines, l => Assert.True(l.Delimited));
    }

    [Fact]
    public void Div_grids_styled_by_the_page_stylesheet_are_read_as_tables()
    {
        var doc = Read("""
            <html><head><style>
              /* rows and cells named freely, drawn as a table by the stylesheet */
              .report .r { display: table-row; } .report .c, div.h { display: table-cell !important; }
              .mobile-only { display: none }
            </style></head><body>
            <div class="report">
              <div class="r"><div class="h">信息内容</div><div class="h">本年处理决定数量</div></div>
              <div class="r"><div class="c">行政许可</div><div class="c">8</div></div>
            </div>
            <div class="mobile-only"><p>行政许可 8</p></div>
            </body></html>
            """);
        Assert.Equal([["信息内容", "本年处理决定数量"], ["行政许可", "8"]], doc.Lines.Select(Texts));
        Assert.All(doc.Lines, l => Assert.True(l.Delimited));
    }

    [Fact]
    public void A_flat_css_grid_is_laid_out_row_by_row()
    {
        var doc = Read("""
            <div style="display:grid; grid-template-columns: [start] 2fr repeat(3, minmax(40px, 1fr))">
              <div style="grid-row: span 2">行政复议</div><div style="grid-column: span 3">结果</div>
              <div>维持</div><div>纠正</div><div>其他</div>
              <div>本机关</div><div>1</div><div>&nbsp;</div><div>2</div>
            </div>
            """);
        Assert.Equal([["行政复议", "结果"], ["", "维持", "纠正", "其他"], ["本机关", "1", "", "2"]], doc.Lines.Select(Texts));
        Assert.Equal([0, 1], Columns(doc.Lines[0]));
        Assert.Equal([0, 1, 2, 3], Columns(doc.Lines[1]));
    }

    [Fact]
    public void A_css_grid_laying_out_the_page_is_not_a_table()
    {
        var article = string.Concat(Enumerable.Repeat("我局认真贯彻落实《条例》，扎实推进政务公开工作。", 15));
        var doc = Read($"""<div style="display:grid;grid-template-columns:200px 1fr"><div>栏目导航</div><div><p>一、总体情况</p><p>{article}</p></div></div>""");
        Assert.All(doc.Lines, l => Assert.Single(l.Cells));
        Assert.Contains(doc.Lines, l => l.Text == "一、总体情况");
    }

    [Fact]
    public void A_bootstrap_layout_row_is_not_a_table()
    {
        var doc = Read("""
            <div class="row"><div class="col-md-9"><p>一、总体情况</p></div><div class="col-md-3"><p>二、主动公开政府信息情况</p></div></div>
            <div class="row"><div class="col-md-12"><p>六、其他需要报告的事项</p></div></div>
            """);
        Assert.Equal(["一、总体情况", "二、主动公开政府信息情况", "六、其他需要报告的事项"], doc.Lines.Select(l => l.Text));
        Assert.All(doc.Lines, l => Assert.Single(l.Cells));
    }

    [Fact]
    public void Page_chrome_is_left_out_and_the_title_comes_without_the_site_name()
    {
        var doc = Read(HtmlPages.ReportPage());

        Assert.Equal("某某市交通运输局2019年政府信息公开工作年度报告", doc.Title);
        Assert.Equal(doc.Title, doc.Lines[0].Text + doc.Lines[1].Text); // the article sets it on two lines
        var text = string.Join("\n", doc.Lines.Select(l => l.Text));
        foreach (var chrome in new[] { "首页", "发布日期", "信息来源", "浏览次数", "分享到", "打印", "版权所有", "2018年", "政府信息公开年报", "var x" })
            Assert.DoesNotContain(chrome, text);

        var headings = doc.Lines.Select(l => l.Text).Where(t => t.Length > 1 && "一二三四五六".Contains(t[0]) && t[1] == '、' && t.EndsWith("情况") || t.EndsWith("事项")).ToList();
        Assert.Equal(["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"], headings);
        Assert.Equal(["一、本年新收政府信息公开申请数量", "23", "1", "0", "0", "0", "0", "24"], Texts(Row(doc, "一、本年新收")));
    }

    [Fact]
    public void A_heading_naming_the_report_is_the_title()
    {
        var doc = Read("""
            <html><head><title>政府信息公开_某某区人民政府</title></head><body>
            <div class="nav"><h2>政府信息公开年报</h2></div>
            <h1 class="article-title">某某区财政局2021年度政府信息公开工作年度报告</h1>
            <p>一、总体情况</p></body></html>
            """);
        Assert.Equal("某某区财政局2021年度政府信息公开工作年度报告", doc.Title);
    }

    [Theory]
    [InlineData("某某区2019-2020学年教育局2020年政府信息公开工作年度报告 - 某某区人民政府", "某某区2019-2020学年教育局2020年政府信息公开工作年度报告")]
    [InlineData("首页｜政务公开｜某某县2022年政府信息公开工作年度报告", "某某县2022年政府信息公开工作年度报告")]
    [InlineData("某某市2021年度政府信息公开工作年度报告——某某市人民政府", "某某市2021年度政府信息公开工作年度报告")]
    public void The_page_title_loses_the_site_name(string pageTitle, string expected)
    {
        var doc = Read($"<html><head><title>{pageTitle}</title></head><body><p>一、总体情况</p></body></html>");
        Assert.Equal(expected, doc.Title);
    }

    [Fact]
    public void Without_a_marked_title_the_article_line_naming_the_report_is_the_title()
    {
        var doc = Read("""
            <html><head><title>某某县人民政府</title></head><body>
            <div class="article"><p><b>某某县林业局</b></p><p><b>2020年政府信息公开工作年度报告</b></p>
            <p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p></div></body></html>
            """);
        Assert.Equal("某某县林业局2020年政府信息公开工作年度报告", doc.Title);
        Assert.Equal("某某县林业局", doc.Lines[0].Text); // the title was already among the lines
    }

    [Fact]
    public void An_opening_paragraph_naming_every_section_is_not_the_report_body()
    {
        // A page cut after table 二: the opening paragraph holds as many section names as the article.
        var doc = Read("""
            <html><body><div class="nav">首页 &gt; 政务公开</div><div id="zoom">
            <p>报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分。</p>
            <p>一、总体情况</p><p>二、主动公开政府信息情况</p>
            <table><tr><td>第二十条第（五）项</td></tr><tr><td>行政许可</td><td>12</td></tr></table></div></body></html>
            """);
        Assert.Contains(doc.Lines, l => l.Text == "行政许可 12");
    }

    [Fact]
    public void Hidden_elements_and_scripts_are_not_text()
    {
        var doc = Read("""<p>一、总体情况</p><p style="display:none">隐藏</p><div hidden>也隐藏</div><script>document.write("x")</script>""");
        Assert.Equal(["一、总体情况"], doc.Lines.Select(l => l.Text));
    }
}
