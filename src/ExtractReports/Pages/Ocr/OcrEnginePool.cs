using System.Collections.Concurrent;

namespace ExtractReports.Pages.Ocr;

/// <summary>
/// Keeps started engines for reuse (starting one costs about 0.2 s and 20 MB): a worker rents one for a
/// document and returns it. At most <c>capacity</c> idle engines are kept; extra ones are disposed.
/// </summary>
public sealed class OcrEnginePool(Func<IOcrEngine> create, int capacity) : IDisposable
{
    private readonly ConcurrentBag<IOcrEngine> _idle = [];
    private int _idleCount;
    private bool _disposed;

    public Lease Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var engine))
        {
            Interlocked.Decrement(ref _idleCount);
            return new Lease(this, engine);
        }
        return new Lease(this, create());
    }

    private void Return(IOcrEngine engine)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > capacity)
        {
            if (!_disposed) Interlocked.Decrement(ref _idleCount);
            engine.Dispose();
            return;
        }
        _idle.Add(engine);
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
