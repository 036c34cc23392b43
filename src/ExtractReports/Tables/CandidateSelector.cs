using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>A row's chosen reading and the readings the identities could not tell from it.</summary>
public sealed record ChosenRow(TemplateRow Row, RowGroup Group, RowCandidate Chosen, IReadOnlyList<RowCandidate> Equivalent);

/// <summary>
/// Picks one reading per row so that the table's identities hold as far as possible (coordinate
/// ascent over the rows that have several readings), then keeps, per row, the readings that fit the
/// identities equally well: where they disagree on a cell, that cell is ambiguous.
/// </summary>
public static class CandidateSelector
{
    /// <summary>Rows with at most this many readings are also tried two at a time (a dropped cell gives up to 7).</summary>
    private const int MaxReadingsForPairs = 8;

    /// <param name="unsure">
    /// Groups placed in their row by order where they may belong to another (a row the schema lacks taken
    /// for a row the report left out): their values are as likely another row's, so they choose no other
    /// row's reading (an identity through them is left unchecked), or they could make a wrong reading fit.
    /// A reading that put its values in columns by their order (<see cref="RowCandidate.PlacedByOrder"/>) is
    /// as unsure of its columns, and chooses no other row's reading either: a row short of a cell, read
    /// `1 _ 0 2 0 3` into the first six columns, once made a column add up with another row's dropped cell
    /// re-inserted in the wrong column (t3.other.other.other_org 0 for 3 at 1.0).
    /// </param>
    public static IReadOnlyList<ChosenRow> Select(
        IReadOnlyList<(TemplateRow Row, RowGroup Group, IReadOnlyList<RowCandidate> Candidates)> rows,
        IReadOnlyList<Identity> identities, IReadOnlySet<RowGroup>? unsure = null)
    {
        var current = new Dictionary<string, decimal?>();
        var choice = new int[rows.Count];
        void Apply(int i)
        {
            var (row, group, cands) = rows[i];
            var cand = cands[choice[i]];
            bool known = (unsure is null || !unsure.Contains(group)) && !cand.PlacedByOrder;
            for (int c = 0; c < row.Columns.Count; c++)
                current[row.FieldId(c)] = known && cand.Values[c] is { Length: > 0 } v ? NumberText.Value(v) : null;
        }
        for (int i = 0; i < rows.Count; i++) { choice[i] = 0; if (rows[i].Candidates.Count > 0) Apply(i); }

        // The identities each row's cells take part in, found once: a row's readings are scored many times.
        var byField = new Dictionary<string, List<Identity>>();
        foreach (var id in identities)
            foreach (var f in id.Fields) (byField.TryGetValue(f, out var l) ? l : byField[f] = []).Add(id);
        var touched = new Identity[rows.Count][];
        for (int i = 0; i < rows.Count; i++)
            touched[i] = rows[i].Candidates.Count <= 1 ? []
                : rows[i].Row.FieldIds.SelectMany(f => byField.GetValueOrDefault(f) ?? []).Distinct().ToArray();

        Func<string, decimal?> valueOf = f => current.GetValueOrDefault(f);
        int Score(int i)
        {
            int s = 0;
            foreach (var id in touched[i])
            {
                var h = TableIdentities.Holds(id, valueOf);
                if (h == true) s++; else if (h == false) s--;
            }
            return s;
        }

        var scores = new int[rows.Count][];
        for (int pass = 0; pass < 4; pass++)
        {
            bool changed = false;
            for (int i = 0; i < rows.Count; i++)
            {
                var cands = rows[i].Candidates;
                if (cands.Count <= 1) continue;
                var s = new int[cands.Count];
                for (int k = 0; k < cands.Count; k++) { choice[i] = k; Apply(i); s[k] = Score(i); }
                int best = 0;
                for (int k = 1; k < cands.Count; k++)
                    if (s[k] > s[best] || s[k] == s[best] && cands[k].Prior > cands[best].Prior) best = k;
                scores[i] = s;
                changed |= choice[i] != best;
                choice[i] = best;
                Apply(i);
            }
            if (!changed && pass > 0) break;
        }

        // Two rows may each have a cell dropped and trade a value so that every identity still holds
        // (one row's 1 moved to the next column, the other's to the previous): such pairs of readings
        // fit as well as the chosen ones, so their cells are ambiguous too.
        var jointly = new List<RowCandidate>?[rows.Count];
        var few = Enumerable.Range(0, rows.Count).Where(i => rows[i].Candidates.Count is > 1 and <= MaxReadingsForPairs).ToList();
        for (int x = 0; x < few.Count; x++)
            for (int y = x + 1; y < few.Count; y++)
            {
                int a = few[x], b = few[y];
                var shared = touched[a].Union(touched[b]).ToArray();
                if (!touched[a].Intersect(touched[b]).Any()) continue;
                int Joint()
                {
                    int s = 0;
                    foreach (var id in shared) { var h = TableIdentities.Holds(id, valueOf); if (h == true) s++; else if (h == false) s--; }
                    return s;
                }
                int ca = choice[a], cb = choice[b], best = Joint();
                for (int ka = 0; ka < rows[a].Candidates.Count; ka++)
                    for (int kb = 0; kb < rows[b].Candidates.Count; kb++)
                    {
                        if (ka == ca || kb == cb) continue;
                        choice[a] = ka; Apply(a); choice[b] = kb; Apply(b);
                        if (Joint() >= best)
                        {
                            (jointly[a] ??= []).Add(rows[a].Candidates[ka]);
                            (jointly[b] ??= []).Add(rows[b].Candidates[kb]);
                        }
                    }
                choice[a] = ca; Apply(a); choice[b] = cb; Apply(b);
            }

        var result = new List<ChosenRow>();
        for (int i = 0; i < rows.Count; i++)
        {
            var (row, group, cands) = rows[i];
            if (cands.Count == 0) continue;
            var chosen = cands[choice[i]];
            IReadOnlyList<RowCandidate> equivalent = scores[i] is { } s
                ? cands.Where((_, k) => s[k] == s[choice[i]]).ToList()
                : [chosen];
            if (jointly[i] is { } more) equivalent = equivalent.Concat(more).Distinct().ToList();
            result.Add(new ChosenRow(row, group, chosen, equivalent));
        }
        return result;
    }
}
