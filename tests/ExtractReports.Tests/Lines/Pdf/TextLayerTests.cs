using ExtractReports.Lines.Pdf;
using ExtractReports.Pages;

namespace ExtractReports.Tests.Lines.Pdf;

public sealed class TextLayerTests
{
    private static Page PageWith(params string[] words) =>
        new(1, 595, 842, words.Select((w, i) => new Word(w, new Box(0, i * 12, 100, i * 12 + 10))).ToList(), []);

    private static string? Check(params Page[] pages) => TextLayer.Check(pages, new TextLayerOptions());

    [Fact]
    public void Chinese_text_is_usable() =>
        Assert.Null(Check(PageWith("洪泽区人民政府2023年政府信息公开工作年度报告", "一、本年新收政府信息公开申请数量", "21", "0")));

    [Fact]
    public void No_words_means_no_text_layer() => Assert.Contains("no text layer", Check(PageWith(), PageWith()));

    [Fact]
    public void A_few_stamped_words_on_scanned_pages_are_not_a_text_layer() =>
        Assert.Contains("only", Check(PageWith("扫描件"), PageWith(), PageWith()));

    [Fact]
    public void Cid_placeholders_and_private_use_characters_mean_no_unicode_map()
    {
        Assert.Contains("Unicode map", Check(PageWith("(cid:123)(cid:45)(cid:678)", "报告(cid:9)(cid:10)(cid:11)(cid:12)")));
        Assert.Contains("Unicode map", Check(PageWith("\uE001\uE002\uE003\uE004\uE005\uE006\uE007\uE008\uE009\uE00A\uE00B\uE00C\uE00D\uE00E\uE00F\uE010\uE011\uE012\uE013\uE014\uE015")));
    }

    [Fact]
    public void Latin1_mojibake_of_chinese_is_not_chinese() =>
        Assert.Contains("not Chinese", Check(PageWith("²âÊÔ»ú¹Ø2023ÄêÕþ¸®ÐÅÏ¢¹«¿ª¹¤×÷Äê¶È±¨¸æ")));
}
