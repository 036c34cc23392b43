namespace ExtractReports.Pages.Ocr;

/// <summary>
/// Reads the labels of a borderless table line by line, as a ruled table's label cells are read alone, instead of
/// taking them from whole-page OCR. Whole-page OCR finds the lines of tightly spaced rows badly: it boxed the quote
/// marks of 3.危及“三安全一稳定” over two lines and mixed the words of two labels into one line between their rows,
/// read 3.46危及第三三安全一稳定权益9, so neither row got its label and the table reader lost one of them.
/// </summary>
public sealed class BorderlessLabelReader(OcrOptions options)
{
    /// <summary>
    /// The label lines of a borderless table whose number cells are <paramref name="cells"/>. The label area is the ink
    /// left of the table's first number column; it is cut into lines where white rows part them, and a line is taken
    /// when it lies on a row's band or between two rows (a wrapped label). Lines above the first row or below the last
    /// (headers) are left to whole-page OCR, and so is a run of ink still taller than a line once cut into columns.
    /// </summary>
    public IReadOnlyList<Box> Find(BinaryImage text, IReadOnlyList<Box> cells, int dpi)
    {
        int right = Math.Min(text.Width, (int)cells.Min(c => c.X0));
        if (right <= 0) return [];
        // Row bands: cells that overlap vertically are one row.
        var bands = new List<(double Y0, double Y1)>();
        foreach (var c in cells.OrderBy(c => c.Y0))
            if (bands.Count > 0 && c.Y0 < bands[^1].Y1 - c.Height / 2) bands[^1] = (bands[^1].Y0, Math.Max(bands[^1].Y1, c.Y1));
            else bands.Add((c.Y0, c.Y1));
        double bandHeight = bands.Max(b => b.Y1 - b.Y0);
        int top = Math.Max(0, (int)(bands[0].Y0 - 2 * bandHeight)), bottom = Math.Min(text.Height, (int)(bands[^1].Y1 + 2 * bandHeight));

        // Runs of rows holding ink, parted by white rows (a gap narrower than a stroke's break inside 三 does not part them).
        int merge = Math.Max(1, options.Px(LabelLineMergeInches, dpi));
        var runs = Runs(text, 0, right, top, bottom, merge);
        var taken = runs.Where(r =>
        {
            double height = r.Y1 - r.Y0, middle = (r.Y0 + r.Y1) / 2.0;
            bool onRow = bands.Any(b => Math.Min(b.Y1, r.Y1) - Math.Max(b.Y0, r.Y0) >= height / 3);
            return onRow || middle > bands[0].Y1 && middle < bands[^1].Y0;
        }).ToList();
        if (taken.Count == 0) return [];
        double line = taken.Select(r => r.Y1 - r.Y0).Order().ElementAt(taken.Count / 2) * LabelLineMaxHeights;
        int minInk = options.Px(Math.Sqrt(options.MinCellInkSquareInches), dpi);
        int wide = options.Px(LabelColumnGapInches, dpi), narrow = options.Px(LabelColumnNarrowGapInches, dpi);
        var lines = new List<Box>();
        void Add(int x0, int x1, int y0, int y1)
        {
            if (CellReader.InkBounds(text, x0, y0, x1, y1, minInk) is { } ink)
                lines.Add(new Box(Math.Max(0, ink.X0 - 1), Math.Max(0, y0 - 1), Math.Min(right, ink.X1 + 1), Math.Min(text.Height, y1 + 1)));
        }
        foreach (var (y0, y1) in taken)
        {
            if (y1 - y0 <= line)
            {
                // One line: its label columns (far apart) are read apart, as whole-page OCR reads them as cells.
                foreach (var (x0, x1) in Segments(text, right, y0, y1, wide)) Add(x0, x1, y0, y1);
                continue;
            }
            // Several lines joined by a label column whose lines sit between the others' ((五)不予处理 beside its rows):
            // cut into columns at narrower gaps, then each column into lines; what still runs together is left alone.
            foreach (var (x0, x1) in Segments(text, right, y0, y1, narrow))
                foreach (var (s0, s1) in Runs(text, x0, x1, y0, y1, merge))
                    if (s1 - s0 <= line) Add(x0, x1, s0, s1);
        }
        return lines;
    }

    /// <summary>Runs of rows holding ink between x0 and x1, parted by more than <paramref name="merge"/> white rows.</summary>
    private static List<(int Y0, int Y1)> Runs(BinaryImage text, int x0, int x1, int top, int bottom, int merge)
    {
        var runs = new List<(int Y0, int Y1)>();
        for (int y = top; y < bottom; y++)
        {
            if (text.Ink.AsSpan(y * text.Width + x0, x1 - x0).IndexOfAnyExcept((byte)0) < 0) continue;
            if (runs.Count > 0 && y - runs[^1].Y1 <= merge) runs[^1] = (runs[^1].Y0, y + 1);
            else runs.Add((y, y + 1));
        }
        return runs;
    }

    /// <summary>Spans of columns holding ink between rows y0 and y1 left of <paramref name="right"/>, parted by at least
    /// <paramref name="gap"/> white columns.</summary>
    private static List<(int X0, int X1)> Segments(BinaryImage text, int right, int y0, int y1, int gap)
    {
        var segments = new List<(int X0, int X1)>();
        for (int x = 0; x < right; x++)
        {
            bool ink = false;
            for (int y = y0; y < y1 && !ink; y++) ink = text.Ink[y * text.Width + x] != 0;
            if (!ink) continue;
            if (segments.Count > 0 && x - segments[^1].X1 < gap) segments[^1] = (segments[^1].X0, x + 1);
            else segments.Add((x, x + 1));
        }
        return segments;
    }

    /// <summary>
    /// Reads label lines one by one as blocks of text (PSM 6), each from a sheet where it stands in white: Tesseract
    /// misreads a line cropped tight between its neighbours ((七)总计 as nothing like it), and with room around it
    /// reads it as the page shows. The words come back placed on the page. Leaves the sheet set in the engine.
    /// </summary>
    public List<(Box Region, List<OcrWord> Words)> Read(IOcrEngine engine, GrayImage page, List<Box> lines, int dpi)
    {
        var result = new List<(Box, List<OcrWord>)>();
        if (lines.Count == 0) return result;
        int margin = options.Px(LabelSheetMarginInches, dpi);
        int width = lines.Max(l => (int)l.Width) + 2 * margin, height = lines.Sum(l => (int)l.Height + margin) + margin;
        var pixels = new byte[width * height];
        Array.Fill(pixels, (byte)255);
        var placed = new List<(Box Line, int Top)>();
        int top = margin;
        foreach (var l in lines)
        {
            int x0 = (int)l.X0, y0 = (int)l.Y0, w = (int)l.Width, h = (int)l.Height;
            for (int y = 0; y < h; y++)
                page.Pixels.AsSpan((y0 + y) * page.Width + x0, w).CopyTo(pixels.AsSpan((top + y) * width + margin, w));
            placed.Add((l, top));
            top += h + margin;
        }
        engine.SetImage(new GrayImage(width, height, pixels, dpi));
        foreach (var (l, at) in placed)
        {
            var region = new Box(margin / 2, at - margin / 2, margin + l.Width + margin / 2, at + l.Height + margin / 2);
            double dx = l.X0 - margin, dy = l.Y0 - at;
            var words = engine.Read(region, OcrMode.Block).Words.Where(w => w.Text.Length > 0 && w.Box.Height > 0)
                .Select(w => w with { Box = new Box(w.Box.X0 + dx, w.Box.Y0 + dy, w.Box.X1 + dx, w.Box.Y1 + dy) }).ToList();
            if (words.Count > 0) result.Add((l, words));
        }
        return result;
    }

    /// <summary>White rows (inches) inside one label line: the gaps between the strokes of a character such as 三.</summary>
    private const double LabelLineMergeInches = 0.015;

    /// <summary>A run of label ink taller than this many label lines (the median run) is several lines, of label columns
    /// whose lines are offset; it is left to whole-page OCR.</summary>
    private const double LabelLineMaxHeights = 1.5;

    /// <summary>White (inches) between two label columns on one line, read apart; and the narrower white that parts the
    /// columns of a run of several lines.</summary>
    private const double LabelColumnGapInches = 0.15;
    private const double LabelColumnNarrowGapInches = 0.05;

    /// <summary>White around each label line on the sheet it is read from, inches.</summary>
    private const double LabelSheetMarginInches = 0.12;
}
