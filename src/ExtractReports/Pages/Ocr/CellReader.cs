using ExtractReports.Lines;

namespace ExtractReports.Pages.Ocr;

/// <summary>
/// Reads one table cell on its own, which whole-page OCR cannot match (100% of numbers against 85% on a
/// clean page): the crop is cut inside the ruling lines and tightened to its ink; a blank cell is
/// not read; a cell that reads as a number is read again as one line with the digit whitelist.
/// </summary>
public sealed class CellReader(OcrOptions options)
{
    /// <summary>Reads the cell whose box lies between ruling lines. <paramref name="text"/> is the page's
    /// ink with the ruling lines taken out. <paramref name="likelyNumber"/> (the cell's column has held
    /// numbers so far) reads digits first and keeps them when every character is sure, saving the text read.</summary>
    public Cell Read(IOcrEngine engine, BinaryImage text, Box cellBox, int dpi, bool likelyNumber = false)
    {
        int inset = options.Px(options.CellInsetInches, dpi);
        int x0 = (int)cellBox.X0 + inset, y0 = (int)cellBox.Y0 + inset;
        int x1 = (int)cellBox.X1 - inset, y1 = (int)cellBox.Y1 - inset;
        if (x1 - x0 < 2 || y1 - y0 < 2) return new Cell("", cellBox, 1.0);
        if (InkBounds(text, x0, y0, x1, y1, options.Px(Math.Sqrt(options.MinCellInkSquareInches), dpi)) is not { } ink)
            return new Cell("", cellBox, 1.0);

        // Tesseract reads best with a margin of white around the text, but no ruling remnants.
        int pad = options.Px(0.04, dpi);
        var region = new Box(Math.Max(x0, ink.X0 - pad), Math.Max(y0, ink.Y0 - pad), Math.Min(x1, ink.X1 + pad), Math.Min(y1, ink.Y1 + pad));

        (string Text, double Confidence)? number = null;
        if (likelyNumber)
        {
            number = ReadNumber(engine, region, out double leastSymbol);
            if (number is { } sure && leastSymbol >= options.SureDigitConfidence) return new Cell(sure.Text, cellBox, sure.Confidence);
        }

        var general = engine.Read(region, OcrMode.Block);
        var words = general.Words.Where(w => w.Text.Length > 0).ToList();
        var joined = OcrText.Join(general.Lines.Select(l => OcrText.Join(l.Select(w => w.Text))));
        double confidence = words.Count == 0 ? 0 : words.Min(w => w.Confidence);
        bool numeric = OcrText.LooksNumeric(joined, options.MaxNumberLength);
        // A short doubtful read may be a number the text model garbled (a digit next to a speck): try digits too.
        if (numeric || joined.Length <= options.MaxDoubtfulLength && confidence < options.DoubtfulConfidence)
        {
            number ??= ReadNumber(engine, region, out _);
            if (number is { } n && (numeric || n.Confidence > confidence)) return new Cell(n.Text, cellBox, n.Confidence);
        }
        if (words.Count == 0) return new Cell("", cellBox, 0.5); // ink that reads as nothing: a speck, or a faint mark
        return new Cell(joined, cellBox, confidence);
    }

    private static (string Text, double Confidence)? ReadNumber(IOcrEngine engine, Box region, out double leastSymbol)
    {
        var words = engine.Read(region, OcrMode.Number).Words.Where(w => w.Text.Length > 0).ToList();
        leastSymbol = words.Count == 0 ? 0 : words.Min(w => w.MinSymbolConfidence);
        if (words.Count == 0 || OcrText.CleanNumber(string.Concat(words.Select(w => w.Text))) is not { } clean) return null;
        return (clean, words.Min(w => w.Confidence));
    }

    /// <summary>The box of the ink inside a rectangle, when there is at least a square of side
    /// <paramref name="minSide"/> worth of it; null for a blank cell.</summary>
    internal static Box? InkBounds(BinaryImage text, int x0, int y0, int x1, int y1, int minSide)
    {
        x0 = Math.Max(0, x0); y0 = Math.Max(0, y0); x1 = Math.Min(text.Width, x1); y1 = Math.Min(text.Height, y1);
        int count = 0, minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
        for (int y = y0; y < y1; y++)
        {
            int row = y * text.Width;
            for (int x = x0; x < x1; x++)
            {
                if (text.Ink[row + x] == 0) continue;
                count++;
                if (x < minX) minX = x;
                if (x > maxX) maxX = x;
                if (y < minY) minY = y;
                if (y > maxY) maxY = y;
            }
        }
        return count < minSide * minSide ? null : new Box(minX, minY, maxX + 1, maxY + 1);
    }
}
