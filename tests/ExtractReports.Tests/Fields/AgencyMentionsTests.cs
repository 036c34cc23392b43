using ExtractReports.Fields;
using ExtractReports.Lines.TextDump;

namespace ExtractReports.Tests.Fields;

/// <summary>
/// An OCR'd report names its agency in its title and again in its opening, each read apart: the spelling most mentions
/// agree on is the agency, and a title whose misread glyph some mentions repeat is not confirmed.
/// </summary>
public class AgencyMentionsTests
{
    private static ReportMeta Meta(string title, string opening, bool ocr = true) =>
        MetaExtractor.Extract(TextDumpReader.ReadText(title + "\n" + opening + "\n二、主动公开政府信息情况\n第二十条第（一）项\n"), readByOcr: ocr);

    private const string Opening =
        "本报告根据《条例》要求，由德清县人民政府编制。本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n" +
        "本报告电子版可在德清县人民政府政务公开专栏查阅或下载。如对本报告有疑问，请与德清县人民政府办公室联系。\n";

    [Fact]
    public void A_glyph_misread_in_the_title_is_outvoted_by_the_mentions()
    {
        var m = Meta("德清具人民政府2020年政府信息公开工作年度报告", Opening);
        Assert.Equal("德清县人民政府", m.Agency);
        Assert.True(m.AgencyFromMentions);
        Assert.True(m.AgencyConfirmed);
    }

    [Fact]
    public void A_first_glyph_misread_is_outvoted_too()
    {
        var m = Meta("潜泽区人民政府2023年政府信息公开工作年度报告",
            "本报告由淮安市洪泽区人民政府办公室编制。统计期限自2023年1月1日起。如有疑问请与淮安市洪泽区人民政府办公室联系。");
        Assert.Equal("洪泽区人民政府", m.Agency);
        Assert.True(m.AgencyConfirmed);
    }

    [Fact]
    public void A_misread_the_mentions_repeat_is_not_confirmed_whichever_spelling_wins()
    {
        // The title and one mention read 具, two mentions read 县: a close vote is no confirmation.
        var m = Meta("德清具人民政府2020年政府信息公开工作年度报告",
            "由德清县人民政府编制。统计期限自2020年1月1日起。可在德清具人民政府政务公开专栏查阅。请与德清县人民政府办公室联系。");
        Assert.False(m.AgencyConfirmed);
    }

    [Fact]
    public void A_title_misread_that_one_mention_repeats_loses_to_two_mentions_but_stays_unconfirmed()
    {
        // 200 dpi bilevel scan of hzq2023_working: the engine read 洪 as 潜 in the title and again at a line's end.
        var m = Meta("潜泽区人民政府2023年政府信息公开工作年度报告",
            "本报告由淮安市洪泽区人民政府办公室编制。统计期限自2023年1月1日起。如有疑问请与淮安市潜泽区人民政府办公室联系。2023年，洪泽区人民政府坚持以人民为中心。");
        Assert.Equal("洪泽区人民政府", m.Agency);
        Assert.True(m.AgencyFromMentions);
        Assert.False(m.AgencyConfirmed);
    }

    [Fact]
    public void A_title_one_mention_agrees_with_beats_one_other_mention()
    {
        var m = Meta("德清县人民政府2020年政府信息公开工作年度报告",
            "由德清县人民政府编制。统计期限自2020年1月1日起。请与德清具人民政府办公室联系。");
        Assert.Equal("德清县人民政府", m.Agency);
        Assert.False(m.AgencyFromMentions);
    }

    [Fact]
    public void A_single_mention_does_not_outvote_the_title()
    {
        var m = Meta("德清县人民政府2020年政府信息公开工作年度报告", "统计期限自2020年1月1日起。请与德清具人民政府办公室联系。");
        Assert.Equal("德清县人民政府", m.Agency);
        Assert.False(m.AgencyFromMentions);
        Assert.False(m.AgencyConfirmed);
    }

    [Fact]
    public void A_title_read_right_among_mentions_each_misread_differently_is_kept_unconfirmed()
    {
        // A badly read opening (corpus/scan/img-04): the commonest misread has two mentions, the title's spelling one.
        var m = Meta("德清县人民政府2023年政府信息公开工作年度报告",
            "由德清只人民政府编制。统计期限自2023年1月1日起。可在德清其人民政府网查阅。请与德清共人民政府办公室联系。2023年，德清共人民政府深入贯彻。");
        Assert.Equal("德清县人民政府", m.Agency);
        Assert.False(m.AgencyFromMentions);
        Assert.False(m.AgencyConfirmed);
    }

    [Fact]
    public void A_title_the_mentions_agree_with_is_confirmed_and_kept()
    {
        var m = Meta("德清县人民政府2020年政府信息公开工作年度报告", Opening);
        Assert.Equal("德清县人民政府", m.Agency);
        Assert.False(m.AgencyFromMentions);
        Assert.True(m.AgencyConfirmed);
    }

    private const string PreparedByOpening =
        "本报告根据《条例》要求，由洛阳市人力资源和社会保障局编制。统计期限自2023年1月1日起至2023年12月31日止。\n" +
        "如对本报告有疑问，请与洛阳市人力资源和社会保障局办公室联系。\n";

    [Fact]
    public void A_scan_whose_title_reads_too_badly_takes_its_agency_from_the_sentence_saying_who_prepared_it()
    {
        var m = Meta("洛7:T人力资源4 -会保章局2023乍政府人信息公开\n-一作牌度::告", PreparedByOpening);
        Assert.Equal("洛阳市人力资源和社会保障局", m.Agency);
        Assert.Equal(MetaSource.NamingSentence, m.AgencySource);
        Assert.Equal("2023", m.Year);
    }

    [Fact]
    public void The_preparing_agency_misread_is_outvoted_by_the_other_mentions()
    {
        var m = Meta("洛7:T人力资源4", PreparedByOpening.Replace("由洛阳市", "由洛阴市") + "2023年，洛阳市人力资源和社会保障局深入贯彻。\n");
        Assert.Equal("洛阳市人力资源和社会保障局", m.Agency);
    }

    [Fact]
    public void A_text_layer_without_a_title_does_not_take_the_preparing_agency()
    {
        // DESIGN.md: without a title the agency is the one the report's naming sentence gives; a typed page lacks none of it.
        var m = Meta("", PreparedByOpening, ocr: false);
        Assert.Null(m.Agency);
    }

    [Fact]
    public void A_text_layer_title_is_never_respelled()
    {
        // Typed, not read: a title naming 长沙县 in a report that mentions the city's government is what it says.
        var m = Meta("长沙县人民政府2020年政府信息公开工作年度报告",
            "根据长沙市人民政府要求编制。统计期限自2020年1月1日起。长沙市人民政府办公厅印发。", ocr: false);
        Assert.Equal("长沙县人民政府", m.Agency);
        Assert.False(m.AgencyFromMentions);
    }

    [Fact]
    public void An_abbreviated_title_named_in_full_stays_confirmed()
    {
        var m = Meta("包头市昆都仑区卫健委2021年政府信息公开工作年度报告",
            "本报告由包头市昆都仑区卫生健康委员会编制。本报告所列数据的统计期限自2021年1月1日起。");
        Assert.Equal("包头市昆都仑区卫健委", m.Agency);
        Assert.True(m.AgencyConfirmed);
    }

    [Theory]
    [InlineData("包头市昆都仑区卫健委", "包头市昆都仑区卫生健康委员会编制", true)]
    [InlineData("某市发改委", "某市发展和改革委员会", true)]
    [InlineData("某县政府办", "某县人民政府办公室", true)]
    [InlineData("德清有具人民政府", "德清县有关部门具体负责人民政府", false)]
    [InlineData("德清具人民政府", "德清县人民政府办公室负责具体工作", false)]
    public void A_full_name_lengthens_only_the_end_of_an_abbreviation(string agency, string text, bool named) =>
        Assert.Equal(named, AgencyMentions.FullFormEnd(agency, text, 0) is not null);

    [Theory]
    [InlineData("德清县人民政府", "由德清县人民政府编制，请与德清县人民政府办公室联系", "德清县人民政府", 2)]
    [InlineData("洪泽区人民政府", "淮安市洪泽区人民政府办公室", "洪泽区人民政府", 1)]
    [InlineData("德清有具人民政府", "由德清县人民政府编制", "德清县人民政府", 1)]
    [InlineData("德清县人民政府", "湖州市人民政府办公室", null, 0)]
    public void Near_spellings_are_counted_once_each(string agency, string text, string? spelling, int count)
    {
        var counts = AgencyMentions.Count(agency, text);
        if (spelling is null) Assert.Empty(counts);
        else Assert.Equal(count, counts[spelling]);
    }
}
