using System.Diagnostics;
using System.Text.Json;
using ExtractReports.Documents;
using ExtractReports.Outputs;
using ExtractReports.Pipeline;
using ExtractReports.Schema;
using ExtractReports.Store;

namespace ExtractReports.Runs;

/// <summary>Options of a batch run.</summary>
public sealed record BatchOptions
{
    /// <summary>Documents read in parallel. Default: one per core.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;
    /// <summary>Re-extract every input even when its bytes and the pipeline are unchanged.</summary>
    public bool Rebuild { get; init; }
    /// <summary>
    /// Documents taken in flight at once, read in parallel and then written in input order. Memory
    /// holds at most this many results, whatever the batch's size. Default 64: enough to keep every
    /// core busy past a slow scan, small beside a result (a few hundred kilobytes).
    /// </summary>
    public int Window { get; init; } = 64;
    /// <summary>
    /// A document whose reading allocated more than this many bytes (page images of a scan, a long
    /// PDF's words) is followed by a full collection; 0 never collects. Default 64 MB: a text or HTML
    /// report allocates a few megabytes, one OCR page several times this.
    /// </summary>
    public long CollectAfterBytes { get; init; } = 64L << 20;
    /// <summary>
    /// Called after that collection: returns the native libraries' freed memory to the system (the
    /// command line sets glibc's <c>malloc_trim</c>, <c>NativeHeap.Trim</c>). Null (default): nothing.
    /// </summary>
    public Action? ReleaseNativeMemory { get; init; }
    public OutputOptions Output { get; init; } = new();
    /// <summary>The crash guard's time limit for one document (see <see cref="CrashGuardOptions"/>).</summary>
    public CrashGuardOptions Guard { get; init; } = new();
}

/// <summary>What a batch did to its inputs (counts against the last run into the same folder); <c>Crashed</c>: documents a run that died left being read, now stored as failed.</summary>
public sealed record BatchReport(int Documents, int New, int Changed, int Unchanged, int Extracted, int Reused, IReadOnlyList<FailedItem> Failed, bool OutputsUnchanged,
    IReadOnlyList<FailedItem> Crashed);

/// <summary>
/// Runs a batch into an output folder: each input reused from the store when its bytes and the
/// pipeline are unchanged, else extracted under the <see cref="CrashGuard"/> and stored; reviewers' corrections applied; results
/// streamed to the CSVs in input order. When nothing at all changed since the outputs were last
/// written (same inputs, same hashes, same program, same corrections), the outputs are kept as
/// they are and no input is read: the cheap nightly rerun.
/// </summary>
public sealed class BatchExtractor(ExtractPipeline pipeline, ExtractionStore store, StandardSchema schema, BatchOptions options)
{
    private const string OutputsKey = "outputs.fingerprint";
    private const string FailedKey = "outputs.failed";
    private static readonly string[] OutputFiles = ["fields.csv", "documents.csv", "review.csv", "wide.csv"];
    private readonly CrashGuard guard = new(pipeline, store, options.Guard);

    /// <summary>Called once per document as it finishes, from the worker that did it.</summary>
    public Action<BatchInput, DocumentResult>? Finished { get; init; }

    /// <summary>What is done after a document that allocated more than <see cref="BatchOptions.CollectAfterBytes"/> (tests count it).</summary>
    internal Action ReleaseMemory { get; init; } = () => MemoryRelease.Release(options.ReleaseNativeMemory);

    public BatchReport Run(IReadOnlyList<BatchInput> inputs, string outDir)
    {
        var crashed = guard.Recover().Select(r => new FailedItem(r.Name, r.Path, r.Message)).ToList();
        var fingerprint = Fingerprint(inputs);
        if (!options.Rebuild && fingerprint is not null && store.RunValue(OutputsKey) == fingerprint
            && OutputFiles.All(f => File.Exists(Path.Combine(outDir, f))))
        {
            var failed = JsonSerializer.Deserialize<List<FailedItem>>(store.RunValue(FailedKey) ?? "[]") ?? [];
            return new BatchReport(inputs.Count, 0, 0, inputs.Count, 0, inputs.Count(i => i.FailureMessage is null), failed, true, crashed);
        }

        var corrections = store.Corrections();
        int created = 0, changed = 0, unchanged = 0, extracted = 0, reused = 0;
        var failures = new List<FailedItem>();
        // What is written, taken row by row (the corrections read above are the ones applied).
        using var written = NewFingerprint();
        using (var outputs = new StreamingOutputWriter(outDir, options.Output, schema))
        {
            var window = new (DocumentResult Result, Outcome Outcome)[Math.Max(1, options.Window)];
            for (int start = 0; start < inputs.Count; start += window.Length)
            {
                int count = Math.Min(window.Length, inputs.Count - start);
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Jobs) }, k =>
                {
                    var input = inputs[start + k];
                    var (result, outcome) = RunOne(input);
                    if (options.CollectAfterBytes > 0 && outcome.Allocated > options.CollectAfterBytes) ReleaseMemory();
                    window[k] = (Corrections.Apply(result, corrections), outcome);
                    Finished?.Invoke(input, window[k].Result);
                });
                for (int k = 0; k < count; k++)
                {
                    var (result, outcome) = window[k];
                    outputs.Add(result);
                    var input = inputs[start + k];
                    written.Add(input.Path, input.Name, input.FailureMessage, result.Sha256.Length > 0 ? result.Sha256 : null);
                    switch (outcome.Change)
                    {
                        case Change.New: created++; break;
                        case Change.Changed: changed++; break;
                        case Change.Unchanged: unchanged++; break;
                    }
                    if (outcome.Extracted) extracted++; else if (result.Sha256.Length > 0) reused++;
                    if (result.Status is DocumentStatus.Error or DocumentStatus.NotAReport)
                        failures.Add(new FailedItem(result.Name, result.Path, $"{result.Status.Name()}: {result.Message}"));
                    window[k] = default;
                }
            }
            outputs.Complete();
        }
        store.SetRunValue(OutputsKey, written.Value() ?? "");
        store.SetRunValue(FailedKey, JsonSerializer.Serialize(failures));
        return new BatchReport(inputs.Count, created, changed, unchanged, extracted, reused, failures, false, crashed);
    }

    private enum Change { New, Changed, Unchanged, Failed }
    /// <summary>What became of one input; <c>Allocated</c>: bytes its reading allocated (0 when it was not read).</summary>
    private readonly record struct Outcome(Change Change, bool Extracted, long Allocated = 0);

    private (DocumentResult, Outcome) RunOne(BatchInput input)
    {
        var watch = Stopwatch.StartNew();
        if (input.FailureMessage is { } message || input.Load is null)
            return (Failed(input, input.FailureMessage ?? "nothing to read", watch), new Outcome(Change.Failed, false));
        var previous = store.LastHash(input.Name);

        if (!options.Rebuild && input.KnownSha256 is { } known && store.Find(known, pipeline.Version) is { } stored)
            return (stored with { Path = input.Path, Name = input.Name }, new Outcome(Classify(previous, known), false));

        SourceDocument doc;
        try { doc = input.Load(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (Failed(input, $"cannot read the file: {e.Message}", watch), new Outcome(Change.Failed, false));
        }
        if (!options.Rebuild && store.Find(doc.Sha256, pipeline.Version) is { } cached)
            return (cached with { Path = input.Path, Name = input.Name }, new Outcome(Classify(previous, doc.Sha256), false));
        var result = guard.Run(doc with { Path = input.Path, Name = input.Name }, out long allocated);
        return (result, new Outcome(Classify(previous, doc.Sha256), true, allocated));
    }

    private static Change Classify(string? previous, string sha) =>
        previous is null ? Change.New : previous == sha ? Change.Unchanged : Change.Changed;

    private static DocumentResult Failed(BatchInput input, string message, Stopwatch watch) =>
        new(input.Path, input.Name, "", DocumentKind.Unknown, DocumentStatus.Error, message, "", "", "", 0, "", [], [], watch.Elapsed);

    /// <summary>The fingerprint of the outputs these inputs would give as they are now; null when one must be read to know.</summary>
    private string? Fingerprint(IReadOnlyList<BatchInput> inputs)
    {
        using var fingerprint = NewFingerprint();
        foreach (var input in inputs)
            fingerprint.Add(input.Path, input.Name, input.FailureMessage,
                input.KnownSha256 is { } sha && store.Has(sha, pipeline.Version) ? sha : null);
        return fingerprint.Value();
    }

    private OutputsFingerprint NewFingerprint() => new(pipeline.Version, options.Output, store.CorrectionsStamp());
}
