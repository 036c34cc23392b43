using ExtractReports.Lines;

namespace ExtractReports.Pages.Ocr;

/// <summary>What reading one page gave: its lines in reading order, and how it was read.</summary>
/// <remarks><paramref name="TurnedDegrees"/>: how far the page lay turned clockwise as scanned (0, 90, 180, 270); it was read
/// turned back. <paramref name="Legibility"/>: the share of its characters read sure (<see cref="ScanPageReader.Legibility"/>).</remarks>
public sealed record ScanPageResult(IReadOnlyList<PlacedLine> Lines, double SkewDegrees, int Tables, int BorderlessTables, int Cells, int Dpi,
    int TurnedDegrees = 0, double Legibility = 1);

/// <summary>
/// Reads one page image: enlarge a small scan, deskew, binarize, find the ruled tables, read each of
/// their cells alone, then read the rest of the page (title, headings, prose, borderless tables) with
/// whole-page OCR on the page with the tables painted out. Lines come back top to bottom.
/// </summary>
/// <param name="imageWorkDone">Called on each page once its image work is done and before its OCR, when the masks and label
/// images made for finding its tables are garbage (a batch gives the memory back there); null: nothing.</param>
public sealed class ScanPageReader(OcrOptions options, IPageImaging imaging, IGridFinder gridFinder, Action? imageWorkDone = null)
{
    private readonly CellReader _cells = new(options);
    private readonly WordLineBuilder _words = new(options);
    private readonly WhitespaceGridFinder _whitespace = new(options);
    private readonly BorderlessLabelReader _labels = new(options);
    private readonly BrokenRulingFinder _broken = new(options);
    private readonly RulingGapCloser _gaps = new(options);
    private readonly BorderlessBlankRows _blankRows = new(options);
    private readonly MergedCellSplitter _split = new(options);

    /// <summary>
    /// Reads the page as it lies; a page that reads as mostly illegible (<see cref="Legibility"/> below
    /// <see cref="OcrOptions.MinLegibleShare"/>) is asked how it lies (Tesseract's OSD, about a CPU-second a page, so
    /// not asked of pages that read well), and one found turned is read again turned upright, keeping the more legible read.
    /// A page lying landscape is asked first, and one OSD finds turned by 90 or 270 degrees is read upright without being
    /// read as it lies. A report's sheet is portrait: one scanned landscape was fed sideways, and legibility does not show
    /// it: Chinese text read sideways still reads as characters at the engine's confidence (the scan-conditions matrix at
    /// 300 dpi gray turned 90°: pdf-03's pages read sideways 0.45 to 0.85 of their characters sure, above
    /// <see cref="OcrOptions.MinLegibleShare"/>; hzq2023_working's page 2 0.70 sideways and 0.32 upright, where OSD said
    /// turned 90° at confidence 31). So OSD decides alone there. Asking it first costs about a CPU-second on landscape pages
    /// only, spares the sideways read, and its answer serves the legibility check too.
    /// </summary>
    public ScanPageResult Read(GrayImage page, IOcrEngine engine, int pageNumber, CancellationToken cancellation)
    {
        if (!options.DetectOrientation) return ReadAsItLies(page, engine, pageNumber, 0, cancellation);
        bool landscape = page.Width > page.Height;
        var asked = landscape ? SureOrientation(page, engine) : null;
        if (asked is { ClockwiseDegrees: 90 or 270 } sideways) return ReadUpright(page, engine, pageNumber, sideways, cancellation);
        var read = ReadAsItLies(page, engine, pageNumber, 0, cancellation);
        if (read.Legibility >= options.MinLegibleShare) return read;
        if ((landscape ? asked : SureOrientation(page, engine)) is not { ClockwiseDegrees: not 0 } o) return read;
        var turned = ReadUpright(page, engine, pageNumber, o, cancellation);
        // The turned read is kept when it reads more of the page's characters sure. Turned half round, it must also read more
        // letters sure: a table's digits read sure either way up (0, 1 and 8 turned half round are 0, 1 and 8), and OSD can be
        // sure and wrong on a page of poor Chinese and many zeros (a 150 dpi fax scan of pdf-01's table 三 upright, 2026-12-04:
        // read turned, then lost with its tables). Letters alone are no better: on another 150 dpi fax scan they favoured a
        // read turned half round that all characters did not (a held-out document: 777 -> 584/782 of the part's fields). A
        // count, not a share: a read upside down may hold too few letters for a share to mean anything. Turned a quarter,
        // Chinese read sideways still reads sure, so letters say nothing there.
        bool turnedReadsBetter = turned.Legibility > read.Legibility
            && (o.ClockwiseDegrees != 180 || SureLetters(turned.Lines) > SureLetters(read.Lines));
        return turnedReadsBetter ? turned : read;
    }

    /// <summary>How OSD finds the page lying, when it is sure enough (<see cref="OcrOptions.MinOrientationConfidence"/>).</summary>
    private PageOrientation? SureOrientation(GrayImage page, IOcrEngine engine) =>
        engine.DetectOrientation(page.WithDpi(EffectiveDpi(page))) is { } o && o.Confidence >= options.MinOrientationConfidence ? o : null;

    private ScanPageResult ReadUpright(GrayImage page, IOcrEngine engine, int pageNumber, PageOrientation o, CancellationToken cancellation) =>
        ReadAsItLies(TurnedBack(page, o.ClockwiseDegrees), engine, pageNumber, o.ClockwiseDegrees, cancellation);

    /// <summary>A page that lay turned <paramref name="turnedDegrees"/> clockwise, turned upright (its resolution
    /// judged as it lay, where the paper's width is its width as scanned); the page itself when it lay upright.</summary>
    public GrayImage TurnedBack(GrayImage page, int turnedDegrees) =>
        turnedDegrees % 360 == 0 ? page : PageOrientation.Turn(page.WithDpi(EffectiveDpi(page)), 360 - turnedDegrees);

    /// <summary>The share of the page's characters read with at least <see cref="OcrOptions.LegibleConfidence"/>; 1 for a
    /// page with fewer than <see cref="OcrOptions.MinLegibilityCharacters"/> (nothing to judge by). A page read upside
    /// down or sideways reads as garbage at low confidence.</summary>
    internal double Legibility(IReadOnlyList<PlacedLine> lines)
    {
        int all = 0, sure = 0;
        foreach (var cell in lines.SelectMany(l => l.Line.Cells))
        {
            int n = cell.Text.Count(c => !char.IsWhiteSpace(c));
            all += n;
            if (cell.Confidence >= options.LegibleConfidence) sure += n;
        }
        return all < options.MinLegibilityCharacters ? 1 : sure / (double)all;
    }

    /// <summary>How many letters (Chinese characters among them; digits not) the lines hold in cells read at least
    /// <see cref="OcrOptions.LegibleConfidence"/> sure.</summary>
    private int SureLetters(IReadOnlyList<PlacedLine> lines) =>
        lines.SelectMany(l => l.Line.Cells).Where(c => c.Confidence >= options.LegibleConfidence).Sum(c => c.Text.Count(char.IsLetter));

    private ScanPageResult ReadAsItLies(GrayImage page, IOcrEngine engine, int pageNumber, int turned, CancellationToken cancellation)
    {
        var (enlarged, lowResolution, bilevel) = Enlarged(page);
        var deskewed = Deskew(enlarged);
        var image = deskewed.Image;
        int dpi = image.Dpi;
        var scratch = new PageBuffers();

        var ink = WithDarkPixels(imaging.Binarize(image), image, options.DarkInkLevel, scratch);
        var horizontal = imaging.Open(ink, options.Px(options.MinHorizontalRulingInches, dpi), 1);
        var vertical = imaging.Open(ink, 1, options.Px(options.MinVerticalRulingInches, dpi));
        // Broken and faint lines are looked for in ink that keeps light-gray marks too (a dotted ruling's dots).
        // On a gray page they are looked for in the page turned by area mapping, where shears shift a one-pixel dotted line
        // in steps; text stays read from the sheared page (area mapping the whole page lost a title glyph of corpus scan-07).
        var lineInk = bilevel || options.FaintRulingSauvolaFactor <= 0 ? ink
            : Union(ink, imaging.Binarize(deskewed.AngleDegrees == 0 ? image : imaging.Rotate(enlarged, deskewed.AngleDegrees), options.FaintRulingSauvolaFactor), scratch);
        (horizontal, vertical) = _broken.Complete(lineInk, horizontal, vertical, dpi, scratch, gray: !bilevel);
        // Lost stretches are closed on black-and-white pages only: a fax threshold drops a hairline where it falls between
        // two pixel columns, leaving a line drawn on both sides of the stretch; on a gray page the faint ink keeps the line.
        if (bilevel) (horizontal, vertical) = _gaps.Complete(lineInk, horizontal, vertical, dpi);
        if (lineInk != ink) scratch.Return(lineInk.Ink);
        var grids = gridFinder.Find(horizontal, vertical, dpi);
        var text = WithoutRulings(ink, horizontal, vertical, dpi, scratch);
        // Only a black-and-white scan breaks a ruling into pieces a merged cell holds: on a gray page the pieces inside a cell
        // are the faint and dotted ruling search's (a dotted table's label cell cut, its rows then placed one off: measured
        // 2026-12-04, hzq2023_working 200-gray-dotted 183 -> 173/189 with the cut, 10 read for 3 at confidence 1 on probe-3).
        if (bilevel && options.MinCellCutInches > 0) grids = grids.Select(g => _split.Split(g, horizontal, vertical, text, dpi)).ToList();
        scratch.Return(ink.Ink);
        // A black-and-white scan has lost the thin parts of its strokes: what looks like specks are pieces of characters.
        if (!bilevel)
        {
            var unspecked = Specks.Remove(text, options.Px(options.MaxSpeckInches, dpi));
            scratch.Return(text.Ink);
            text = unspecked;
        }
        cancellation.ThrowIfCancellationRequested();

        // Tesseract thresholds each crop again by itself, and scan noise or a ruling in the crop tips that
        // (a clean "7" read as nothing by the digit reader): numbers are read from a copy where everything
        // but text ink and its rim is white. Chinese reads worse from it on low-resolution scans (thin
        // strokes lose pixels), so labels are read from the page as scanned.
        var clean = CleanForOcr(image, text, options.Px(options.InkRimInches, dpi), scratch);
        var placed = new List<PlacedLine>();
        // The masks and label images are garbage now; what OCR reads from (image, text, clean) stays. Measured on ten scans,
        // giving the memory back here lowered each page's peak by 20-50 MB (README "Scale").
        scratch.DropFree();
        imageWorkDone?.Invoke();
        engine.SetImage(image, clean);
        int cellCount = 0;
        foreach (var grid in grids)
        {
            var read = ReadCells(grid, engine, text, dpi, lowResolution, page: image);
            cellCount += read.Count;
            placed.AddRange(Rows(grid, read, pageNumber));
            cancellation.ThrowIfCancellationRequested();
        }

        // The rest of the page: tables painted white so their cells are not read twice.
        int margin = options.Px(0.03, dpi);
        var ruled = grids.Select(g => new Box(g.Bounds.X0 - margin, g.Bounds.Y0 - margin, g.Bounds.X1 + margin, g.Bounds.Y1 + margin)).ToList();
        // Whole-page OCR sees the page as scanned: its layout analysis copes with noise, and cleaning
        // hollows bold titles.
        var rest = grids.Count == 0 ? image : image.WithWhiteBoxes(ruled);
        engine.SetImage(rest, clean);
        var pageWords = PageFolios.Drop(engine.Read(null, OcrMode.Page).Words.ToList(), image.Height, dpi, options);

        // Borderless tables: whole-page OCR reads their lone digits badly, so it only locates them; their numbers
        // are read cell by cell like a ruled grid's, and the words it read there are dropped.
        var borderless = _whitespace.Find(text, pageWords, ruled, dpi);
        var tableRows = new List<PlacedLine>();
        var readBoxes = new List<(Box Bounds, List<Box> Cells)>();
        var labelLines = new List<Box>();
        var labelRegions = new List<Box>();
        var labelWords = new List<OcrWord>();
        foreach (var grid in borderless)
        {
            var read = NumericCells(ReadCells(grid, engine, text, dpi, lowResolution, numeric: true, page: image));
            cellCount += read.Count;
            if (read.Count == 0) continue;
            tableRows.AddRange(Rows(grid, read, pageNumber));
            var cells = read.Select(c => c.Grid.Box).ToList();
            readBoxes.Add((cells.Aggregate((a, b) => a.Union(b)), cells));
            labelLines.AddRange(_labels.Find(text, cells, dpi));
            cancellation.ThrowIfCancellationRequested();
        }
        if (labelLines.Count > 0)
        {
            foreach (var (region, regionWords) in _labels.Read(engine, rest, labelLines, dpi))
            {
                labelRegions.Add(region);
                labelWords.AddRange(regionWords);
            }
            engine.SetImage(rest, clean);
        }
        var words = pageWords.Where(w => !readBoxes.Any(g => ReadByGrid(g.Bounds, g.Cells, w)))
            .Where(w => !labelRegions.Any(r => InLabelLine(r, w.Box)))
            .SelectMany(w => RereadNumber(engine, w, dpi)).Concat(labelWords).ToList();
        placed.AddRange(_blankRows.Mark(WithLabels(tableRows, _words.Build(words, pageNumber)), readBoxes, text, image, dpi));

        placed.Sort((a, b) => a.Box.CenterY.CompareTo(b.Box.CenterY));
        return new ScanPageResult(placed, deskewed.AngleDegrees, grids.Count, borderless.Count, cellCount, dpi, turned, Legibility(placed));
    }

    /// <summary>
    /// Reads a grid's cells row by row, keeping count of what each column held: once a column has given
    /// numbers in a row (its header above them does not count against it), its next cells are read digits first.
    /// A borderless grid holds <paramref name="numeric"/> columns only: every cell is read digits first.
    /// </summary>
    /// <paramref name="page"/>: the page as scanned, looked at for faint ink in a ruled cell the text ink says is blank.
    private List<(GridCell Grid, Cell Cell)> ReadCells(TableGrid grid, IOcrEngine engine, BinaryImage text, int dpi, bool lowResolution, bool numeric = false,
        GrayImage? page = null)
    {
        var numbers = new Dictionary<int, int>();
        var read = new List<(GridCell, Cell)>(grid.Cells.Count);
        foreach (var c in grid.Cells)
        {
            bool single = c.ColumnSpan == 1;
            bool likely = single && (numeric || numbers.GetValueOrDefault(c.Column) >= options.NumericColumnEvidence);
            var cell = _cells.Read(engine, text, c.Box, dpi, likely, verifyNumbers: lowResolution, page: page);
            read.Add((c, cell));
            if (!single || cell.IsBlank) continue;
            if (OcrText.LooksNumeric(cell.Text, options.MaxNumberLength)) numbers[c.Column] = numbers.GetValueOrDefault(c.Column) + 1;
            else numbers[c.Column] = 0;
        }
        return read;
    }

    /// <summary>Whether the page is black and white (a G4 or fax scan): hardly a pixel of it is gray.</summary>
    internal static bool IsBilevel(GrayImage page)
    {
        int gray = 0;
        foreach (var p in page.Pixels) if (p is > 0 and < 255) gray++;
        return gray < page.Pixels.Length / 1000;
    }

    /// <summary>
    /// The page as it is read: enlarged when its resolution is low, then deskewed. The boxes of the lines
    /// read from it are in this image's pixels (the review page crops it to show a field's cell).
    /// </summary>
    public (Deskewed Page, bool LowResolution, bool Bilevel) Upright(GrayImage page)
    {
        var (scaled, lowResolution, bilevel) = Enlarged(page);
        return (Deskew(scaled), lowResolution, bilevel);
    }

    private Deskewed Deskew(GrayImage enlarged) => imaging.Deskew(enlarged, options.MaxSkewDegrees, options.MinSkewConfidence);

    /// <summary>The page at its effective resolution, enlarged when that is low, before it is deskewed.</summary>
    private (GrayImage Page, bool LowResolution, bool Bilevel) Enlarged(GrayImage page)
    {
        page = page.WithDpi(EffectiveDpi(page));
        bool bilevel = IsBilevel(page);
        int minDpi = bilevel ? options.MinBilevelOcrDpi : options.MinOcrDpi;
        bool lowResolution = page.Dpi < minDpi;
        if (lowResolution)
        {
            double factor = bilevel ? options.BilevelEnlargement : Math.Min(4, Math.Ceiling(minDpi / (double)page.Dpi * 4) / 4);
            page = imaging.Scale(page, factor);
        }
        return (page, lowResolution, bilevel);
    }

    /// <summary>
    /// The page's resolution: as stated, unless that makes the page narrower or wider than any paper
    /// (img2pdf and many writers state 72 or 96 when they know nothing); then estimated from the
    /// paper width of <see cref="OcrOptions.AssumedPageWidthInches"/>.
    /// </summary>
    internal int EffectiveDpi(GrayImage page)
    {
        if (page.Dpi > 0)
        {
            double inches = page.Width / (double)page.Dpi;
            if (inches >= options.MinPageWidthInches && inches <= options.MaxPageWidthInches) return page.Dpi;
        }
        return Math.Max(1, (int)Math.Round(page.Width / options.AssumedPageWidthInches));
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
            // The row's band: its one-row cells (a borderless row's band is narrower than the space between row lines).
            var single = group.Where(c => c.Grid.RowSpan == 1).ToList();
            var box = single.Count == 0
                ? new Box(grid.Bounds.X0, rows[group.Key], grid.Bounds.X1, rows[group.Key + 1])
                : new Box(grid.Bounds.X0, single.Min(c => c.Grid.Box.Y0), grid.Bounds.X1, single.Max(c => c.Grid.Box.Y1));
            yield return new PlacedLine(new Line(ordered, page, Delimited: true), box);
        }
    }

    /// <summary>
    /// Whether a word of whole-page OCR is the grid's to read: a third of it lies in a cell, or it is no label text
    /// (a garbled number, often spanning two rows) and lies among the cells.
    /// </summary>
    private bool ReadByGrid(Box bounds, List<Box> cells, OcrWord w)
    {
        var b = w.Box;
        double area = Math.Max(1, b.Width * b.Height);
        if (cells.Any(c => c.OverlapArea(b) >= area / 3)) return true;
        bool label = w.Text.Any(OcrText.IsCjk) && !(w.Text.Length <= options.MaxDoubtfulLength && w.Confidence < options.DoubtfulConfidence);
        return !label && bounds.Contains(b.CenterX, b.CenterY);
    }

    /// <summary>
    /// The cells of a borderless grid that read as numbers: a column, then a row, most of whose non-blank cells read as
    /// Chinese was label or header ink the finder took for numbers, and is left to whole-page OCR.
    /// </summary>
    private static List<(GridCell Grid, Cell Cell)> NumericCells(List<(GridCell Grid, Cell Cell)> read)
    {
        static bool Numeric(IEnumerable<(GridCell Grid, Cell Cell)> cells)
        {
            var filled = cells.Where(c => !c.Cell.IsBlank).ToList();
            return filled.Count(c => c.Cell.Text.Any(OcrText.IsCjk)) * 2 < Math.Max(1, filled.Count);
        }
        var columns = read.GroupBy(c => c.Grid.Column).Where(Numeric).SelectMany(c => c).ToList();
        return columns.GroupBy(c => c.Grid.Row).Where(r => Numeric(r) && r.Any(c => !c.Cell.IsBlank)).SelectMany(r => r).ToList();
    }

    /// <summary>Whether a word of whole-page OCR is one of a label line read alone: its middle in the line, or a third of it
    /// (a word boxed over two lines).</summary>
    private static bool InLabelLine(Box line, Box word) =>
        line.Contains(word.CenterX, word.CenterY) || line.OverlapArea(word) >= Math.Max(1, word.Width * word.Height) / 3;

    /// <summary>
    /// Borderless table rows with their labels: a line of whole-page OCR words whose middle is within
    /// <see cref="OcrOptions.LabelRowDriftLineHeights"/> of its height from a row's middle is that row's label and joins
    /// it; a wrapped label's other lines (the number sits between them) stay lines of their own, as in a text PDF.
    /// </summary>
    private IEnumerable<PlacedLine> WithLabels(List<PlacedLine> tableRows, IReadOnlyList<PlacedLine> wordLines)
    {
        // Each row takes at most one line, the nearest: two lines' words must not interleave.
        var label = new PlacedLine?[tableRows.Count];
        var others = new List<PlacedLine>();
        foreach (var line in wordLines)
        {
            double Distance(int i) => Math.Abs(tableRows[i].Box.CenterY - line.Box.CenterY);
            int best = Enumerable.Range(0, tableRows.Count).Where(i => Distance(i) <= options.LabelRowDriftLineHeights * line.Box.Height)
                .OrderBy(Distance).DefaultIfEmpty(-1).First();
            if (best < 0) { others.Add(line); continue; }
            if (label[best] is { } taken)
            {
                if (Math.Abs(taken.Box.CenterY - tableRows[best].Box.CenterY) <= Distance(best)) { others.Add(line); continue; }
                others.Add(taken);
            }
            label[best] = line;
        }
        for (int i = 0; i < tableRows.Count; i++)
        {
            var row = tableRows[i];
            if (label[i] is not { } l) { others.Add(row); continue; }
            var cells = l.Line.Cells.Concat(row.Line.Cells).OrderBy(c => c.Box?.X0 ?? 0).ToList();
            var box = l.Box.Union(row.Box);
            others.Add(new PlacedLine(new Line(cells, row.Line.Page, Delimited: true), new Box(box.X0, row.Box.Y0, box.X1, row.Box.Y1)));
        }
        return others;
    }

    /// <summary>
    /// A word of whole-page OCR that looks like a number, or is short and doubtful (the layout analysis reads
    /// the lone digits of a borderless table badly: "0" as 哺), is read again alone as digits. The digit read
    /// wins for a numeric word, or when it is surer; it may split the word into several numbers, each with its box.
    /// </summary>
    private IEnumerable<OcrWord> RereadNumber(IOcrEngine engine, OcrWord word, int dpi)
    {
        bool numeric = OcrText.LooksNumeric(word.Text, options.MaxNumberLength);
        bool doubtful = word.Text.Length <= options.MaxDoubtfulLength && word.Confidence < options.DoubtfulConfidence;
        if (!numeric && !doubtful) return [word];
        int pad = options.Px(0.04, dpi);
        var region = new Box(word.Box.X0 - pad, word.Box.Y0 - pad, word.Box.X1 + pad, word.Box.Y1 + pad);
        var again = engine.Read(region, OcrMode.Number).Words
            .Select(w => OcrText.CleanNumber(w.Text) is { } clean ? w with { Text = clean } : null)
            .OfType<OcrWord>().ToList();
        if (again.Count == 0) return [word];
        if (numeric || again.Min(w => w.Confidence) > word.Confidence) return again;
        if (OcrText.IsStrayMark(word.Text)) return again.Select(w => w with { Confidence = Math.Min(w.Confidence, word.Confidence) });
        return [word];
    }

    /// <summary>
    /// Adaptive binarization judges a pixel by its neighbourhood, so the inside of a stroke wider than its
    /// window (a bold title) comes out as background; every pixel darker than <paramref name="level"/> is ink too.
    /// </summary>
    private static BinaryImage WithDarkPixels(BinaryImage ink, GrayImage image, int level, PageBuffers scratch)
    {
        var result = scratch.Copy(ink.Ink);
        for (int i = 0; i < result.Length; i++) if (image.Pixels[i] < level) result[i] = 1;
        return new BinaryImage(ink.Width, ink.Height, result);
    }

    private static BinaryImage Union(BinaryImage a, BinaryImage b, PageBuffers scratch)
    {
        var ink = scratch.Copy(a.Ink);
        for (int i = 0; i < ink.Length; i++) ink[i] |= b.Ink[i];
        return new BinaryImage(a.Width, a.Height, ink);
    }

    /// <summary>The gray page with every pixel farther than <paramref name="rim"/> from text ink made white.</summary>
    private static GrayImage CleanForOcr(GrayImage image, BinaryImage text, int rim, PageBuffers scratch)
    {
        int w = image.Width, h = image.Height;
        // Dilate the ink by the rim: first along rows, then along columns (a square brick).
        var rows = scratch.Bytes(w * h);
        for (int y = 0; y < h; y++)
        {
            int row = y * w, last = int.MinValue;
            for (int x = 0; x < w; x++) if (text.Ink[row + x] != 0) last = x;
                else if (x - last <= rim) rows[row + x] = 1;
            last = int.MaxValue;
            for (int x = w - 1; x >= 0; x--) if (text.Ink[row + x] != 0) { rows[row + x] = 1; last = x; }
                else if (last - x <= rim) rows[row + x] = 1;
        }
        var keep = scratch.Bytes(w * h);
        for (int x = 0; x < w; x++)
        {
            int last = int.MinValue;
            for (int y = 0; y < h; y++) if (rows[y * w + x] != 0) { keep[y * w + x] = 1; last = y; }
                else if (y - last <= rim) keep[y * w + x] = 1;
            last = int.MaxValue;
            for (int y = h - 1; y >= 0; y--) if (rows[y * w + x] != 0) last = y;
                else if (last - y <= rim) keep[y * w + x] = 1;
        }
        scratch.Return(rows);
        var pixels = scratch.Copy(image.Pixels);
        for (int i = 0; i < pixels.Length; i++) if (keep[i] == 0) pixels[i] = 255;
        scratch.Return(keep);
        return new GrayImage(w, h, pixels, image.Dpi);
    }

    /// <summary>
    /// The page's ink without its ruling lines: what is left inside cells is text. A blurred or noisy line
    /// is wider than its opened mask, so ink within <see cref="OcrOptions.RulingHaloInches"/> across a
    /// line goes too; otherwise its slivers widen a cell's crop up to the border and the border gets read.
    /// </summary>
    private BinaryImage WithoutRulings(BinaryImage ink, BinaryImage horizontal, BinaryImage vertical, int dpi, PageBuffers scratch)
    {
        int w = ink.Width, h = ink.Height, halo = options.Px(options.RulingHaloInches, dpi);
        var result = scratch.Copy(ink.Ink);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int i = y * w + x;
                if (horizontal.Ink[i] != 0)
                    for (int yy = Math.Max(0, y - halo); yy <= Math.Min(h - 1, y + halo); yy++) result[yy * w + x] = 0;
                if (vertical.Ink[i] != 0)
                    result.AsSpan(y * w + Math.Max(0, x - halo), Math.Min(w - 1, x + halo) - Math.Max(0, x - halo) + 1).Clear();
            }
        return new BinaryImage(w, h, result);
    }
}
