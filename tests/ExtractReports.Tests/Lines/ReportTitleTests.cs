using ExtractReports.Lines;

namespace ExtractReports.Tests.Lines;

public class ReportTitleTests
{
    private static readonly ReportTitleOptions Options = new();

    private static IReadOnlyList<Line> Lines(params string[] texts) => texts.Select(t => new Line([new Cell(t)], Delimited: true)).ToList();

    [Theory]
    [InlineData("某某局2020年政府信息公开工作年度报告", "", "某某局2020年政府信息公开工作年度报告")]
    [InlineData("2024 年上海市科委政府信息公开工作年度报告", "", "2024 年上海市科委政府信息公开工作年度报告")]
    [InlineData("某某县林业局", "2020年政府信息公开工作年度报告", "某某县林业局2020年政府信息公开工作年度报告")]
    [InlineData("某某县审计局2020年", "政府信息公开工作年度报告", "某某县审计局2020年政府信息公开工作年度报告")]
    [InlineData("政府信息公开年报", "一、总体情况", null)]
    public void Titles_on_one_line_or_two_are_found_and_column_names_are_not_titles(string first, string second, string? expected)
    {
        var lines = second.Length == 0 ? Lines("首页", first, "一、总体情况") : Lines(first, second, "一、总体情况");
        Assert.Equal(expected, ReportTitle.Find(lines, Options));
    }

    [Fact]
    public void A_long_paragraph_mentioning_the_report_is_not_its_title()
    {
        var paragraph = "本报告根据《中华人民共和国政府信息公开条例》要求编制，2020年政府信息公开工作年度报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六个部分。";
        Assert.Null(ReportTitle.Find(Lines(paragraph), Options));
    }
}
