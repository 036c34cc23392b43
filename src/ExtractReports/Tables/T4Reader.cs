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

    /// <param name="emptyTemplate">
    /// The region ends at the section after table 四 (五、存在的主要问题), not where the page was cut, and
    /// table 三 was printed without a number: an empty template, whose table 四 is blank too. Without
    /// table 三 blank, a table 四 header without numbers is a row of values lost, not a blank table.
    /// </param>
    public static TableReading? Read(IReadOnlyList<Token> region, bool emptyTemplate = false)
    {
        if (emptyTemplate && region.All(t => t.Kind != TokenKind.Number) && region.Count(t => t.Kind == TokenKind.Text && HeaderWords.Any(t.Norm.Contains)) >= MinHeaderWordsOfBlankTable)
        {
            // Its header printed whole and not one number before the next section: a table 四 printed blank.
            int page = region.FirstOrDefault(t => t.Kind == TokenKind.Text)?.Page ?? 0;
            bool seen = BlankEvidence.SeenBlank(region, Count);
            var blank = Fields.Select(f => new CellReading(f, "", CellOrigin.Blank, "行政复议 | (printed without values)", page, null, 1, 1, true, true, 1, []) { BlankSeen = seen }).ToList();
            return new TableReading("t4", ReportFormat.F2021, true, blank, "printed blank");
        }
        var groups = RowGrouper.Group(region, sentencesAreValues: false);
        var slots = new List<Token>();
        var empty = new List<Token>();
        bool runs = false;
        foreach (var g in groups)
        {
            if (slots.Count >= Count || runs && slots.Sum(Capacity) >= Count) break;
            if (slots.Count > 0 && IsStrayRow(g)) continue;
            slots.AddRange(g.Slots);
            empty.AddRange(g.EmptyCells);
            runs |= g.HasRuns;
        }
        if (slots.Count == 0) return null;
        // A value row a grid in pieces split into lines is found whole by its place on the page, header ink read as digits aside.
        // A row whose lost column lines merged value cells is split by their widths.
        var placement = T4Placement.SplitRow(groups.SelectMany(g => g.Slots).ToList(), Count) ?? T4Placement.MergedCells(slots, Count)
            ?? T4Placement.Of(slots, Count);
        if (placement.Split || placement.FromMergedCells) runs = false;
        var merged = new RowGroup(placement.Slots, groups[0].StrongLabel, "", false, 0) { EmptyCells = empty };
        var candidates = RowCandidates.For(merged, Count, BlockTotals);
        var chosen = CandidateSelector.Select([(AllInOneRow, merged, candidates)], []);
        var cells = chosen.SelectMany(c => CellAssembler.Cells(c, false))
            .Select((cell, i) => cell with
            {
                FieldId = Fields[i], LabelMatch = 1, LabelledRow = true, ColumnCertain = cell.ColumnCertain && placement.Sure,
            })
            .ToList();
        return new TableReading("t4", ReportFormat.F2021, true, cells, runs ? "decoded" : "in order");
    }

    /// <summary>The fifteen numbers read as one row (its cells are renamed to <see cref="Fields"/> afterwards).</summary>
    private static readonly TemplateRow AllInOneRow = new("t4", ["行政复议"], Enumerable.Range(0, Count).Select(i => i.ToString()).ToList());

    /// <summary>The schema's field of each of the fifteen numbers, in printed order.</summary>
    private static readonly IReadOnlyList<string> Fields = TableTemplates.T4.Rows.SelectMany(r => r.FieldIds).ToArray();

    /// <summary>Each group of five ends in its 总计.</summary>
    private static readonly IReadOnlyList<RowSum> BlockTotals = RowSum.Blocks(3, 5);

    /// <summary>Words of table 四's header: 行政复议, 行政诉讼 and the result columns.</summary>
    private static readonly string[] HeaderWords = ["维持", "纠正", "其他结果", "尚未审结", "总计", "直接起诉", "复议后起诉"];

    /// <summary>Header cells a blank table 四 shows at least (the heading alone, on a cut page, is no table). 5.</summary>
    private const int MinHeaderWordsOfBlankTable = 5;

    /// <summary>
    /// A row after table 四's values whose own label names something else (（八）其他说明, 其他事项): a row the form lacks,
    /// not a block of table 四. Its values taken to fill a row short of a cell put them in table 四's last columns, where a
    /// block's sum held by chance (random damaged reports, 2026-12-04: 复议后起诉 `0 0 1 1 2` at 1.0 for `0 0 0 1 1`).
    /// </summary>
    private static bool IsStrayRow(RowGroup g) =>
        g.StrongLabel.Any(Tokenizer.IsCjk) && !HeaderWords.Append("行政复议").Append("行政诉讼").Any(g.StrongLabel.Contains);

    private static int Capacity(Token t) => t.Kind == TokenKind.Number && !t.Atomic ? t.Raw.Count(char.IsAsciiDigit) : 1;
}
