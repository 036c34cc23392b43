namespace ExtractReports.Pages.Ocr;

/// <summary>
/// An 8-bit grayscale page image, row-major, one byte a pixel (0 black, 255 white), with the
/// resolution it was scanned or rendered at. Managed, so the algorithms here stay engine-free.
/// </summary>
public sealed class GrayImage
{
    public GrayImage(int width, int height, byte[] pixels, int dpi)
    {
        if (width <= 0 || height <= 0) throw new ArgumentException("an image needs a positive size");
        if (pixels.Length != width * height) throw new ArgumentException("pixel buffer does not match the size");
        Width = width; Height = height; Pixels = pixels; Dpi = dpi;
    }

    public int Width { get; }
    public int Height { get; }
    public int Dpi { get; }
    public byte[] Pixels { get; }

    public byte this[int x, int y] => Pixels[y * Width + x];

    /// <summary>The same pixels with a resolution (for images whose file did not say).</summary>
    public GrayImage WithDpi(int dpi) => new(Width, Height, Pixels, dpi);

    /// <summary>A white image of the given size (tests draw on it).</summary>
    public static GrayImage White(int width, int height, int dpi)
    {
        var p = new byte[width * height];
        Array.Fill(p, (byte)255);
        return new GrayImage(width, height, p, dpi);
    }

    /// <summary>A copy with the given boxes painted white (used to hide tables from whole-page OCR).</summary>
    public GrayImage WithWhiteBoxes(IEnumerable<Box> boxes)
    {
        var p = (byte[])Pixels.Clone();
        foreach (var b in boxes)
        {
            int x0 = Math.Clamp((int)b.X0, 0, Width), x1 = Math.Clamp((int)Math.Ceiling(b.X1), 0, Width);
            int y0 = Math.Clamp((int)b.Y0, 0, Height), y1 = Math.Clamp((int)Math.Ceiling(b.Y1), 0, Height);
            for (int y = y0; y < y1; y++) p.AsSpan(y * Width + x0, x1 - x0).Fill(255);
        }
        return new GrayImage(Width, Height, p, Dpi);
    }
}

/// <summary>A binary image, one byte a pixel: 1 for ink, 0 for background.</summary>
public sealed class BinaryImage
{
    public BinaryImage(int width, int height, byte[] ink)
    {
        if (ink.Length != width * height) throw new ArgumentException("pixel buffer does not match the size");
        Width = width; Height = height; Ink = ink;
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Ink { get; }

    public bool this[int x, int y] => Ink[y * Width + x] != 0;

    /// <summary>Ink pixels inside a rectangle (clipped to the image).</summary>
    public int CountInk(int x0, int y0, int x1, int y1)
    {
        x0 = Math.Max(0, x0); y0 = Math.Max(0, y0); x1 = Math.Min(Width, x1); y1 = Math.Min(Height, y1);
        int n = 0;
        for (int y = y0; y < y1; y++)
        {
            var row = Ink.AsSpan(y * Width + x0, Math.Max(0, x1 - x0));
            foreach (var b in row) n += b;
        }
        return n;
    }
}
