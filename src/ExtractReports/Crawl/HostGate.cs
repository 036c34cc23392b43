using System.Collections.Concurrent;

namespace ExtractReports.Crawl;

/// <summary>
/// Per-host politeness: at most <c>concurrency</c> requests to a host at once, and request starts
/// at least an interval apart (robots.txt may lengthen a host's interval).
/// </summary>
public sealed class HostGate(int concurrency, TimeSpan interval)
{
    private sealed class Host(int concurrency, TimeSpan interval)
    {
        public readonly SemaphoreSlim Slots = new(concurrency, concurrency);
        public readonly Lock Lock = new();
        public TimeSpan Interval = interval;
        public DateTime NextStart = DateTime.MinValue;
    }

    private readonly ConcurrentDictionary<string, Host> _hosts = new();

    private Host For(Uri url) => _hosts.GetOrAdd(url.Authority, _ => new Host(concurrency, interval));

    public void Lengthen(Uri url, TimeSpan hostInterval)
    {
        var host = For(url);
        lock (host.Lock) if (hostInterval > host.Interval) host.Interval = hostInterval;
    }

    /// <summary>Waits for a slot and this host's next start time; dispose the result when the request is done.</summary>
    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken cancellation)
    {
        var host = For(url);
        await host.Slots.WaitAsync(cancellation);
        try
        {
            TimeSpan wait;
            lock (host.Lock)
            {
                var now = DateTime.UtcNow;
                var start = host.NextStart > now ? host.NextStart : now;
                host.NextStart = start + host.Interval;
                wait = start - now;
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellation);
            return new Release(host.Slots);
        }
        catch
        {
            host.Slots.Release();
            throw;
        }
    }

    private sealed class Release(SemaphoreSlim slots) : IDisposable
    {
        private int _done;
        public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) slots.Release(); }
    }
}
