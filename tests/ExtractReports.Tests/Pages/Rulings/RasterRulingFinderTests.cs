using ExtractReports.Pages.Rulings;

namespace ExtractReports.Tests.Pages.Rulings;

public sealed class RasterRulingFinderTests
{
    private static GrayImage Blank(int w, int h) => new(w, h, Enumerable.Repeat((byte)255, w * h).ToArray());

    private static void Fill(GrayImage img, int x0, int y0, int x1, int y1, byte value = 0)
    {
        for (int y = y0; y <= y1; y++)
            for (int x = x0; x <= x1; x++) img.Pixels[y * img.Width + x] = value;
    }

    [Fact]
    public void Finds_thin_lines_and_ignores_blocks_text_and_pale_shading()
    {
        var img = Blank(100, 80);
        Fill(img, 5, 10, 94, 10);            // horizontal ruling, 1 px
        Fill(img, 50, 5, 51, 70);            // vertical ruling, 2 px
        Fill(img, 60, 40, 90, 60);           // a filled dark block: not a line
        Fill(img, 10, 30, 14, 30);           // a short stroke (text)
        Fill(img, 10, 70, 45, 72, 220);      // pale shading
        Fill(img, 5, 20, 30, 20); img.Pixels[20 * 100 + 18] = 255; // a line with a 1 px gap is still one line
        var rulings = RasterRulingFinder.Find(img, 2.0, new RasterRulingOptions());
        Assert.Equal(3, rulings.Count);
        var h = rulings.Where(r => r.IsHorizontal).OrderBy(r => r.Box.Y0).ToList();
        Assert.Equal((10.0, 20.0, 190.0, 22.0), (h[0].Box.X0, h[0].Box.Y0, h[0].Box.X1, h[0].Box.Y1));
        Assert.Equal((10.0, 62.0), (h[1].Box.X0, h[1].Box.X1));
        var v = Assert.Single(rulings, r => !r.IsHorizontal);
        Assert.Equal((100.0, 10.0, 104.0, 142.0), (v.Box.X0, v.Box.Y0, v.Box.X1, v.Box.Y1));
    }
}
