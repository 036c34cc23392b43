using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

/// <summary>
/// A minus sign the ink shows and the digit read lost (-1 read 1) or took for a digit as well (-1 read -41): the sign is
/// the ink's, the digits those of the glyphs, and the number stays doubtful.
/// </summary>
public class SignedNumberTests
{
    private const int Dpi = 300;
    private readonly CellReader _reader = new(new OcrOptions { DigitHeightTolerance = 10 });

    /// <summary>A 400 x 200 cell: a minus sign (30 x 8 px in the digits' middle band) at x 100-130, then a 50 px high
    /// digit at x 150-165.</summary>
    private static BinaryImage MinusOne()
    {
        var ink = new byte[400 * 200];
        for (int y = 90; y < 98; y++) for (int x = 100; x < 130; x++) ink[y * 400 + x] = 1;
        for (int y = 70; y < 120; y++) for (int x = 150; x < 165; x++) ink[y * 400 + x] = 1;
        return new BinaryImage(400, 200, ink);
    }

    /// <summary>Digit reads: <paramref name="withSign"/> for a region that holds the sign, <paramref name="digitsAlone"/> for
    /// one right of it; text reads <paramref name="text"/>.</summary>
    private static FakeOcrEngine Engine(string withSign, string digitsAlone, string text = "-1") =>
        new((region, mode) => mode != OcrMode.Number ? FakeOcrEngine.Words((text, 0.7))
            : FakeOcrEngine.Words((region is { X0: > 130 } ? digitsAlone : withSign, 0.95)));

    [Fact]
    public void A_sign_the_read_lost_is_the_inks()
    {
        var cell = _reader.Read(Engine("1", "1"), MinusOne(), new Box(0, 0, 400, 200), Dpi, likelyNumber: true);
        Assert.Equal("-1", cell.Text);
        Assert.False(cell.Glyphs!.ReadsAgree);
        Assert.True(cell.Confidence <= new OcrOptions().DoubtfulNumberConfidence);
    }

    [Fact]
    public void A_sign_read_as_a_digit_too_gives_way_to_the_digits_read_alone()
    {
        var cell = _reader.Read(Engine("-41", "1"), MinusOne(), new Box(0, 0, 400, 200), Dpi, likelyNumber: true);
        Assert.Equal("-1", cell.Text);
        Assert.False(cell.Glyphs!.ReadsAgree);
    }

    [Fact]
    public void Digits_that_do_not_read_one_a_glyph_alone_either_stay_as_read_and_doubtful()
    {
        var cell = _reader.Read(Engine("-41", "41"), MinusOne(), new Box(0, 0, 400, 200), Dpi, likelyNumber: true);
        Assert.Equal("-41", cell.Text);
        Assert.False(cell.Glyphs!.ReadsAgree);
    }

    [Fact]
    public void A_signed_digit_the_text_model_read_as_a_character_is_the_number()
    {
        // The text model's -工 for a blurred -1: the glyph is as narrow as a digit once the sign is left out.
        var cell = _reader.Read(Engine("-1", "1", text: "-工"), MinusOne(), new Box(0, 0, 400, 200), Dpi, likelyNumber: true);
        Assert.Equal("-1", cell.Text);
    }
}
