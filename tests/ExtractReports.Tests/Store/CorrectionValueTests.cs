using ExtractReports.Fields;
using ExtractReports.Schema;
using ExtractReports.Store;

namespace ExtractReports.Tests.Store;

/// <summary>What a reviewer may type for a field, by the field's type and DESIGN.md's value rules.</summary>
public class CorrectionValueTests
{
    private static readonly FieldDefinition Count = StandardSchema.Default["t3.new_requests.natural_person"];
    private static readonly FieldDefinition Amount = StandardSchema.Default.Fields.First(f => f.Type == FieldType.Decimal);
    private static readonly FieldDefinition Agency = StandardSchema.Default["meta.agency"];

    [Theory]
    [InlineData("12", "12")]
    [InlineData(" 1,234 ", "1234")]
    [InlineData("１２３", "123")]
    [InlineData("+22", "22")]
    [InlineData("-3", "-3")]
    [InlineData("－3", "-3")]
    [InlineData("7.0", "7")]
    public void A_count_takes_a_number_written_as_the_value_rules_say(string typed, string value)
    {
        var c = CorrectionValues.Check(typed, Count);
        Assert.Equal(new CorrectionValue(value, FieldStatus.Ok), c.Value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("1.5")]
    [InlineData("1,23")]
    [InlineData("")]
    public void A_count_refuses_what_is_not_a_whole_number_with_a_message(string typed)
    {
        var c = CorrectionValues.Check(typed, Count);
        Assert.Null(c.Value);
        Assert.False(string.IsNullOrWhiteSpace(c.Error));
    }

    [Fact]
    public void An_amount_keeps_its_decimals_without_trailing_zeros() =>
        Assert.Equal("1646.3793", CorrectionValues.Check("1646.37930", Amount).Value!.Value);

    [Theory]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("/")]
    [InlineData("无")]
    public void A_placeholder_marks_the_cell_blank(string typed) =>
        Assert.Equal(new CorrectionValue("", FieldStatus.Blank), CorrectionValues.Check(typed, Count).Value);

    [Fact]
    public void A_sentence_is_taken_for_a_count_only_when_marked_as_text()
    {
        Assert.Null(CorrectionValues.Check("不适用 本机关", Count).Value);
        Assert.Equal(new CorrectionValue("不适用 本机关", FieldStatus.Text), CorrectionValues.Check("不适用  本机关", Count, asText: true).Value);
        Assert.Equal(new CorrectionValue("不适用", FieldStatus.Text), CorrectionValues.Check("text: 不适用", Count).Value);
        Assert.NotNull(CorrectionValues.Check("text:", Count).Error);
    }

    [Fact]
    public void A_text_field_takes_any_text_as_ok() =>
        Assert.Equal(new CorrectionValue("某某市人民政府", FieldStatus.Ok), CorrectionValues.Check(" 某某市人民政府 ", Agency).Value);

    [Theory]
    [InlineData("12")]
    [InlineData("")]
    [InlineData("不适用")]
    public void A_stored_correction_written_back_as_typed_checks_to_the_same_value(string value)
    {
        var typed = CorrectionValues.AsTyped(value, Count);
        Assert.Equal(value, CorrectionValues.Check(typed, Count).Value!.Value);
        Assert.Equal(CorrectionValues.StatusOf(value, Count), CorrectionValues.Check(typed, Count).Value!.Status);
    }
}
