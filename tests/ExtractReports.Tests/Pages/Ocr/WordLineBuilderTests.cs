using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

public class WordLineBuilderTests
{
    private static OcrWord W(string text, double x0, double y0, double x1, double y1, double conf = 0.9) =>
        new(text, new Box(x0, y0, x1, y1), conf, conf);

    [Fact]
    public void Words_on_one_band_form_a_line_and_wide_gaps_split_cells()
    {
        var words = new[]
        {
            W("12", 900, 102, 960, 140, 0.8), W("本年", 100, 100, 180, 140), W("新收", 182, 101, 260, 141),
            W("7", 1100, 103, 1120, 139), W("二、主动公开", 100, 20, 400, 60),
        };
        var lines = new WordLineBuilder(new OcrOptions()).Build(words, page: 2);

        Assert.Equal(2, lines.Count);
        Assert.Equal(["二、主动公开"], lines[0].Line.Cells.Select(c => c.Text));
        Assert.Equal(["本年新收", "12", "7"], lines[1].Line.Cells.Select(c => c.Text));
        Assert.Equal(0.8, lines[1].Line.Cells[1].Confidence, 3);
        Assert.Equal(2, lines[1].Line.Page);
        Assert.True(lines[1].Line.Delimited);
    }

    [Fact]
    public void No_words_give_no_lines() => Assert.Empty(new WordLineBuilder(new OcrOptions()).Build([], 1));

    [Theory]
    [InlineData(new[] { "本年", "新收" }, "本年新收")]
    [InlineData(new[] { "1,234", "件" }, "1,234件")]
    [InlineData(new[] { "hzzwgk@126.com", ")" }, "hzzwgk@126.com )")]
    public void Join_puts_spaces_only_between_non_chinese_words(string[] parts, string expected) =>
        Assert.Equal(expected, OcrText.Join(parts));
}
