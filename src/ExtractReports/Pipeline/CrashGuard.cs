using System.Diagnostics;
using ExtractReports.Documents;
using ExtractReports.Store;

namespace ExtractReports.Pipeline;

/// <summary>Knobs of <see cref="CrashGuard"/>.</summary>
public sealed record CrashGuardOptions
{
    /// <summary>
    /// Longest one document may take before it fails with a timeout; null: no limit. 600 s by
    /// default (the CLI's <c>--timeout</c>): a 10-page text PDF takes well under a second, a
    /// 100-page scan about two minutes of OCR on one core, so only a pathological file comes near.
    /// </summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromSeconds(600);

    public void Validate()
    {
        if (Timeout is { } t && t <= TimeSpan.Zero) throw new ArgumentException("CrashGuardOptions.Timeout must be positive (or null for none)");
    }
}

/// <summary>
/// Runs documents so that a poison file costs one error row, never the batch. The libraries read
/// inside this process, and one of them can take it down (a stack overflow, a native crash) or
/// loop forever. So before a document is read the store marks it as being read (with the library
/// that reads it); a later run finds the marks its dead predecessor left
/// (<see cref="Recover"/>) and stores those documents as failed, which every later run then reuses
/// instead of reading them again under the same program. A document that runs past
/// <see cref="CrashGuardOptions.Timeout"/> fails with a timeout: it is cancelled, and if the
/// library does not heed the cancellation its thread is left to finish on its own while the batch
/// goes on.
/// </summary>
public sealed class CrashGuard
{
    private readonly ExtractPipeline pipeline;
    private readonly ExtractionStore store;
    private readonly CrashGuardOptions options;

    public CrashGuard(ExtractPipeline pipeline, ExtractionStore store, CrashGuardOptions? options = null)
    {
        this.pipeline = pipeline;
        this.store = store;
        this.options = options ?? new CrashGuardOptions();
        this.options.Validate();
    }

    /// <summary>
    /// The documents a run that died left marked as being read: each stored as failed under this
    /// pipeline (so unchanged, it is not read again), its mark cleared. Returns those results.
    /// </summary>
    public IReadOnlyList<DocumentResult> Recover()
    {
        var failed = new List<DocumentResult>();
        foreach (var (sha, document, path, library) in store.LeftReading())
        {
            var result = Failed(path, document, sha, DocumentKind.Unknown,
                $"the reader crashed on this file ({library}): the run reading it died; it is not read again until the program changes or --rebuild", TimeSpan.Zero);
            store.Save(result, pipeline.Version);
            store.MarkReading(sha, document, path, null);
            failed.Add(result);
        }
        return failed;
    }

    /// <summary>Reads one document under the guard: marked while it is read, stored when done.</summary>
    public DocumentResult Run(SourceDocument doc, CancellationToken cancellation = default) => Run(doc, out _, cancellation);

    /// <summary>
    /// As <see cref="Run(SourceDocument, CancellationToken)"/>; <paramref name="allocatedBytes"/>: what reading it
    /// allocated on the thread that read it (a scan's page images show here), 0 when it timed out.
    /// </summary>
    public DocumentResult Run(SourceDocument doc, out long allocatedBytes, CancellationToken cancellation = default)
    {
        store.MarkReading(doc.Sha256, doc.Name, doc.Path, ReaderLibraries.Of(doc.Kind));
        var (result, allocated) = options.Timeout is { } limit ? WithTimeLimit(doc, limit, cancellation) : Measured(doc, cancellation);
        store.Save(result, pipeline.Version);
        store.MarkReading(doc.Sha256, doc.Name, doc.Path, null);
        allocatedBytes = allocated;
        return result;
    }

    private (DocumentResult, long) Measured(SourceDocument doc, CancellationToken cancellation)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = pipeline.Run(doc, cancellation);
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private (DocumentResult, long) WithTimeLimit(SourceDocument doc, TimeSpan limit, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        // A thread of its own: a library that ignores the cancellation keeps it, not a pool thread.
        var task = Task.Factory.StartNew(() => Measured(doc, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        bool finished;
        try { finished = task.Wait(limit, cancellation); }
        catch (AggregateException e) when (e.InnerException is OperationCanceledException) { finished = true; }
        if (finished)
        {
            stop.Dispose();
            return task.GetAwaiter().GetResult();
        }
        stop.Cancel();
        // Observe the late outcome (a cancellation, or a result nobody wants) and free the source then.
        task.ContinueWith(t => { _ = t.Exception; stop.Dispose(); }, TaskScheduler.Default);
        return (Failed(doc.Path, doc.Name, doc.Sha256, doc.Kind,
            $"reading took longer than the time limit of {limit.TotalSeconds:0.#} s (--timeout) and was stopped ({ReaderLibraries.Of(doc.Kind)})", watch.Elapsed), 0);
    }

    private static DocumentResult Failed(string path, string name, string sha, DocumentKind kind, string message, TimeSpan elapsed) =>
        new(path, name, sha, kind, DocumentStatus.Error, message, "", "", "", 0, "", [], [], elapsed);
}

/// <summary>The libraries that read a kind of document inside this process, named in crash and timeout messages.</summary>
public static class ReaderLibraries
{
    public static string Of(DocumentKind kind) => kind switch
    {
        DocumentKind.PdfText => "PdfPig, or Tesseract and leptonica if it has no usable text layer",
        DocumentKind.PdfScan => "PdfPig and leptonica for its page images, Tesseract for OCR",
        DocumentKind.Image => "leptonica and Tesseract",
        DocumentKind.Html => "AngleSharp",
        DocumentKind.Docx => "DocumentFormat.OpenXml",
        _ => "the text reader",
    };
}
