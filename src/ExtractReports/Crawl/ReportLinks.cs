using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ExtractReports.Lines.Html;

namespace ExtractReports.Crawl;

/// <summary>A link found on a page: where it goes and the text a person sees.</summary>
public sealed record PageLink(Uri Target, string Text);

/// <summary>The links of a page the crawler follows: report pages and attachments, and the list's other pages.</summary>
public sealed record PageLinks(IReadOnlyList<PageLink> Reports, IReadOnlyList<Uri> ListPages, IReadOnlyList<PageLink> Attachments);

/// <summary>
/// Finds, on an agency's page, the links that matter (AngleSharp over the page decoded as the HTML
/// reader decodes it: BOM, declared charset, GBK detection). A report link's text, title or target
/// names a 政府信息公开（工作）年度报告 / 年报; pagination is a 下一页/尾页/page-number link or the
/// <c>createPageHTML(n, i, "index", "html")</c> script many agency CMSs page their lists with;
/// attachments are links to document files (PDF, DOCX, images) on a report page.
/// </summary>
public static partial class ReportLinks
{
    private static readonly HashSet<string> AttachmentExtensions = [".pdf", ".docx", ".doc", ".wps", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".mht"];

    public static PageLinks Find(byte[] page, Uri pageUrl)
    {
        var html = HtmlSource.Decode(page).Html;
        var doc = new HtmlParser().ParseDocument(html);
        var baseUrl = doc.QuerySelector("base[href]")?.GetAttribute("href") is { } b && Uri.TryCreate(pageUrl, b, out var bu) ? bu : pageUrl;
        var reports = new List<PageLink>();
        var lists = new List<Uri>();
        var attachments = new List<PageLink>();
        foreach (var a in doc.QuerySelectorAll("a[href]"))
        {
            var href = a.GetAttribute("href")!.Trim();
            if (href.Length == 0 || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) continue;
            if (!Uri.TryCreate(baseUrl, href, out var target) || target.Scheme is not ("http" or "https")) continue;
            target = WithoutFragment(target);
            var text = Whitespace().Replace(a.TextContent, " ").Trim();
            var title = a.GetAttribute("title") ?? "";
            var file = Uri.UnescapeDataString(target.AbsolutePath);
            if (IsReport(text) || IsReport(title) || IsReport(Path.GetFileName(file))) reports.Add(new PageLink(target, text.Length > 0 ? text : title));
            else if (IsPagination(text) && SameFolder(target, pageUrl)) lists.Add(target);
            else if (AttachmentExtensions.Contains(Path.GetExtension(file).ToLowerInvariant())) attachments.Add(new PageLink(target, text));
        }
        foreach (Match m in PageScript().Matches(html))
        {
            int count = int.Parse(m.Groups[1].Value);
            var (name, ext) = (m.Groups[3].Value, m.Groups[4].Value);
            for (int i = 0; i < Math.Min(count, 1000); i++)
                lists.Add(new Uri(baseUrl, i == 0 ? $"{name}.{ext}" : $"{name}_{i}.{ext}"));
        }
        // A report page's own document links are attachments too, whatever their text.
        attachments.AddRange(reports.Where(r => AttachmentExtensions.Contains(Path.GetExtension(r.Target.AbsolutePath).ToLowerInvariant())));
        return new PageLinks(Distinct(reports), lists.Where(u => u != pageUrl).Distinct().ToList(), Distinct(attachments));
    }

    public static bool IsReport(string text) => text.Length > 0 && ReportName().IsMatch(text);

    private static bool IsPagination(string text) => PaginationText().IsMatch(text);

    /// <summary>A list's other pages sit beside it (index_1.html, ?page=2); a 首页 link to the site's home does not.</summary>
    private static bool SameFolder(Uri a, Uri b) =>
        a.Authority == b.Authority && a.AbsolutePath[..(a.AbsolutePath.LastIndexOf('/') + 1)] == b.AbsolutePath[..(b.AbsolutePath.LastIndexOf('/') + 1)];

    private static Uri WithoutFragment(Uri u) => u.Fragment.Length == 0 ? u : new Uri(u.GetLeftPart(UriPartial.Query));

    private static List<PageLink> Distinct(IEnumerable<PageLink> links) => links.DistinctBy(l => l.Target).ToList();

    [GeneratedRegex(@"政府信息公开.{0,12}(年度报告|年报)|信息公开(工作)?年度报告|信息公开年报|政务公开.{0,6}年度报告")]
    private static partial Regex ReportName();

    [GeneratedRegex(@"^(下一页|下页|后一页|尾页|末页|上一页|首页|\d{1,4}|next|>|›|»|>>)$", RegexOptions.IgnoreCase)]
    private static partial Regex PaginationText();

    [GeneratedRegex(@"createPageHTML\(\s*['""]?(\d+)['""]?\s*,\s*['""]?(\d+)['""]?\s*,\s*['""](\w+)['""]\s*,\s*['""](\w+)['""]")]
    private static partial Regex PageScript();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
