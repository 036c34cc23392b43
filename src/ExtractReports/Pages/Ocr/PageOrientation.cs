namespace ExtractReports.Pages.Ocr;

/// <summary>
/// How a page lies: turned <paramref name="ClockwiseDegrees"/> (0, 90, 180 or 270) from upright, as the
/// orientation detector found it with <paramref name="Confidence"/> (Tesseract's OSD score: 2 to 20 on a
/// page of text, near 0 on a page with hardly any).
/// </summary>
public sealed record PageOrientation(int ClockwiseDegrees, double Confidence)
{
    public static readonly PageOrientation Upright = new(0, 0);

    /// <summary>The page turned clockwise by <paramref name="degrees"/> (a multiple of 90): turning a page
    /// found turned by d degrees by 360 - d stands it upright. Width and height swap at 90 and 270.</summary>
    public static GrayImage Turn(GrayImage page, int degrees)
    {
        if (degrees % 90 != 0) throw new ArgumentException($"a turn is a multiple of 90 degrees, not {degrees}");
        int quarters = ((degrees / 90) % 4 + 4) % 4;
        if (quarters == 0) return page;
        int w = page.Width, h = page.Height;
        int ow = quarters == 2 ? w : h, oh = quarters == 2 ? h : w;
        var source = page.Pixels;
        var o = new byte[source.Length];
        for (int y = 0; y < h; y++)
        {
            int row = y * w;
            switch (quarters)
            {
                case 1: for (int x = 0; x < w; x++) o[x * ow + (h - 1 - y)] = source[row + x]; break;
                case 2: for (int x = 0; x < w; x++) o[(h - 1 - y) * ow + (w - 1 - x)] = source[row + x]; break;
                default: for (int x = 0; x < w; x++) o[(w - 1 - x) * ow + y] = source[row + x]; break;
            }
        }
        return new GrayImage(ow, oh, o, page.Dpi);
    }
}
