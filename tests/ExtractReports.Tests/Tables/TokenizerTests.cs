using ExtractReports.Lines;
using ExtractReports.Tables;

namespace ExtractReports.Tests.Tables;

public class TokenizerTests
{
    private static IReadOnlyList<Token> Tok(string text, bool delimited = false) =>
        Tokenizer.Tokenize([new Line([new Cell(text)], Delimited: delimited)]);

    [Fact]
    public void A_row_ordinal_glued_to_the_previous_row_digits_is_split_off()
    {
        var t = Tok("1.属于国家秘密00000002.其他法律行政法规禁止公开");
        Assert.Equal(TokenKind.Text, t[0].Kind);
        Assert.Equal("1.属于国家秘密", t[0].Norm);
        Assert.Equal("0000000", t[1].Raw);
        Assert.Equal("2.其他法律行政法规禁止公开", t[2].Norm);
    }

    [Fact]
    public void An_opening_ordinal_OCR_spaced_from_its_point_is_no_value()
    {
        var t = Tok("1 .信访举报投诉类申请");
        Assert.Equal([TokenKind.Text], t.Select(x => x.Kind));
        Assert.Contains(TokenKind.Number, Tok("共 12 .5万元以上").Select(x => x.Kind)); // not at the cell's start: a number
    }

    [Fact]
    public void Digits_inside_brackets_are_notes_not_values()
    {
        var t = Tok("本年收费金额（单位：万元，保留4位小数）");
        Assert.DoesNotContain(t, x => x.Kind == TokenKind.Number);
    }

    [Theory]
    [InlineData("55（含自然失效29件）", "55", "(含自然失效29件)")]
    [InlineData("75394432.52元", "75394432.52", "元")]
    [InlineData("１，２３４", "1234", null)]
    public void A_number_cell_keeps_its_unit_or_note_apart(string cell, string number, string? note)
    {
        var t = Tok(cell, delimited: true).Single();
        Assert.Equal(TokenKind.Number, t.Kind);
        Assert.True(t.Atomic);
        Assert.Equal(number, NumberText.Canonical(t.Raw));
        Assert.Equal(note, t.Note);
    }

    [Theory]
    [InlineData("—")]
    [InlineData("/")]
    [InlineData("无")]
    public void Placeholders_are_blank(string cell) =>
        Assert.True(Tok(cell, delimited: true).Single() is { Kind: TokenKind.Blank, Placeholder: true });

    [Theory]
    [InlineData("1,234", "1234")]
    [InlineData("0.0000", "0")]
    [InlineData("1646.3793", "1646.3793")]
    [InlineData("12.50", "12.5")]
    [InlineData("-3", "-3")]
    public void Value_rules_for_numbers(string raw, string canonical) => Assert.Equal(canonical, NumberText.Canonical(raw));
}
