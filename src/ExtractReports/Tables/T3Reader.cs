using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>
/// Reads table 三 from its region: row groups aligned to both formats' row sequences (the better
/// alignment decides the format), each row's readings enumerated, one picked per row by the identities.
/// </summary>
public static class T3Reader
{
    public const int Columns = 7;

    /// <summary>The sum each row states about itself: 总计, the last column, is the sum of the applicant columns.</summary>
    private static readonly IReadOnlyList<RowSum> RowTotal = RowSum.LastIsTotal(Columns);

    public static TableReading? Read(IReadOnlyList<Token> region, ReportFormat? hint, AlignerOptions? options = null)
    {
        var groups = SplitStacked(RowGrouper.Group(region, sentencesAreValues: false));
        if (groups.Count == 0) return null;
        // Both formats share most rows: match each group against each row once.
        var matches = new (double Strong, double Weak)[groups.Count][];
        for (int i = 0; i < groups.Count; i++) matches[i] = groups[i].Match(BothFormatsRows);
        (double, double) Match(int i, TemplateRow row) => matches[i][RowIndex[row]];
        var a19 = RowAligner.Align(groups, TableTemplates.T3F2019, Columns, options, Match);
        var a21 = RowAligner.Align(groups, TableTemplates.T3F2021, Columns, options, Match);
        if (a19.RowToGroup.Count == 0 && a21.RowToGroup.Count == 0) return null;
        double margin = a21.Score - a19.Score;
        bool certain = Math.Abs(margin) >= 3;
        var alignment = certain ? (margin > 0 ? a21 : a19) : (hint == ReportFormat.F2019 ? a19 : a21);
        var format = alignment.Template.Format;

        var centers = RowCandidates.LearnColumnCenters(alignment.RowToGroup.Values, Columns);
        var rows = alignment.RowToGroup.OrderBy(kv => kv.Key)
            .Select(kv => (alignment.Template.Rows[kv.Key], kv.Value, RowCandidates.For(kv.Value, Columns, RowTotal, centers)))
            .ToList();
        var chosen = CandidateSelector.Select(rows, TableIdentities.ForT3(format));
        var doubtful = DoubtfulPlacements(alignment, groups, options ?? AlignerOptions.Default);
        var cells = chosen.SelectMany(c => CellAssembler.Cells(c, centers is not null, doubtful.Contains(c.Group))).ToList();
        return new TableReading("t3", format, certain, cells, centers is null ? "aligned" : "aligned+positions");
    }

    /// <summary>
    /// Groups whose own label names no row: those with a label that names another thing, and those
    /// placed by order between two labelled rows (or the table's ends) where the rows and the groups
    /// between those anchors differ in number (a row absent or a stray row added), so the group may
    /// belong to a neighbouring row.
    /// </summary>
    private static HashSet<RowGroup> DoubtfulPlacements(Alignment alignment, IReadOnlyList<RowGroup> groups, AlignerOptions o)
    {
        var doubtful = new HashSet<RowGroup>(ReferenceEqualityComparer.Instance);
        var rows = alignment.Template.Rows;
        bool Anchored(int row) => alignment.RowToGroup.TryGetValue(row, out var g) && g.Match(rows[row]).Strong >= o.MinMatch;
        foreach (var (row, group) in alignment.RowToGroup)
        {
            if (Anchored(row)) continue;
            // A group with a label of its own that names no row is a row the schema lacks (其他说明) as
            // likely as the row it was put in.
            if (group.Match(rows[row]).Strong < o.MinMatch && group.StrongLabel.Any(Tokenizer.IsCjk)) { doubtful.Add(group); continue; }
            int before = row - 1, after = row + 1;
            while (before >= 0 && !Anchored(before)) before--;
            while (after < rows.Count && !Anchored(after)) after++;
            int firstGroup = before >= 0 ? alignment.RowToGroup[before].Order + 1 : 0;
            int endGroup = after < rows.Count ? alignment.RowToGroup[after].Order : groups.Count;
            int rowsBetween = after - before - 1, groupsBetween = endGroup - firstGroup;
            if (rowsBetween != groupsBetween) doubtful.Add(group);
        }
        return doubtful;
    }

    /// <summary>Values of several unlabelled rows that ran into one group are cut into rows.</summary>
    private static IReadOnlyList<RowGroup> SplitStacked(IReadOnlyList<RowGroup> groups)
    {
        var result = new List<RowGroup>();
        foreach (var g in groups)
        {
            int n = g.Slots.Count;
            if (g.AllAtomic && n > Columns && n % Columns == 0)
                for (int k = 0; k < n / Columns; k++)
                    result.Add(g with { Slots = g.Slots.Skip(k * Columns).Take(Columns).ToArray(), StrongLabel = k == 0 ? g.StrongLabel : "", WeakLabel = k == 0 ? g.WeakLabel : "" });
            else result.Add(g);
        }
        for (int i = 0; i < result.Count; i++)
            if (result[i].Order != i) result[i] = result[i] with { Order = i };
        return result;
    }

    /// <summary>The rows of both formats' templates, each row object once (the formats share most of them).</summary>
    private static readonly TemplateRow[] BothFormatsRows =
        TableTemplates.T3F2019.Rows.Concat(TableTemplates.T3F2021.Rows).Distinct<TemplateRow>(ReferenceEqualityComparer.Instance).ToArray();

    /// <summary>Where each row object is in <see cref="BothFormatsRows"/>.</summary>
    private static readonly Dictionary<TemplateRow, int> RowIndex = IndexOf(BothFormatsRows);

    private static Dictionary<TemplateRow, int> IndexOf(TemplateRow[] rows)
    {
        var index = new Dictionary<TemplateRow, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < rows.Length; i++) index[rows[i]] = i;
        return index;
    }
}
