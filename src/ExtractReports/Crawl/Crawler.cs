using System.Collections.Concurrent;

namespace ExtractReports.Crawl;

/// <summary>How a URL fared in this crawl, against what the ledger held before.</summary>
public enum CrawlState { New, Changed, Unchanged, Failed }

/// <summary>One URL the crawl dealt with: a list page or a report (page or attachment).</summary>
public sealed record CrawledItem(Uri Url, string Agency, string Role, string Document, CrawlState State, string Reason);

public sealed record CrawlReport(IReadOnlyList<CrawledItem> Items, int Downloaded);

/// <summary>
/// Crawls agencies' report list pages: follows each list's pagination, fetches every report page
/// and attachment it links (each URL once a run, however many pages link it), and keeps what
/// changed in the <see cref="DownloadLedger"/>. A URL that fails is recorded with its reason and the
/// crawl goes on.
/// </summary>
public sealed class Crawler : IDisposable
{
    public const string ListRole = "list";
    public const string ReportRole = "report";

    private readonly CrawlOptions _options;
    private readonly DownloadLedger _ledger;
    private readonly Action<string> _log;
    private readonly HostGate _gate;
    private readonly HttpFetcher _fetcher;
    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsRules>>> _robots = new();
    private readonly ConcurrentDictionary<Uri, byte> _visited = new();
    private readonly ConcurrentBag<CrawledItem> _items = [];
    private int _downloaded;

    public Crawler(CrawlOptions options, DownloadLedger ledger, Action<string>? log = null, HttpMessageHandler? handler = null)
    {
        options.Validate();
        _options = options;
        _ledger = ledger;
        _log = log ?? (_ => { });
        _gate = new HostGate(options.PerHostConcurrency, options.PerHostInterval);
        _fetcher = new HttpFetcher(options, _gate, RobotsFor, handler);
    }

    public async Task<CrawlReport> RunAsync(IReadOnlyList<AgencySource> sources, CancellationToken cancellation = default)
    {
        await Task.WhenAll(sources.Select(s => CrawlAgencyAsync(s, cancellation)));
        return new CrawlReport(_items.OrderBy(i => i.Url.AbsoluteUri, StringComparer.Ordinal).ToList(), _downloaded);
    }

    private async Task CrawlAgencyAsync(AgencySource source, CancellationToken cancellation)
    {
        var queue = new Queue<Uri>([source.ListPage]);
        var seen = new HashSet<Uri> { source.ListPage };
        var reports = new List<PageLink>();
        for (int pages = 0; queue.Count > 0 && pages < _options.MaxListPages; pages++)
        {
            var url = queue.Dequeue();
            var page = await GetAsync(url, source.Agency, ListRole, cancellation);
            if (page is null) continue;
            var links = ReportLinks.Find(page.Value.Body, page.Value.Url);
            _log($"list {url}: {links.Reports.Count} report links, {links.ListPages.Count} list pages linked");
            reports.AddRange(links.Reports);
            foreach (var next in links.ListPages)
                if (seen.Add(next)) queue.Enqueue(next);
        }
        if (queue.Count > 0) _log($"list {source.ListPage}: stopped after {_options.MaxListPages} list pages ({queue.Count} more linked)");

        await Parallel.ForEachAsync(reports.DistinctBy(r => r.Target),
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellation },
            async (link, ct) =>
            {
                var report = await GetAsync(link.Target, source.Agency, ReportRole, ct);
                if (report is not { Html: true } page) return;
                foreach (var attachment in ReportLinks.Find(page.Body, page.Url).Attachments)
                    await GetAsync(attachment.Target, source.Agency, ReportRole, ct);
            });
    }

    private readonly record struct Page(Uri Url, byte[] Body, bool Html);

    /// <summary>Fetches a URL once a run (conditionally when the ledger has it), keeps new bytes, and records the outcome; the bytes when there are any.</summary>
    private async Task<Page?> GetAsync(Uri url, string agency, string role, CancellationToken cancellation)
    {
        if (!_visited.TryAdd(url, 0)) return null;
        var known = _ledger.Find(url);
        var document = _ledger.Claim(url, agency, role, NameOf(url), Path.GetExtension(url.AbsolutePath).ToLowerInvariant());
        bool haveBytes = known?.Sha256 is { } s && File.Exists(_ledger.BlobPath(s));
        var fetched = await _fetcher.FetchAsync(url, haveBytes ? new Validators(known!.ETag, known.LastModified) : null, cancellation);
        switch (fetched.Status)
        {
            case FetchStatus.NotModified when haveBytes:
                _ledger.Checked(url, "not_modified");
                Record(url, agency, role, document, CrawlState.Unchanged, "");
                var kept = await File.ReadAllBytesAsync(_ledger.BlobPath(known!.Sha256!), cancellation);
                return new Page(url, kept, IsHtml(known.Extension));
            case FetchStatus.Downloaded:
                var content = role == ListRole ? new CheckedContent(true, ".html", "") : ContentCheck.Check(fetched.Body, fetched.ContentType, url);
                if (!content.Accepted) return Fail(url, agency, role, document, content.Reason);
                var sha = _ledger.Keep(url, fetched, content.Extension);
                Interlocked.Increment(ref _downloaded);
                var state = known?.Sha256 is null ? CrawlState.New : known.Sha256 == sha ? CrawlState.Unchanged : CrawlState.Changed;
                Record(url, agency, role, document, state, "");
                _log($"downloaded {url} ({fetched.Body.Length} bytes, {state.ToString().ToLowerInvariant()})");
                return new Page(fetched.FinalUrl, fetched.Body, IsHtml(content.Extension));
            default:
                return Fail(url, agency, role, document, fetched.Status == FetchStatus.NotModified ? "HTTP 304 to an unconditional request" : fetched.Reason);
        }
    }

    private Page? Fail(Uri url, string agency, string role, string document, string reason)
    {
        var said = role == ListRole ? $"list page not read: {reason}" : $"not downloaded: {reason}";
        _ledger.Checked(url, "failed: " + reason);
        Record(url, agency, role, document, CrawlState.Failed, said);
        _log($"failed {url}: {said}");
        return null;
    }

    private void Record(Uri url, string agency, string role, string document, CrawlState state, string reason) =>
        _items.Add(new CrawledItem(url, agency, role, document, state, reason));

    private static bool IsHtml(string extension) => extension is ".html" or ".htm" or ".shtml" or "";

    /// <summary>A document's name, as `extract` names a file: the URL's file name without extension.</summary>
    internal static string NameOf(Uri url)
    {
        var name = Path.GetFileNameWithoutExtension(Uri.UnescapeDataString(url.AbsolutePath.TrimEnd('/')));
        foreach (var c in Path.GetInvalidFileNameChars()) name = name.Replace(c, '_');
        return name.Length > 0 ? name : url.Host;
    }

    private Task<RobotsRules> RobotsFor(Uri url, CancellationToken cancellation)
    {
        if (url.AbsolutePath == "/robots.txt") return Task.FromResult(RobotsRules.AllowAll);
        return _robots.GetOrAdd(url.GetLeftPart(UriPartial.Authority), origin => new Lazy<Task<RobotsRules>>(() => LoadRobotsAsync(new Uri(origin + "/robots.txt"), cancellation))).Value;
    }

    /// <summary>
    /// A host's robots.txt (RFC 9309): none (4xx) allows everything; one that cannot be fetched (5xx,
    /// timeouts) means "disallow everything" for this run, as the RFC asks.
    /// </summary>
    private async Task<RobotsRules> LoadRobotsAsync(Uri robotsUrl, CancellationToken cancellation)
    {
        var fetched = await _fetcher.FetchAsync(robotsUrl, null, cancellation);
        if (fetched.Status == FetchStatus.Downloaded)
        {
            var rules = RobotsRules.Parse(System.Text.Encoding.UTF8.GetString(fetched.Body), _options.UserAgent);
            if (rules.CrawlDelay is { } d)
                _gate.Lengthen(robotsUrl, TimeSpan.FromSeconds(Math.Min(d, _options.MaxCrawlDelay.TotalSeconds)));
            return rules;
        }
        if (fetched.HttpStatus is >= 400 and < 500) return RobotsRules.AllowAll;
        _log($"robots.txt {robotsUrl} unreachable ({fetched.Reason}): nothing fetched from that host this run");
        return RobotsRules.Parse("User-agent: *\nDisallow: /", _options.UserAgent);
    }

    public void Dispose() => _fetcher.Dispose();
}
