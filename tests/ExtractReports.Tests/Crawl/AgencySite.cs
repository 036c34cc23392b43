using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExtractReports.Tests.Crawl;

/// <summary>
/// An agency's site on 127.0.0.1 (Kestrel), made from corpus files: a report list in two pages
/// (UTF-8, then GBK) with relative links, report pages and PDF/DOCX attachments, and every fault a
/// crawler meets: a 404, a 500 that succeeds on retry, an answer slower than the timeout, a redirect
/// loop, a file over the size limit, a path robots.txt disallows, a page that changes between runs.
/// ETag / If-None-Match as real servers do. It counts what it sent.
/// </summary>
public sealed class AgencySite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _requests = new();
    private readonly ConcurrentDictionary<string, int> _bodies = new();
    private int _retryCalls;

    public Uri Root { get; private set; } = new("http://127.0.0.1/");
    /// <summary>Which version of /art/changing.html is served.</summary>
    public int ChangingVersion { get; private set; } = 1;
    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests per path.</summary>
    public int Requests(string path) => _requests.GetValueOrDefault(path);
    /// <summary>200 answers with a body, per path: what a client downloaded.</summary>
    public IReadOnlyDictionary<string, int> Bodies => _bodies;

    public void Change() => ChangingVersion++;

    private static byte[] Corpus(string kind, string file) => File.ReadAllBytes(Path.Combine(TestPaths.Corpus, kind, file));

    private AgencySite(WebApplication app) => _app = app;

    public static async Task<AgencySite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var site = new AgencySite(app);
        site.Map(app);
        await app.StartAsync();
        site.Root = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return site;
    }

    private const string Gbk = "GBK";

    private static string Link(string href, string text) => $"<li><a href=\"{href}\" target=\"_blank\">{text}</a><span>2024-01-20</span></li>";

    private void Map(WebApplication app)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        app.Use(async (ctx, next) =>
        {
            _requests.AddOrUpdate(ctx.Request.Path.Value!, 1, (_, n) => n + 1);
            await next();
        });
        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /private/\n", "text/plain"));

        var page1 = $"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
            <div class="nav"><a href="/">首页</a> <a href="/gkml/">政府信息公开</a></div>
            <ul class="list">
            {Link("../../art/2022/html-01-2021-utf8.html", "某某区人民政府2021年政府信息公开工作年度报告")}
            {Link("/files/pdf-01-2021-serif.pdf", "某某局2021年政府信息公开工作年度报告（PDF）")}
            {Link("../../files/retry.pdf", "某某局2019年政府信息公开工作年度报告")}
            {Link("/files/gone.pdf", "某某办2020年政府信息公开工作年度报告")}
            {Link("/files/slow.pdf", "某某委2020年政府信息公开工作年度报告")}
            {Link("/loop/a.html", "某某中心2022年政府信息公开工作年度报告")}
            {Link("/files/big.pdf", "某某所2023年政府信息公开工作年度报告")}
            {Link("/private/secret.pdf", "某某处2023年政府信息公开工作年度报告")}
            </ul>
            <div class="page"><a href="index.html">1</a> <a href="index_1.html">2</a> <a href="index_1.html">下一页</a></div>
            </body></html>
            """;
        var page2 = $"""
            <!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>政府信息公开年报</title></head><body>
            <ul class="list">
            {Link("../../art/2022/html-02-2022-gbk.html", "某某县2022年政府信息公开工作年度报告")}
            {Link("/files/docx-01-2021.docx", "某某局2021年政府信息公开工作年度报告（DOCX）")}
            {Link("/art/changing.html", "某某镇2023年政府信息公开工作年度报告")}
            {Link("/art/2022/html-01-2021-utf8.html", "某某区人民政府2021年政府信息公开工作年度报告（重复链接）")}
            </ul>
            <div class="page"><a href="index.html">上一页</a> <a href="index.html">1</a> <a href="index_1.html">2</a></div>
            </body></html>
            """;
        Serve(app, "/gkml/nb/index.html", "text/html; charset=utf-8", () => Encoding.UTF8.GetBytes(page1));
        Serve(app, "/gkml/nb/index_1.html", "text/html", () => Encoding.GetEncoding(Gbk).GetBytes(page2));

        // A report page with an attachment link, as many agencies publish both.
        var withAttachment = Encoding.UTF8.GetString(Corpus("html", "html-01-2021-utf8.html"))
            .Replace("</body>", "<p>附件：<a href=\"/files/docx-02-2019.docx\">年报全文.docx</a></p></body>");
        Serve(app, "/art/2022/html-01-2021-utf8.html", "text/html; charset=utf-8", () => Encoding.UTF8.GetBytes(withAttachment));
        Serve(app, "/art/2022/html-02-2022-gbk.html", "text/html", () => Corpus("html", "html-02-2022-gbk.html"));
        Serve(app, "/files/pdf-01-2021-serif.pdf", "application/pdf", () => Corpus("pdf", "pdf-01-2021-serif.pdf"));
        Serve(app, "/files/docx-01-2021.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", () => Corpus("docx", "docx-01-2021.docx"));
        Serve(app, "/files/docx-02-2019.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", () => Corpus("docx", "docx-02-2019.docx"));
        Serve(app, "/art/changing.html", "text/html; charset=utf-8",
            () => ChangingVersion == 1 ? Corpus("html", "html-05-2020-utf8.html") : Corpus("html", "html-11-2023-nbsp-blanks.html"));

        // The first request fails with 500, later ones succeed.
        app.MapGet("/files/retry.pdf", (HttpContext ctx) =>
            Interlocked.Increment(ref _retryCalls) == 1 ? Results.StatusCode(500) : Body(ctx, "/files/retry.pdf", "application/pdf", Corpus("pdf", "pdf-03-2019-wqy.pdf")));
        app.MapGet("/files/gone.pdf", () => Results.NotFound());
        app.MapGet("/files/slow.pdf", async (HttpContext ctx) =>
        {
            await Task.Delay(SlowDelay, ctx.RequestAborted);
            return Results.Bytes(Corpus("pdf", "pdf-01-2021-serif.pdf"), "application/pdf");
        });
        app.MapGet("/loop/a.html", () => Results.Redirect("/loop/b.html"));
        app.MapGet("/loop/b.html", () => Results.Redirect("/loop/a.html"));
        var big = new byte[2 * 1024 * 1024];
        Encoding.ASCII.GetBytes("%PDF-1.4\n").CopyTo(big, 0);
        Serve(app, "/files/big.pdf", "application/pdf", () => big);
        Serve(app, "/private/secret.pdf", "application/pdf", () => Corpus("pdf", "pdf-03-2019-wqy.pdf"));
    }

    private void Serve(WebApplication app, string path, string contentType, Func<byte[]> body) =>
        app.MapGet(path, (HttpContext ctx) => Body(ctx, path, contentType, body()));

    /// <summary>A 200 with an ETag, or a 304 when the client already has these bytes.</summary>
    private IResult Body(HttpContext ctx, string path, string contentType, byte[] bytes)
    {
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"";
        if (ctx.Request.Headers.IfNoneMatch.Contains(etag)) return Results.StatusCode(304);
        ctx.Response.Headers.ETag = etag;
        _bodies.AddOrUpdate(path, 1, (_, n) => n + 1);
        return Results.Bytes(bytes, contentType);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
