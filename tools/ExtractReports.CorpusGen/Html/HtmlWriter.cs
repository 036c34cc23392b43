using System.Net;
using System.Text;
using ExtractReports.CorpusGen.Model;

namespace ExtractReports.CorpusGen.Html;

/// <summary>How a report page is written. Site pages carry chrome; print pages are what LibreOffice turns into PDF/DOCX.</summary>
public sealed record HtmlStyle
{
    /// <summary>An agency web page (menus, 发布日期, 信息来源, 浏览次数, share buttons) rather than a bare document.</summary>
    public bool Chrome { get; init; } = true;
    /// <summary>utf8, gbk-meta (`&lt;meta charset="gbk"&gt;`), gb2312-httpequiv, gbk-httpequiv.</summary>
    public string Charset { get; init; } = "utf8";
    /// <summary>Word-exported cells: inline styles, `&lt;p&gt;&lt;span&gt;` soup, numbers split over runs.</summary>
    public bool Soup { get; init; } = true;
    /// <summary>Row indices of table 三 before which it is split into another table element.</summary>
    public IReadOnlyList<int>? SplitT3 { get; init; }
    public bool RepeatHeaderOnSplit { get; init; }
    /// <summary>The article sits in a layout table's cell, as on older CMS templates.</summary>
    public bool Nested { get; init; }
    /// <summary>Tables written as `&lt;div&gt;` grids (one div per row, spans expanded).</summary>
    public bool DivGrid { get; init; }
    /// <summary>Table 二's sub-tables in one table with title rows, instead of one table each.</summary>
    public bool T2OneTable { get; init; }
    public string Font { get; init; } = "仿宋_GB2312";
    public bool Borders { get; init; } = true;
    /// <summary>Characters a label line holds before wrapping (0: no forced wrap).</summary>
    public int LabelWrap { get; init; }
    public bool Landscape { get; init; }
    /// <summary>More narrative before table 三, so it starts low on a page and crosses the break.</summary>
    public bool LongNarrative { get; init; }
    /// <summary>Table 三's header rows in `&lt;thead&gt;` (LibreOffice repeats them on each page).</summary>
    public bool THead { get; init; }
    /// <summary>Page break inside table 三 before this row index (print pages only).</summary>
    public int? PageBreakBeforeT3Row { get; init; }
    public double FontSizePt { get; init; } = 12;
    /// <summary>A `— n —` page-number footer (LibreOffice prints it on odd pages), as official documents carry.</summary>
    public bool PageNumbers { get; init; }
    /// <summary>Only the title and tables 三 and 四 (a one-page table sheet, for page images).</summary>
    public bool TablesOnly { get; init; }
    /// <summary>
    /// Narrow tables (a page's content column): label columns a few characters wide and no forced
    /// breaks, so that the browser wraps labels over two or three lines itself when it prints.
    /// </summary>
    public bool Narrow { get; init; }
}

public static class HtmlWriter
{
    private static string E(string s) => WebUtility.HtmlEncode(s);

    public static string CharsetName(HtmlStyle s) => s.Charset switch
    {
        "utf8" => "utf-8",
        "gbk-meta" => "gbk",
        "gb2312-httpequiv" => "gb2312",
        _ => "gbk",
    };

    public static string EncodingOf(HtmlStyle s) => s.Charset == "utf8" ? "utf8" : "gbk";

    public static string Page(Report r, HtmlStyle s, Random rng)
    {
        var sb = new StringBuilder();
        sb.AppendLine(s.Chrome ? "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">" : "<!DOCTYPE html>");
        sb.AppendLine("<html>").AppendLine("<head>");
        sb.AppendLine(s.Charset is "gb2312-httpequiv" or "gbk-httpequiv"
            ? $"<meta http-equiv=\"Content-Type\" content=\"text/html; charset={CharsetName(s)}\" />"
            : $"<meta charset=\"{CharsetName(s)}\" />");
        var site = SiteName(r);
        sb.AppendLine($"<title>{(r.Title == "" ? E(site) : E(r.Title) + (s.Chrome ? "_" + E(site) : ""))}</title>");
        if (s.Chrome)
        {
            sb.AppendLine($"<meta name=\"SiteName\" content=\"{E(site)}\" />");
            sb.AppendLine("<meta name=\"ColumnName\" content=\"政府信息公开年报\" />");
            sb.AppendLine($"<meta name=\"PubDate\" content=\"{r.PublishDate}\" />");
            sb.AppendLine("<link rel=\"stylesheet\" type=\"text/css\" href=\"/images/common.css\" />");
            sb.AppendLine("<script type=\"text/javascript\" src=\"/js/jquery-1.12.4.min.js\"></script>");
        }
        sb.AppendLine("<style type=\"text/css\">");
        if (s.Landscape) sb.AppendLine("@page { size: 29.7cm 21cm; margin: 2cm 2.2cm; }");
        else if (!s.Chrome) sb.AppendLine("@page { size: 21cm 29.7cm; margin: 2.5cm 2.4cm; }");
        sb.AppendLine($"body {{ font-family: '{s.Font}'; font-size: {s.FontSizePt}pt; }}");
        sb.AppendLine("table { border-collapse: collapse; }");
        if (s.DivGrid)
            sb.AppendLine(".grid { display: table; border-collapse: collapse; } .grid .tr { display: table-row; } .grid .td { display: table-cell; border: 1px solid #000; padding: 2px 4px; }");
        sb.AppendLine("</style>");
        sb.AppendLine("</head>");
        sb.AppendLine($"<body style=\"font-family:'{s.Font}'\">");
        if (s.Chrome) ChromeTop(sb, r, site, rng);
        if (s.PageNumbers)
            sb.AppendLine("<div title=\"footer\"><p align=\"center\" style=\"text-align:center;font-family:'宋体'\">— <sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield> —</p></div>");
        if (s.Nested) sb.AppendLine("<table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\" class=\"layout\"><tr><td width=\"18%\" valign=\"top\" class=\"side\"><ul class=\"sidenav\"><li><a href=\"#\">政府信息公开指南</a></li><li><a href=\"#\">政府信息公开制度</a></li><li><a href=\"#\">法定主动公开内容</a></li><li class=\"on\"><a href=\"#\">政府信息公开年报</a></li></ul></td><td valign=\"top\" class=\"main\">");
        Article(sb, r, s, rng);
        if (s.Nested) sb.AppendLine("</td></tr></table>");
        if (s.Chrome) ChromeBottom(sb, r, site, rng);
        sb.AppendLine("</body>").AppendLine("</html>");
        return sb.ToString();
    }

    private static string SiteName(Report r)
    {
        var i = r.Agency.IndexOfAny(['区', '县']);
        var j = r.Agency.IndexOf('市');
        var place = i > 0 ? r.Agency[..(i + 1)] : j > 0 ? r.Agency[..(j + 1)] : r.Agency;
        return place + "人民政府门户网站";
    }

    private static void ChromeTop(StringBuilder sb, Report r, string site, Random rng)
    {
        sb.AppendLine("<div class=\"top-bar\" style=\"background:#f5f5f5;height:30px;line-height:30px;font-size:12px\"><div class=\"w1200\">");
        sb.AppendLine($"<span class=\"fl\">欢迎访问{E(site)}！今天是 <span id=\"today\"></span></span><span class=\"fr\"><a href=\"#\">无障碍浏览</a> | <a href=\"#\">长者模式</a> | <a href=\"#\">English</a> | <a href=\"#\">手机版</a></span>");
        sb.AppendLine("</div></div>");
        sb.AppendLine($"<div class=\"header\" style=\"height:140px;background:url(/images/banner.jpg) no-repeat center\"><div class=\"logo\"><img src=\"/images/logo.png\" alt=\"{E(site)}\" /></div>");
        sb.AppendLine("<div class=\"search\"><form action=\"/search\" method=\"get\"><input type=\"text\" name=\"q\" placeholder=\"请输入关键字\" /><button type=\"submit\">搜索</button></form></div></div>");
        sb.AppendLine("<div class=\"nav\" style=\"background:#c4161c\"><ul>");
        foreach (var item in new[] { "首页", "政务公开", "政务服务", "互动交流", "数据开放", "走进" + site[..Math.Min(3, site.Length)] })
            sb.AppendLine($"<li><a href=\"#\" style=\"color:#fff;font-size:18px\">{E(item)}</a></li>");
        sb.AppendLine("</ul></div>");
        sb.AppendLine("<div class=\"position\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"#\">政务公开</a> &gt; <a href=\"#\">政府信息公开</a> &gt; <span>政府信息公开年报</span></div>");
        sb.AppendLine("<div class=\"article\">");
        if (r.Title != "") sb.AppendLine($"<h1 class=\"title\" style=\"text-align:center;font-size:22px;color:#333\">{E(r.Title)}</h1>");
        sb.AppendLine($"<div class=\"info\" style=\"text-align:center;color:#666;font-size:14px;border-bottom:1px dashed #ccc\">发布日期：{r.PublishDate}&nbsp;&nbsp;&nbsp;&nbsp;信息来源：{E(r.Publisher)}&nbsp;&nbsp;&nbsp;&nbsp;浏览次数：<span id=\"views\">{rng.Next(80, 9000)}</span>&nbsp;&nbsp;&nbsp;&nbsp;字号：[<a href=\"javascript:doZoom(18)\">大</a> <a href=\"javascript:doZoom(16)\">中</a> <a href=\"javascript:doZoom(14)\">小</a>]</div>");
    }

    private static void ChromeBottom(StringBuilder sb, Report r, string site, Random rng)
    {
        sb.AppendLine("<div class=\"share\" style=\"text-align:right\">分享到：<a class=\"bds_weixin\" title=\"分享到微信\">微信</a> <a class=\"bds_tsina\" title=\"分享到新浪微博\">微博</a> <a class=\"bds_qzone\" title=\"分享到QQ空间\">QQ空间</a></div>");
        sb.AppendLine("<div class=\"print\"><a href=\"javascript:window.print()\">【打印本页】</a> <a href=\"javascript:window.close()\">【关闭窗口】</a></div>");
        sb.AppendLine("</div>");
        sb.AppendLine("<div class=\"related\"><h3>相关阅读</h3><ul>");
        for (var y = r.Year - 1; y >= r.Year - 3; y--)
            sb.AppendLine($"<li><a href=\"#\">{E(r.Agency)}{y}年政府信息公开工作年度报告</a><span>{y + 1}-01-{rng.Next(10, 31)}</span></li>");
        sb.AppendLine("</ul></div>");
        sb.AppendLine("<div class=\"footer\" style=\"background:#eee;font-size:12px;text-align:center\">");
        sb.AppendLine($"<p>主办单位：{E(site.Replace("门户网站", "办公室"))}&nbsp;&nbsp;承办单位：{E(r.Publisher)}</p>");
        sb.AppendLine($"<p>网站标识码：{rng.Next(330000000, 339999999)}0&nbsp;&nbsp;ICP备{rng.Next(10000000, 99999999)}号-1&nbsp;&nbsp;公安机关备案号：{rng.Next(33000000, 33999999)}0{rng.Next(1000, 9999)}</p>");
        sb.AppendLine("<p><a href=\"#\">网站地图</a> | <a href=\"#\">联系我们</a> | <a href=\"#\">隐私声明</a></p><script type=\"text/javascript\">document.getElementById('views').innerHTML=parseInt(document.getElementById('views').innerHTML)+1;</script>");
        sb.AppendLine("</div>");
    }

    private static void Para(StringBuilder sb, string text, HtmlStyle s, bool heading, bool pageBreak = false)
    {
        var style = heading
            ? $"text-indent:2em;line-height:28pt;margin:0pt;font-family:黑体;font-size:{s.FontSizePt + 2}pt"
            : $"text-indent:2em;line-height:28pt;margin:0pt;font-size:{s.FontSizePt + 2}pt";
        if (pageBreak) style = "page-break-before:always;" + style;
        if (s.Soup && !heading)
            sb.AppendLine($"<p class=\"MsoNormal\" style=\"{style}\"><span style=\"font-family:{s.Font};font-size:{s.FontSizePt + 2}pt\">{E(text)}</span></p>");
        else
            sb.AppendLine($"<p style=\"{style}\">{(heading ? "<strong>" : "")}{E(text)}{(heading ? "</strong>" : "")}</p>");
    }

    private static void Article(StringBuilder sb, Report r, HtmlStyle s, Random rng)
    {
        sb.AppendLine("<div class=\"TRS_Editor\" id=\"zoom\">");
        if (!s.Chrome && r.Title != "")
        {
            var titlePt = s.TablesOnly ? 14 : 20;
            sb.AppendLine($"<p align=\"center\" style=\"text-align:center;line-height:{titlePt * 1.5}pt;margin-bottom:{titlePt / 2}pt;font-family:方正小标宋简体,'{s.Font}';font-size:{titlePt}pt\"><b>{E(r.Title)}</b></p>");
        }
        if (!s.TablesOnly)
        {
            foreach (var p in r.Narrative) Para(sb, p, s, p.Length < 20);
            if (s.LongNarrative)
                foreach (var p in ExtraNarrative(r, rng)) Para(sb, p, s, false);
            Para(sb, "二、主动公开政府信息情况", s, true);
            foreach (var g in TableGrid.T2(r, s.T2OneTable)) Table(sb, g, s, rng, "t2");
            if (r.CutAfterT2)
            {
                sb.AppendLine("</div>");
                return;
            }
        }
        Para(sb, "三、收到和处理政府信息公开申请情况", s, true);
        var pieces = TableGrid.T3(r, s.LabelWrap, s.SplitT3 ?? (s.PageBreakBeforeT3Row is { } b ? [b] : null), s.RepeatHeaderOnSplit);
        for (var i = 0; i < pieces.Count; i++)
        {
            if (i > 0 && s.PageBreakBeforeT3Row != null) sb.AppendLine("<p style=\"page-break-before:always;margin:0pt;font-size:2pt\">&nbsp;</p>");
            else if (i > 0 && s.Chrome && rng.Next(2) == 0) sb.AppendLine("<p>&nbsp;</p>");
            Table(sb, pieces[i], s, rng, "t3");
        }
        Para(sb, "四、政府信息公开行政复议、行政诉讼情况", s, true);
        Table(sb, TableGrid.T4(r, s.LabelWrap > 0), s, rng, "t4");
        if (!s.TablesOnly)
            foreach (var p in r.Closing) Para(sb, p, s, p.Length < 20);
        if (!s.Chrome && !s.TablesOnly)
            sb.AppendLine($"<p style=\"text-align:right;margin-top:24pt;font-size:{s.FontSizePt + 2}pt\">{E(r.Agency)}</p><p style=\"text-align:right;font-size:{s.FontSizePt + 2}pt\">{r.Year + 1}年1月{rng.Next(10, 31)}日</p>");
        sb.AppendLine("</div>");
    }

    private static IEnumerable<string> ExtraNarrative(Report r, Random rng)
    {
        string[] topics = ["重点领域信息公开", "政策解读回应", "政务新媒体管理", "政府开放日活动", "基层政务公开标准化规范化", "办事服务公开"];
        foreach (var t in topics)
            yield return $"（{t}）{r.Year}年，我们围绕{t}工作，细化任务分工，明确责任科室和完成时限，全年在门户网站发布相关信息{rng.Next(10, 300)}条，"
                + $"组织召开专题会议{rng.Next(2, 9)}次，开展专项检查{rng.Next(1, 6)}次，及时整改发现的问题{rng.Next(1, 20)}个。同时，积极拓展公开渠道，通过新闻发布会、政务微博、"
                + "微信公众号和政务服务大厅电子屏等多种方式扩大公开覆盖面，确保公开信息权威、准确、及时，群众知晓率和满意度进一步提升。";
    }

    private static void Table(StringBuilder sb, Grid g, HtmlStyle s, Random rng, string which)
    {
        if (s.DivGrid)
        {
            sb.AppendLine($"<div class=\"grid tbl-{which}\">");
            foreach (var row in TableGrid.Flatten(g))
                sb.AppendLine("<div class=\"tr\">" + string.Concat(row.Select(c => $"<div class=\"td\">{(c == "" ? "&nbsp;" : E(c))}</div>")) + "</div>");
            sb.AppendLine("</div>");
            return;
        }
        var border = s.Borders ? "1" : "0";
        var tableStyle = "border-collapse:collapse;border:none;margin:0 auto";
        sb.AppendLine($"<table class=\"MsoNormalTable\" border=\"{border}\" cellspacing=\"0\" cellpadding=\"0\" width=\"{(s.Landscape ? 900 : s.Narrow ? 440 : 600)}\" style=\"{tableStyle}\">");
        if (which == "t3")
        {
            // Column widths: the label columns narrow when labels are to wrap.
            var lw = s.LabelWrap > 0 ? new[] { 34, 50, 14 * s.LabelWrap } : s.Narrow ? new[] { 30, 42, 84 } : new[] { 60, 70, 170 };
            sb.AppendLine("<colgroup>" + string.Concat(lw.Select(w => $"<col width=\"{w}\" />")) + string.Concat(Enumerable.Repeat("<col width=\"40\" />", 7)) + "</colgroup>");
        }
        var thead = s.THead && g.HeaderRows > 0;
        if (thead) sb.AppendLine("<thead>");
        for (var i = 0; i < g.Rows.Count; i++)
        {
            if (thead && i == g.HeaderRows) sb.AppendLine("</thead><tbody>");
            sb.Append(s.Soup ? "<tr style=\"height:22.5pt\">" : "<tr>");
            foreach (var cell in g.Rows[i]) sb.Append(Cell(cell, s, rng));
            sb.AppendLine("</tr>");
        }
        if (thead) sb.AppendLine("</tbody>");
        sb.AppendLine("</table>");
    }

    private static string Cell(GCell c, HtmlStyle s, Random rng)
    {
        var spans = (c.RowSpan > 1 ? $" rowspan=\"{c.RowSpan}\"" : "") + (c.ColSpan > 1 ? $" colspan=\"{c.ColSpan}\"" : "");
        var align = c.Role == CellRole.Label ? "left" : "center";
        var borderCss = s.Borders ? "border:solid windowtext 1.0pt;" : "border:none;";
        var lines = Split(c.Text, c.Breaks);
        if (!s.Soup)
        {
            var inner = c.Text == "" ? "&nbsp;" : string.Join("<br />", lines.Select(E));
            var tag = c.Role == CellRole.Header ? "th" : "td";
            return $"<{tag}{spans} style=\"{borderCss}padding:2pt 4pt;text-align:{align};font-size:{s.FontSizePt}pt\">{inner}</{tag}>";
        }
        var tdStyle = $"{borderCss}padding:0pt 5.4pt 0pt 5.4pt";
        // Word writes text-autospace; LibreOffice's HTML import reads it as an underline, so print pages go without.
        var pStyle = $"text-align:{align};line-height:{(s.Chrome ? 22 : s.FontSizePt + 4)}pt;margin:0pt" + (s.Chrome ? ";text-autospace:ideograph-numeric" : "");
        var spanStyle = $"font-family:{s.Font};font-size:{s.FontSizePt}pt";
        string Run(string t)
        {
            if (c.Role == CellRole.Number && t.Length > 1 && rng.Next(3) == 0)
            {
                // Word splits a number over runs (an edit history, a language tag): `1` `2` is still 12.
                var k = rng.Next(1, t.Length);
                return $"<span style=\"{spanStyle}\">{E(t[..k])}</span><span lang=\"EN-US\" style=\"{spanStyle}\">{E(t[k..])}</span>";
            }
            return $"<span style=\"{spanStyle}\">{(t == "" ? "&nbsp;" : E(t))}</span>";
        }
        string body;
        if (lines.Count > 1 && rng.Next(2) == 0)
            body = string.Concat(lines.Select(l => $"<p class=\"MsoNormal\" style=\"{pStyle}\">{Run(l)}</p>"));
        else
            body = $"<p class=\"MsoNormal\" style=\"{pStyle}\">{string.Join("<br />", lines.Select(Run))}</p>";
        if (c.Role == CellRole.Header) body = body.Replace("<span style", "<b><span style").Replace("</span></p>", "</span></b></p>");
        return $"<td{spans} valign=\"center\" style=\"{tdStyle}\">{body}</td>";
    }

    private static List<string> Split(string text, IReadOnlyList<int> breaks)
    {
        var parts = new List<string>();
        var last = 0;
        foreach (var b in breaks.Where(b => b > 0 && b < text.Length))
        {
            parts.Add(text[last..b]);
            last = b;
        }
        parts.Add(text[last..]);
        return parts;
    }
}
