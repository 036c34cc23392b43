using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>Turns chosen row readings into cell readings with their evidence and flags.</summary>
internal static class CellAssembler
{
    /// <summary>The flag of a value whose row was placed by its order alone, its own label naming no row (OCR).</summary>
    public const string LabelUnconfirmed = "label_unconfirmed";

    /// <param name="placementDoubtful">The row was placed by order where a row may be absent or added: its values may be a neighbour's.</param>
    /// <param name="labelUnconfirmed">The row's own label does not name it (read as garbage, or none): it was placed by its order alone.</param>
    public static IEnumerable<CellReading> Cells(ChosenRow chosen, bool columnsFromPositions, bool placementDoubtful = false, bool labelUnconfirmed = false)
    {
        var (row, group, cand, equivalent) = (chosen.Row, chosen.Group, chosen.Chosen, chosen.Equivalent);
        var (strong, _) = group.Match(row);
        bool complete = group.AllAtomic && group.Slots.Count == row.Columns.Count;
        var label = Label(group);
        string? evidence = null; // the whole row's, for cells without a token of their own; built when first needed
        var first = group.Slots.Count > 0 ? group.Slots[0] : null;
        // A row short of cells that nothing placed (no sum, no positions): its values were put in the
        // first columns by order, but the dropped cells may have been anywhere, so each value has at
        // least one other place it may belong.
        bool placedByOrderOnly = !columnsFromPositions && cand.Values.Any(v => v is null) || cand.PlacementUnknown;
        bool witnessed = BlankEvidence.Witnessed(group, cand);
        for (int c = 0; c < row.Columns.Count; c++)
        {
            var value = cand.Values[c];
            var origin = cand.Origins[c];
            var source = cand.Sources.Count > c ? cand.Sources[c] : null;
            int alternatives = equivalent.Count == 1 ? 1 : equivalent.Select(e => e.Values[c]).Distinct().Count();
            if ((placedByOrderOnly || placementDoubtful) && value is not null) alternatives = Math.Max(alternatives, 2);
            yield return new CellReading(
                row.FieldId(c),
                value ?? "",
                value is null ? CellOrigin.Missing : origin,
                source is not null ? $"{label} | {source.Raw}{(source.Note is null ? "" : source.Note)}" : evidence ??= Evidence(label, group),
                source?.Page ?? first?.Page ?? 0,
                source?.Box,
                source?.Confidence ?? LeastNumberConfidence(group),
                strong,
                group.IsLabelled,
                complete || columnsFromPositions && source is not null && !cand.PlacementUnknown,
                alternatives,
                Flags(origin, alternatives, source, group.IsLabelled, labelUnconfirmed),
                alternatives > 1 ? equivalent.Select(e => e.Values[c] ?? "").Distinct().ToList() : null)
            {
                Glyphs = source?.Glyphs,
                BlankSeen = value is not null && origin == CellOrigin.Blank && (source is null ? witnessed : source.SeenBlank),
            };
        }
    }

    private static IReadOnlyList<string> Flags(CellOrigin origin, int alternatives, Token? source, bool labelledRow, bool labelUnconfirmed)
    {
        List<string>? flags = null; // most cells have none: they share the empty list
        void Add(string flag) => (flags ??= []).Add(flag);
        if (origin == CellOrigin.Decoded) Add("digits_run_together");
        if (origin == CellOrigin.Inferred) Add("inferred_from_identity");
        if (alternatives > 1) Add($"ambiguous:{alternatives}_readings");
        if (source?.Note is { } note) Add($"note:{note}");
        if (origin == CellOrigin.Text) Add("sentence_in_numeric_cell");
        if (!labelledRow) Add("row_placed_by_order");
        if (labelUnconfirmed) Add(LabelUnconfirmed);
        return flags ?? [];
    }

    /// <summary>The engine's least confidence among the row's numbers (1 when it has none).</summary>
    private static double LeastNumberConfidence(RowGroup g)
    {
        double least = 1;
        bool any = false;
        foreach (var s in g.Slots)
            if (s.Kind == TokenKind.Number) { least = any ? Math.Min(least, s.Confidence) : s.Confidence; any = true; }
        return least;
    }

    private static string Label(RowGroup g) => g.StrongLabel.Length > 40 ? "…" + g.StrongLabel[^40..] : g.StrongLabel;

    private static string Evidence(string label, RowGroup g) => g.Slots.Count == 0
        ? $"{label} | (printed without values)"
        : $"{label} | {string.Join(" ", g.Slots.Select(s => s.Kind == TokenKind.Blank ? "_" : s.Raw))}";
}
