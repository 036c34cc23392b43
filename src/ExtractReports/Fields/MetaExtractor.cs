using System.Text.RegularExpressions;
using ExtractReports.Lines;

namespace ExtractReports.Fields;

/// <summary>Where a meta value was read: the report's title, the sentence in which the report names itself, or the years its prose mentions.</summary>
public enum MetaSource { Title, NamingSentence, Prose }

/// <summary>The report's issuing agency and year, as named in its title (or, without one, in its text).</summary>
/// <param name="TitleConfidence">The least engine confidence of the title's cells (1 for a text layer).</param>
/// <param name="AgencyConfirmed">The rest of the report names the title's agency too (<see cref="MetaExtractor.NamedAgain"/>).</param>
/// <param name="YearConfirmed">The rest of the report states the title's year too (its statistics period, or the year its prose mentions most).</param>
/// <param name="AgencyFromMentions">The agency is spelled as the report's other mentions spell it, not as its OCR'd title
/// does (<see cref="AgencyMentions"/>).</param>
/// <param name="AgencySentence">The sentence an agency not read from a title was taken from: its evidence.</param>
public sealed record ReportMeta(string? Agency, string? Year, string? Title, double TitleConfidence = 1,
    MetaSource AgencySource = MetaSource.Title, MetaSource YearSource = MetaSource.Title,
    bool AgencyConfirmed = true, bool YearConfirmed = true, bool AgencyFromMentions = false, string? AgencySentence = null);

/// <summary>
/// Finds the title (the first lines that name a 年度报告, joined when the title wraps) and takes the
/// agency and the year from it: `XX局2022年政府信息公开工作年度报告`, `2024 年上海市科委政府信息公开工作年度报告`.
/// Site chrome is never the agency: a breadcrumb or menu line above the title is not part of it, and
/// what a breadcrumb puts before the title (`首页>…>`) is cut off. A page without a title names itself in a
/// sentence (`特编制XX办公室2023年政府信息公开工作年度报告`, `现将我局2020年度…报告如下`, `统计期限自2023年1月1日起`):
/// agency and year come from there, and failing that the year is the one the opening prose mentions most.
/// `我局` names no agency: the agency is then left empty.
/// </summary>
public static partial class MetaExtractor
{
    /// <param name="readByOcr">The lines were read by OCR: a glyph of the title may be misread, so the report's other
    /// mentions of its agency outvote it (<see cref="AgencyMentions"/>), and a year the statistics period contradicts at
    /// both its ends is taken to be misread (<see cref="PeriodOverTitle"/>).</param>
    public static ReportMeta Extract(LineDocument document, bool readByOcr = false)
    {
        double confidence = 1;
        string? title;
        // A reader's title with a sentence's punctuation is the sentence naming the report (an untitled page), read below.
        if (document.Title is { Length: > 0 } t && TitleParts().IsMatch(Clean(t)) && Clean(t).IndexOfAny(SentencePunctuation) < 0)
        {
            // A title the reader named: its confidence is that of the lines it was read from.
            title = Clean(t);
            confidence = document.Lines.Take(60).Where(l => !l.IsBlank && Clean(l.Text) is { Length: > 1 } x && title.Contains(x))
                .SelectMany(l => l.Cells).Where(c => !c.IsBlank).Select(c => c.Confidence).DefaultIfEmpty(1).Min();
        }
        else title = FindTitle(document.Lines, out confidence);

        string? agency = null, year = null;
        if (title is not null && TitleParts().Match(title) is { Success: true } m)
        {
            agency = Agency(m);
            year = m.Groups["year"].Value;
        }
        var meta = new ReportMeta(agency, year, title, confidence);
        if (title is not null)
        {
            // The rest of the report (every line but the title's), read apart from the title: what confirms it.
            var others = document.Lines.Where(l => !(Clean(l.Text) is { Length: > 1 } t && title.Contains(t))).ToList();
            var rest = string.Concat(others.Select(l => Clean(l.Text)));
            meta = Confirmed(meta, others, rest, readByOcr);
            if (readByOcr) meta = PeriodOverTitle(meta, rest);
        }
        if (agency is not null && year is not null) return meta;

        var prose = OpeningProse(document.Lines);
        if (NamingSentence().Match(prose) is { Success: true } named)
        {
            if (meta.Agency is null && Agency(named, sentence: true) is { } a)
                meta = meta with { Agency = a, AgencySource = MetaSource.NamingSentence, AgencySentence = named.Value };
            if (meta.Year is null) meta = meta with { Year = named.Groups["year"].Value, YearSource = MetaSource.NamingSentence };
        }
        if (meta.Agency is null && readByOcr && PreparedBy(prose) is { } author)
            meta = meta with { Agency = author.Agency, AgencySource = MetaSource.NamingSentence, AgencySentence = author.Sentence };
        if (meta.Year is null && StatisticsPeriod().Match(prose) is { Success: true } period)
            meta = meta with { Year = period.Groups["year"].Value, YearSource = MetaSource.NamingSentence };
        if (meta.Year is null && MostMentionedYear(prose) is { } mentioned)
            meta = meta with { Year = mentioned, YearSource = MetaSource.Prose };
        return meta;
    }

    /// <summary>
    /// Whether the rest of the report (every line but the title's) names the title's agency and states its year. An OCR'd
    /// title with one glyph misread (昆都仓 for 昆都仑, 德清具 for 德清县, 2022 for 2023) reads at the engine's full
    /// confidence, and nothing else checks it; the report names its agency again in its opening (由…编制, 请与…联系) and
    /// states its year in the statistics period, read apart from the title: two reads that agree. Read by OCR, the
    /// mentions may repeat the title's misread: the agency is then the spelling most of the mentions use, and confirmed
    /// only when two in three of them agree (<see cref="AgencyMentions.Vote"/>).
    /// </summary>
    private static ReportMeta Confirmed(ReportMeta meta, IReadOnlyList<Line> others, string rest, bool readByOcr)
    {
        bool agency = meta.Agency is not { } a || NamedAgain(a, rest);
        if (readByOcr && meta.Agency is { Length: >= AgencyMentions.MinNameLength } read)
        {
            var vote = AgencyMentions.Vote(read, rest);
            meta = meta with { Agency = vote.Agency, AgencyFromMentions = vote.Agency != read };
            // Spelled two ways, the agency stands by the vote alone; spelled one way, an abbreviation named in full counts too.
            agency = vote.Contested ? vote.Sure : agency || vote.Sure;
        }
        bool year = true;
        if (meta.Year is { } y)
        {
            var stated = StatisticsPeriod().Match(rest) is { Success: true } period ? period.Groups["year"].Value
                : MostMentionedYear(OpeningProse(others));
            year = stated == y;
        }
        return meta with { AgencyConfirmed = agency, YearConfirmed = year };
    }

    /// <summary>
    /// The agency an OCR'd report says prepared it (`由洛阳市人力资源和社会保障局编制`), spelled as most of the opening's
    /// mentions spell it (<see cref="AgencyMentions.Vote"/>), for a scan whose title reads too badly to be found (a dotted
    /// or hairline scan at 200 dpi: `洛7:T人力资源4 -会保章局2023乍政府人信息公开`, measured 2026-12-04 on the
    /// scan-conditions matrix). The report names itself, but not in its title: the value stays below the review
    /// threshold, as a naming sentence's does. A text layer keeps the rule of titles and naming sentences alone.
    /// </summary>
    private static (string Agency, string Sentence)? PreparedBy(string prose)
    {
        if (PreparedBySentence().Match(prose) is not { Success: true } by || Agency(by, sentence: true) is not { } author) return null;
        if (author.Length < AgencyMentions.MinNameLength) return (author, by.Value);
        return (AgencyMentions.Vote(author, prose.Remove(by.Index, by.Length)).Agency, by.Value);
    }

    /// <summary>
    /// The year of an OCR'd title that the statistics period contradicts, taken from the period instead when both its ends
    /// (`自2023年1月1日起至2023年12月31日止`) state the same other year: three reads against one. A scan's title misreads a
    /// digit at the engine's full confidence (hzq2023_working at 300 dpi gray: `2022年` for 2023, its period read twice as
    /// 2023). The year stays a guess from a sentence (flag <c>from_naming_sentence</c>, below the review threshold): the
    /// title said otherwise. A text layer's title is never overruled: a report that copied last year's period keeps its title's year.
    /// </summary>
    private static ReportMeta PeriodOverTitle(ReportMeta meta, string rest)
    {
        if (meta.YearConfirmed || meta.Year is null) return meta;
        if (WholePeriod().Match(rest) is not { Success: true } period) return meta;
        var (from, to) = (period.Groups["from"].Value, period.Groups["to"].Value);
        return from == to && from != meta.Year ? meta with { Year = from, YearSource = MetaSource.NamingSentence } : meta;
    }

    /// <summary>
    /// Whether <paramref name="text"/> names <paramref name="agency"/>: as written, or as the full name it abbreviates
    /// (卫健委 in 卫生健康委员会, the end of the name lengthened: <see cref="AgencyMentions.FullFormEnd"/>).
    /// </summary>
    internal static bool NamedAgain(string agency, string text)
    {
        if (text.Contains(agency, StringComparison.Ordinal)) return true;
        if (agency.Length < 2) return false;
        var head = agency[..2];
        for (int i = text.IndexOf(head, StringComparison.Ordinal); i >= 0; i = text.IndexOf(head, i + 1, StringComparison.Ordinal))
            if (AgencyMentions.FullFormEnd(agency, text, i) is not null) return true;
        return false;
    }

    /// <summary>The agency a title or naming sentence gives, with chrome and lead-in words cut off; null when it names none (`我局`).</summary>
    private static string? Agency(Match m, bool sentence = false)
    {
        var agency = m.Groups["agency"].Value.Trim();
        if (agency.Length == 0) agency = m.Groups["rest"].Value.Trim();
        agency = AgencyTail().Replace(agency, "");
        // A breadcrumb or a `来源:` label before the title: the agency is what follows the last separator.
        int cut = agency.LastIndexOfAny(ChromeSeparators);
        if (cut >= 0) agency = agency[(cut + 1)..];
        if (sentence) agency = LeadIn().Replace(agency, "");
        agency = agency.Trim(' ', '　', ':', '：');
        return agency.Length < 2 || SelfReference().IsMatch(agency) ? null : agency;
    }

    private static readonly char[] SentencePunctuation = ['，', '。', ',', '；'];

    private static readonly char[] ChromeSeparators = ['>', '＞', '›', '»', ':', '：', '|', '》'];

    /// <summary>
    /// The text before table 二 (or the first lines when there is none), joined: where a report names
    /// itself. Lines are parted by a full stop, except a long line that ends mid-sentence: a paragraph
    /// a PDF wrapped (`特编制宜昌市夷` / `陵区卫生健康局2021年…`) is read whole.
    /// </summary>
    private static string OpeningProse(IReadOnlyList<Line> lines)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var line in lines.Take(200))
        {
            var text = Clean(line.Text);
            if (text.Contains("第二十条")) break;
            sb.Append(text);
            if (text.Length < MinWrappedProseLine || SentenceEnd.Contains(text[^1])) sb.Append('。');
        }
        return sb.ToString();
    }

    /// <summary>Characters a line of prose wrapped by a page holds at least (a title or a heading is shorter). 25.</summary>
    private const int MinWrappedProseLine = 25;

    private static readonly HashSet<char> SentenceEnd = ['。', '；', '！', '？', '：', ':', ';', '!', '?', '）', ')', '”'];

    private static string? MostMentionedYear(string prose) =>
        YearMention().Matches(prose).GroupBy(x => x.Groups["year"].Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.First().Index).Select(g => g.Key).FirstOrDefault();

    /// <summary>Lines that converters and web pages put before the title.</summary>
    private static readonly HashSet<string> Boilerplate = ["正文", "目录", "全文", "原文", "打印", "关闭", "文字版", "全真版"];

    private static string? FindTitle(IReadOnlyList<Line> lines, out double confidence)
    {
        // A line with a sentence's punctuation is a sentence naming the report, not its title (read apart, below).
        var candidates = lines.Where(l => !l.IsBlank).Select(l => (Text: Clean(l.Text), Line: l))
            .Where(x => !Boilerplate.Contains(x.Text) && x.Text.IndexOfAny(SentencePunctuation) < 0).Take(40).ToList();
        for (int i = 0; i < candidates.Count; i++)
        {
            // A title may wrap over up to three lines.
            for (int span = 1; span <= 3 && i + span <= candidates.Count; span++)
            {
                var joined = string.Concat(candidates.Skip(i).Take(span).Select(x => x.Text));
                if (joined.Length > 80) break;
                if (joined.Contains("报告") && TitleParts().IsMatch(joined))
                {
                    int from = TitleStart(candidates.Select(x => x.Text).ToList(), i, i + span);
                    confidence = candidates.Skip(from).Take(i + span - from).SelectMany(x => x.Line.Cells).Where(c => !c.IsBlank).Select(c => c.Confidence).DefaultIfEmpty(1).Min();
                    return string.Concat(candidates.Skip(from).Take(i + span - from).Select(x => x.Text));
                }
            }
        }
        confidence = 1;
        return null;
    }

    /// <summary>
    /// Where a title found on lines [from, end) starts: lines above the line that names the report belong
    /// to it only while the title still lacks its agency or its year, or when they are the first part of a
    /// wrapped agency (`湛江市人民政府` / `地方志办公室2023年…`); a menu, a breadcrumb or a site's name above a
    /// complete title is chrome.
    /// </summary>
    private static int TitleStart(IReadOnlyList<string> texts, int from, int end)
    {
        int start = end - 1;
        while (start > from)
        {
            var tail = string.Concat(texts.Skip(start).Take(end - start));
            bool complete = TitleParts().Match(tail) is { Success: true } m && Agency(m) is not null;
            if (complete && !WrappedAgencyHead().IsMatch(texts[start - 1])) break;
            start--;
        }
        return start;
    }

    private static string Clean(string s)
    {
        var c = s.Replace('\u00a0', ' ').Replace("**", "").Trim().TrimStart('#').Trim();
        c = Prefix().Replace(c, "");
        return Spaces().Replace(c, "");
    }

    [GeneratedRegex(@"^(?<agency>[^\d]*?)(?<year>(19|20)\d{2})年度?(?<rest>[^\d]*?)(政府)?信息公开")]
    private static partial Regex TitleParts();

    [GeneratedRegex(@"(关于)?$")]
    private static partial Regex AgencyTail();

    /// <summary>A report naming itself in a sentence: `特编制XX办公室2023年政府信息公开工作年度报告`, `现将我局2020年度政府信息公开情况报告如下`.</summary>
    [GeneratedRegex(@"(?<agency>[^\d,，。;；、《》()（）]{0,40}?)(?<year>(19|20)\d{2})\s*年度?(?<rest>[^\d,，。;；《》]{0,16}?)(政府)?信息公开[^,，。;；]{0,8}?(年度报告|年报|报告)")]
    private static partial Regex NamingSentence();

    /// <summary>The report saying who prepared it: `由洛阳市人力资源和社会保障局编制`.</summary>
    [GeneratedRegex(@"由(?<agency>[^\d,，。;；、《》()（）“”""]{4,30}?)(负责)?编制")]
    private static partial Regex PreparedBySentence();

    /// <summary>The standard sentence on the reporting period: `统计期限自2023年1月1日起`.</summary>
    [GeneratedRegex(@"统计期限[为是]?自?(?<year>(19|20)\d{2})\d?\s*年\s*1\s*月")]
    private static partial Regex StatisticsPeriod();

    /// <summary>
    /// The statistics period with both ends: `统计期限自2023年1月1日起至2023年12月31日止`. OCR may add a stray digit
    /// after a year (`20234年`: a year never has five digits) and misread the words between.
    /// </summary>
    [GeneratedRegex(@"统计期限[为是]?自?(?<from>(19|20)\d{2})\d?\s*年\s*1\s*月.{0,12}?至(?<to>(19|20)\d{2})\d?\s*年\s*12\s*月")]
    private static partial Regex WholePeriod();

    [GeneratedRegex(@"(?<year>(19|20)\d{2})\s*年")]
    private static partial Regex YearMention();

    /// <summary>Words that lead into the agency in a naming sentence.</summary>
    [GeneratedRegex(@"^.*?(编制|公布|发布|现将|特将|要求)|^特")]
    private static partial Regex LeadIn();

    /// <summary>An agency that names only itself: 我局, 本机关, 我乡.</summary>
    [GeneratedRegex(@"^(我|本)(局|办|委|厅|院|会|处|科|所|站|队|部|单位|机关|部门|乡|镇|县|区|市|街道|中心|公司|机构)?(人民政府)?$")]
    private static partial Regex SelfReference();

    /// <summary>The first part of an agency name wrapped onto the line above the title: a short line ending in a place or a government.</summary>
    [GeneratedRegex(@"^[^\d>＞:：|]{2,20}(省|市|县|区|州|旗|盟|乡|镇|街道|政府|委员会)$")]
    private static partial Regex WrappedAgencyHead();

    [GeneratedRegex(@"^(标题|title)\s*[:：]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
