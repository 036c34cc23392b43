using ExtractReports.Fields;
using ExtractReports.Pipeline;
using ExtractReports.Schema;
using ExtractReports.Store;

namespace ExtractReports.Outputs;

/// <summary>The review.csv rows of one document.</summary>
public static class ReviewRows
{
    /// <summary>
    /// The fields below the review threshold, and the fields a reviewer corrected with their correction in
    /// corrected_value (as typed: `-` for blank, `text: …` for a sentence in a numeric field): the file
    /// shows what was reviewed, and importing it again changes nothing.
    /// </summary>
    public static IEnumerable<ReviewRow> Of(DocumentResult r, double threshold, StandardSchema schema) =>
        r.Fields.Where(f => f.Confidence < threshold || Corrections.IsCorrected(f))
            .Select(f => new ReviewRow(r.Name, f.Field.FieldId, f.Field.Value, f.Confidence, f.Field.Status.Name(),
                string.Join(";", f.Field.Flags), f.Field.Page, f.Field.Evidence,
                Corrections.IsCorrected(f) && schema.Contains(f.Field.FieldId) ? CorrectionValues.AsTyped(f.Field.Value, schema[f.Field.FieldId]) : ""));
}
