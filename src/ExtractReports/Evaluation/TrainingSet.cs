using ExtractReports.Documents;
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
        var data = new List<TrainingExample>();
        foreach (var r in results.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var fields = r.Fields.Select(f => f.Field).ToList();
            if (fields.Count == 0) continue;
            var features = ConfidenceFeatures.Of(new ScoringDocument(r.Kind, fields, r.Checks));
            string group = realRoots.Any(root => Path.GetFullPath(r.Path).StartsWith(root, StringComparison.Ordinal)) ? RealGroup : GroupOf(r.Kind);
            int n = ConfidenceFeatures.Count;
            for (int i = 0; i < fields.Count; i++)
                if (truthByKey.TryGetValue((r.Name, fields[i].FieldId), out var expected))
                    data.Add(new TrainingExample(r.Name, group, features.AsSpan(i * n, n).ToArray(), Evaluator.Matches(fields[i].FieldId, expected, fields[i].Value)));
        }
        return data;
    }

    /// <summary>
    /// Reviewers' corrections as labelled fields (group "corrections"): each with the features of the
    /// document it was extracted in, right when the reviewer kept the extracted value.
    /// </summary>
    public static List<TrainingExample> FromReviewed(IEnumerable<ReviewedField> reviewed)
    {
        var data = new List<TrainingExample>();
        int n = ConfidenceFeatures.Count;
        foreach (var document in reviewed.GroupBy(r => r.Document))
        {
            var result = document.First().Source;
            var fields = result.Fields.Select(f => f.Field).ToList();
            var features = ConfidenceFeatures.Of(new ScoringDocument(result.Kind, fields, result.Checks));
            foreach (var r in document)
            {
                int i = fields.FindIndex(f => f.FieldId == r.Extracted.FieldId);
                data.Add(new TrainingExample(document.Key, CorrectionsGroup, features.AsSpan(i * n, n).ToArray(), r.Right));
            }
        }
        return data;
    }

    /// <summary>The input kinds held out in turn: scanned PDFs and page images are one kind (both OCR).</summary>
    public static string GroupOf(DocumentKind kind) => kind is DocumentKind.PdfScan or DocumentKind.Image ? "scan" : kind.Name();

    /// <summary>A confidence model for pipelines that only gather features: training needs no confidences, and the model built in may have been fitted on other features.</summary>
    public sealed class Unscored : IConfidenceModel
    {
        public double[] Score(ScoringDocument document) => new double[document.Fields.Count];
    }
}
