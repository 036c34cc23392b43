using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

/// <summary>What the cell reader records of how it read a cell's glyphs, for the confidence model.</summary>
public class CellGlyphEvidenceTests
{
    private const int Dpi = 300;
    private readonly CellReader _reader = new(new OcrOptions { DigitHeightTolerance = 10 });

    /// <summary>A 400 x 200 cell with a 50 px high block of ink at each x range: one glyph each. A block encloses no counter,
    /// so the numbers read on them are of digits that have none (see DigitShapes.CountersRefute).</summary>
    private static BinaryImage Glyphs(params (int X0, int X1)[] glyphs)
    {
        var ink = new byte[400 * 200];
        foreach (var (x0, x1) in glyphs)
            for (int y = 70; y < 120; y++) for (int x = x0; x < x1; x++) ink[y * 400 + x] = 1;
        return new BinaryImage(400, 200, ink);
    }

    [Fact]
    public void A_sure_number_read_once_records_one_agreeing_read_accounting_for_its_glyphs()
    {
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number ? FakeOcrEngine.Words(("35", 0.95)) : FakeOcrEngine.Words(("35", 0.9)));
        var cell = _reader.Read(engine, Glyphs((150, 180), (190, 220)), new Box(0, 0, 400, 200), Dpi, likelyNumber: true);
        Assert.Equal("35", cell.Text);
        var g = Assert.IsType<ExtractReports.Lines.GlyphEvidence>(cell.Glyphs);
        Assert.Equal(0.95, g.LeastGlyphConfidence, 3);
        Assert.Equal(1, g.Reads);
        Assert.True(g.ReadsAgree);
        Assert.Equal(2, g.InkGlyphs);
        Assert.Equal(2, g.DigitsRead);
        Assert.False(g.InkUnread);
        Assert.False(g.LowResolution);
    }

    [Fact]
    public void Reads_that_disagree_are_recorded_as_such()
    {
        // "14" read as 4 first, then 14 enlarged twice: the value is outvoted, and the record says so.
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number ? FakeOcrEngine.Words(("4", 0.95)) : FakeOcrEngine.Words(("4", 0.6)))
        { EnlargedAnswer = _ => FakeOcrEngine.Words(("14", 0.93)) };
        var cell = _reader.Read(engine, Glyphs((150, 170), (185, 225)), new Box(0, 0, 400, 200), Dpi, likelyNumber: true);
        Assert.Equal("14", cell.Text);
        Assert.Equal(3, cell.Glyphs!.Reads);
        Assert.False(cell.Glyphs.ReadsAgree);
    }

    [Fact]
    public void Glyphs_the_digits_do_not_account_for_are_counted()
    {
        // Every read of both glyphs gives one digit; each glyph read alone gives nothing.
        var engine = new FakeOcrEngine((region, mode) => region is { } r && (r.X0 > 170 || r.X1 < 180) ? OcrReading.Empty
            : mode == OcrMode.Number ? FakeOcrEngine.Words(("1", 0.95)) : FakeOcrEngine.Words(("1", 0.9)));
        var cell = _reader.Read(engine, Glyphs((150, 165), (185, 200)), new Box(0, 0, 400, 200), Dpi, likelyNumber: true);
        Assert.Equal(2, cell.Glyphs!.InkGlyphs);
        Assert.Equal(1, cell.Glyphs.DigitsRead);
    }

    [Fact]
    public void Ink_that_reads_as_nothing_is_marked_and_a_cell_without_ink_is_not()
    {
        var engine = new FakeOcrEngine((_, _) => OcrReading.Empty);
        var unread = _reader.Read(engine, Glyphs((150, 180)), new Box(0, 0, 400, 200), Dpi, verifyNumbers: true);
        Assert.True(unread.IsBlank);
        Assert.True(unread.Glyphs!.InkUnread);
        Assert.True(unread.Glyphs.LowResolution);

        var blank = _reader.Read(engine, Glyphs(), new Box(0, 0, 400, 200), Dpi);
        Assert.False(blank.Glyphs!.InkUnread);
        Assert.Equal(0, blank.Glyphs.Reads);
    }
}
