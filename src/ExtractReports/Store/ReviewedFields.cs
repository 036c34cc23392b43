using ExtractReports.Pipeline;
using ExtractReports.Evaluation;
using ExtractReports.Fields;

namespace ExtractReports.Store;

/// <summary>A field a reviewer settled: as extracted (in <c>Source</c>, its document's stored result), and whether the extracted value was what the reviewer says the document holds.</summary>
public sealed record ReviewedField(string Document, FieldValue Extracted, bool Right, DocumentResult Source);

/// <summary>
/// Reviewers' corrections as labelled data for the confidence model: every corrected (or accepted) field
/// of an output folder, with the field as its stored result has it and whether that value matches the
/// reviewer's (the same comparison `eval` makes with a truth file).
/// </summary>
public static class ReviewedFields
{
    public static IReadOnlyList<ReviewedField> Read(string outputFolder)
    {
        using var store = new ExtractionStore(OutputFolder.StorePath(outputFolder));
        var corrections = store.Corrections();
        if (corrections.Count == 0) return [];
        return OutputFolder.Results(outputFolder, store)
            .SelectMany(r => r.Fields.Where(f => corrections.ContainsKey((r.Name, f.Field.FieldId)))
                .Select(f => new ReviewedField(r.Name, f.Field, Evaluator.Matches(f.Field.FieldId, corrections[(r.Name, f.Field.FieldId)].Value, f.Field.Value), r)))
            .ToList();
    }
}
