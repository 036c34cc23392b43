using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

/// <summary>
/// The labels of a borderless table are cut into lines from the page's ink and read one by one: whole-page OCR put the
/// label of tightly spaced rows (3.危及“三安全一稳定”, its quotes boxed over two lines) between two rows, mixed with
/// the next label, so its row of numbers had no label and the table reader lost it.
/// </summary>
public class BorderlessLabelReaderTests
{
    private const int Dpi = 300;
    private readonly BorderlessLabelReader _reader = new(new OcrOptions());

    private static void Fill(byte[] ink, int width, int x0, int y0, int x1, int y1)
    {
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) ink[y * width + x] = 1;
    }

    /// <summary>
    /// Rows of numbers (the column at x 800) 40 px apart with 10 px of white between their labels (0.03 in); a
    /// label's quote marks at the top of its line; a group label ((五)不 / 予处理) in a column of its own, its two lines
    /// between the rows' lines, so that the label area's ink runs down several rows without a white row.
    /// </summary>
    private static (BinaryImage Text, List<Box> Cells) Page()
    {
        const int width = 1000, height = 400;
        var ink = new byte[width * height];
        Fill(ink, width, 100, 20, 700, 50);                  // a header above the table
        Fill(ink, width, 100, 104, 600, 130);                // 3.危及 三安全一稳定
        Fill(ink, width, 300, 100, 306, 108);                // its quote marks, at the top of the line
        Fill(ink, width, 590, 100, 596, 108);
        Fill(ink, width, 100, 140, 600, 170);                // 4.保护第三方合法权益
        Fill(ink, width, 280, 180, 600, 210);                // 1.信访举报投诉类申请
        Fill(ink, width, 280, 220, 600, 250);                // 2.重复申请
        Fill(ink, width, 280, 260, 600, 290);                // 3.要求提供公开出版物
        Fill(ink, width, 100, 200, 250, 230);                // (五)不
        Fill(ink, width, 100, 240, 250, 270);                // 予处理
        var cells = new[] { 100, 140, 180, 220, 260 }.Select(y => new Box(780, y - 4, 820, y + 34)).ToList();
        return (new BinaryImage(width, height, ink), cells);
    }

    [Fact]
    public void Label_area_is_cut_into_one_box_per_printed_line_even_where_a_group_label_joins_the_rows()
    {
        var (text, cells) = Page();

        var lines = _reader.Find(text, cells, Dpi).OrderBy(b => b.X0).ThenBy(b => b.Y0).ToList();

        var expected = new[]
        {
            (100, 100, 600, 130), (100, 140, 600, 170), (100, 200, 250, 230), (100, 240, 250, 270),
            (280, 180, 600, 210), (280, 220, 600, 250), (280, 260, 600, 290),
        };
        Assert.Equal(expected.Length, lines.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            var (x0, y0, x1, y1) = expected[i];
            // Each box holds its line's ink and none of its neighbours' (a pixel of white around it).
            Assert.InRange(lines[i].X0, x0 - 1, x0);
            Assert.InRange(lines[i].Y0, y0 - 1, y0);
            Assert.InRange(lines[i].X1, x1, x1 + 1);
            Assert.InRange(lines[i].Y1, y1, y1 + 1);
        }
        // The header above the first row is no row's label: whole-page OCR keeps it.
        Assert.DoesNotContain(lines, l => l.Y0 < 60);
    }

    [Fact]
    public void A_table_cut_to_one_row_still_gets_the_label_on_that_row()
    {
        // The grid finder starts a new table where text crosses the columns between rows, so a table can be one row.
        var (text, cells) = Page();
        var lines = _reader.Find(text, [cells[1]], Dpi);
        Assert.Equal(new Box(99, 139, 601, 171), Assert.Single(lines));
    }

    [Fact]
    public void Each_line_is_read_alone_with_white_around_it_and_its_words_come_back_on_the_page()
    {
        var (_, cells) = Page();
        var gray = new byte[1000 * 400];
        Array.Fill(gray, (byte)255);
        for (int y = 100; y < 130; y++) for (int x = 100; x < 600; x++) gray[y * 1000 + x] = 0;
        for (int y = 140; y < 170; y++) for (int x = 100; x < 600; x++) gray[y * 1000 + x] = 0;
        var page = new GrayImage(1000, 400, gray, Dpi);
        var lines = new List<Box> { new(99, 99, 601, 131), new(99, 139, 601, 171) };
        var engine = new SheetEngine();

        var read = _reader.Read(engine, page, lines, Dpi);

        Assert.Equal(2, read.Count);
        Assert.All(engine.Regions, r => Assert.Equal(OcrMode.Block, r.Mode));
        foreach (var (region, _) in engine.Regions)
        {
            // On the sheet the line stands in white: the region's border rows hold no ink, and only one line's ink is in it.
            var sheet = engine.Image!;
            int dark = 0, borderDark = 0;
            for (int y = (int)region.Y0; y < (int)region.Y1; y++)
                for (int x = (int)region.X0; x < (int)region.X1; x++)
                {
                    if (sheet[x, y] >= 128) continue;
                    dark++;
                    if (y < region.Y0 + 5 || y >= region.Y1 - 5) borderDark++;
                }
            Assert.Equal(0, borderDark);
            Assert.Equal(500 * 30, dark);
        }
        // The engine's word (the region's ink) comes back where the line is on the page.
        Assert.Equal("label", read[0].Words.Single().Text);
        Assert.Equal(new Box(100, 100, 600, 130), read[0].Words.Single().Box);
        Assert.Equal(new Box(100, 140, 600, 170), read[1].Words.Single().Box);
        Assert.Equal(lines, read.Select(r => r.Region));
    }

    /// <summary>Reads a region as one word boxed around the region's dark pixels, keeping the image it was given.</summary>
    private sealed class SheetEngine : IOcrEngine
    {
        public GrayImage? Image { get; private set; }
        public List<(Box Region, OcrMode Mode)> Regions { get; } = [];
        public void SetImage(GrayImage image, GrayImage? numbers = null) => Image = image;

        public OcrReading Read(Box? region, OcrMode mode)
        {
            var r = region!.Value;
            Regions.Add((r, mode));
            int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
            for (int y = (int)r.Y0; y < (int)r.Y1; y++)
                for (int x = (int)r.X0; x < (int)r.X1; x++)
                    if (Image![x, y] < 128) { x0 = Math.Min(x0, x); y0 = Math.Min(y0, y); x1 = Math.Max(x1, x + 1); y1 = Math.Max(y1, y + 1); }
            return x1 < 0 ? OcrReading.Empty : new([[new OcrWord("label", new Box(x0, y0, x1, y1), 0.95, 0.9)]], 0.95);
        }

        public OcrReading ReadEnlarged(Box region, OcrMode mode, double factor) => Read(region, mode);

        public void Dispose() { }
    }
}
