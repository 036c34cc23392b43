namespace ExtractReports.Lines.Html;

/// <summary>Knobs of <see cref="HtmlLineReader"/>; every default is what the reader was measured with.</summary>
public sealed record HtmlReaderOptions
{
    /// <summary>
    /// Phrases of a report's body. The reader keeps the deepest element whose own (non-link) text
    /// holds as many of them as the whole page does: that is the article, without menus,
    /// sidebars and footers. Defaults: section headings and table labels of both formats.
    /// </summary>
    public IReadOnlyList<string> ContentAnchors { get; init; } =
    [
        "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "行政复议", "行政诉讼",
        "存在的主要问题", "其他需要报告", "本年新收", "上年结转", "予以公开", "自然人", "商业企业",
    ];

    /// <summary>A page holding fewer anchors than this has no recognisable report body and is read whole. Default 3.</summary>
    public int MinContentAnchors { get; init; } = 3;

    /// <summary>
    /// Short prose lines matching this (anywhere in the line) are page chrome: publishing date,
    /// source, view counter, font-size and print buttons, share bars, neighbour links.
    /// </summary>
    public string ChromePattern { get; init; } =
        @"发布日期|发布时间|发文日期|信息来源|来源[:：]|浏览次数|浏览量|访问次数|点击数|阅读次数|阅读量|责任编辑|分享到|" +
        @"打印本页|【打印】|关闭窗口|【关闭】|字号[:：]|字体[:：]|【大\s*中\s*小】|上一篇|下一篇|扫一扫|网站地图|版权所有|ICP备";

    /// <summary>A prose line longer than this is never chrome, whatever it mentions. Default 80 characters.</summary>
    public int ChromeMaxChars { get; init; } = 80;

    /// <summary>
    /// A table cell holding more text than this holds page content, not a value or label, so its
    /// table is a layout table and is read as blocks. Default 300 characters (the longest label of
    /// the tables is under 40; a sentence in a numeric cell rarely passes 150).
    /// </summary>
    public int LayoutCellMinChars { get; init; } = 300;

    /// <summary>What makes a heading or line the report's title.</summary>
    public ReportTitleOptions Title { get; init; } = new();

    /// <summary>
    /// Separators between the article title and the column and site names in &lt;title&gt;. A bare
    /// hyphen is not one: it joins years in titles (2019-2020学年).
    /// </summary>
    public IReadOnlyList<string> TitleSeparators { get; init; } = ["_", "|", "｜", " - ", "－", "——", "—", "--", "–"];

    /// <summary>Boxes given to table cells.</summary>
    public GridGeometry Geometry { get; init; } = new();

    public HtmlReaderOptions Validate()
    {
        if (ContentAnchors.Count == 0) throw new ArgumentException("ContentAnchors must not be empty");
        if (MinContentAnchors < 1) throw new ArgumentException("MinContentAnchors must be at least 1");
        if (TitleSeparators.Any(string.IsNullOrEmpty)) throw new ArgumentException("TitleSeparators must not hold empty strings");
        Title.Validate();
        if (ChromeMaxChars < 0 || LayoutCellMinChars < 1)
            throw new ArgumentException("character limits must be positive");
        _ = new System.Text.RegularExpressions.Regex(ChromePattern);
        Geometry.Validate();
        return this;
    }
}
