using ExtractReports.Documents;
using ExtractReports.Pipeline;
using ExtractReports.Store;

namespace ExtractReports.Evaluation;

/// <summary>
/// The extractions `train` learns from, kept between runs in an output folder's store (by content
/// hash and pipeline version), so that a refit reads each document once: comparing trainers or
/// changing features re-reads nothing, and only the documents the readers now read differently
/// are extracted again. The whole result is kept, not the feature rows, so features computed from
/// it can change without extracting again.
/// </summary>
public sealed class TrainingExtractions(ExtractionStore store, TrainingExtractionsOptions options)
{
    private int _reused, _extracted;

    /// <summary>Documents taken from the store so far.</summary>
    public int Reused => _reused;

    /// <summary>Documents extracted (and stored) so far.</summary>
    public int Extracted => _extracted;

    /// <summary>The result of the file: the stored one for its bytes when there is one, else extracted now and stored.</summary>
    public DocumentResult Get(ExtractPipeline pipeline, string path)
    {
        SourceDocument doc;
        try { doc = SourceDocument.FromFile(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return pipeline.Run(path); }
        var stored = options.AnyBuild ? store.Latest(doc.Sha256) : store.Find(doc.Sha256, pipeline.Version);
        if (stored is not null)
        {
            Interlocked.Increment(ref _reused);
            return stored with { Path = doc.Path, Name = doc.Name };
        }
        var result = pipeline.Run(doc);
        store.Save(result, pipeline.Version);
        Interlocked.Increment(ref _extracted);
        return result;
    }
}

/// <summary>How <see cref="TrainingExtractions"/> reuses stored results.</summary>
public sealed record TrainingExtractionsOptions
{
    /// <summary>
    /// Reuse a result stored by another build of the program (default false: only this build's).
    /// For refits that change only scoring (features, trainers): the version names every assembly's
    /// build, the scoring code's included, so any rebuild would otherwise extract everything again.
    /// Wrong when the readers changed since the results were stored.
    /// </summary>
    public bool AnyBuild { get; init; }
}
