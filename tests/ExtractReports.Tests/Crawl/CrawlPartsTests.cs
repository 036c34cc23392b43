using System.Text;
using ExtractReports.Crawl;
using ExtractReports.Runs;

namespace ExtractReports.Tests.Crawl;

/// <summary>The crawler's parts alone: robots.txt rules, links found on list pages, the content check, shards.</summary>
public class CrawlPartsTests
{
    private const string Agent = "ExtractReports-crawler/1.0";

    [Fact]
    public void Robots_takes_our_group_else_star_and_the_longest_rule_wins()
    {
        var robots = RobotsRules.Parse("""
            User-agent: *
            Disallow: /

            User-agent: extractreports-crawler
            Disallow: /private/
            Allow: /private/nb/
            Disallow: /*.doc$
            Crawl-delay: 5
            """, Agent);
        Assert.True(robots.Allows(new Uri("http://x/gkml/nb/index.html")));
        Assert.False(robots.Allows(new Uri("http://x/private/a.pdf")));
        Assert.True(robots.Allows(new Uri("http://x/private/nb/a.pdf")));
        Assert.False(robots.Allows(new Uri("http://x/files/a.doc")));
        Assert.True(robots.Allows(new Uri("http://x/files/a.docx")));
        Assert.Equal(5, robots.CrawlDelay);

        var star = RobotsRules.Parse("User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /cgi-bin/\nDisallow:\n", Agent);
        Assert.True(star.Allows(new Uri("http://x/report.pdf")));
        Assert.False(star.Allows(new Uri("http://x/cgi-bin/q")));
    }

    [Fact]
    public void List_pages_give_report_links_attachments_and_their_own_pagination()
    {
        var html = """
            <html><head><meta charset="gbk"></head><body>
            <a href="/">首页</a>
            <a href="../../art/2024/t1.html" title="某局2023年政府信息公开工作年度报告">某局2023年政府信息公开工作…</a>
            <a href="/files/某局2022年政府信息公开工作年度报告.pdf">下载</a>
            <a href="t2.html">关于印发某某办法的通知</a>
            <a href="/files/annex.docx">附件1</a>
            <a href="index_1.html">下一页</a>
            <a href="/other/index_1.html">2</a>
            <script>createPageHTML(3, 0, "index", "html");</script>
            </body></html>
            """;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var links = ReportLinks.Find(Encoding.GetEncoding("GB18030").GetBytes(html), new Uri("http://x/gkml/nb/index.html"));
        Assert.Equal(["http://x/art/2024/t1.html", "http://x/files/%E6%9F%90%E5%B1%802022%E5%B9%B4%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80%E5%B7%A5%E4%BD%9C%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.pdf"],
            links.Reports.Select(r => r.Target.AbsoluteUri));
        Assert.Equal(["http://x/gkml/nb/index_1.html", "http://x/gkml/nb/index_2.html"], links.ListPages.Select(u => u.AbsoluteUri));
        Assert.Contains(links.Attachments, a => a.Target.AbsoluteUri == "http://x/files/annex.docx");
    }

    [Theory]
    [InlineData("%PDF-1.4 x", "application/pdf", "/a/report.pdf", true, ".pdf")]
    [InlineData("<html><body>页面不存在</body></html>", "text/html", "/a/report.pdf", false, "")]      // a removed file served as a 200 error page
    [InlineData("<html><body>页面不存在</body></html>", "application/pdf", "/a/download?id=3", false, "")]
    [InlineData("%PDF-1.4 x", "application/octet-stream", "/a/download?id=3", true, ".pdf")]         // the bytes decide the extension
    [InlineData("<html><body>年度报告</body></html>", "text/html", "/a/t1.html", true, ".html")]
    [InlineData("", "application/pdf", "/a/report.pdf", false, "")]
    public void Content_is_checked_against_the_bytes(string body, string contentType, string path, bool accepted, string extension)
    {
        var check = ContentCheck.Check(Encoding.UTF8.GetBytes(body), contentType, new Uri("http://x" + path));
        Assert.Equal(accepted, check.Accepted);
        if (accepted) Assert.Equal(extension, check.Extension);
        else Assert.NotEmpty(check.Reason);
    }

    [Fact]
    public void Shards_split_inputs_deterministically_and_completely()
    {
        var paths = Enumerable.Range(0, 300).Select(i => $"in/report-{i}.pdf").ToList();
        Assert.True(Shard.TryParse("1/3", out var one));
        Assert.False(Shard.TryParse("3/3", out _));
        Assert.False(Shard.TryParse("x", out _));
        var counts = Enumerable.Range(0, 3).Select(i => paths.Count(new Shard(i, 3).Contains)).ToList();
        Assert.Equal(300, counts.Sum());
        Assert.All(counts, c => Assert.InRange(c, 70, 130));
        Assert.Equal(paths.Where(one.Contains), paths.AsEnumerable().Reverse().Where(one.Contains).Reverse());
        Assert.All(paths, p => Assert.Equal(1, Enumerable.Range(0, 3).Count(i => new Shard(i, 3).Contains(p))));
    }
}
