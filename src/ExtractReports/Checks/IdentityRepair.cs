using System.Globalization;
using ExtractReports.Fields;
using ExtractReports.Schema;
using ExtractReports.Tables;

namespace ExtractReports.Checks;

/// <summary>
/// Repairs digits OCR misread, by the tables' own identities. A misread cell of table 三 breaks every
/// identity it belongs to: its row's sum and its column's sums. When exactly one change of OCR-read
/// cells makes every identity they belong to hold again, and each changed cell is confirmed by at least
/// two identities (its row and a column agree on its value), the change is made: status `inferred`,
/// flags `ocr` and `repaired_by_identities`, the value as read kept in the evidence.
///
/// Two cells are tried together only when no single cell explains the broken identities (two misreads in
/// one row each break their column, and their row twice over). Cells read from a text layer are never
/// changed: a broken identity there is the report's own inconsistency. A change that more than one set of
/// cells could explain is not made; the identities then stay broken and the fields doubtful.
/// </summary>
public static class IdentityRepair
{
    /// <summary>How many identities must agree on a repaired cell's value.</summary>
    public const int MinConfirmingIdentities = 2;

    public static FieldSet Repair(FieldSet set)
    {
        var identities = TableIdentities.ForDocument(set.T3Format);

        var values = new Dictionary<string, decimal>();
        foreach (var f in set.Fields)
            if (f.Status is FieldStatus.Ok or FieldStatus.Inferred && NumberText.Value(f.Value) is { } v) values[f.FieldId] = v;
        var byId = set.Fields.ToDictionary(f => f.FieldId);
        var of = identities.SelectMany(i => i.Fields.Distinct().Select(f => (Field: f, Identity: i)))
            .ToLookup(x => x.Field, x => x.Identity);

        bool? Holds(Identity i, IReadOnlyDictionary<string, decimal> v) =>
            TableIdentities.Holds(i, f => v.TryGetValue(f, out var x) ? x : null);

        // Single cells first; two together only for what no single cell explains (two misreads in one row).
        var changed = new Dictionary<string, decimal>();
        for (int size = 1; size <= 2; size++)
        {
            var broken = identities.Where(i => Holds(i, values) == false).ToList();
            if (broken.Count == 0) break;
            // The cells that may be changed: numbers read by OCR (not a text layer) in a broken identity.
            var candidates = broken.SelectMany(i => i.Fields).Distinct()
                .Where(f => values.ContainsKey(f) && byId[f].Features.FromOcr && !byId[f].Flags.Contains("digits_run_together"))
                .ToList();
            var fixes = new List<Dictionary<string, decimal>>();
            if (size == 1)
                foreach (var cell in candidates) fixes.AddRange(Solutions([cell], values, byId, broken, of, Holds));
            else
                for (int a = 0; a < candidates.Count; a++)
                    for (int b = a + 1; b < candidates.Count; b++)
                        if (of[candidates[a]].Intersect(of[candidates[b]]).Any())
                            fixes.AddRange(Solutions([candidates[a], candidates[b]], values, byId, broken, of, Holds));

            // Each fix mends the broken identities its cells are in. Where fixes overlap, the one that leaves the
            // fewest identities broken in the whole table wins (swapping two misread cells of a row can mend the
            // row's columns on one side and leave the other broken); a tie leaves the choice open: none is made.
            var scored = fixes.Select(fix => (Fix: fix, Mends: broken.Where(i => i.Fields.Any(fix.ContainsKey)).ToHashSet(),
                Left: identities.Count(i => Holds(i, With(values, fix)) == false))).OrderBy(x => x.Left).ToList();
            var settled = new HashSet<Identity>();
            foreach (var x in scored)
            {
                if (x.Mends.Overlaps(settled)) continue;
                settled.UnionWith(x.Mends);
                if (scored.Any(y => y.Fix != x.Fix && y.Left == x.Left && y.Mends.Overlaps(x.Mends))) continue;
                foreach (var (f, v) in x.Fix) values[f] = changed[f] = v;
            }
        }
        if (changed.Count == 0) return set;
        var fields = set.Fields.Select(f => changed.TryGetValue(f.FieldId, out var v) ? Repaired(f, v, of[f.FieldId]) : f).ToList();
        return set with { Fields = fields };
    }

    private static Dictionary<string, decimal> With(Dictionary<string, decimal> values, Dictionary<string, decimal> fix)
    {
        var result = new Dictionary<string, decimal>(values);
        foreach (var (f, v) in fix) result[f] = v;
        return result;
    }

    /// <summary>
    /// The values of <paramref name="cells"/> that make every identity they belong to hold, each solved from a
    /// broken identity no other of the cells is in, and each confirmed by <see cref="MinConfirmingIdentities"/>.
    /// </summary>
    private static IEnumerable<Dictionary<string, decimal>> Solutions(IReadOnlyList<string> cells, Dictionary<string, decimal> values,
        IReadOnlyDictionary<string, FieldValue> byId, List<Identity> broken, ILookup<string, Identity> of, Func<Identity, IReadOnlyDictionary<string, decimal>, bool?> holds)
    {
        var choices = cells.Select(c => broken.Where(i => i.Fields.Contains(c) && !cells.Any(o => o != c && i.Fields.Contains(o)))
            .Select(i => TableIdentities.Solve(i, c, f => values.TryGetValue(f, out var v) ? v : null)).OfType<decimal>().Where(x => x >= 0 && x == decimal.Truncate(x) && x != values[c])
            .Distinct().ToList()).ToList();
        if (choices.Any(c => c.Count != 1)) yield break;

        if (cells.Where((c, k) => !Plausible(byId[c], choices[k][0])).Any()) yield break;
        var trial = new Dictionary<string, decimal>(values);
        for (int k = 0; k < cells.Count; k++) trial[cells[k]] = choices[k][0];
        foreach (var c in cells)
        {
            var checkable = of[c].Select(i => holds(i, trial)).Where(h => h is not null).ToList();
            if (checkable.Any(h => h == false) || checkable.Count < MinConfirmingIdentities) yield break;
        }
        yield return cells.Select((c, k) => (c, choices[k][0])).ToDictionary(x => x.c, x => x.Item2);
    }

    /// <summary>
    /// Whether OCR may have read <paramref name="value"/> as the field's value: the engine was unsure, the
    /// value was already inferred, or the two differ the way OCR misreads printed digits (one digit
    /// dropped or added, or one digit taken for a look-alike). A sure read that differs otherwise (5 read
    /// as 7 at 97 %) is what the report printed, and stays.
    /// </summary>
    private static bool Plausible(FieldValue read, decimal value)
    {
        if (read.Status == FieldStatus.Inferred || read.Features.EngineConfidence < IdentityChecker.SureEngineConfidence) return true;
        var a = read.Value;
        var b = value.ToString("0", CultureInfo.InvariantCulture);
        if (Math.Abs(a.Length - b.Length) == 1)
        {
            var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
            return Enumerable.Range(0, longer.Length).Any(i => longer.Remove(i, 1) == shorter);
        }
        if (a.Length != b.Length) return false;
        var differ = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
        return differ.Count == 1 && LookAlikes.Contains((char)Math.Min(a[differ[0]], b[differ[0]]) + "" + (char)Math.Max(a[differ[0]], b[differ[0]]));
    }

    /// <summary>Digit pairs Tesseract confuses in printed tables, smaller digit first.</summary>
    private static readonly HashSet<string> LookAlikes = ["14", "17", "38", "56", "68", "08", "06", "09", "89", "27"];

    private static FieldValue Repaired(FieldValue f, decimal value, IEnumerable<Identity> identities)
    {
        var text = value.ToString("0", CultureInfo.InvariantCulture);
        var flags = f.Flags.Where(x => x != "inferred_from_identity").Append("ocr").Append("repaired_by_identities").ToList();
        return f with
        {
            Value = text,
            Status = FieldStatus.Inferred,
            Evidence = $"{f.Evidence} (read as {f.Value}; {text} makes {string.Join(" and ", identities.Select(i => i.Name))} hold)",
            Flags = flags,
        };
    }
}
