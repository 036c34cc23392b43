using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ExtractReports.Crawl;

/// <summary>What the crawler knew of a URL from its last download, to ask only for a newer version.</summary>
public sealed record Validators(string? ETag, string? LastModified);

public enum FetchStatus { Downloaded, NotModified, Failed }

/// <summary>The outcome of fetching one URL (redirects followed): the bytes and headers, "not modified", or why it failed.</summary>
public sealed record FetchResult(FetchStatus Status, Uri FinalUrl, int HttpStatus, byte[] Body, IReadOnlyDictionary<string, string> Headers, string Reason)
{
    public string? ContentType => Headers.GetValueOrDefault("content-type");
    public string? ETag => Headers.GetValueOrDefault("etag");
    public string? LastModified => Headers.GetValueOrDefault("last-modified");

    public static FetchResult Failure(Uri url, int status, string reason) => new(FetchStatus.Failed, url, status, [], new Dictionary<string, string>(), reason);
}

/// <summary>
/// Downloads with good manners and a bounded cost: robots.txt honoured at every hop, the per-host
/// gate around every attempt, conditional requests, retries with exponential backoff for 5xx, 429,
/// timeouts and dropped connections (Polly), a time limit per attempt covering the body too, a size
/// limit, and redirects followed by hand so each hop is checked and a loop is caught.
/// </summary>
public sealed class HttpFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly CrawlOptions _options;
    private readonly HostGate _gate;
    private readonly Func<Uri, CancellationToken, Task<RobotsRules>> _robots;
    private readonly ResiliencePipeline<Attempt> _resilience;

    /// <summary>One attempt's answer, body read (or the reason it was refused, e.g. too large).</summary>
    private sealed record Attempt(HttpStatusCode Status, byte[] Body, Dictionary<string, string> Headers, Uri? Location, string? Refusal);

    public HttpFetcher(CrawlOptions options, HostGate gate, Func<Uri, CancellationToken, Task<RobotsRules>> robots, HttpMessageHandler? handler = null)
    {
        _options = options;
        _gate = gate;
        _robots = robots;
        _client = new HttpClient(handler ?? new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        var resilience = new ResiliencePipelineBuilder<Attempt>();
        if (options.Retries > 0)
            resilience.AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = options.Retries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<Attempt>()
                    .Handle<HttpRequestException>().Handle<TimeoutRejectedException>().Handle<IOException>()
                    .HandleResult(a => a.Refusal is null && ((int)a.Status >= 500 || a.Status == HttpStatusCode.TooManyRequests)),
            });
        // The timeout sits inside the retry: it limits each attempt, and a timed-out attempt is retried.
        _resilience = resilience.AddTimeout(options.Timeout).Build();
    }

    /// <summary>Fetches a URL, following redirects; robots.txt is checked at each hop.</summary>
    public async Task<FetchResult> FetchAsync(Uri url, Validators? validators, CancellationToken cancellation)
    {
        var seen = new List<Uri>();
        var current = url;
        for (int hop = 0; ; hop++)
        {
            if (seen.Contains(current))
                return FetchResult.Failure(url, 0, $"redirect loop: {string.Join(" -> ", seen.Append(current))}");
            seen.Add(current);
            if (!(await _robots(current, cancellation)).Allows(current))
                return FetchResult.Failure(current, 0, $"robots.txt of {current.Authority} disallows {current.AbsolutePath}");
            Attempt attempt;
            try
            {
                var conditional = hop == 0 ? validators : null;
                attempt = await _resilience.ExecuteAsync(async ct => await AttemptAsync(current, conditional, ct), cancellation);
            }
            catch (TimeoutRejectedException)
            {
                return FetchResult.Failure(current, 0, $"no complete answer within {_options.Timeout.TotalSeconds:0.#} s ({Tries} tries)");
            }
            catch (HttpRequestException e)
            {
                return FetchResult.Failure(current, 0, $"connection failed ({Tries} tries): {e.Message}");
            }
            catch (IOException e)
            {
                return FetchResult.Failure(current, 0, $"connection dropped ({Tries} tries): {e.Message}");
            }
            if (attempt.Refusal is { } refusal) return FetchResult.Failure(current, (int)attempt.Status, refusal);
            int status = (int)attempt.Status;
            if (status is >= 300 and < 400 && status != 304)
            {
                if (attempt.Location is null) return FetchResult.Failure(current, status, $"HTTP {status} redirect without a Location");
                if (hop >= _options.MaxRedirects)
                    return FetchResult.Failure(url, status, $"more than {_options.MaxRedirects} redirects: {string.Join(" -> ", seen.Append(new Uri(current, attempt.Location)))}");
                current = new Uri(current, attempt.Location);
                continue;
            }
            if (status == 304) return new FetchResult(FetchStatus.NotModified, current, status, [], attempt.Headers, "");
            if (status is >= 200 and < 300) return new FetchResult(FetchStatus.Downloaded, current, status, attempt.Body, attempt.Headers, "");
            var reason = status >= 500 ? $"HTTP {status} {attempt.Status} (after {Tries} tries)" : $"HTTP {status} {attempt.Status}";
            return FetchResult.Failure(current, status, reason);
        }
    }

    private int Tries => _options.Retries + 1;

    private async Task<Attempt> AttemptAsync(Uri url, Validators? validators, CancellationToken cancellation)
    {
        using var slot = await _gate.EnterAsync(url, cancellation);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (validators?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
        if (validators?.LastModified is { } lm && DateTimeOffset.TryParse(lm, out var since)) request.Headers.IfModifiedSince = since;
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in response.Headers.Concat(response.Content.Headers)) headers[h.Key.ToLowerInvariant()] = string.Join(", ", h.Value);
        var location = response.Headers.Location;
        if (!response.IsSuccessStatusCode) return new Attempt(response.StatusCode, [], headers, location, null);
        if (response.Content.Headers.ContentLength is long declared && declared > _options.MaxBytes)
            return new Attempt(response.StatusCode, [], headers, location, $"larger than the size limit ({Size(declared)} declared, limit {Size(_options.MaxBytes)})");
        await using var stream = await response.Content.ReadAsStreamAsync(cancellation);
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellation)) > 0)
        {
            if (body.Length + read > _options.MaxBytes)
                return new Attempt(response.StatusCode, [], headers, location, $"larger than the size limit (more than {Size(_options.MaxBytes)} sent)");
            body.Write(buffer, 0, read);
        }
        return new Attempt(response.StatusCode, body.ToArray(), headers, location, null);
    }

    private static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / 1048576.0:0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    public void Dispose() => _client.Dispose();
}
