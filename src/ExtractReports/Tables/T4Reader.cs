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
        var candidates = RowCandidates.For(merged, Count, BlockTotals);
        var chosen = CandidateSelector.Select([(AllInOneRow, merged, candidates)], []);
        var cells = chosen.SelectMany(c => CellAssembler.Cells(c, false))
            .Select((cell, i) => cell with { FieldId = Fields[i], LabelMatch = 1, LabelledRow = true })
            .ToList();
        return new TableReading("t4", ReportFormat.F2021, true, cells, runs ? "decoded" : "in order");
    }

    /// <summary>The fifteen numbers read as one row (its cells are renamed to <see cref="Fields"/> afterwards).</summary>
    private static readonly TemplateRow AllInOneRow = new("t4", ["行政复议"], Enumerable.Range(0, Count).Select(i => i.ToString()).ToList());

    /// <summary>The schema's field of each of the fifteen numbers, in printed order.</summary>
    private static readonly IReadOnlyList<string> Fields = TableTemplates.T4.Rows.SelectMany(r => r.FieldIds).ToArray();

    /// <summary>Each group of five ends in its 总计.</summary>
    private static readonly IReadOnlyList<RowSum> BlockTotals = RowSum.Blocks(3, 5);

    private static int Capacity(Token t) => t.Kind == TokenKind.Number && !t.Atomic ? t.Raw.Count(char.IsAsciiDigit) : 1;
}
