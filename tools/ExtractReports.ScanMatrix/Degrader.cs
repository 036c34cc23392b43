namespace ExtractReports.ScanMatrix;

/// <summary>
/// Prints and scans a rendered page under a condition: uneven light, skew, optics blur, sensor noise,
/// then bilevel or JPEG; a second generation scans the first one's print again. Every random choice
/// comes from the Random it is given, so a (part seed, document, condition, page) is reproducible.
/// </summary>
public static class Degrader
{
    public static GrayPage Scan(GrayPage page, ScanCondition c, Random random)
    {
        page = Turn(page, c.Turn);
        for (int g = 1; g <= c.Generations; g++)
        {
            // The second pass is placed by hand on the glass again: a smaller, independent skew.
            double skew = (random.NextDouble() * 2 - 1) * c.Skew / g;
            page = Shade(page, c.Shade, random);
            page = Rotate(page, skew);
            page = Blur(page, c.Blur);
            page = AddNoise(page, c.Noise, random);
            if (c.Bilevel) page = Threshold(page, 128);
            // A generation before the last is printed from the file it was stored as.
            else if (g < c.Generations) page = Leptonica.JpegRoundTrip(page, c.JpegQuality);
        }
        return page;
    }

    /// <summary>Light falling off across the sheet from a random corner, by up to the share given.</summary>
    public static GrayPage Shade(GrayPage p, double share, Random random)
    {
        if (share <= 0) return p;
        bool flipX = random.Next(2) == 1, flipY = random.Next(2) == 1;
        var o = new byte[p.Pixels.Length];
        for (int y = 0; y < p.Height; y++)
        {
            double ty = (flipY ? p.Height - 1 - y : y) / (double)p.Height;
            for (int x = 0; x < p.Width; x++)
            {
                double tx = (flipX ? p.Width - 1 - x : x) / (double)p.Width;
                double light = 1 - share * (tx + ty) / 2;
                o[y * p.Width + x] = (byte)Math.Round(p.Pixels[y * p.Width + x] * light);
            }
        }
        return p with { Pixels = o };
    }

    /// <summary>The page turned clockwise by a multiple of 90 degrees (its width and height swap at 90 and 270).</summary>
    public static GrayPage Turn(GrayPage p, int degrees)
    {
        int quarters = ((degrees / 90) % 4 + 4) % 4;
        if (degrees % 90 != 0) throw new ArgumentException($"a turn is a multiple of 90 degrees, not {degrees}");
        if (quarters == 0) return p;
        int w = p.Width, h = p.Height;
        bool swap = quarters != 2;
        int ow = swap ? h : w, oh = swap ? w : h;
        var o = new byte[p.Pixels.Length];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                var (nx, ny) = quarters switch
                {
                    1 => (h - 1 - y, x),
                    2 => (w - 1 - x, h - 1 - y),
                    _ => (y, w - 1 - x),
                };
                o[ny * ow + nx] = p.Pixels[y * w + x];
            }
        return p with { Width = ow, Height = oh, Pixels = o };
    }

    /// <summary>Rotated about the centre by the angle (degrees, counter-clockwise), bilinear, on white paper, same size.</summary>
    public static GrayPage Rotate(GrayPage p, double degrees)
    {
        if (degrees == 0) return p;
        double a = degrees * Math.PI / 180, cos = Math.Cos(a), sin = Math.Sin(a);
        double cx = (p.Width - 1) / 2.0, cy = (p.Height - 1) / 2.0;
        var o = new byte[p.Pixels.Length];
        for (int y = 0; y < p.Height; y++)
            for (int x = 0; x < p.Width; x++)
            {
                // Inverse mapping: where in the source this output pixel comes from.
                double dx = x - cx, dy = y - cy;
                double sx = cos * dx - sin * dy + cx, sy = sin * dx + cos * dy + cy;
                o[y * p.Width + x] = Sample(p, sx, sy);
            }
        return p with { Pixels = o };
    }

    private static byte Sample(GrayPage p, double x, double y)
    {
        int x0 = (int)Math.Floor(x), y0 = (int)Math.Floor(y);
        double fx = x - x0, fy = y - y0;
        double v00 = At(p, x0, y0), v10 = At(p, x0 + 1, y0), v01 = At(p, x0, y0 + 1), v11 = At(p, x0 + 1, y0 + 1);
        double v = (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy;
        return (byte)Math.Clamp(Math.Round(v), 0, 255);
    }

    private static double At(GrayPage p, int x, int y) =>
        x < 0 || y < 0 || x >= p.Width || y >= p.Height ? 255 : p.Pixels[y * p.Width + x];

    /// <summary>Separable Gaussian blur with the sigma in pixels (none below 0.1).</summary>
    public static GrayPage Blur(GrayPage p, double sigma)
    {
        if (sigma < 0.1) return p;
        int r = (int)Math.Ceiling(3 * sigma);
        var k = new double[2 * r + 1];
        for (int i = -r; i <= r; i++) k[i + r] = Math.Exp(-i * i / (2 * sigma * sigma));
        double sum = k.Sum();
        for (int i = 0; i < k.Length; i++) k[i] /= sum;
        int w = p.Width, h = p.Height;
        var tmp = new double[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                double v = 0;
                for (int i = -r; i <= r; i++) v += k[i + r] * p.Pixels[y * w + Math.Clamp(x + i, 0, w - 1)];
                tmp[y * w + x] = v;
            }
        var o = new byte[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                double v = 0;
                for (int i = -r; i <= r; i++) v += k[i + r] * tmp[Math.Clamp(y + i, 0, h - 1) * w + x];
                o[y * w + x] = (byte)Math.Clamp(Math.Round(v), 0, 255);
            }
        return p with { Pixels = o };
    }

    /// <summary>Gaussian noise with the standard deviation in grey levels (Box-Muller from the Random).</summary>
    public static GrayPage AddNoise(GrayPage p, double sigma, Random random)
    {
        if (sigma <= 0) return p;
        var o = new byte[p.Pixels.Length];
        for (int i = 0; i < o.Length; i++)
        {
            double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
            double n = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            o[i] = (byte)Math.Clamp(Math.Round(p.Pixels[i] + sigma * n), 0, 255);
        }
        return p with { Pixels = o };
    }

    /// <summary>Black below the threshold, white otherwise (a fax's fixed threshold).</summary>
    public static GrayPage Threshold(GrayPage p, int threshold) =>
        p with { Pixels = p.Pixels.Select(v => v < threshold ? (byte)0 : (byte)255).ToArray() };
}
