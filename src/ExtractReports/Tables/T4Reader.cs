using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>
/// Reads table 四: fifteen numbers in a fixed order (行政复议, 未经复议直接起诉, 复议后起诉; each 维持,
/// 纠正, 其他, 尚未审结, 总计), whether printed on one line, in blocks, or one per line. Digit runs are
/// cut with the three 总计 identities.
/// </summary>
public static class T4Reader
{
    public const int Count = 15;

    public static TableReading? Read(IReadOnlyList<Token> region)
    {
        var groups = RowGrouper.Group(region, sentencesAreValues: false);
        var slots = new List<Token>();
        bool runs = false;
        foreach (var g in groups)
        {
            if (slots.Count >= Count || runs && slots.Sum(Capacity) >= Count) break;
            slots.AddRange(g.Slots);
            runs |= g.HasRuns;
        }
        if (slots.Count == 0) return null;
        var merged = new RowGroup(slots, groups[0].StrongLabel, "", false, 0);
        var row = new TemplateRow("t4", ["行政复议"], Enumerable.Range(0, Count).Select(i => i.ToString()).ToList());
        var candidates = Candidates(merged);
        var chosen = CandidateSelector.Select([(row, merged, candidates)], []);
        var fields = TableTemplates.T4.Rows.SelectMany(r => r.FieldIds).ToList();
        var cells = chosen.SelectMany(c => CellAssembler.Cells(c, false))
            .Select((cell, i) => cell with { FieldId = fields[i], LabelMatch = 1, LabelledRow = true })
            .ToList();
        return new TableReading("t4", ReportFormat.F2021, true, cells, runs ? "decoded" : "in order");
    }

    private static int Capacity(Token t) => t.Kind == TokenKind.Number && !t.Atomic ? t.Raw.Count(char.IsAsciiDigit) : 1;

    private static bool BlocksHold(decimal[] v) =>
        Enumerable.Range(0, 3).All(b => v[b * 5 + 4] == v[b * 5] + v[b * 5 + 1] + v[b * 5 + 2] + v[b * 5 + 3]);

    private static IReadOnlyList<RowCandidate> Candidates(RowGroup g)
    {
        if (g.HasRuns)
        {
            var pieces = g.Slots.Where(s => s.Kind == TokenKind.Number).Select(s => new DigitPiece(s.Raw, s.Atomic)).ToList();
            var decoded = DigitRunDecoder.Decode(pieces, Count, BlocksHold);
            if (decoded.Count == 0) decoded = DigitRunDecoder.Decode(pieces, Count).Take(1).ToList();
            if (decoded.Count > 0)
                return decoded.Take(2000).Select(d => new RowCandidate(d.Numbers.Select(n => (string?)NumberText.Canonical(n)).ToList(),
                    d.Numbers.Select(_ => CellOrigin.Decoded).ToList(), d.Prior, d.Numbers.Select(_ => (Token?)null).ToList())).ToList();
        }
        if (g.Slots.Count == Count - 1 && g.AllAtomic && g.Slots.All(s => s.Kind == TokenKind.Number))
        {
            var gaps = new List<RowCandidate>();
            var nums = g.Slots.Select(s => NumberText.Value(NumberText.Canonical(s.Raw)) ?? 0).ToList();
            for (int gap = 0; gap < Count; gap++)
            {
                var v = new decimal[Count];
                for (int c = 0, k = 0; c < Count; c++) if (c != gap) v[c] = nums[k++];
                int b = gap / 5;
                decimal x = gap % 5 == 4 ? v[b * 5] + v[b * 5 + 1] + v[b * 5 + 2] + v[b * 5 + 3]
                    : v[b * 5 + 4] - (v[b * 5] + v[b * 5 + 1] + v[b * 5 + 2] + v[b * 5 + 3] - v[gap]);
                if (x < 0) continue;
                v[gap] = x;
                if (!BlocksHold(v)) continue;
                var sources = new Token?[Count];
                for (int c = 0, k = 0; c < Count; c++) if (c != gap) sources[c] = g.Slots[k++];
                gaps.Add(new RowCandidate(v.Select(d => (string?)NumberText.Canonical(d.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
                    Enumerable.Range(0, Count).Select(c => c == gap ? CellOrigin.Inferred : CellOrigin.Read).ToList(), 0, sources));
            }
            var distinct = gaps.GroupBy(c => string.Join(",", c.Values)).Select(grp => grp.First()).ToList();
            if (distinct.Count > 0) return distinct;
        }
        return RowCandidates.For(g, Count, rowSum: false);
    }
}
