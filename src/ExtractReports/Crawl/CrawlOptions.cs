namespace ExtractReports.Crawl;

/// <summary>How the crawler behaves towards agency sites. Defaults are polite for a nightly run.</summary>
public sealed record CrawlOptions
{
    /// <summary>Sent with every request, and the name robots.txt groups are matched against.</summary>
    public string UserAgent { get; init; } = "ExtractReports-crawler/1.0 (+annual-report research)";
    /// <summary>Least time between two requests to one host. Default 1 s; a robots.txt Crawl-delay that asks for more wins (up to <see cref="MaxCrawlDelay"/>).</summary>
    public TimeSpan PerHostInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Requests to one host at once. Default 2.</summary>
    public int PerHostConcurrency { get; init; } = 2;
    /// <summary>The longest robots.txt Crawl-delay honoured. Default 30 s.</summary>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Time allowed for one attempt, answer and body. Default 60 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Retries after a 5xx answer, a 429, a timeout or a dropped connection. Default 3.</summary>
    public int Retries { get; init; } = 3;
    /// <summary>Wait before the first retry; doubled at each further one (with jitter). Default 2 s.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>Largest file downloaded. Default 100 MB: a scanned report of 80 pages is about 40 MB.</summary>
    public long MaxBytes { get; init; } = 100L * 1024 * 1024;
    /// <summary>Redirects followed from one link. Default 5.</summary>
    public int MaxRedirects { get; init; } = 5;
    /// <summary>List pages followed from one agency's first list page (pagination). Default 50.</summary>
    public int MaxListPages { get; init; } = 50;
    /// <summary>Report pages and attachments fetched at once for one agency (the per-host cap still applies). Default 4.</summary>
    public int Parallelism { get; init; } = 4;

    public void Validate()
    {
        if (PerHostConcurrency < 1) throw new ArgumentException("PerHostConcurrency must be at least 1");
        if (Retries < 0) throw new ArgumentException("Retries must be 0 or more");
        if (MaxBytes < 1) throw new ArgumentException("MaxBytes must be positive");
        if (Timeout <= TimeSpan.Zero) throw new ArgumentException("Timeout must be positive");
        if (MaxRedirects < 0 || MaxListPages < 1 || Parallelism < 1) throw new ArgumentException("MaxRedirects, MaxListPages and Parallelism must be positive");
    }
}
