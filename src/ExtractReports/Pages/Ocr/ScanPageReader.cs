using ExtractReports.Lines;

namespace ExtractReports.Pages.Ocr;

/// <summary>What reading one page gave: its lines in reading order, and how it was read.</summary>
public sealed record ScanPageResult(IReadOnlyList<PlacedLine> Lines, double SkewDegrees, int Tables, int Cells, int Dpi);

/// <summary>
/// Reads one page image: enlarge a small scan, deskew, binarize, find the ruled tables, read each of
/// their cells alone, then read the rest of the page (title, headings, prose, borderless tables) with
/// whole-page OCR on the page with the tables painted out. Lines come back top to bottom.
/// </summary>
public sealed class ScanPageReader(OcrOptions options, IPageImaging imaging, IGridFinder gridFinder)
{
    private readonly CellReader _cells = new(options);
    private readonly WordLineBuilder _words = new(options);

    public ScanPageResult Read(GrayImage page, IOcrEngine engine, int pageNumber, CancellationToken cancellation)
    {
        if (page.Dpi <= 0) page = page.WithDpi(Math.Max(1, (int)Math.Round(page.Width / options.AssumedPageWidthInches)));
        if (page.Dpi < options.MinOcrDpi)
        {
            double factor = Math.Min(4, Math.Ceiling(options.MinOcrDpi / (double)page.Dpi * 4) / 4);
            page = imaging.Scale(page, factor);
        }
        var deskewed = imaging.Deskew(page, options.MaxSkewDegrees);
        var image = deskewed.Image;
        int dpi = image.Dpi;

        var ink = imaging.Binarize(image);
        var horizontal = imaging.Open(ink, options.Px(options.MinHorizontalRulingInches, dpi), 1);
        var vertical = imaging.Open(ink, 1, options.Px(options.MinVerticalRulingInches, dpi));
        var grids = gridFinder.Find(horizontal, vertical, dpi);
        var text = WithoutRulings(ink, horizontal, vertical);
        cancellation.ThrowIfCancellationRequested();

        var placed = new List<PlacedLine>();
        engine.SetImage(image);
        int cellCount = 0;
        foreach (var grid in grids)
        {
            var read = grid.Cells.Select(c => (Grid: c, Cell: _cells.Read(engine, text, c.Box, dpi))).ToList();
            cellCount += read.Count;
            placed.AddRange(Rows(grid, read, pageNumber));
            cancellation.ThrowIfCancellationRequested();
        }

        // The rest of the page: tables painted white so their cells are not read twice.
        int margin = options.Px(0.03, dpi);
        var rest = grids.Count == 0 ? image
            : image.WithWhiteBoxes(grids.Select(g => new Box(g.Bounds.X0 - margin, g.Bounds.Y0 - margin, g.Bounds.X1 + margin, g.Bounds.Y1 + margin)));
        if (grids.Count > 0) engine.SetImage(rest);
        var words = engine.Read(null, OcrMode.Page).Words.Select(w => RereadNumber(engine, w, dpi)).ToList();
        placed.AddRange(_words.Build(words, pageNumber));

        placed.Sort((a, b) => a.Box.CenterY.CompareTo(b.Box.CenterY));
        return new ScanPageResult(placed, deskewed.AngleDegrees, grids.Count, cellCount, dpi);
    }

    /// <summary>
    /// One line per grid row, holding the cells whose middle lies in that row: a cell spanning several rows
    /// sits where its text is printed (its middle), as it would in a text PDF.
    /// </summary>
    private static IEnumerable<PlacedLine> Rows(TableGrid grid, List<(GridCell Grid, Cell Cell)> cells, int page)
    {
        var rows = grid.RowLines;
        int RowOf(GridCell c)
        {
            double mid = c.Box.CenterY;
            for (int r = 0; r + 1 < rows.Count; r++) if (mid <= rows[r + 1]) return r;
            return rows.Count - 2;
        }
        foreach (var group in cells.GroupBy(c => RowOf(c.Grid)).OrderBy(g => g.Key))
        {
            var ordered = group.OrderBy(c => c.Grid.Box.X0).Select(c => c.Cell).ToList();
            var box = new Box(grid.Bounds.X0, rows[group.Key], grid.Bounds.X1, rows[group.Key + 1]);
            yield return new PlacedLine(new Line(ordered, page, Delimited: true), box);
        }
    }

    /// <summary>A word of whole-page OCR that looks like a number is read again alone with the digit whitelist.</summary>
    private OcrWord RereadNumber(IOcrEngine engine, OcrWord word, int dpi)
    {
        if (!OcrText.LooksNumeric(word.Text, options.MaxNumberLength)) return word;
        int pad = options.Px(0.04, dpi);
        var region = new Box(word.Box.X0 - pad, word.Box.Y0 - pad, word.Box.X1 + pad, word.Box.Y1 + pad);
        var again = engine.Read(region, OcrMode.Number).Words.Where(w => w.Text.Length > 0).ToList();
        if (again.Count == 0 || OcrText.CleanNumber(string.Concat(again.Select(w => w.Text))) is not { } clean) return word;
        return word with { Text = clean, Confidence = again.Min(w => w.Confidence), MinSymbolConfidence = again.Min(w => w.MinSymbolConfidence) };
    }

    /// <summary>The page's ink without its ruling lines: what is left inside cells is text.</summary>
    private static BinaryImage WithoutRulings(BinaryImage ink, BinaryImage horizontal, BinaryImage vertical)
    {
        var result = new byte[ink.Ink.Length];
        for (int i = 0; i < result.Length; i++)
            result[i] = (byte)(ink.Ink[i] & ~(horizontal.Ink[i] | vertical.Ink[i]) & 1);
        return new BinaryImage(ink.Width, ink.Height, result);
    }
}
