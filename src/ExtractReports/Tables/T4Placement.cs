namespace ExtractReports.Tables;

/// <summary>
/// Table 四's values as one row of fifteen, with the numbers OCR found off that row put where their position says, and
/// whether every value's column is sure. Table 四 prints its fifteen values in one row under a two-line header (or in
/// blocks of five). A scan adds numbers on other lines two ways (measured 2026-12-03 on the scan-conditions matrix,
/// tuned part): a header cell misread as a digit (纠正 read as 5 at 0.37, header ink read as 2 at 0.19), which went in
/// first and pushed every value one column on; and a value cell whose ruling under the header was not found, merged
/// with the header cell above so that its value lies on the header's line: it went in first, out of its column. Either
/// way the table's three sums may still hold (a row sum is blind to which of its parts holds which value), so a
/// value's column is sure only when every value read lies in the row, or in whole blocks of five, each in a cell of its
/// own.
/// </summary>
/// <param name="Slots">The values in their order across the row.</param>
/// <param name="Sure">Every value is in the row (or a whole block) of its own cell; false when a value was put by its
/// position among the row's, or a line holds part of a block.</param>
/// <param name="Split">The values were found as a row split over several lines (<see cref="SplitRow"/>).</param>
internal sealed record T4Placement(IReadOnlyList<Token> Slots, bool Sure, bool Split = false)
{
    /// <summary>Values were split out of cells a scan merged (<see cref="MergedCells"/>): no digit run is left to decode.</summary>
    public bool FromMergedCells { get; init; }

    /// <summary>Values of table 四 a block holds: four results and their 总计.</summary>
    public const int BlockSize = 5;

    /// <summary>Values the row of values holds at least for numbers elsewhere to be taken as strays or lost cells of it:
    /// two blocks' worth. A row read shorter than that is not known well enough to place others against.</summary>
    public const int MinRowValues = 2 * BlockSize;

    /// <param name="slots">The value tokens of table 四's region, in reading order.</param>
    /// <param name="count">The values the table holds (fifteen).</param>
    public static T4Placement Of(IReadOnlyList<Token> slots, int count)
    {
        // A text layer stores its characters and cells exactly: nothing is misread into a header, nothing merged.
        if (!slots.Any(s => s.Glyphs is not null)) return new(slots, true);
        var lines = slots.GroupBy(s => (s.Page, s.Line)).ToList();
        bool wholeBlocks = lines.All(l => l.Count() % BlockSize == 0);
        var row = lines.MaxBy(l => l.Count())!.ToList();
        var others = slots.Except(row).ToList();
        if (others.Count == 0 || row.Count < MinRowValues || lines.Any(l => l.Count() >= BlockSize && l.First() != row[0])
            || slots.Any(s => s.Box is null))
            return new(slots, wholeBlocks);
        // A row that holds every value: numbers elsewhere are strays (a header cell misread).
        if (row.Count >= count) return new(row, row.Count == count);

        // The row's spacing: half the median distance between neighbouring values is the reach of a value's column.
        var xs = row.Select(s => s.Box!.Value.CenterX).Order().ToList();
        var gaps = xs.Zip(xs.Skip(1), (a, b) => b - a).Order().ToList();
        double reach = gaps[gaps.Count / 2] / 2;
        int rowIndex = IndexOf(slots, row[0]);
        var inRow = new List<Token>(row);
        var after = new List<Token>();
        foreach (var o in others)
        {
            double x = o.Box!.Value.CenterX;
            // A number in a column the row holds a value of is a header cell misread: the column's value is the row's.
            if (inRow.Any(p => Math.Abs(p.Box!.Value.CenterX - x) < reach)) continue;
            // A value above the row in a column the row lacks: its cell merged with the header's. After the row: kept
            // after it, as read.
            if (IndexOf(slots, o) < rowIndex && o.Kind == TokenKind.Number) inRow.Add(o);
            else after.Add(o);
        }
        // A value put by its position has no cell of its own in the row, so its column, and its neighbours', are what
        // the position says, not what a cell says.
        bool put = inRow.Count > row.Count || after.Count > 0;
        return new([.. inRow.OrderBy(s => s.Box!.Value.CenterX), .. after], !put && wholeBlocks);
    }

    /// <summary>
    /// The row of values when a grid found in pieces split it over several lines: a fax-like scan loses stretches of a
    /// table's hairline rulings, each piece of the grid is read as a table of its own, and the value row's cells come out
    /// on a line per piece, after header lines whose ink reads as digits (measured 2026-12-04 on the scan-conditions matrix,
    /// probe-4 200-bilevel, hzq2023_working: 1, 1, 2, 4 and 0 read in the header's cells and the fifteen values on five
    /// lines, so the values read in order were the header's and no reading came out). Table 四's values are its lowest
    /// row, so the numbers of the region's last page whose middles lie within the lowest number's height are that row, in
    /// order across the page, when they are exactly <paramref name="count"/> single numbers each in a place of its own.
    /// Their columns are what their order says, not a cell of one row: not sure. Null when the numbers are on one line (no
    /// split: <see cref="Of"/> reads them) or the lowest band is not the whole row (blocks of five one under another).
    /// </summary>
    public static T4Placement? SplitRow(IReadOnlyList<Token> numbers, int count)
    {
        var boxed = numbers.Where(s => s.Kind == TokenKind.Number && s.Glyphs is not null && s.Box is not null).ToList();
        if (boxed.Count < count) return null;
        var last = boxed.OrderBy(s => s.Page).ThenBy(s => s.Box!.Value.CenterY).Last();
        var lowest = last.Box!.Value;
        var band = boxed.Where(s => s.Page == last.Page && s.Box!.Value.CenterY >= lowest.Y0 && s.Box!.Value.CenterY <= lowest.Y1)
            .OrderBy(s => s.Box!.Value.CenterX).ToList();
        if (band.Count != count || band.Select(s => s.Line).Distinct().Count() < 2 || !band.All(s => s.Atomic)) return null;
        // Each value in a place of its own: a cell read twice (two pieces overlapping) is no second value.
        for (int i = 1; i < band.Count; i++)
            if (band[i].Box!.Value.X0 < band[i - 1].Box!.Value.X1) return null;
        return new(band, false, true);
    }

    /// <summary>
    /// The row of values when a scan lost rulings between value cells: the cells on both sides of a lost column line are read
    /// as one cell as wide as both, and their digits as one number (measured 2026-12-04 on the scan-conditions matrix,
    /// probe-13 200-bilevel, hzq2023_working: `10 1 0 0 0 0 0 0 00 50 0 0 0`, thirteen cells, `00` and `50` each in a cell
    /// twice as wide as the others, so no reading came out). A cell <see cref="MergedWidthShare"/> or more of the row's median
    /// cell width that holds as many digits as it spans cells is that many single-digit values, when that makes the row whole
    /// (<paramref name="count"/> values). Their digits are the engine's, their columns what the widths say: not sure, and no
    /// surer than <see cref="MergedValueConfidence"/>. Null when the row is no such row.
    /// </summary>
    public static T4Placement? MergedCells(IReadOnlyList<Token> slots, int count)
    {
        if (slots.Count is < MinRowValues || slots.Count >= count
            || slots.Any(s => s is not { Kind: TokenKind.Number, Glyphs: not null, Box: not null })
            || slots.Select(s => (s.Page, s.Line)).Distinct().Count() != 1) return null;
        var widths = slots.Select(s => s.Box!.Value.Width).Order().ToList();
        double median = widths[widths.Count / 2];
        int Spans(Token s) => s.Box!.Value.Width >= MergedWidthShare * median ? (int)Math.Round(s.Box!.Value.Width / median) : 1;
        if (slots.Sum(Spans) != count) return null;
        var split = new List<Token>();
        foreach (var s in slots)
        {
            int spans = Spans(s);
            // A cell of one value is read whole; `00` (a run: no number starts with 0) can only be cells merged.
            if (spans == 1) { if (!s.Atomic) return null; split.Add(s); continue; }
            if (s.Raw.Length != spans || !s.Raw.All(char.IsAsciiDigit)) return null;
            var box = s.Box!.Value;
            double w = box.Width / spans;
            for (int k = 0; k < spans; k++)
            {
                var digit = s.Raw[k].ToString();
                split.Add(s with
                {
                    Raw = digit, Norm = digit, Atomic = true, Confidence = Math.Min(s.Confidence, MergedValueConfidence),
                    Box = box with { X0 = box.X0 + k * w, X1 = box.X0 + (k + 1) * w },
                });
            }
        }
        return new(split, false) { FromMergedCells = true };
    }

    /// <summary>A value cell this share of the row's median cell width or wider spans several cells (two cells merged: 2).</summary>
    private const double MergedWidthShare = 1.6;

    /// <summary>Highest confidence of a value split out of a merged cell: its column is the cell's width's guess.</summary>
    private const double MergedValueConfidence = 0.5;

    private static int IndexOf(IReadOnlyList<Token> slots, Token t)
    {
        for (int i = 0; i < slots.Count; i++) if (ReferenceEquals(slots[i], t)) return i;
        return -1;
    }
}
