namespace ExtractReports.CorpusGen.Model;

/// <summary>
/// Decodes a table 三 row whose cell boundaries were lost (`230 000023`): every split into seven
/// numbers without leading zeros, spaces kept as boundaries, whose six applicant values sum to the
/// seventh. The generator uses it to prove a dump decodable (or to keep one deliberately ambiguous).
/// </summary>
public static class DigitRuns
{
    public static List<long[]> RowReadings(string run, int cells = 7)
    {
        var parts = run.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var results = new List<long[]>();
        Split(parts, 0, 0, new List<long>(), cells, results);
        return results.Where(v => v.Take(cells - 1).Sum() == v[cells - 1]).ToList();
    }

    private static void Split(string[] parts, int part, int pos, List<long> acc, int cells, List<long[]> results)
    {
        if (acc.Count > cells) return;
        if (part == parts.Length)
        {
            if (acc.Count == cells) results.Add(acc.ToArray());
            return;
        }
        var s = parts[part];
        if (pos == s.Length)
        {
            Split(parts, part + 1, 0, acc, cells, results);
            return;
        }
        var maxLen = s[pos] == '0' ? 1 : Math.Min(6, s.Length - pos);
        for (var len = 1; len <= maxLen; len++)
        {
            acc.Add(long.Parse(s.AsSpan(pos, len)));
            Split(parts, part, pos + len, acc, cells, results);
            acc.RemoveAt(acc.Count - 1);
        }
    }

    /// <summary>
    /// How many whole-table readings remain once the column identities are applied on top of each
    /// row's own readings (rows with a single reading are fixed). Capped at <paramref name="cap"/>.
    /// </summary>
    public static int TableReadings(IReadOnlyList<string> prefixes, IReadOnlyList<List<long[]>> rowReadings, int cap = 50)
    {
        var count = 0;
        var choice = new long[prefixes.Count][];
        void Walk(int i)
        {
            if (count >= cap) return;
            if (i == prefixes.Count)
            {
                if (ColumnsHold(prefixes, choice)) count++;
                return;
            }
            foreach (var r in rowReadings[i])
            {
                choice[i] = r;
                Walk(i + 1);
            }
        }
        Walk(0);
        return count;
    }

    private static bool ColumnsHold(IReadOnlyList<string> prefixes, long[][] rows)
    {
        int Index(string p) => prefixes.ToList().IndexOf(p);
        var n = Index("t3.new_requests");
        var c = Index("t3.carried_over");
        var t = Index("t3.total_handled");
        var f = Index("t3.carried_forward");
        for (var col = 0; col < 7; col++)
        {
            if (rows[n][col] + rows[c][col] != rows[t][col] + rows[f][col]) return false;
            long sum = 0;
            for (var i = 0; i < prefixes.Count; i++)
                if (i != n && i != c && i != t && i != f) sum += rows[i][col];
            if (sum != rows[t][col]) return false;
        }
        return true;
    }
}
