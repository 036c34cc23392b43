using ExtractReports.Lines;
using ExtractReports.Pages;
using ExtractReports.Pages.Ocr;

namespace ExtractReports.Tests.Pages.Ocr;

/// <summary>
/// A label line among a borderless table's rows that joined no row of numbers is a row printed blank only when its band
/// across the number columns is empty on the page as scanned: faint digits the whitespace grid never found leave it unmarked.
/// </summary>
public class BorderlessBlankRowsTests
{
    private const int Dpi = 300, W = 1200, H = 600;

    /// <summary>The table's number cells: three rows (y 100, 200, 400) of two columns (x 700-760, 900-960); row 300 has none.</summary>
    private static readonly List<Box> Cells =
        [.. new[] { 100, 200, 400 }.SelectMany(y => new[] { new Box(700, y, 760, y + 40), new Box(900, y, 960, y + 40) })];
    private static readonly (Box Bounds, List<Box> Cells) Table = (Cells.Aggregate((a, b) => a.Union(b)), Cells);

    private static PlacedLine Label(string text, int y) =>
        new(new Line([new Cell(text, new Box(100, y, 500, y + 40), 0.95)], 1, Delimited: true), new Box(100, y, 500, y + 40));

    private static GrayImage Paper() => new(W, H, Enumerable.Repeat((byte)235, W * H).ToArray(), Dpi);

    /// <summary>A light-gray 0 outline (binarisation lost it: no text ink) at (cx, cy).</summary>
    private static GrayImage WithFaintZero(GrayImage page, int cx, int cy)
    {
        var pixels = (byte[])page.Pixels.Clone();
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
            {
                double d = Math.Sqrt((x - cx) * (x - cx) / 81.0 + (y - cy) * (y - cy) / 225.0);
                if (Math.Abs(d - 1) * 9 <= 1) pixels[y * W + x] = 160;
            }
        return new GrayImage(W, H, pixels, Dpi);
    }

    private static IReadOnlyList<PlacedLine> Mark(GrayImage page, params PlacedLine[] lines) =>
        new BorderlessBlankRows(new OcrOptions()).Mark(lines, [Table], new BinaryImage(W, H, new byte[W * H]), page, Dpi).ToList();

    [Fact]
    public void A_label_alone_whose_band_is_empty_on_the_page_is_marked()
    {
        var marked = Mark(Paper(), Label("2.重复申请", 300));
        Assert.True(marked.Single().Line.Cells.Single().RowSeenEmptyAfter);
    }

    [Fact]
    public void A_label_alone_with_faint_digits_in_its_band_is_not_marked()
    {
        var marked = Mark(WithFaintZero(Paper(), 730, 320), Label("2.重复申请", 300));
        Assert.False(marked.Single().Line.Cells.Single().RowSeenEmptyAfter);
    }

    [Fact]
    public void Rows_of_numbers_and_lines_far_from_the_table_are_left_alone()
    {
        var row = new PlacedLine(new Line([new Cell("1.信访举报投诉类申请", new Box(100, 100, 500, 140), 0.95), new Cell("0", Cells[0], 0.99)], 1, true),
            new Box(100, 100, 760, 140));
        var marked = Mark(Paper(), row, Label("五、存在的主要问题", 540));
        Assert.All(marked.SelectMany(l => l.Line.Cells), c => Assert.False(c.RowSeenEmptyAfter));
    }
}
