using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>
/// Reads table 二: small sub-tables whose rows have unique labels (规章, 行政许可, …), so each row is
/// found by its label wherever it is (dumps move the sub-tables around). The column headers and the
/// row sizes decide between the 2019 and 2021 layouts. Labels OCR garbled (行收需范性文件) are matched
/// fuzzily, and rows of numbers whose labels are past reading fill the template rows missing between
/// found ones when their number and sizes fit exactly (the table's row order is fixed). A row printed
/// with its label and every cell blank is a blank row, so an empty template reads as blanks, not as missing.
/// </summary>
public static class T2Reader
{
    private static readonly string[] Headers2021 = ["本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额"];
    private static readonly string[] Headers2019 = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量", "采购总金额", "政府集中采购", "第二十条第(九)项"];

    public static TableReading? Read(IReadOnlyList<Token> region, AlignerOptions? options = null)
    {
        var o = options ?? AlignerOptions.Default;
        var groups = RowGrouper.Group(region, sentencesAreValues: true);
        var labelsAlone = LabelsAlone(region);
        if (groups.Count == 0 && labelsAlone.Count < MinBlankRowsOfEmptyTable) return null;
        var text = string.Concat(region.Where(t => t.Kind == TokenKind.Text).Select(t => t.Norm));
        int votes21 = Headers2021.Count(h => text.Contains(LabelText.Normalize(h)));
        int votes19 = Headers2019.Count(h => text.Contains(LabelText.Normalize(h)));

        var fit19 = Fit(groups, labelsAlone, TableTemplates.T2F2019, o);
        var fit21 = Fit(groups, labelsAlone, TableTemplates.T2F2021, o);
        // No row named (captions and labels past reading): the grid's shape and its number pattern may still place the table.
        if (fit19.Rows.Count == 0 && fit21.Rows.Count == 0) return T2GridShape.Read(region);
        double s19 = fit19.Score + 5 * votes19, s21 = fit21.Score + 5 * votes21;
        var fit = s21 >= s19 ? fit21 : fit19;
        bool certain = Math.Abs(s21 - s19) >= 5;

        fit = CompletedByShape(fit, region);
        var rows = fit.Rows.Select(r => (r.Row, r.Group, RowCandidates.For(r.Group, r.Row.Columns.Count, []))).ToList();
        var chosen = CandidateSelector.Select(rows, []);
        var cells = chosen.SelectMany(c => CellAssembler.Cells(c, false, fit.ByOrder.Contains(c.Group), labelUnconfirmed: fit.ByOrder.Contains(c.Group))).ToList();
        return new TableReading("t2", fit.Template.Format, certain, cells, "labelled rows");
    }

    /// <param name="ByOrder">Groups given their row by the fixed row order alone: their label may name a row the schema lacks.</param>
    private sealed record TemplateFit(TableTemplate Template, double Score, IReadOnlyList<(TemplateRow Row, RowGroup Group)> Rows, IReadOnlySet<RowGroup> ByOrder);

    private static TemplateFit Fit(IReadOnlyList<RowGroup> groups, IReadOnlyList<LabelAlone> labelsAlone, TableTemplate template, AlignerOptions o)
    {
        var found = new List<(TemplateRow, RowGroup)>();
        double score = 0;
        var named = new TemplateRow?[groups.Count]; // the row each group names, found once
        for (int i = 0; i < groups.Count; i++) named[i] = Names(groups[i], template);
        NameFuzzily(groups, template, named);
        var beforeOrder = (TemplateRow?[])named.Clone();
        FillByOrder(groups, template, named);
        var byOrder = Enumerable.Range(0, groups.Count).Where(i => beforeOrder[i] is null && named[i] is not null)
            .Select(i => groups[i]).ToHashSet(ReferenceEqualityComparer.Instance);
        // Labels printed without values are blank rows only when every row of values has found its row:
        // otherwise the values may be that label's, cut off from it by a broken dump.
        bool valuesAllNamed = Enumerable.Range(0, groups.Count).All(i => named[i] is not null || !HoldsNumbers(groups[i]));
        foreach (var row in template.Rows)
        {
            int at = Array.FindIndex(named, n => n == row);
            RowGroup group;
            if (at >= 0) group = groups[at];
            else if (valuesAllNamed && labelsAlone.FirstOrDefault(t => NamesExactly(t.Label.Norm, row)) is { } label)
                group = BlankEvidence.BlankRow(label.Label.Norm, label);
            else continue;
            found.Add((row, group));
            score += 10 - RowAligner.SizePenalty(group, row.Columns.Count, o);
        }
        return new TemplateFit(template, score, found, byOrder.Cast<RowGroup>().ToHashSet());
    }

    /// <summary>
    /// A fit that left rows unplaced, completed by the grid's shape (<see cref="T2GridShape"/>) when the shape is the fit's
    /// form and puts every row the labels placed on the line they placed it on: the labels confirm the shape, and the shape
    /// places the rows whose labels are past reading. Measured 2026-12-04 on the scan-conditions matrix (probe-4, 200 dpi
    /// bilevel, hzq2023_working): 规章 read 规贞, 行政规范性文件 一,件 and 行政许可 行收;信诈1 (a label with a digit, so no
    /// row of numbers, and the rows between 行政处罚 and the table's start no longer count as the template's), while
    /// 行政处罚, 行政强制 (read 行政唾制) and 行政事业性收费 were named. The rows it places say so (label_unconfirmed).
    /// </summary>
    private static TemplateFit CompletedByShape(TemplateFit fit, IReadOnlyList<Token> region)
    {
        if (fit.Rows.Count == fit.Template.Rows.Count || T2GridShape.Place(region) is not { } shape || shape.Template != fit.Template) return fit;
        var byRow = fit.Rows.ToDictionary(r => r.Row, r => r.Group);
        foreach (var (row, group) in shape.Rows)
            if (byRow.TryGetValue(row, out var labelled) && !SameLine(labelled, group)) return fit;
        var rows = shape.Rows.Select(r => (r.Row, byRow.GetValueOrDefault(r.Row) ?? r.Group)).ToList();
        var byOrder = fit.ByOrder.Concat(shape.Rows.Where(r => !byRow.ContainsKey(r.Row)).Select(r => r.Group)).ToHashSet(ReferenceEqualityComparer.Instance);
        return fit with { Rows = rows, ByOrder = byOrder.Cast<RowGroup>().ToHashSet() };
    }

    /// <summary>Whether a row the labels placed lies on the grid line the shape placed there (a blank row, printed without
    /// values, is none of the shape's: its lines all hold values).</summary>
    private static bool SameLine(RowGroup labelled, RowGroup shaped) =>
        labelled.Slots.Count > 0 && shaped.Slots.Count > 0 && labelled.Slots[0].Line == shaped.Slots[0].Line;

    /// <summary>Least number of labels without values that make an empty table (a template printed blank) rather than a passage naming rows.</summary>
    private const int MinBlankRowsOfEmptyTable = 3;

    /// <summary>
    /// Label cells followed by another label rather than by values: rows printed with every cell blank
    /// (a dump that dropped blank cells puts the labels one after another). The last text of the region
    /// is not one: the page may be cut right after it.
    /// </summary>
    private static IReadOnlyList<LabelAlone> LabelsAlone(IReadOnlyList<Token> region)
    {
        var alone = new List<LabelAlone>();
        for (int i = 0; i < region.Count; i++)
        {
            if (region[i].Kind != TokenKind.Text) continue;
            int next = i + 1;
            while (next < region.Count && region[next] is { Kind: TokenKind.Blank, Placeholder: false }) next++;
            if (next < region.Count && region[next].Kind == TokenKind.Text) alone.Add(LabelAlone.At(region, i));
        }
        return alone;
    }

    /// <summary>A label that ends with one of the row's keys (`行政规范性文件` names 规范性文件).</summary>
    private static bool NamesExactly(string label, TemplateRow row) =>
        row.NormalizedKeys.Any(k => label.EndsWith(k, StringComparison.Ordinal));

    /// <summary>Least fuzzy match of an unnamed group's label with a row's key (行收需范性文件 for 行政规范性文件 is 0.71).</summary>
    private const double MinFuzzyMatch = 0.7;

    private static bool HoldsNumbers(RowGroup g) => g.Slots.Count > 0 && g.Slots.All(s => s.Kind == TokenKind.Number);

    /// <summary>A group of numbers whose label names no row exactly takes the row its label is nearest, if no other group named it.</summary>
    private static void NameFuzzily(IReadOnlyList<RowGroup> groups, TableTemplate template, TemplateRow?[] named)
    {
        for (int i = 0; i < groups.Count; i++)
        {
            if (named[i] is not null || !HoldsNumbers(groups[i]) || !groups[i].IsLabelled) continue;
            var label = PreparedLabel.Of(groups[i].StrongLabel);
            TemplateRow? best = null;
            double bestScore = MinFuzzyMatch;
            foreach (var row in template.Rows)
            {
                if (named.Contains(row)) continue;
                double score = row.NormalizedKeys.Max(k => LabelText.Match(label, k));
                if (score >= bestScore) (best, bestScore) = (row, score);
            }
            if (best is not null) named[i] = best;
        }
    }

    /// <summary>
    /// Template rows still missing between two found rows (or before the first, after the last) take the
    /// unnamed groups of numbers lying between those rows' groups, in order, when there are exactly as many
    /// and each has the row's number of cells.
    /// </summary>
    private static void FillByOrder(IReadOnlyList<RowGroup> groups, TableTemplate template, TemplateRow?[] named)
    {
        var at = template.Rows.Select(r => Array.IndexOf(named, r)).ToArray();
        int r = 0;
        while (r < at.Length)
        {
            if (at[r] >= 0) { r++; continue; }
            int end = r;
            while (end < at.Length && at[end] < 0) end++;
            int from = r > 0 ? at[r - 1] + 1 : 0, to = end < at.Length ? at[end] : groups.Count;
            if (from <= to)
            {
                var free = Enumerable.Range(from, to - from).Where(i => named[i] is null && HoldsNumbers(groups[i])).ToList();
                if (free.Count == end - r && free.Select((g, k) => groups[g].Slots.Count == template.Rows[r + k].Columns.Count).All(x => x))
                    for (int k = 0; k < free.Count; k++) named[free[k]] = template.Rows[r + k];
            }
            r = end;
        }
    }

    /// <summary>The row a group's own label names: of the keys it contains, the one printed last (nearest the values).</summary>
    private static TemplateRow? Names(RowGroup g, TableTemplate template)
    {
        TemplateRow? best = null;
        int bestPos = -1;
        foreach (var row in template.Rows)
            for (int k = 0; k < row.NormalizedKeys.Count; k++)
            {
                var key = row.NormalizedKeys[k];
                int pos = g.StrongLabel.LastIndexOf(key, StringComparison.Ordinal);
                if (pos < 0) continue;
                int end = pos + key.Length;
                // `行政规范性文件` names the 规范性文件 row; a longer key ending at the same place wins.
                if (end > bestPos || end == bestPos && best is not null && key.Length > best.NormalizedKeys.Max(x => x.Length))
                { best = row; bestPos = end; }
            }
        return best;
    }
}
