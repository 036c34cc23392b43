namespace ExtractReports.Pages.Ocr;

/// <summary>
/// The borderless counterpart of <see cref="RulingGridFinder"/>: finds tables without ruling lines from
/// whitespace and gives them as <see cref="TableGrid"/>s of numeric cells, so each number is read alone
/// like a ruled cell. Whole-page OCR only locates: its confident Chinese words are label text, and the
/// rest of the ink, grouped into pieces, gives the number candidates. A number is a cell of its own, with
/// white on both sides along its line (prose digits touch their text). Candidates on one line are a row;
/// consecutive rows whose numbers fall in the same columns are one table, and its columns are the union of
/// every row's numbers (so a blank cell still has its column); a row whose numbers miss the columns, or a
/// heading line across the numeric columns, starts another table (tables split across a page, sub-tables).
/// The grids hold the numeric columns only: labels stay with whole-page OCR.
/// </summary>
public sealed class WhitespaceGridFinder(OcrOptions options)
{
    /// <summary>A piece of non-label ink: a number or a stray mark.</summary>
    internal readonly record struct Blob(int X0, int Y0, int X1, int Y1, int Ink)
    {
        public double CenterY => (Y0 + Y1) / 2.0;
        public int Width => X1 - X0;
        public int Height => Y1 - Y0;
    }

    private sealed class Block
    {
        public List<List<Blob>> Rows { get; } = [];
        public List<(int X0, int X1)> Columns { get; } = [];
        public bool HasLabel { get; set; }
    }

    /// <param name="text">The page's text ink (rulings taken out).</param>
    /// <param name="words">Whole-page OCR words.</param>
    /// <param name="exclude">Regions already read (ruled tables).</param>
    public IReadOnlyList<TableGrid> Find(BinaryImage text, IReadOnlyList<OcrWord> words, IReadOnlyList<Box> exclude, int dpi)
    {
        // A digit whole-page OCR read as one Chinese character (a 0 read as 口) is no label and no heading: erased as a
        // label it leaves pieces of its ring, and as a heading it cuts the table at its row, so the row is lost.
        var digitShaped = DigitShapedWords(text, words, dpi);
        var labels = words.Where(w => IsLabel(w) && !digitShaped.Contains(w)).Select(w => w.Box).ToList();
        var candidates = new byte[text.Ink.Length];
        Array.Copy(text.Ink, candidates, candidates.Length);
        var masked = new BinaryImage(text.Width, text.Height, candidates);
        foreach (var b in labels.Concat(exclude)) Erase(masked, b, 1);
        // Ruled tables are no label text: erase them from the ink used for isolation too.
        var context = exclude.Count == 0 ? text : new BinaryImage(text.Width, text.Height, (byte[])text.Ink.Clone());
        foreach (var b in exclude) Erase(context, b, 1);

        var blobs = Blobs(masked, dpi).Where(b => Isolated(context, b, dpi)).ToList();
        int columnGap = options.Px(options.BorderlessMinColumnGapInches, dpi);
        var rows = Rows(blobs).Where(r => r.Zip(r.Skip(1)).All(p => p.Second.X0 - p.First.X1 >= columnGap)).ToList();
        var headings = words.Where(w => w.Text.Any(OcrText.IsCjk) && !digitShaped.Contains(w)).Select(w => w.Box).ToList();
        var blocks = Blocks(rows, headings, context);
        return blocks.Where(IsTable).Select(b => ToGrid(b, dpi)).ToList();
    }

    /// <summary>Label text: a Chinese word that whole-page OCR is sure of (a short doubtful one may be a misread digit).</summary>
    private bool IsLabel(OcrWord w) =>
        w.Text.Any(OcrText.IsCjk) && !(w.Text.Length <= options.MaxDoubtfulLength && w.Confidence < options.DoubtfulConfidence);

    /// <summary>
    /// Words of one Chinese character whose ink is as narrow as a digit (no wider than <see cref="OcrOptions.GlyphWidthShare"/>
    /// of its height) and as tall as a number: a Chinese character's ink is about as wide as tall, a digit's about half.
    /// The ink is the pieces the word's box touches, since the engine's box of a misread glyph can be smaller than it.
    /// </summary>
    private HashSet<OcrWord> DigitShapedWords(BinaryImage text, IReadOnlyList<OcrWord> words, int dpi)
    {
        var lone = words.Where(w => w.Text.Trim() is { Length: 1 } c && OcrText.IsCjk(c[0])).ToList();
        if (lone.Count == 0) return [];
        var pieces = Components(text);
        int minHeight = options.Px(options.BorderlessMinDigitHeightInches, dpi), maxHeight = options.Px(options.BorderlessMaxDigitHeightInches, dpi);
        var shaped = new HashSet<OcrWord>();
        foreach (var w in lone)
        {
            var touched = pieces.Where(p => p.X0 < w.Box.X1 && p.X1 > w.Box.X0 && p.Y0 < w.Box.Y1 && p.Y1 > w.Box.Y0).ToList();
            if (touched.Count == 0) continue;
            int x0 = touched.Min(p => p.X0), x1 = touched.Max(p => p.X1), y0 = touched.Min(p => p.Y0), y1 = touched.Max(p => p.Y1);
            if (y1 - y0 >= minHeight && y1 - y0 <= maxHeight && x1 - x0 <= options.GlyphWidthShare * (y1 - y0)) shaped.Add(w);
        }
        return shaped;
    }

    private static void Erase(BinaryImage image, Box b, int pad)
    {
        int x0 = Math.Clamp((int)b.X0 - pad, 0, image.Width), x1 = Math.Clamp((int)Math.Ceiling(b.X1) + pad, 0, image.Width);
        int y0 = Math.Clamp((int)b.Y0 - pad, 0, image.Height), y1 = Math.Clamp((int)Math.Ceiling(b.Y1) + pad, 0, image.Height);
        for (int y = y0; y < y1; y++) image.Ink.AsSpan(y * image.Width + x0, x1 - x0).Clear();
    }

    /// <summary>Connected pieces of ink, joined when closer than <see cref="OcrOptions.BorderlessBlobGapInches"/> along
    /// a line (the digits of one number), kept when number-sized.</summary>
    internal List<Blob> Blobs(BinaryImage ink, int dpi)
    {
        var pieces = Components(ink);
        int gap = options.Px(options.BorderlessBlobGapInches, dpi);
        pieces.Sort((a, b) => a.X0.CompareTo(b.X0));
        var parent = Enumerable.Range(0, pieces.Count).ToArray();
        int Root(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        for (int i = 0; i < pieces.Count; i++)
            for (int j = i + 1; j < pieces.Count && pieces[j].X0 - pieces[i].X1 <= gap; j++)
            {
                var (a, b) = (pieces[i], pieces[j]);
                // Same line: the pieces overlap vertically, or one lies within the other's height (a decimal point).
                if (Math.Min(a.Y1, b.Y1) > Math.Max(a.Y0, b.Y0) - gap / 2) parent[Root(j)] = Root(i);
            }
        int minHeight = options.Px(options.BorderlessMinDigitHeightInches, dpi), maxHeight = options.Px(options.BorderlessMaxDigitHeightInches, dpi);
        int maxWidth = options.Px(options.BorderlessMaxNumberWidthInches, dpi);
        int minInk = options.Px(Math.Sqrt(options.MinCellInkSquareInches), dpi);
        return Enumerable.Range(0, pieces.Count).GroupBy(Root)
            .Select(g => g.Select(i => pieces[i]).Aggregate((a, b) => new Blob(Math.Min(a.X0, b.X0), Math.Min(a.Y0, b.Y0), Math.Max(a.X1, b.X1), Math.Max(a.Y1, b.Y1), a.Ink + b.Ink)))
            .Where(b => b.Height >= minHeight && b.Height <= maxHeight && b.Width <= maxWidth && b.Ink >= minInk * minInk)
            .ToList();
    }

    /// <summary>8-connected components as boxes with their ink count, from runs of ink joined row to row.</summary>
    internal static List<Blob> Components(BinaryImage ink)
    {
        int w = ink.Width;
        var runs = new List<(int Y, int X0, int X1)>();
        var rowStart = new int[ink.Height + 1];
        for (int y = 0; y < ink.Height; y++)
        {
            rowStart[y] = runs.Count;
            var row = ink.Ink.AsSpan(y * w, w);
            for (int x = 0; x < w; x++)
            {
                if (row[x] == 0) continue;
                int start = x;
                while (x < w && row[x] != 0) x++;
                runs.Add((y, start, x));
            }
        }
        rowStart[ink.Height] = runs.Count;
        var parent = Enumerable.Range(0, runs.Count).ToArray();
        int Root(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        for (int y = 1; y < ink.Height; y++)
        {
            int p = rowStart[y - 1];
            for (int i = rowStart[y]; i < rowStart[y + 1]; i++)
            {
                while (p < rowStart[y] && runs[p].X1 < runs[i].X0) p++;
                for (int q = p; q < rowStart[y] && runs[q].X0 <= runs[i].X1; q++) parent[Root(q)] = Root(i);
            }
        }
        var boxes = new Dictionary<int, Blob>();
        for (int i = 0; i < runs.Count; i++)
        {
            var (y, x0, x1) = runs[i];
            int r = Root(i);
            boxes[r] = boxes.TryGetValue(r, out var b)
                ? new Blob(Math.Min(b.X0, x0), Math.Min(b.Y0, y), Math.Max(b.X1, x1), Math.Max(b.Y1, y + 1), b.Ink + x1 - x0)
                : new Blob(x0, y, x1, y + 1, x1 - x0);
        }
        return boxes.Values.ToList();
    }

    /// <summary>Whether the blob has no ink within <see cref="OcrOptions.BorderlessMinGutterInches"/> on either side along
    /// its line: a table number stands alone in its cell, a digit in prose or a label's ordinal does not.</summary>
    private bool Isolated(BinaryImage context, Blob b, int dpi)
    {
        int gutter = options.Px(options.BorderlessMinGutterInches, dpi);
        return context.CountInk(b.X0 - gutter, b.Y0, b.X0, b.Y1) == 0 && context.CountInk(b.X1, b.Y0, b.X1 + gutter, b.Y1) == 0;
    }

    /// <summary>Blobs on one line: each joins the row whose band it overlaps by half the smaller height.</summary>
    private static List<List<Blob>> Rows(List<Blob> blobs)
    {
        var rows = new List<List<Blob>>();
        foreach (var b in blobs.OrderBy(b => b.CenterY))
        {
            var row = rows.Count == 0 ? null : rows[^1];
            if (row is not null)
            {
                int y0 = row.Min(r => r.Y0), y1 = row.Max(r => r.Y1);
                if (Math.Min(y1, b.Y1) - Math.Max(y0, b.Y0) >= 0.5 * Math.Min(y1 - y0, b.Height)) { row.Add(b); continue; }
            }
            rows.Add([b]);
        }
        foreach (var r in rows) r.Sort((a, b) => a.X0.CompareTo(b.X0));
        return rows;
    }

    /// <summary>Consecutive rows whose numbers fall in the same columns, with no Chinese text across the columns between them.
    /// Rows whose numbers are closer than <see cref="OcrOptions.BorderlessMinColumnGapInches"/> were dropped before: prose.</summary>
    private static List<Block> Blocks(List<List<Blob>> rows, List<Box> headings, BinaryImage context)
    {
        var blocks = new List<Block>();
        Block? current = null;
        int previousBottom = 0;
        foreach (var row in rows)
        {
            if (current is null || !Fits(current, row) || HeadingBetween(current, headings, previousBottom, row.Min(b => b.Y0)))
            {
                current = new Block();
                blocks.Add(current);
            }
            current.Rows.Add(row);
            foreach (var b in row) AddToColumns(current.Columns, b);
            if (context.CountInk(0, row.Min(b => b.Y0), row[0].X0, row.Max(b => b.Y1)) > 0) current.HasLabel = true;
            previousBottom = row.Max(b => b.Y1);
        }
        return blocks;
    }

    /// <summary>A row fits a table when at least half its numbers lie in the table's columns (overlapping by half the
    /// narrower width), none spans two columns and no two share one; the others open new columns (blank so far).</summary>
    private static bool Fits(Block block, List<Blob> row)
    {
        int matched = 0;
        var used = new HashSet<int>();
        foreach (var b in row)
        {
            var hits = Enumerable.Range(0, block.Columns.Count).Where(c => Overlaps(block.Columns[c], b)).ToList();
            if (hits.Count > 1) return false;
            if (hits.Count == 1)
            {
                if (!used.Add(hits[0])) return false;
                matched++;
            }
            else if (block.Columns.Any(c => Math.Min(c.X1, b.X1) > Math.Max(c.X0, b.X0))) return false; // half in a column
        }
        return matched * 2 >= row.Count;
    }

    private static bool Overlaps((int X0, int X1) column, Blob b) =>
        Math.Min(column.X1, b.X1) - Math.Max(column.X0, b.X0) >= 0.5 * Math.Min(column.X1 - column.X0, b.Width);

    private static void AddToColumns(List<(int X0, int X1)> columns, Blob b)
    {
        int i = columns.FindIndex(c => Overlaps(c, b));
        if (i >= 0) columns[i] = (Math.Min(columns[i].X0, b.X0), Math.Max(columns[i].X1, b.X1));
        else
        {
            columns.Add((b.X0, b.X1));
            columns.Sort((a, c) => a.X0.CompareTo(c.X0));
        }
    }

    /// <summary>Label text between two rows that reaches over the numeric columns: a heading or a header row.</summary>
    private static bool HeadingBetween(Block block, List<Box> headings, int above, int below)
    {
        int x0 = block.Columns[0].X0, x1 = block.Columns[^1].X1;
        return headings.Any(l => l.CenterY > above && l.CenterY < below && l.X1 > x0 && l.X0 < x1);
    }

    /// <summary>A table has two columns or two rows, or a label before its one number (a lone number is no table).</summary>
    private static bool IsTable(Block b) => b.Columns.Count >= 2 || b.Rows.Count >= 2 || b.HasLabel;

    /// <summary>The grid of a table's numeric columns: each cell is its column's span across the table by its row's band,
    /// widened by <see cref="OcrOptions.BorderlessCellPadInches"/> (at most half way to a neighbour) and by the inset the
    /// cell reader takes off.</summary>
    private TableGrid ToGrid(Block block, int dpi)
    {
        int pad = options.Px(options.BorderlessCellPadInches, dpi), inset = options.Px(options.CellInsetInches, dpi);
        var cols = block.Columns.Select((c, i) =>
        {
            int left = i == 0 ? pad : Math.Min(pad, (c.X0 - block.Columns[i - 1].X1) / 2);
            int right = i == block.Columns.Count - 1 ? pad : Math.Min(pad, (block.Columns[i + 1].X0 - c.X1) / 2);
            return (X0: c.X0 - left - inset, X1: c.X1 + right + inset);
        }).ToList();
        var bands = block.Rows.Select(r => (Y0: r.Min(b => b.Y0), Y1: r.Max(b => b.Y1))).ToList();
        var rows = bands.Select((r, i) =>
        {
            int top = i == 0 ? pad : Math.Min(pad, (r.Y0 - bands[i - 1].Y1) / 2);
            int bottom = i == bands.Count - 1 ? pad : Math.Min(pad, (bands[i + 1].Y0 - r.Y1) / 2);
            return (Y0: r.Y0 - top - inset, Y1: r.Y1 + bottom + inset);
        }).ToList();

        var cells = new List<GridCell>();
        for (int r = 0; r < rows.Count; r++)
            for (int c = 0; c < cols.Count; c++)
                cells.Add(new GridCell(r, c, 1, 1, new Box(cols[c].X0, rows[r].Y0, cols[c].X1, rows[r].Y1)));
        var rowLines = new List<double> { rows[0].Y0 };
        for (int r = 1; r < rows.Count; r++) rowLines.Add((rows[r - 1].Y1 + rows[r].Y0) / 2.0);
        rowLines.Add(rows[^1].Y1);
        var columnLines = new List<double> { cols[0].X0 };
        for (int c = 1; c < cols.Count; c++) columnLines.Add((cols[c - 1].X1 + cols[c].X0) / 2.0);
        columnLines.Add(cols[^1].X1);
        return new TableGrid(new Box(cols[0].X0, rows[0].Y0, cols[^1].X1, rows[^1].Y1), rowLines, columnLines, cells);
    }
}
