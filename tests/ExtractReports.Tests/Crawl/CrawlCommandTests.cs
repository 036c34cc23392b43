using System.Text.Json;
using ExtractReports.Cli.Commands;
using ExtractReports.Outputs;
using ExtractReports.Runs;

namespace ExtractReports.Tests.Crawl;

/// <summary>The crawler against a real web server on 127.0.0.1, through the command line as cron runs it.</summary>
public class CrawlCommandTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("er-crawl-").FullName;
    private AgencySite _site = null!;
    private string Out => Path.Combine(_dir, "out");

    public async Task InitializeAsync() => _site = await AgencySite.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(_dir, true);
    }

    private int Crawl()
    {
        var sources = Path.Combine(_dir, "sources.csv");
        File.WriteAllText(sources, $"agency,url,note\n某某区,{_site.Root}gkml/nb/index.html,test site\n");
        return RootCommandFactory.Run(["crawl", sources, "--out", Out, "--per-host-interval", "0", "--timeout", "8", "--retries", "1",
            "--retry-delay", "0.05", "--max-mb", "1", "-j", "2"]);
    }

    private Dictionary<string, Dictionary<string, string>> Documents() =>
        CsvRows.Read(Path.Combine(Out, "documents.csv")).ToDictionary(r => r["document"]);

    private RunSummary Summary() => RunSummary.Load(Out)!;

    private static readonly string[] Reports =
        ["html-01-2021-utf8", "docx-02-2019", "pdf-01-2021-serif", "retry", "html-02-2022-gbk", "docx-01-2021", "changing"];

    [Fact]
    public async Task Crawl_fetches_each_report_once_turns_every_fault_into_a_row_and_reruns_download_only_what_changed()
    {
        Assert.Equal(ExitCodes.SomeDocumentsFailed, Crawl());

        var docs = Documents();
        foreach (var name in Reports)
        {
            Assert.True(docs.ContainsKey(name), $"no row for {name}");
            Assert.True(docs[name]["status"] is "ok" or "partial", $"{name}: {docs[name]["status"]} {docs[name]["message"]}");
            Assert.StartsWith(_site.Root.AbsoluteUri, docs[name]["path"]);
        }
        Assert.Equal("html", docs["html-02-2022-gbk"]["kind"]);
        Assert.Equal("docx", docs["docx-02-2019"]["kind"]); // an attachment of a report page
        Assert.Contains("HTTP 404", docs["gone"]["message"]);
        Assert.Contains("no complete answer within 8 s (2 tries)", docs["slow"]["message"]);
        Assert.Contains("redirect loop", docs["a"]["message"]);
        Assert.Contains("size limit", docs["big"]["message"]);
        Assert.Contains("robots.txt", docs["secret"]["message"]);
        foreach (var fault in new[] { "gone", "slow", "a", "big", "secret" }) Assert.Equal("error", docs[fault]["status"]);
        Assert.True(Reports.Length + 5 == docs.Count, string.Join(", ", docs.Keys));

        // Each URL fetched once (the 500 once more, the slow one once a try), robots.txt once, the disallowed path never.
        foreach (var path in new[] { "/art/2022/html-01-2021-utf8.html", "/art/2022/html-02-2022-gbk.html", "/files/pdf-01-2021-serif.pdf", "/files/docx-01-2021.docx",
                     "/files/docx-02-2019.docx", "/art/changing.html", "/files/gone.pdf", "/files/big.pdf", "/loop/a.html", "/loop/b.html",
                     "/gkml/nb/index.html", "/gkml/nb/index_1.html", "/robots.txt" })
            Assert.True(_site.Requests(path) == 1, $"{path} requested {_site.Requests(path)} times");
        Assert.Equal(2, _site.Requests("/files/retry.pdf"));
        Assert.Equal(2, _site.Requests("/files/slow.pdf"));
        Assert.Equal(0, _site.Requests("/private/secret.pdf"));

        var first = Summary();
        Assert.Equal((Reports.Length, 0, 0, Reports.Length), (first.New, first.Changed, first.Unchanged, first.Extracted));
        Assert.Equal(5, first.FailedCount);
        Assert.Equal(ExitCodes.SomeDocumentsFailed, first.ExitCode);
        Assert.True(File.Exists(Path.Combine(Out, RunLog.FileName)));

        // The same bytes and the same CSV rows as `extract` on the files themselves (GBK decoded, same store).
        var direct = Path.Combine(_dir, "direct");
        Assert.Equal(ExitCodes.Ok, RootCommandFactory.Run(["extract", Path.Combine(TestPaths.Corpus, "html", "html-02-2022-gbk.html"),
            Path.Combine(TestPaths.Corpus, "pdf", "pdf-01-2021-serif.pdf"), "--out", direct]));
        Assert.Equal(FieldRows(direct), FieldRows(Out).Where(r => r.StartsWith("html-02-2022-gbk,") || r.StartsWith("pdf-01-2021-serif,")).ToList());
        var directDocs = CsvRows.Read(Path.Combine(direct, "documents.csv")).ToDictionary(r => r["document"]);
        Assert.Equal(directDocs["html-02-2022-gbk"]["sha256"], docs["html-02-2022-gbk"]["sha256"]);

        // Every download kept, content-addressed, with its URL, time and headers.
        var blobs = Directory.GetFiles(Path.Combine(Out, "downloads", "blobs"), "*", SearchOption.AllDirectories);
        Assert.Contains(blobs, b => Path.GetFileName(b) == docs["pdf-01-2021-serif"]["sha256"]);

        // An unchanged site: nothing downloaded, nothing extracted.
        // (big.pdf is answered in full each run, but refused from its Content-Length, before its body is read.)
        int Sent() => _site.Bodies.Where(b => b.Key != "/files/big.pdf").Sum(b => b.Value);
        var bodies = Sent();
        Assert.Equal(ExitCodes.SomeDocumentsFailed, Crawl());
        var second = Summary();
        Assert.Equal((0, 0, Reports.Length, 0, 0), (second.New, second.Changed, second.Unchanged, second.Extracted, second.Downloaded));
        Assert.Equal(bodies, Sent());
        Assert.Equal(docs.Count, Documents().Count);

        // One page changed: it alone is downloaded and extracted again.
        _site.Change();
        Assert.Equal(ExitCodes.SomeDocumentsFailed, Crawl());
        var third = Summary();
        Assert.Equal((0, 1, Reports.Length - 1, 1, 1), (third.New, third.Changed, third.Unchanged, third.Extracted, third.Downloaded));
        Assert.NotEqual(docs["changing"]["sha256"], Documents()["changing"]["sha256"]);
        Assert.Equal(bodies + 1, Sent());
        await Task.CompletedTask;
    }

    private static List<string> FieldRows(string folder) =>
        File.ReadAllLines(Path.Combine(folder, "fields.csv")).Skip(1).ToList();

    [Fact]
    public void A_second_run_on_a_locked_folder_exits_without_touching_it()
    {
        using var held = RunLock.Acquire(Out);
        Assert.Equal(ExitCodes.FolderLocked, Crawl());
        Assert.Equal(ExitCodes.FolderLocked, RootCommandFactory.Run(["extract", Path.Combine(TestPaths.Corpus, "seeds"), "--out", Out]));
        Assert.False(File.Exists(Path.Combine(Out, "documents.csv")));
    }
}
