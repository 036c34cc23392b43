using ExtractReports.Pipeline;
using ExtractReports.Schema;
using ExtractReports.Scoring;

namespace ExtractReports.Store;

/// <summary>
/// Applies reviewers' corrections to a document's fields: the person's value, full confidence, the status
/// that value has now (ok, blank or text), and the extracted value kept in the flag `corrected_by_reviewer`.
/// </summary>
public static class Corrections
{
    /// <summary>The flag a corrected field carries (followed by the extracted value).</summary>
    public const string Flag = "corrected_by_reviewer";

    public static DocumentResult Apply(DocumentResult result, IReadOnlyDictionary<(string Document, string Field), Correction> corrections)
    {
        if (corrections.Count == 0 || result.Fields.Count == 0) return result;
        bool any = false;
        var schema = StandardSchema.Default;
        var fields = result.Fields.Select(f =>
        {
            if (!corrections.TryGetValue((result.Name, f.Field.FieldId), out var c)) return f;
            any = true;
            var flags = f.Field.Flags.Where(x => !x.StartsWith("corrected", StringComparison.Ordinal)).Append($"{Flag} (extracted: {f.Field.Value})").ToList();
            var status = schema.Contains(f.Field.FieldId) ? CorrectionValues.StatusOf(c.Value, schema[f.Field.FieldId]) : f.Field.Status;
            return new ScoredField(f.Field with { Value = c.Value, Status = status, Flags = flags }, 1.0);
        }).ToList();
        return any ? result with { Fields = fields } : result;
    }

    /// <summary>True when a field carries a reviewer's correction.</summary>
    public static bool IsCorrected(ScoredField field) => field.Field.Flags.Any(f => f.StartsWith(Flag, StringComparison.Ordinal));
}
