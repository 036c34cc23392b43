using System.Collections.Concurrent;

namespace ExtractReports.Pages.Ocr;

/// <summary>
/// Keeps started engines for reuse (starting one costs about 0.2 s and 20 MB): a worker rents one for a
/// document and returns it. At most <c>capacity</c> engines are on loan at once; a worker asking for
/// one more waits. That bounds the documents under OCR at once, and with them memory: a document
/// being read holds its engine's working memory and its page images (250-350 MB at 300 dpi), and two
/// heavy scans read together took a batch's peak from about 470 to 800 MB.
/// </summary>
/// <param name="keepIdle">Whether a returned engine is kept for the next loan (false: it is ended, <see cref="OcrOptions.KeepIdleEngines"/>).</param>
public sealed class OcrEnginePool(Func<IOcrEngine> create, int capacity, bool keepIdle = true) : IDisposable
{
    private readonly ConcurrentBag<IOcrEngine> _idle = [];
    private readonly SemaphoreSlim _loans = new(capacity, capacity);
    private bool _disposed;

    public Lease Rent(CancellationToken cancellation = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _loans.Wait(cancellation);
        try { return new Lease(this, _idle.TryTake(out var engine) ? engine : create()); }
        catch
        {
            _loans.Release();
            throw;
        }
    }

    private void Return(IOcrEngine engine)
    {
        if (_disposed || !keepIdle) engine.Dispose();
        else _idle.Add(engine);
        _loans.Release();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var e)) e.Dispose();
    }

    /// <summary>An engine on loan; disposing it gives it back.</summary>
    public sealed class Lease(OcrEnginePool pool, IOcrEngine engine) : IDisposable
    {
        private bool _returned;
        public IOcrEngine Engine => engine;

        public void Dispose()
        {
            if (_returned) return;
            _returned = true;
            pool.Return(engine);
        }
    }
}
