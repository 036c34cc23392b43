using ExtractReports.Documents;
using ExtractReports.Fields;
using ExtractReports.Pipeline;
using ExtractReports.Scoring;
using ExtractReports.Store;

namespace ExtractReports.Evaluation;

/// <summary>
/// The confidence model's training examples: every extracted field that has a truth row, with its
/// features and whether its value matches the truth (as `eval` judges it). Each document belongs to
/// a group that leave-one-group-out holds out: its input kind (scans and page images together), or
/// "real" for documents under a folder of real reports (another generator than the corpus).
/// </summary>
public static class TrainingSet
{
    public const string RealGroup = "real";
    public const string CorrectionsGroup = "corrections";

    public static List<TrainingExample> From(IEnumerable<DocumentResult> results, IEnumerable<(string Document, string Field, string Value)> truth, IReadOnlyList<string> realFolders)
    {
        var truthByKey = new Dictionary<(string, string), string>();
        foreach (var t in truth) truthByKey.TryAdd((t.Document, t.Field), t.Value);
        var realRoots = realFolders.Select(f => Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).ToList();
        return results.OrderBy(r => r.Name, StringComparer.Ordinal).SelectMany(r =>
        {
            bool real = realRoots.Any(root => Path.GetFullPath(r.Path).StartsWith(root, StringComparison.Ordinal));
            return Labelled(r, real ? RealGroup : GroupOf(r.Kind), GeneratorOf(r, real),
                f => truthByKey.TryGetValue((r.Name, f.FieldId), out var expected) ? Evaluator.Matches(f.FieldId, expected, f.Value) : null);
        }).ToList();
    }

    /// <summary>
    /// What made a document, for leave-one-generator-out: real reports (the folders given as real, and
    /// the corpus's seeds, real dumps read by hand), the scan-conditions matrix's degrader (its
    /// documents are named source~condition~part), Chromium's prints of agency pages (corpus/print and
    /// corpus/classes), and the corpus generator's own renderings (everything else).
    /// </summary>
    public static string GeneratorOf(DocumentResult result, bool real)
    {
        var folders = Path.GetFullPath(result.Path).Split(Path.DirectorySeparatorChar);
        if (real || folders.Contains("seeds")) return RealGroup;
        if (result.Name.Contains('~')) return "scan-matrix";
        if (folders.Contains("print") || folders.Contains("classes")) return "chromium";
        return "corpus";
    }

    /// <summary>
    /// Reviewers' corrections as labelled fields (group "corrections"): each with the features of the
    /// document it was extracted in, right when the reviewer kept the extracted value.
    /// </summary>
    public static List<TrainingExample> FromReviewed(IEnumerable<ReviewedField> reviewed) =>
        reviewed.GroupBy(r => r.Document).SelectMany(document =>
        {
            var right = document.ToDictionary(r => r.Extracted.FieldId, r => r.Right);
            return Labelled(document.First().Source, CorrectionsGroup, CorrectionsGroup, f => right.TryGetValue(f.FieldId, out var ok) ? ok : null);
        }).ToList();

    /// <summary>The fields of <paramref name="result"/> that <paramref name="right"/> labels (null: no label), with the features of the whole document.</summary>
    private static IEnumerable<TrainingExample> Labelled(DocumentResult result, string group, string generator, Func<FieldValue, bool?> right)
    {
        var fields = result.Fields.Select(f => f.Field).ToList();
        if (fields.Count == 0) yield break;
        var features = ConfidenceFeatures.Of(new ScoringDocument(result.Kind, fields, result.Checks));
        int n = ConfidenceFeatures.Count;
        var bounds = DoubtCaps.Bounds(fields);
        for (int i = 0; i < fields.Count; i++)
            if (right(fields[i]) is { } ok)
                yield return new TrainingExample(result.Name, group, features[(i * n)..((i + 1) * n)], ok, bounds[i], generator);
    }

    /// <summary>The input kinds held out in turn: scanned PDFs and page images are one kind (both OCR).</summary>
    public static string GroupOf(DocumentKind kind) => kind is DocumentKind.PdfScan or DocumentKind.Image ? "scan" : kind.Name();

    /// <summary>A confidence model for pipelines that only gather features: training needs no confidences, and the model built in may have been fitted on other features.</summary>
    public sealed class Unscored : IConfidenceModel
    {
        public double[] Score(ScoringDocument document) => new double[document.Fields.Count];
    }
}
