using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>Turns chosen row readings into cell readings with their evidence and flags.</summary>
internal static class CellAssembler
{
    public static IEnumerable<CellReading> Cells(ChosenRow chosen, bool columnsFromPositions)
    {
        var (row, group, cand, equivalent) = (chosen.Row, chosen.Group, chosen.Chosen, chosen.Equivalent);
        var (strong, _) = group.Match(row);
        bool complete = group.AllAtomic && group.Slots.Count == row.Columns.Count;
        var evidence = Evidence(group);
        var first = group.Slots.FirstOrDefault();
        for (int c = 0; c < row.Columns.Count; c++)
        {
            var value = cand.Values[c];
            var origin = cand.Origins[c];
            var source = cand.Sources.Count > c ? cand.Sources[c] : null;
            int alternatives = equivalent.Select(e => e.Values[c]).Distinct().Count();
            var flags = new List<string>();
            if (origin == CellOrigin.Decoded) flags.Add("digits_run_together");
            if (origin == CellOrigin.Inferred) flags.Add("inferred_from_identity");
            if (alternatives > 1) flags.Add($"ambiguous:{alternatives}_readings");
            if (source?.Note is { } note) flags.Add($"note:{note}");
            if (origin == CellOrigin.Text) flags.Add("sentence_in_numeric_cell");
            if (!group.IsLabelled) flags.Add("row_placed_by_order");
            yield return new CellReading(
                row.FieldId(c),
                value ?? "",
                value is null ? CellOrigin.Missing : origin,
                source is not null ? $"{Label(group)} | {source.Raw}{(source.Note is null ? "" : source.Note)}" : evidence,
                source?.Page ?? first?.Page ?? 0,
                source?.Box,
                source?.Confidence ?? group.Slots.Where(s => s.Kind == TokenKind.Number).Select(s => s.Confidence).DefaultIfEmpty(1).Min(),
                strong,
                group.IsLabelled,
                complete || columnsFromPositions && source is not null,
                alternatives,
                flags);
        }
    }

    private static string Label(RowGroup g) => g.StrongLabel.Length > 40 ? "…" + g.StrongLabel[^40..] : g.StrongLabel;

    private static string Evidence(RowGroup g) =>
        $"{Label(g)} | {string.Join(" ", g.Slots.Select(s => s.Kind == TokenKind.Blank ? "_" : s.Raw))}";
}
