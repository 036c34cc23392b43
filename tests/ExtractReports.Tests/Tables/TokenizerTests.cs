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

    [Theory]
    [InlineData("1本机关不掌握相关政府信息", "1.本机关不掌握相关政府信息")]
    [InlineData("2其他法律行政法规茶止公开", "2.其他法律行政法规茶止公开")]   // the label garbled too
    [InlineData("3 补正后申请内容仍不明确", "3.补正后申请内容仍不明确")]
    [InlineData("5要求行政机关确认或重新出具已获取信息", "5.要求行政机关确认或重新出具已获取信息")]
    [InlineData("1申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "1.申请人无正当理由逾期不补正.行政机关不再处理其政府信息公开申请")]
    public void An_opening_ordinal_whose_point_OCR_dropped_is_no_value(string cell, string label)
    {
        foreach (var delimited in new[] { false, true })
        {
            var t = Tok(cell, delimited);
            Assert.Equal([TokenKind.Text], t.Select(x => x.Kind));
            Assert.Equal(label, t[0].Norm);
        }
    }

    [Theory]
    [InlineData("1本年新收政府信息公开申请数量")]    // 一、本年新收… is numbered in words, never with a digit
    [InlineData("4次季度政务公开检查")]
    [InlineData("0属于国家秘密")]                   // 0 is no ordinal
    [InlineData("12属于国家秘密")]                  // nor is a two-digit run
    public void A_digit_before_other_text_stays_a_value(string cell) =>
        Assert.Equal(TokenKind.Number, Tok(cell)[0].Kind);

    [Fact]
    public void Digits_inside_brackets_are_notes_not_values()
    {
        var t = Tok("本年收费金额（单位：万元，保留4位小数）");
        Assert.DoesNotContain(t, x => x.Kind == TokenKind.Number);
    }

    [Fact]
    public void A_bracket_that_never_closes_hides_no_values()
    {
        // `(二)` garbled to `(二某`: the digits after the closed note are the row's.
        var t = Tok("(二某部分公开(区分处理的,只计这一情形,不计其他情形)0004004");
        Assert.Equal("0004004", Assert.Single(t, x => x.Kind == TokenKind.Number).Raw);
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
    [InlineData("十14", "14")]
    [InlineData("十 3", "3")]
    [InlineData("＋22", "22")]
    [InlineData("†7", "7")]
    public void A_plus_sign_OCR_read_as_a_look_alike_is_the_sign(string cell, string number)
    {
        var t = Tok(cell, delimited: true).Single();
        Assert.Equal(TokenKind.Number, t.Kind);
        Assert.Equal(number, NumberText.Canonical(t.Raw));
    }

    [Theory]
    [InlineData("十")]          // the numeral alone
    [InlineData("十二")]
    [InlineData("十14项目")]    // not a number cell: nothing is changed
    public void Ten_in_words_is_no_sign(string cell) =>
        Assert.DoesNotContain(Tok(cell, delimited: true), x => x.Kind == TokenKind.Number && x.Atomic);

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
