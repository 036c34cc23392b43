using ExtractReports.Fields;
using ExtractReports.Lines.TextDump;

namespace ExtractReports.Tests.Fields;

/// <summary>Agency and year from a title among site chrome, or from the sentence in which a report names itself.</summary>
public class MetaExtractorTests
{
    private static ReportMeta Meta(string text) => MetaExtractor.Extract(TextDumpReader.ReadText(text + "\n二、主动公开政府信息情况\n第二十条第（一）项\n"));

    [Fact]
    public void A_breadcrumb_and_menu_above_the_title_are_not_the_agency()
    {
        var m = Meta("长者模式 无障碍\n当前位置： 首页 > 信息公开 > 某某镇 > 年度报告\n某某镇2021年政府信息公开工作年度报告\n发布时间：2022-01-20");
        Assert.Equal(("某某镇", "2021", MetaSource.Title), (m.Agency, m.Year, m.AgencySource));
    }

    [Fact]
    public void A_site_name_above_the_title_is_not_the_agency()
    {
        Assert.Equal("某某街道办事处", Meta("某某资讯网\n图片\n某某街道办事处2022年政府信息公开工作年度报告\n打印").Agency);
    }

    [Fact]
    public void An_agency_wrapped_onto_the_line_above_stays_whole()
    {
        Assert.Equal("某某市人民政府地方志办公室", Meta("某某市人民政府\n地方志办公室2023年政府信息公开工作年度报告").Agency);
    }

    [Fact]
    public void Without_a_title_the_naming_sentence_gives_agency_and_year()
    {
        var m = Meta("根据《中华人民共和国政府信息公开条例》要求，特编制某某市档案馆2022年政府信息公开工作年度报告。\n一、总体情况");
        Assert.Equal(("某某市档案馆", "2022", MetaSource.NamingSentence), (m.Agency, m.Year, m.AgencySource));
    }

    [Fact]
    public void A_naming_sentence_wrapped_by_a_page_is_read_whole()
    {
        // A PDF's prose lines, full width, the agency cut by the wrap.
        var m = Meta("为做好政府信息公开工作，依据《中华人民共和国政府信息公开条例》，特编制某某市夷\n陵区卫生健康局2021年政府信息公开工作年度报告。\n一、总体情况");
        Assert.Equal(("某某市夷陵区卫生健康局", "2021"), (m.Agency, m.Year));
    }

    [Fact]
    public void A_title_a_reader_took_from_a_sentence_is_read_as_the_naming_sentence()
    {
        var doc = TextDumpReader.ReadText("为做好政府信息公开工作，依据《中华人民共和国政府信息公开条例》，特编制某某市档案馆2022年政府信息公开工作年度报告。\n二、主动公开政府信息情况\n")
            with { Title = "为做好政府信息公开工作，依据《中华人民共和国政府信息公开条例》，特编制某某市档案馆2022年政府信息公开工作年度报告。" };
        Assert.Equal("某某市档案馆", MetaExtractor.Extract(doc).Agency);
    }

    [Fact]
    public void A_report_that_says_only_我局_has_no_agency()
    {
        var m = Meta("现将我局2020年度政府信息公开工作年度报告如下。\n一、总体情况");
        Assert.Null(m.Agency);
        Assert.Equal("2020", m.Year);
    }

    [Fact]
    public void The_statistics_period_or_else_the_prose_gives_the_year()
    {
        Assert.Equal("2023", Meta("一、总体情况\n本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。").Year);
        var m = Meta("一、总体情况\n2021年，区发改局认真落实条例。2021年共公开信息30条，较2020年增加。");
        Assert.Equal(("2021", MetaSource.Prose), (m.Year, m.YearSource));
    }
}
