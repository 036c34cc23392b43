using System.CommandLine;
using ExtractReports.Crawl;
using ExtractReports.Documents;
using ExtractReports.Outputs;
using ExtractReports.Pipeline;
using ExtractReports.Runs;
using ExtractReports.Scoring;
using ExtractReports.Store;

namespace ExtractReports.Cli.Commands;

/// <summary>
/// `crawl sources.csv --out out`: fetches what agencies published since the last run (list pages,
/// their pagination, report pages and attachments), keeps every download in out/downloads/, and
/// extracts into out/ exactly as `extract` does. Every report ever downloaded stays in the outputs,
/// even after its site removes it; every failure is a documents.csv row or a run.json reason.
/// </summary>
public static class CrawlCommand
{
    public static Command Create()
    {
        var sources = new Argument<string>("sources") { Description = "CSV with the columns agency,url (more allowed): each agency's report list page." };
        var output = new Option<string>("--out", "-o") { Description = "Output folder: downloads/, the CSVs, run.json, run.log.", DefaultValueFactory = _ => "out" };
        var excel = new Option<bool>("--excel") { Description = "Write the CSVs with a UTF-8 byte-order mark." };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents extracted in parallel (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var threshold = new Option<double>("--review-threshold") { Description = "Fields below this confidence go to review.csv.", DefaultValueFactory = _ => 0.9 };
        var tessdata = new Option<string?>("--tessdata") { Description = "Folder holding chi_sim.traineddata for OCR." };
        var rebuild = new Option<bool>("--rebuild") { Description = "Re-extract every downloaded report (downloads stay conditional)." };
        var ocrJobs = Readers.OcrJobsOption();
        var defaults = new CrawlOptions();
        var interval = new Option<double>("--per-host-interval") { Description = "Least seconds between two requests to one host (robots.txt Crawl-delay may ask for more).", DefaultValueFactory = _ => defaults.PerHostInterval.TotalSeconds };
        var concurrency = new Option<int>("--per-host-concurrency") { Description = "Requests to one host at once.", DefaultValueFactory = _ => defaults.PerHostConcurrency };
        var timeout = new Option<double>("--timeout") { Description = "Seconds allowed for one download attempt, body included.", DefaultValueFactory = _ => defaults.Timeout.TotalSeconds };
        var retries = new Option<int>("--retries") { Description = "Retries after 5xx, 429, timeouts and dropped connections (exponential backoff).", DefaultValueFactory = _ => defaults.Retries };
        var retryDelay = new Option<double>("--retry-delay") { Description = "Seconds before the first retry (doubled each time).", DefaultValueFactory = _ => defaults.RetryDelay.TotalSeconds };
        var maxMb = new Option<double>("--max-mb") { Description = "Largest file downloaded, in MB.", DefaultValueFactory = _ => defaults.MaxBytes / 1048576.0 };
        var maxPages = new Option<int>("--max-list-pages") { Description = "List pages followed per agency.", DefaultValueFactory = _ => defaults.MaxListPages };
        var cmd = new Command("crawl", "Fetch agencies' new and changed reports (robots.txt, rate limits, conditional requests, retries) and extract them into --out.")
            { sources, output, excel, jobs, threshold, tessdata, rebuild, interval, concurrency, timeout, retries, retryDelay, maxMb, maxPages, ocrJobs };
        cmd.SetAction(parse =>
        {
            var path = parse.GetValue(sources)!;
            if (!File.Exists(path)) { Console.Error.WriteLine($"not found: {path}"); return ExitCodes.UsageError; }
            var (agencies, problems) = AgencySource.Read(path);
            foreach (var p in problems) Console.Error.WriteLine(p);
            if (problems.Count > 0 || agencies.Count == 0)
            {
                if (agencies.Count == 0) Console.Error.WriteLine($"{path}: no agency rows");
                return ExitCodes.UsageError;
            }
            var crawl = defaults with
            {
                PerHostInterval = TimeSpan.FromSeconds(parse.GetValue(interval)),
                PerHostConcurrency = parse.GetValue(concurrency),
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                Retries = parse.GetValue(retries),
                RetryDelay = TimeSpan.FromSeconds(parse.GetValue(retryDelay)),
                MaxBytes = (long)(parse.GetValue(maxMb) * 1048576),
                MaxListPages = parse.GetValue(maxPages),
            };
            try { crawl.Validate(); }
            catch (ArgumentException e) { Console.Error.WriteLine(e.Message); return ExitCodes.UsageError; }
            Readers.BatchMemory.Configure();
            var pipeline = Readers.Configure(PipelineBuilder.CreateDefault(), parse.GetValue(tessdata), parse.GetValue(ocrJobs), Readers.BatchMemory.AfterOcrPage).Build();
            var outDir = parse.GetValue(output)!;
            var batchOptions = new BatchOptions
            {
                Jobs = Math.Max(1, parse.GetValue(jobs)),
                Rebuild = parse.GetValue(rebuild),
                ReleaseNativeMemory = ExtractReports.Native.NativeHeap.Trim,
                Output = new OutputOptions { ExcelBom = parse.GetValue(excel), ReviewThreshold = parse.GetValue(threshold) },
            };
            return ScheduledRun.Execute("crawl", outDir, (log, progress) => Run(agencies, crawl, pipeline, outDir, batchOptions, log, progress));
        });
        return cmd;
    }

    internal static RunSummary Run(IReadOnlyList<AgencySource> agencies, CrawlOptions crawl, ExtractPipeline pipeline, string outDir,
        BatchOptions batchOptions, RunLog log, ScheduledRun.Progress progress, HttpMessageHandler? handler = null)
    {
        using var ledger = new DownloadLedger(outDir);
        CrawlReport report;
        using (var crawler = new Crawler(crawl, ledger, log.Write, handler))
            report = crawler.RunAsync(agencies).GetAwaiter().GetResult();
        Console.Error.WriteLine($"crawled {agencies.Count} agencies: {report.Items.Count} URLs, {report.Downloaded} downloads");

        // Every report ever downloaded (from its kept bytes), and this run's failures that have no bytes to fall back on.
        var kept = ledger.Reports();
        var keptUrls = kept.Select(k => k.Url).ToHashSet();
        var inputs = kept.Select(k => new BatchInput(k.Url, k.Document,
                () => SourceDocument.FromBytes(k.Document + k.Extension, File.ReadAllBytes(ledger.BlobPath(k.Sha256!))), k.Sha256))
            .Concat(report.Items.Where(i => i.State == CrawlState.Failed && !keptUrls.Contains(i.Url.AbsoluteUri))
                .Select(i => BatchInput.Failed(i.Url.AbsoluteUri, i.Document, i.Reason)))
            .OrderBy(i => i.Path, StringComparer.Ordinal).ToList();

        using var store = new ExtractionStore(ExtractCommand.StorePath(outDir));
        var extracted = ExtractCommand.Run(pipeline, store, inputs, outDir, batchOptions, log, progress);

        var reports = report.Items.Where(i => i.Role == Crawler.ReportRole).ToList();
        // A failed download's reason, else the extraction's (a URL that failed now but has older bytes shows those bytes' extraction).
        var crawlFailures = report.Items.Where(i => i.State == CrawlState.Failed).Select(i => new FailedItem(i.Document, i.Url.AbsoluteUri, i.Reason)).ToList();
        var failedUrls = crawlFailures.Select(f => f.Path).ToHashSet();
        var failures = crawlFailures.Concat(extracted.Failed.Where(f => !failedUrls.Contains(f.Path))).ToList();
        return extracted with
        {
            New = reports.Count(i => i.State == CrawlState.New),
            Changed = reports.Count(i => i.State == CrawlState.Changed),
            Unchanged = reports.Count(i => i.State == CrawlState.Unchanged),
            Downloaded = report.Downloaded,
            Failed = failures,
        };
    }
}
