using ExtractReports.Fields;
using ExtractReports.Schema;

namespace ExtractReports.Checks;

public enum CheckOutcome { Held, BrokenInSource, BrokenByExtraction, NotCheckable }

/// <summary>One identity evaluated on one document.</summary>
public sealed record CheckResult(string Identity, CheckOutcome Outcome, decimal? Left, decimal? Right, IReadOnlyList<string> Fields);

/// <summary>The fields after checks, and the checks themselves.</summary>
public sealed record CheckedFields(IReadOnlyList<FieldValue> Fields, IReadOnlyList<CheckResult> Checks)
{
    public int Held => Checks.Count(c => c.Outcome == CheckOutcome.Held);
    public int Broken => Checks.Count(c => c.Outcome is CheckOutcome.BrokenInSource or CheckOutcome.BrokenByExtraction);
}

/// <summary>
/// Evaluates every identity of tables 三 and 四 on the extracted values. A broken identity whose
/// values were all read plainly (own cells, labelled rows, certain columns, no alternatives) is a
/// source inconsistency: the report itself disagrees, the values stay as printed. Otherwise the
/// extraction is the likelier culprit and the fields involved are marked doubtful. An identity that
/// holds counts for its fields only when none of them was inferred or ambiguous (it may be the one that made it hold).
/// </summary>
public static class IdentityChecker
{
    /// <summary>An OCR engine confidence at or above which a cell counts as read plainly.</summary>
    public const double SureEngineConfidence = 0.9;

    public static CheckedFields Check(FieldSet set)
    {
        var byId = set.Fields.ToDictionary(f => f.FieldId);
        var identities = TableIdentities.ForDocument(set.T3Format);

        var results = new List<CheckResult>();
        var held = new Dictionary<string, int>();
        var acrossRows = new Dictionary<string, int>();
        var broken = new Dictionary<string, List<CheckResult>>();
        foreach (var id in identities)
        {
            // A blank cell adds nothing it can be checked by, so an identity with one is checked only for what no
            // value of its blanks could mend (below); a missing field, a sentence or an unreadable value leaves it unchecked.
            (decimal Sum, bool Blanks)? Sum(IEnumerable<string> fields)
            {
                decimal s = 0;
                bool blanks = false;
                foreach (var f in fields)
                {
                    if (!byId.TryGetValue(f, out var fv)) return null;
                    if (fv.Status == FieldStatus.Blank) { blanks = true; continue; }
                    if (fv.Status is not (FieldStatus.Ok or FieldStatus.Inferred)) return null;
                    if (Tables.NumberText.Value(fv.Value) is not { } v) return null;
                    s += v;
                }
                return (s, blanks);
            }
            var (leftSum, rightSum) = (Sum(id.Left), Sum(id.Right));
            var left = leftSum?.Sum;
            var right = rightSum?.Sum;
            if (leftSum is not { } ls || rightSum is not { } rs || (ls.Blanks || rs.Blanks) && !BrokenWhateverTheBlanks(ls, rs))
            {
                // A side with a blank has no sum of its own.
                results.Add(new CheckResult(id.Name, CheckOutcome.NotCheckable, leftSum is { Blanks: false } ? left : null,
                    rightSum is { Blanks: false } ? right : null, id.Fields));
                continue;
            }
            if (left == right)
            {
                results.Add(new CheckResult(id.Name, CheckOutcome.Held, left, right, id.Fields));
                // An identity with a cell the reader inferred holds because that cell was made to fit (a row
                // short of a cell gets its total from the others), and one with a cell of several readings may
                // hold by chance (a row not in the schema taken for a row the report left out, its values
                // making up for a dropped cell elsewhere in the column): it checks none of the values it adds.
                if (id.Fields.Any(f => byId[f].Status == FieldStatus.Inferred || byId[f].Features.Alternatives > 1)) continue;
                foreach (var f in id.Fields) held[f] = held.GetValueOrDefault(f) + 1;
                if (AcrossRows(id))
                    foreach (var f in id.Fields) acrossRows[f] = acrossRows.GetValueOrDefault(f) + 1;
                continue;
            }
            // OCR cells count as plain only when the engine was sure of them: a misread digit breaks identities too.
            bool plain = id.Fields.All(f => byId[f] is { Status: FieldStatus.Ok or FieldStatus.Blank } fv && fv.Features.LabelledRow
                && fv.Features.ColumnCertain && fv.Features.Alternatives <= 1 && !fv.Flags.Contains("digits_run_together")
                && fv.Features.EngineConfidence >= SureEngineConfidence);
            var r = new CheckResult(id.Name, plain ? CheckOutcome.BrokenInSource : CheckOutcome.BrokenByExtraction, left, right, id.Fields);
            results.Add(r);
            foreach (var f in id.Fields) (broken.TryGetValue(f, out var l) ? l : broken[f] = []).Add(r);
        }

        var fields = set.Fields.Select(fv =>
        {
            int h = held.GetValueOrDefault(fv.FieldId);
            var b = broken.GetValueOrDefault(fv.FieldId) ?? [];
            if (h == 0 && b.Count == 0) return fv;
            int columns = acrossRows.GetValueOrDefault(fv.FieldId);
            bool source = b.Count > 0 && b.All(x => x.Outcome == CheckOutcome.BrokenInSource);
            var flags = b.Count > 0 ? [.. fv.Flags, source ? "source_inconsistency" : "identity_broken"] : fv.Flags;
            return fv with
            {
                Flags = flags,
                Features = fv.Features with { IdentitiesHeld = h, IdentitiesBroken = b.Count, SourceInconsistency = source, ColumnIdentitiesHeld = columns },
            };
        }).ToList();
        return new CheckedFields(fields, results);
    }

    /// <summary>Whether an identity ties fields of more than one row (a column's sum): a value moved to another column of
    /// its row breaks it, where a row's own sum holds whichever of its parts holds which value.</summary>
    private static bool AcrossRows(Identity id) =>
        id.Fields.Select(f => f[..f.LastIndexOf('.')]).Distinct(StringComparer.Ordinal).Skip(1).Any();

    /// <summary>
    /// Whether an identity with blank cells breaks whatever its blanks hold: the counts it adds are never negative,
    /// so a blank can only raise its side, and a side already above the other, whose own cells are all read, cannot
    /// be matched (measured 2026-12-03: an OCR'd table 四 row 4, 10, blank, 0 against its 总计 0, each value at
    /// 1.000 under a model fitted without scans: the row is misread, not blank-and-consistent).
    /// </summary>
    private static bool BrokenWhateverTheBlanks((decimal Sum, bool Blanks) left, (decimal Sum, bool Blanks) right) =>
        left.Sum > right.Sum && !right.Blanks || right.Sum > left.Sum && !left.Blanks;
}
