using ExtractReports.Fields;
using ExtractReports.Lines.TextDump;
using ExtractReports.Scoring;

namespace ExtractReports.Tests.Fields;

/// <summary>
/// An OCR'd title with one glyph misread reads at the engine's full confidence; the report names its agency again and
/// states its year in its statistics period, read apart from the title. A title the rest does not confirm is flagged,
/// and for a scan bounded below the review threshold.
/// </summary>
public class TitleConfirmationTests
{
    private const string Opening = "本报告根据《条例》要求，由包头市昆都仑区卫生健康委员会编制。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n";

    private static ReportMeta Meta(string title) =>
        MetaExtractor.Extract(TextDumpReader.ReadText(title + "\n" + Opening + "二、主动公开政府信息情况\n第二十条第（一）项\n"));

    [Fact]
    public void A_title_the_opening_names_again_is_confirmed_even_abbreviated()
    {
        var m = Meta("包头市昆都仑区卫健委2021年政府信息公开工作年度报告");
        Assert.Equal("包头市昆都仑区卫健委", m.Agency);
        Assert.True(m.AgencyConfirmed);
        Assert.True(m.YearConfirmed);
    }

    [Fact]
    public void A_misread_glyph_in_the_agency_is_not_confirmed()
    {
        var m = Meta("包头市昆都仓区卫健委2021年政府信息公开工作年度报告");
        Assert.Equal("包头市昆都仓区卫健委", m.Agency);
        Assert.False(m.AgencyConfirmed);
        Assert.True(m.YearConfirmed);
    }

    [Fact]
    public void A_misread_year_is_not_confirmed_by_the_statistics_period()
    {
        var m = Meta("包头市昆都仑区卫健委2022年政府信息公开工作年度报告");
        Assert.True(m.AgencyConfirmed);
        Assert.False(m.YearConfirmed);
    }

    private static ReportMeta Scanned(string title, string opening) =>
        MetaExtractor.Extract(TextDumpReader.ReadText(title + "\n" + opening + "二、主动公开政府信息情况\n第二十条第（一）项\n"), readByOcr: true);

    [Fact]
    public void An_ocr_title_year_the_whole_statistics_period_contradicts_is_taken_from_the_period_as_a_guess()
    {
        // As OCR read hzq2023_working at 300 dpi: the title's 3 read as 2, the period's years with a stray digit.
        var m = Scanned("洪泽区人民政府2022年政府信息公开工作年度报告",
            "报告中所列数据统计期限自20234年1月1日\n起至20234年12月31上日止。\n");
        Assert.Equal("2023", m.Year);
        Assert.Equal(MetaSource.NamingSentence, m.YearSource);
        Assert.False(m.YearConfirmed);
    }

    [Fact]
    public void A_title_year_stands_when_the_period_is_not_read_whole_or_the_text_is_not_ocr()
    {
        var title = "包头市昆都仑区卫健委2022年政府信息公开工作年度报告";
        Assert.Equal("2022", Scanned(title, "本报告统计期限自2021年1月1日起。\n").Year);
        Assert.Equal("2022", Scanned(title, "统计期限自2021年1月1日起至2020年12月31日止。\n").Year);
        Assert.Equal("2022", Meta(title).Year);
        Assert.Equal(MetaSource.Title, Meta(title).YearSource);
    }

    [Theory]
    [InlineData("德清县人民政府", "由德清县人民政府编制。", true)]
    [InlineData("德清具人民政府", "由德清县人民政府编制。", false)]
    [InlineData("某区卫健委", "由某区卫生健康委员会编制。", true)]
    [InlineData("某区卫健委", "由某区人民政府办公室编制。", false)]
    public void Named_again_as_written_or_as_the_full_name(string agency, string text, bool expected) =>
        Assert.Equal(expected, MetaExtractor.NamedAgain(agency, text));

    [Fact]
    public void An_unconfirmed_ocr_title_is_bounded_below_the_review_threshold_a_text_one_is_not()
    {
        var field = new FieldValue("meta.agency", "德清具人民政府", FieldStatus.Ok, "", 1, null, ["title_unconfirmed"],
            new FieldEvidence(1, true, true, 1, 0.97, true));
        Assert.Equal(1, DoubtCaps.Bound(field));
        Assert.True(DoubtCaps.Bound(field with { Features = field.Features with { FromOcr = true } }) < 0.9);
    }
}
