using ExtractReports.Pipeline;
using ExtractReports.Scoring;

namespace ExtractReports.Store;

/// <summary>Applies reviewers' corrections to a document's fields: the person's value, full confidence, the original kept in flags.</summary>
public static class Corrections
{
    public static DocumentResult Apply(DocumentResult result, IReadOnlyDictionary<(string Document, string Field), Correction> corrections)
    {
        if (corrections.Count == 0 || result.Fields.Count == 0) return result;
        bool any = false;
        var fields = result.Fields.Select(f =>
        {
            if (!corrections.TryGetValue((result.Name, f.Field.FieldId), out var c)) return f;
            any = true;
            var flags = f.Field.Flags.Where(x => !x.StartsWith("corrected", StringComparison.Ordinal)).Append($"corrected_by_reviewer (extracted: {f.Field.Value})").ToList();
            return new ScoredField(f.Field with { Value = c.Value, Flags = flags }, 1.0);
        }).ToList();
        return any ? result with { Fields = fields } : result;
    }
}
