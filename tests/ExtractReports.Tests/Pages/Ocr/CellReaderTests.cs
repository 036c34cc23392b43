using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

public class CellReaderTests
{
    private const int Dpi = 300;
    private readonly CellReader _reader = new(new OcrOptions());

    private static BinaryImage InkAt(int width, int height, Box box)
    {
        var ink = new byte[width * height];
        for (int y = (int)box.Y0; y < box.Y1; y++) for (int x = (int)box.X0; x < box.X1; x++) ink[y * width + x] = 1;
        return new BinaryImage(width, height, ink);
    }

    [Fact]
    public void Blank_cell_is_not_read()
    {
        var engine = new FakeOcrEngine((_, _) => throw new InvalidOperationException("a blank cell must not be read"));
        var cell = _reader.Read(engine, new BinaryImage(400, 200, new byte[400 * 200]), new Box(0, 0, 400, 200), Dpi);
        Assert.True(cell.IsBlank);
        Assert.Empty(engine.Calls);
    }

    [Fact]
    public void Numeric_cell_is_read_again_with_the_digit_reader()
    {
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number
            ? FakeOcrEngine.Words(("195", 0.91))
            : FakeOcrEngine.Words(("193", 0.40)));
        var cell = _reader.Read(engine, InkAt(400, 200, new Box(150, 70, 250, 120)), new Box(0, 0, 400, 200), Dpi);

        Assert.Equal("195", cell.Text);
        Assert.Equal(0.91, cell.Confidence, 3);
        Assert.Equal([OcrMode.Block, OcrMode.Number], engine.Calls.Select(c => c.Mode));
        // The crop is tightened to the ink with a margin, inside the cell.
        var region = engine.Calls[0].Region!.Value;
        Assert.InRange(region.X0, 130, 150);
        Assert.InRange(region.X1, 250, 270);
    }

    [Fact]
    public void Label_cell_keeps_its_chinese_text()
    {
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number
            ? throw new InvalidOperationException("a sure label must not be read as a number")
            : new OcrReading([[new OcrWord("（一）", default, 0.9, 0.9), new OcrWord("予以", default, 0.95, 0.9)], [new OcrWord("公开", default, 0.97, 0.9)]], 0.94));
        var cell = _reader.Read(engine, InkAt(400, 200, new Box(20, 20, 380, 180)), new Box(0, 0, 400, 200), Dpi);
        Assert.Equal("（一）予以公开", cell.Text);
        Assert.Equal(0.9, cell.Confidence, 3);
    }

    [Fact]
    public void Doubtful_short_text_gives_way_to_a_surer_number()
    {
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number
            ? FakeOcrEngine.Words(("21", 0.85))
            : FakeOcrEngine.Words(("2则", 0.10)));
        var cell = _reader.Read(engine, InkAt(400, 200, new Box(150, 70, 250, 120)), new Box(0, 0, 400, 200), Dpi);
        Assert.Equal("21", cell.Text);
    }

    [Fact]
    public void In_a_numeric_column_sure_digits_skip_the_text_read()
    {
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number
            ? FakeOcrEngine.Words(("38", 0.95))
            : throw new InvalidOperationException("sure digits need no text read"));
        var cell = _reader.Read(engine, InkAt(400, 200, new Box(150, 70, 250, 120)), new Box(0, 0, 400, 200), Dpi, likelyNumber: true);
        Assert.Equal("38", cell.Text);
        Assert.Equal([OcrMode.Number], engine.Calls.Select(c => c.Mode));
    }

    [Fact]
    public void In_a_numeric_column_a_placeholder_still_reads_as_text()
    {
        // "无" forced through the digit whitelist comes out as an unsure digit; the text read wins.
        var engine = new FakeOcrEngine((_, mode) => mode == OcrMode.Number
            ? FakeOcrEngine.Words(("7", 0.30))
            : FakeOcrEngine.Words(("无", 0.93)));
        var cell = _reader.Read(engine, InkAt(400, 200, new Box(150, 70, 250, 120)), new Box(0, 0, 400, 200), Dpi, likelyNumber: true);
        Assert.Equal("无", cell.Text);
        Assert.Equal([OcrMode.Number, OcrMode.Block], engine.Calls.Select(c => c.Mode));
    }

    [Theory]
    [InlineData("1,234.", "1,234")]
    [InlineData("-3", "-3")]
    [InlineData("12-", "12")]
    [InlineData(".", null)]
    [InlineData("-", null)]
    public void Number_reads_lose_stray_separators(string read, string? expected) =>
        Assert.Equal(expected, OcrText.CleanNumber(read));
}
