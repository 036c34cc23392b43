using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>
/// Reads table 三 from its region: row groups aligned to both formats' row sequences (the better
/// alignment decides the format), each row's readings enumerated, one picked per row by the identities.
/// </summary>
public static class T3Reader
{
    public const int Columns = 7;

    public static TableReading? Read(IReadOnlyList<Token> region, ReportFormat? hint, AlignerOptions? options = null)
    {
        var groups = SplitStacked(RowGrouper.Group(region, sentencesAreValues: false));
        if (groups.Count == 0) return null;
        // Both formats share most rows: match each group against each row once.
        var matches = new Dictionary<(int, TemplateRow), (double, double)>(ReferenceTupleComparer.Instance);
        (double, double) Match(int i, TemplateRow row) =>
            matches.TryGetValue((i, row), out var m) ? m : matches[(i, row)] = groups[i].Match(row);
        var a19 = RowAligner.Align(groups, TableTemplates.T3F2019, Columns, options, Match);
        var a21 = RowAligner.Align(groups, TableTemplates.T3F2021, Columns, options, Match);
        if (a19.RowToGroup.Count == 0 && a21.RowToGroup.Count == 0) return null;
        double margin = a21.Score - a19.Score;
        bool certain = Math.Abs(margin) >= 3;
        var alignment = certain ? (margin > 0 ? a21 : a19) : (hint == ReportFormat.F2019 ? a19 : a21);
        var format = alignment.Template.Format;

        var centers = RowCandidates.LearnColumnCenters(alignment.RowToGroup.Values, Columns);
        var rows = alignment.RowToGroup.OrderBy(kv => kv.Key)
            .Select(kv => (alignment.Template.Rows[kv.Key], kv.Value, RowCandidates.For(kv.Value, Columns, RowSum.LastIsTotal(Columns), centers)))
            .ToList();
        var chosen = CandidateSelector.Select(rows, TableIdentities.ForT3(format));
        var cells = chosen.SelectMany(c => CellAssembler.Cells(c, centers is not null)).ToList();
        return new TableReading("t3", format, certain, cells, centers is null ? "aligned" : "aligned+positions");
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
        return result.Select((g, i) => g with { Order = i }).ToList();
    }

    /// <summary>Template rows compared by reference: the same row object of both formats.</summary>
    private sealed class ReferenceTupleComparer : IEqualityComparer<(int, TemplateRow)>
    {
        public static readonly ReferenceTupleComparer Instance = new();
        public bool Equals((int, TemplateRow) x, (int, TemplateRow) y) => x.Item1 == y.Item1 && ReferenceEquals(x.Item2, y.Item2);
        public int GetHashCode((int, TemplateRow) obj) => HashCode.Combine(obj.Item1, System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2));
    }
}
