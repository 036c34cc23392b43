using ExtractReports.Pages;

namespace ExtractReports.Tables;

/// <summary>A sum a row states about itself: the cell at <see cref="Total"/> is the sum of the cells at <see cref="Parts"/>.</summary>
public sealed record RowSum(int Total, IReadOnlyList<int> Parts)
{
    public bool Holds(IReadOnlyList<decimal> v) => v[Total] == Parts.Sum(p => v[p]);

    /// <summary>The cells this sum ties together.</summary>
    public bool Involves(int cell) => Total == cell || Parts.Contains(cell);

    /// <summary>The value of <paramref name="cell"/> that makes the sum hold, from the other cells' values.</summary>
    public decimal Solve(int cell, Func<int, decimal> value) =>
        Total == cell ? Parts.Sum(value) : value(Total) - Parts.Where(p => p != cell).Sum(value);

    /// <summary>The last cell of a row of <paramref name="columns"/> is the sum of the others (table 三's 总计).</summary>
    public static IReadOnlyList<RowSum> LastIsTotal(int columns) => [new RowSum(columns - 1, Enumerable.Range(0, columns - 1).ToArray())];

    /// <summary>Consecutive blocks of <paramref name="size"/> cells, each ending in its total (table 四).</summary>
    public static IReadOnlyList<RowSum> Blocks(int blocks, int size) =>
        Enumerable.Range(0, blocks).Select(b => new RowSum(b * size + size - 1, Enumerable.Range(b * size, size - 1).ToArray())).ToArray();
}

/// <summary>One possible reading of a row: a value per column ("" for blank, null for unknown) and how each came about.</summary>
/// <param name="PlacementUnknown">The cells' columns are not known (a row short of cells whose positions break its sum, or a
/// digit run no sum checks that may hold fewer values than the row has columns).</param>
public sealed record RowCandidate(IReadOnlyList<string?> Values, IReadOnlyList<CellOrigin> Origins, double Prior, IReadOnlyList<Token?> Sources,
    bool PlacementUnknown = false)
{
    /// <summary>
    /// The values were put in the first columns by their order (a row short of cells that neither a sum nor positions
    /// placed, its unknowns last), or their columns are unknown: each may belong to another column.
    /// </summary>
    public bool PlacedByOrder => PlacementUnknown || !FromPositions && Values.Any(v => v is null);

    /// <summary>The values were placed by the cells' x positions (an unknown among them is a cell not read, not a shift).</summary>
    public bool FromPositions { get; init; }
}

/// <summary>
/// The possible readings of a row group: as printed when every cell is there; cut apart when digits
/// ran together; with one dropped cell re-inserted wherever the row-sum identity allows; placed by x
/// position when the cells have boxes and the table's column positions are known.
/// </summary>
public static class RowCandidates
{
    /// <param name="sums">The sums the row states about itself (none for table 二).</param>
    /// <param name="columnCenters">x centers of the columns learned from complete rows, or null.</param>
    public static IReadOnlyList<RowCandidate> For(RowGroup group, int columns, IReadOnlyList<RowSum> sums, IReadOnlyList<double>? columnCenters = null)
    {
        var slots = group.Slots;
        if (columnCenters is not null && group.AllAtomic && slots.Count < columns && slots.All(s => s.Box is not null))
        {
            var placed = ByPosition(slots, columns, columnCenters);
            placed = SolveDoubtfulBlanks(placed, sums) ?? placed;
            // Positions say where each value sits, unless a cell was dropped rather than left blank (an
            // HTML row one <td> short): when the row's sum then fails, the dropped cell may be any of them,
            // and the identities choose among the placements (or leave the cells ambiguous).
            if (sums.Count > 0 && !SumsHold(placed, sums))
            {
                if (slots.Count == columns - 1 && slots.All(s => s.Kind == TokenKind.Number))
                    return [placed, .. GapCandidates(slots, columns, sums)];
                // Otherwise the columns no cell was printed in are unknown, not blank: the row's values
                // may sit elsewhere, and its cells are read as placed by order.
                var values = placed.Values.Select((v, c) => placed.Sources[c] is null && placed.Origins[c] == CellOrigin.Blank ? null : v).ToArray();
                var origins = placed.Origins.Select((o, c) => values[c] is null ? CellOrigin.Missing : o).ToArray();
                return [placed with { Values = values, Origins = origins, PlacementUnknown = true }];
            }
            return [placed];
        }

        if (group.HasRuns)
        {
            var pieces = slots.Where(s => s.Kind == TokenKind.Number).Select(s => new DigitPiece(s.Raw, s.Atomic)).ToList();
            Func<decimal[], bool>? constraint = sums.Count > 0 ? v => sums.All(s => s.Holds(v)) : null;
            var decoded = DigitRunDecoder.Decode(pieces, columns, constraint);
            if (decoded.Count == 0 && sums.Count > 0) decoded = DigitRunDecoder.Decode(pieces, columns).Take(1).ToList();
            // A row whose cell boundaries were lost shows no trace of its blank cells: with no sum to tell, a run that can be
            // cut into fewer values than columns may hold fewer, so its cuts do not know their columns (random damaged reports,
            // 2026-12-04: table 二's `规范性文件  1202`, two blank cells then 1202, cut 1/20/2 or 12/0/2, its last cell 2 at 1.0).
            bool fewer = sums.Count == 0 && Enumerable.Range(1, columns - 1).Any(k => DigitRunDecoder.Decode(pieces, k).Count > 0);
            return decoded.Select(d => new RowCandidate(
                    d.Numbers.Select(n => (string?)NumberText.Canonical(n)).ToList(),
                    d.Numbers.Select(_ => CellOrigin.Decoded).ToList(), d.Prior,
                    d.Numbers.Select(_ => (Token?)null).ToList(), PlacementUnknown: fewer))
                .Take(2000).ToList();
        }

        if (slots.Count >= columns)
        {
            var printed = AsPrinted(slots.Take(columns).ToList(), columns);
            return [SolveDoubtfulBlanks(printed, sums) ?? printed];
        }

        if (slots.Count == columns - 1 && sums.Count > 0 && slots.All(s => s.Kind == TokenKind.Number))
        {
            var gaps = GapCandidates(slots, columns, sums);
            if (gaps.Count > 0) return gaps;
        }
        return [AsPrinted(slots, columns, group.TrailingBlankRun)];
    }

    /// <summary>An empty cell the reading engine was unsure of (ink it could not read) is not known to be blank.</summary>
    public const double SureBlankConfidence = 0.9;

    /// <summary>
    /// Empty cells of a row read by an engine (OCR) may be digits it missed. Where the row's sum fixes
    /// such a cell to a non-zero value, the report must have printed it: it is inferred. A cell the
    /// engine saw ink in but could not read, and no sum fixes, is missing rather than blank.
    /// </summary>
    private static RowCandidate? SolveDoubtfulBlanks(RowCandidate printed, IReadOnlyList<RowSum> sums)
    {
        bool fromEngine = printed.Sources.Any(s => s is { Kind: TokenKind.Number, Confidence: < 1 });
        var doubtful = Enumerable.Range(0, printed.Values.Count)
            .Where(c => printed.Origins[c] == CellOrigin.Blank && printed.Sources[c] is not { Placeholder: true }
                        && (fromEngine || printed.Sources[c] is { Confidence: < SureBlankConfidence }))
            .ToList();
        if (doubtful.Count == 0) return null;
        var values = printed.Values.ToArray();
        var origins = printed.Origins.ToArray();
        bool changed = false;
        foreach (var c in doubtful)
        {
            var sum = sums.FirstOrDefault(s => s.Involves(c));
            var others = sum is null ? [] : sum.Parts.Append(sum.Total).Where(o => o != c).ToList();
            if (sum is not null && IsZeroWithOthers(c, sum, doubtful, values) && printed.Sources[c] is { Raw.Length: > 0 })
            {
                values[c] = "0";
                origins[c] = CellOrigin.Inferred;
                changed = true;
                continue;
            }
            if (sum is null || others.Any(o => doubtful.Contains(o) || NumberText.Value(values[o] ?? "") is null))
            {
                if (printed.Sources[c] is { Confidence: < SureBlankConfidence }) { values[c] = null; origins[c] = CellOrigin.Missing; changed = true; }
                continue;
            }
            decimal x = sum.Solve(c, i => NumberText.Value(values[i]!)!.Value);
            // A zero sum: the cell may well be blank in the report, unless ink was read there (a 0 read as a character).
            if (x < 0 || x == 0 && printed.Sources[c] is not { Raw.Length: > 0 }) continue;
            values[c] = NumberText.Canonical(x.ToString(System.Globalization.CultureInfo.InvariantCulture));
            origins[c] = CellOrigin.Inferred;
            changed = true;
        }
        return changed ? printed with { Values = values, Origins = origins } : null;
    }

    /// <summary>
    /// A doubtful part of a sum whose total the sum's read parts already make: with the other doubtful cells, all parts, it
    /// shares nothing, so each is zero (counts are never negative). Two or more such cells in one sum are common where a
    /// fax-like scan breaks zeros (measured 2026-12-04 on the scan-conditions matrix, probe-7 150-bilevel, pdf-01-2021-serif:
    /// table 四's `0 (0) (0) 2 2`). Only a cell the engine read ink in: an empty cell may be printed blank.
    /// </summary>
    private static bool IsZeroWithOthers(int c, RowSum sum, List<int> doubtful, string?[] values)
    {
        if (sum.Total == c || doubtful.Contains(sum.Total) || NumberText.Value(values[sum.Total] ?? "") is not { } total) return false;
        decimal read = 0;
        foreach (var p in sum.Parts)
        {
            if (p == c || doubtful.Contains(p)) continue;
            if (NumberText.Value(values[p] ?? "") is not { } v) return false;
            read += v;
        }
        return read == total && sum.Parts.Count(doubtful.Contains) > 1;
    }

    /// <summary>Whether every sum holds, a blank cell counting as zero (an unknown or a sentence makes a sum fail).</summary>
    private static bool SumsHold(RowCandidate c, IReadOnlyList<RowSum> sums)
    {
        var v = c.Values.Select(x => x is null ? null : x.Length == 0 ? 0 : NumberText.Value(x)).ToArray();
        return sums.All(s => s.Parts.Append(s.Total).All(i => v[i] is not null) && s.Holds(v.Select(x => x ?? 0).ToArray()));
    }

    private static RowCandidate AsPrinted(IReadOnlyList<Token> slots, int columns, bool restBlank = false)
    {
        var values = new string?[columns];
        var origins = new CellOrigin[columns];
        var sources = new Token?[columns];
        for (int c = 0; c < columns; c++)
        {
            if (c < slots.Count)
            {
                var s = slots[c];
                sources[c] = s;
                (values[c], origins[c]) = s.Kind switch
                {
                    TokenKind.Number => (NumberText.Canonical(s.Raw), CellOrigin.Read),
                    TokenKind.Sentence => (s.Raw, CellOrigin.Text),
                    _ => ("", CellOrigin.Blank),
                };
            }
            else (values[c], origins[c]) = restBlank ? ("", CellOrigin.Blank) : (null, CellOrigin.Missing);
        }
        return new RowCandidate(values, origins, 0, sources);
    }

    /// <summary>One cell dropped: put the unknown at each position, solve it from the sum it belongs to, keep what every sum allows.</summary>
    private static List<RowCandidate> GapCandidates(IReadOnlyList<Token> slots, int columns, IReadOnlyList<RowSum> sums)
    {
        var found = new Dictionary<string, RowCandidate>();
        var nums = slots.Select(s => NumberText.Value(NumberText.Canonical(s.Raw)) ?? 0).ToList();
        for (int gap = 0; gap < columns; gap++)
        {
            var v = new decimal[columns];
            for (int c = 0, k = 0; c < columns; c++) if (c != gap) v[c] = nums[k++];
            var sum = sums.FirstOrDefault(s => s.Involves(gap));
            if (sum is null) continue;
            decimal x = sum.Solve(gap, p => v[p]);
            if (x < 0) continue;
            v[gap] = x;
            if (!sums.All(s => s.Holds(v))) continue;
            var values = v.Select(d => (string?)NumberText.Canonical(d.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
            var key = string.Join(",", values);
            var origins = Enumerable.Range(0, columns).Select(c => c == gap ? CellOrigin.Inferred : CellOrigin.Read).ToArray();
            var sources = new Token?[columns];
            for (int c = 0, k = 0; c < columns; c++) if (c != gap) sources[c] = slots[k++];
            if (found.TryGetValue(key, out var existing))
            {
                // Same values whichever cell was dropped: every cell that may be the dropped one is inferred.
                var merged = existing.Origins.Select((o, c) => o == CellOrigin.Inferred || origins[c] == CellOrigin.Inferred
                    ? CellOrigin.Inferred : CellOrigin.Read).ToArray();
                found[key] = existing with { Origins = merged };
            }
            else found[key] = new RowCandidate(values, origins, 0, sources);
        }
        return found.Values.ToList();
    }

    private static RowCandidate ByPosition(IReadOnlyList<Token> slots, int columns, IReadOnlyList<double> centers)
    {
        var values = Enumerable.Repeat<string?>("", columns).ToArray();
        var origins = Enumerable.Repeat(CellOrigin.Blank, columns).ToArray();
        var sources = new Token?[columns];
        foreach (var s in slots)
        {
            var cx = s.Box!.Value.CenterX;
            int best = Enumerable.Range(0, columns).OrderBy(c => Math.Abs(centers[c] - cx)).First();
            if (sources[best] is not null) continue;
            sources[best] = s;
            (values[best], origins[best]) = s.Kind switch
            {
                TokenKind.Number => (NumberText.Canonical(s.Raw), CellOrigin.Read),
                TokenKind.Sentence => (s.Raw, CellOrigin.Text),
                _ => ("", CellOrigin.Blank),
            };
        }
        return new RowCandidate(values, origins, 0, sources) { FromPositions = true };
    }

    /// <summary>Column x centers from rows where every column is present, or null when there are none.</summary>
    public static IReadOnlyList<double>? LearnColumnCenters(IEnumerable<RowGroup> groups, int columns)
    {
        var full = groups.Where(g => g.AllAtomic && g.Slots.Count == columns && g.Slots.All(s => s.Box is not null)).ToList();
        if (full.Count < 2) return null;
        return Enumerable.Range(0, columns).Select(c =>
        {
            var xs = full.Select(g => g.Slots[c].Box!.Value.CenterX).OrderBy(x => x).ToList();
            return xs[xs.Count / 2];
        }).ToList();
    }
}
