namespace ExtractReports.Pages.Ocr;

/// <summary>
/// Checks a digit read against the shape of its glyph's ink. Tesseract's digit reader takes a 1 with a flag and a
/// foot serif (WenQuanYi, many CJK fonts' Latin digits) for a sure 4 at every scale tried; the ink tells them apart:
/// a 1 is one vertical stem through its middle rows, while a 4's middle rows hold its diagonal beside its stem or
/// its crossbar, and a 4's widest row (the crossbar) has the stem below it.
/// </summary>
public static class DigitShapes
{
    /// <summary>
    /// Whether the glyph's ink is a 1: in every row of its middle band (<see cref="OcrOptions.StemBandTop"/> to
    /// <see cref="OcrOptions.StemBandBottom"/> of its height) one run of ink no wider than
    /// <see cref="OcrOptions.StemWidthShare"/> of the glyph, those runs' middles within that share of each other
    /// (a straight stem), and no row wider than the stem band except the top (the flag) and the bottom (the foot).
    /// </summary>
    public static bool IsOne(BinaryImage text, Box glyph, OcrOptions options)
    {
        int x0 = (int)glyph.X0, x1 = (int)glyph.X1, y0 = (int)glyph.Y0, y1 = (int)glyph.Y1;
        int width = x1 - x0, height = y1 - y0;
        if (width < 3 || height < 8) return false;
        int bandTop = y0 + (int)Math.Floor(options.StemBandTop * height), bandBottom = y0 + (int)Math.Ceiling(options.StemBandBottom * height);
        double maxStem = options.StemWidthShare * width;
        double minMid = double.MaxValue, maxMid = double.MinValue;
        for (int y = bandTop; y < bandBottom; y++)
        {
            int runs = 0, left = -1, right = -1;
            bool inRun = false;
            for (int x = x0; x < x1; x++)
            {
                bool ink = text.Ink[y * text.Width + x] != 0;
                if (ink && !inRun) { runs++; if (left < 0) left = x; }
                if (ink) right = x;
                inRun = ink;
            }
            // A broken stroke of a bilevel scan leaves a row blank: no evidence either way.
            if (runs == 0) continue;
            if (runs > 1 || right - left + 1 > maxStem) return false;
            double mid = (left + right) / 2.0;
            minMid = Math.Min(minMid, mid); maxMid = Math.Max(maxMid, mid);
        }
        return minMid <= maxMid && maxMid - minMid <= maxStem;
    }

    /// <summary>
    /// The number with each 4 whose glyph is a 1 (<see cref="IsOne"/>) read as 1, when its digits and the glyphs
    /// pair up one to one (left to right); null when nothing changes.
    /// </summary>
    public static string? CorrectOnes(string number, BinaryImage text, IReadOnlyList<Box> glyphs, OcrOptions options)
    {
        if (!number.Contains('4')) return null;
        var digits = number.Select((c, i) => (c, i)).Where(d => char.IsAsciiDigit(d.c)).ToList();
        if (digits.Count != glyphs.Count) return null;
        var chars = number.ToCharArray();
        bool changed = false;
        for (int k = 0; k < digits.Count; k++)
            if (digits[k].c == '4' && IsOne(text, glyphs[k], options)) { chars[digits[k].i] = '1'; changed = true; }
        return changed ? new string(chars) : null;
    }
}
