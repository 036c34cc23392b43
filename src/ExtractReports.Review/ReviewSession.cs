using ExtractReports.Documents;
using ExtractReports.Fields;
using ExtractReports.Outputs;
using ExtractReports.Pipeline;
using ExtractReports.Schema;
using ExtractReports.Scoring;
using ExtractReports.Store;

namespace ExtractReports.Review;

/// <summary>One field waiting for review: as extracted, and whether someone has corrected it since.</summary>
public sealed record QueueField(string Field, string Value, double Confidence, string Status, bool Done);

/// <summary>A document's part of the queue, riskiest field first.</summary>
public sealed record QueueDocument(string Document, string Kind, int Done, int Total, IReadOnlyList<QueueField> Fields);

/// <summary>The whole queue and the progress through it.</summary>
public sealed record Queue(string Reviewer, double Threshold, int Done, int Total, IReadOnlyList<QueueDocument> Documents);

/// <summary>
/// The output folder a review server works on: the extracted results (read from the store again whenever
/// `extract` has rewritten the folder's documents.csv), the corrections (read from the store on every
/// request, so that several reviewers on one folder see each other's work), and the queue of fields below
/// the review threshold.
/// </summary>
public sealed class ReviewSession : IDisposable
{
    private readonly ReviewServerOptions _options;
    private readonly Lock _lock = new();
    private (DateTime Stamp, IReadOnlyList<DocumentResult> Results, Dictionary<string, DocumentResult> ByName) _loaded;

    public ExtractionStore Store { get; }
    public StandardSchema Schema { get; } = StandardSchema.Default;

    public ReviewSession(ReviewServerOptions options)
    {
        _options = options;
        Store = new ExtractionStore(OutputFolder.StorePath(options.OutputFolder));
    }

    /// <summary>The folder's documents as last extracted (corrections not applied).</summary>
    public IReadOnlyList<DocumentResult> Results
    {
        get
        {
            var stamp = File.GetLastWriteTimeUtc(OutputFolder.DocumentsCsv(_options.OutputFolder));
            lock (_lock)
            {
                if (_loaded.Results is null || stamp != _loaded.Stamp)
                {
                    var results = OutputFolder.Results(_options.OutputFolder, Store);
                    _loaded = (stamp, results, results.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First()));
                }
                return _loaded.Results;
            }
        }
    }

    public DocumentResult? Document(string name)
    {
        _ = Results;
        lock (_lock) return _loaded.ByName.GetValueOrDefault(name);
    }

    /// <summary>
    /// Fields below the threshold as extracted, grouped by document, the riskiest first: by confidence,
    /// with fields whose row is missing from the document last (there is no cell to look at; the row may
    /// really be absent). Documents are ordered by their riskiest field.
    /// </summary>
    public Queue Queue()
    {
        var corrections = Store.Corrections();
        var documents = Results
            .Select(r => (Result: r, Fields: r.Fields.Where(f => f.Confidence < _options.ReviewThreshold)
                .OrderBy(f => f.Field.Status == FieldStatus.Missing).ThenBy(f => f.Confidence).ThenBy(f => f.Field.FieldId, StringComparer.Ordinal)
                .Select(f => new QueueField(f.Field.FieldId, f.Field.Value, f.Confidence, f.Field.Status.Name(), corrections.ContainsKey((r.Name, f.Field.FieldId))))
                .ToList()))
            .Where(d => d.Fields.Count > 0)
            .OrderBy(d => d.Result.Fields.Where(f => f.Confidence < _options.ReviewThreshold)
                .Min(f => (f.Field.Status == FieldStatus.Missing ? 1 : 0) + f.Confidence))
            .ThenBy(d => d.Result.Name, StringComparer.Ordinal)
            .Select(d => new QueueDocument(d.Result.Name, d.Result.Kind.Name(), d.Fields.Count(f => f.Done), d.Fields.Count, d.Fields))
            .ToList();
        return new Queue(_options.Reviewer, _options.ReviewThreshold, documents.Sum(d => d.Done), documents.Sum(d => d.Total), documents);
    }

    /// <summary>A field as extracted, or null when the document or field is unknown.</summary>
    public ScoredField? Extracted(string document, string field) =>
        Document(document)?.Fields.FirstOrDefault(f => f.Field.FieldId == field);

    /// <summary>
    /// Checks and keeps one correction at once (the store commits it before this returns, so a reload or a
    /// crash keeps it). <paramref name="accept"/>: the extracted value is right as it is.
    /// </summary>
    public CheckedCorrection Correct(string document, string field, string typed, bool asText, bool accept)
    {
        if (Extracted(document, field) is not { } extracted) return new(null, $"no field {field} in a document named {document}");
        var definition = Schema[field];
        var check = accept
            ? new CheckedCorrection(new CorrectionValue(extracted.Field.Value, CorrectionValues.StatusOf(extracted.Field.Value, definition)), null)
            : CorrectionValues.Check(typed, definition, asText);
        if (check.Value is { } value)
            Store.SaveCorrections([new Correction(document, field, value.Value, extracted.Field.Value, DateTime.UtcNow, "review serve", _options.Reviewer)]);
        return check;
    }

    /// <summary>Rewrites fields.csv, documents.csv, wide.csv and review.csv with every correction in the store.</summary>
    public int WriteOutputs()
    {
        var results = Results;
        var corrections = Store.Corrections();
        lock (_lock)
        {
            OutputWriter.Write(_options.OutputFolder, results.Select(r => Corrections.Apply(r, corrections)).ToList(),
                new OutputOptions { ExcelBom = _options.ExcelBom, ReviewThreshold = _options.ReviewThreshold }, Schema);
            // Our own rewrite of documents.csv is no reason to read the store again.
            _loaded = (File.GetLastWriteTimeUtc(OutputFolder.DocumentsCsv(_options.OutputFolder)), _loaded.Results, _loaded.ByName);
            return corrections.Count;
        }
    }

    public void Dispose() => Store.Dispose();
}
