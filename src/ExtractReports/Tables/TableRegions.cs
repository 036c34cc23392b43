using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>Token ranges [Start, End) of the three tables in a document's token stream.</summary>
public sealed record TableRegions((int Start, int End)? T2, (int Start, int End)? T3, (int Start, int End)? T4);

/// <summary>
/// Finds where each table sits. Table 三 starts at the first 本年新收 row label that has numbers soon
/// after it (narrative mentions have none), or, in a table printed without numbers, the 上年结转 label; table 四 at the first 行政复议 after that; table 二 at the
/// first 第二十条 or garbled 第…条第…项 before table 三, or the 主动公开 heading above it. Each ends where the next begins, table 四
/// at section 五 (存在的主要问题) or 六. A page cut after table 二 has no table 三: table 四 is then sought after table 二.
/// </summary>
public static partial class TableRegionFinder
{
    [System.Text.RegularExpressions.GeneratedRegex("第.{1,3}条第.{1,4}项")]
    private static partial System.Text.RegularExpressions.Regex ArticleItem();

    public static TableRegions Find(IReadOnlyList<Token> tokens)
    {
        int t3 = FindAnchored(tokens, 0, "本年新收", lookahead: 8);
        if (t3 < 0) t3 = FindAnchored(tokens, 0, "新收政府信息公开申请", lookahead: 8);
        // A table 三 printed without numbers (an empty template): its first label followed by its second.
        if (t3 < 0) t3 = FindFollowed(tokens, "本年新收", "上年结转", lookahead: 3);
        // Every label anchoring it misread (a 150 dpi fax scan: 一、本牟新收政府舍总会二申请数其): table 三 by its shape.
        if (t3 < 0) t3 = FindT3ByShape(tokens);
        if (t3 >= 0) t3 = WithRowAbove(tokens, t3);
        // Without table 三 (a page cut after table 二), table 四 is sought after table 二's anchor: the
        // opening summary mentions 行政复议 (`因政府信息公开申请行政复议…的情况`) long before either table.
        int firstT2 = t3 >= 0 ? -1 : FindText(tokens, 0, n => n.Contains("第二十条"));
        int searchT4From = t3 >= 0 ? t3 : Math.Max(firstT2, 0);
        int t4 = FindText(tokens, searchT4From, n => n.Contains("行政复议") && !n.Contains("本年新收"));
        int end = FindText(tokens, Math.Max(t4, searchT4From), n => n.Contains("存在的主要问题") || n.Contains("五.存在") || n.Contains("其他需要报告") || n.Contains("改进情况"));
        if (end < 0 || t4 >= 0 && end <= t4) end = tokens.Count;

        int t2Limit = t3 >= 0 ? t3 : t4 >= 0 ? t4 : tokens.Count;
        // Table 二 is several small tables, each under its own 第二十条第…项: OCR of a poor scan garbles some of those
        // anchors (第-上|条第〈`)项, 第:上条第全-)硕) and not others, so the table starts at the first anchor read either way,
        // or at the section heading above it when that comes first (every anchor of the first sub-tables past reading).
        int anchor = Earliest(FindText(tokens, 0, n => n.Contains("第二十条"), t2Limit), FindText(tokens, 0, n => ArticleItem().IsMatch(n), t2Limit));
        int heading = LastText(tokens, anchor >= 0 ? anchor : t2Limit, n => n.Length <= MaxHeadingLength && NamesT2Heading(n) && !n.Contains("申请"));
        int t2 = Earliest(anchor, heading);
        // Table 三's heading and column header come before its first row: a scan's header cells (a stray 01) are no rows of
        // table 二. The heading stays in table 二's region: a label of table 二 printed blank is followed by another text.
        // A digit OCR read in it (三4收到和处理…) makes the heading a sentence: it is looked for among sentences too.
        if (t2 >= 0 && FindText(tokens, t2 + 1, n => n.Length <= MaxHeadingLength * 2 && (n.Contains("收到和处理") || n.Contains("公开申请情况")), t2Limit, sentences: true) is var t3Heading and >= 0)
            t2Limit = t3Heading + 1;

        return new TableRegions(
            t2 >= 0 ? (t2, t2Limit) : null,
            t3 >= 0 ? (t3, t4 >= 0 ? t4 : end) : null,
            t4 >= 0 ? (t4, end) : null);
    }

    private static int FindAnchored(IReadOnlyList<Token> tokens, int from, string key, int lookahead)
    {
        for (int i = from; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Text || !tokens[i].Norm.Contains(key)) continue;
            int seen = 0;
            for (int j = i + 1; j < tokens.Count && seen < lookahead; j++)
            {
                if (tokens[j].Kind == TokenKind.Number) return i;
                if (tokens[j].Kind == TokenKind.Text) seen++;
            }
        }
        return -1;
    }

    /// <summary>The first label followed by a row of table 三's numbers (seven or eight: one per applicant column and the
    /// total, none blank) whose next label is followed by such a row too. No other table has it: table 二's rows hold one to four numbers,
    /// table 四's one row fifteen (or blocks of five), and prose is a sentence. A label is the cells of text before a row's
    /// numbers on their line, one or more, a garbled one read with a digit in it (a sentence) too: row 一's label read
    /// `、本人年六:狐出文员《府于信5妃公了FFHH请多灼量` and row 二's as two cells, `二、上;4` and `:结转政府信息公天申请数量`, so the
    /// shape matched rows 二 and (一) and table 三 began a row down (measured 2026-12-04 on the scan-conditions matrix,
    /// probe-13 200-bilevel, pdf-01-2021-serif). The region starts at the label's first cell.</summary>
    private static int FindT3ByShape(IReadOnlyList<Token> tokens)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!IsLabel(tokens[i])) continue;
            int last = LastLabelCell(tokens, i);
            int n = NumbersAfter(tokens, last);
            if (n is < MinT3Columns or > MaxT3Columns) { i = last; continue; }
            int next = last + 1 + n;
            if (next < tokens.Count && IsLabel(tokens[next]) && NumbersAfter(tokens, LastLabelCell(tokens, next)) is >= MinT3Columns and <= MaxT3Columns) return i;
            i = last;
        }
        return -1;
    }

    private static bool IsLabel(Token t) => t.Kind is TokenKind.Text or TokenKind.Sentence;

    /// <summary>The last of the label cells that start at <paramref name="i"/> on its line.</summary>
    private static int LastLabelCell(IReadOnlyList<Token> tokens, int i)
    {
        while (i + 1 < tokens.Count && IsLabel(tokens[i + 1]) && tokens[i + 1].Line == tokens[i].Line && tokens[i + 1].Page == tokens[i].Page) i++;
        return i;
    }

    private const int MinT3Columns = 7, MaxT3Columns = 8;

    /// <summary>
    /// Table 三's start moved up to a row of its numbers printed on a line of their own right before the label that anchors
    /// it: a fax-like scan that lost the ruling between rows 一 and 二 reads their labels as one cell on the line of 二's
    /// values, and 一's values as a line above it (measured 2026-12-04 on the scan-conditions matrix, probe-6 200-bilevel,
    /// hzq2023_working: `21 0 0 0 0 0 21` / `一、本年新收…数量二、上年结转…数量 0 0 0 0 0 0 0`; begun at the label, the region
    /// lost 一's values and every row below was read one off). Only a whole row (seven or eight numbers, the column
    /// header's text before it): table 二's rows hold one to four.
    /// </summary>
    private static int WithRowAbove(IReadOnlyList<Token> tokens, int start)
    {
        // Blank cells (an empty label cell) count for nothing; they do not end the run.
        int i = start - 1, numbers = 0;
        for (; i >= 0 && tokens[i].Kind is TokenKind.Number or TokenKind.Blank && tokens[i].Line != tokens[start].Line; i--)
            if (tokens[i].Kind == TokenKind.Number) numbers++;
        return numbers is >= MinT3Columns and <= MaxT3Columns && i >= 0 && tokens[i].Kind == TokenKind.Text && tokens[i].Line != tokens[i + 1].Line
            ? i + 1 : start;
    }

    /// <summary>How many numbers follow the token at <paramref name="i"/> before the next other token. Blanks end the run: a
    /// text dump's empty lines between cells are blank tokens, and a table 二 row of three numbers and their empty lines would
    /// count seven (a real page cut after table 二, page-p09). An engine's cell that reads as a digit in brackets, on the line of
    /// the number before it, is a value misread (<see cref="RowGrouper.IsBracketedDigit"/>) and counts: a fax-like scan read one of
    /// row 二's zeros `(0)` while every anchoring label read as garbage, so row 二 did not count seven, the shape matched rows
    /// (一) and (二) instead, and table 三 began two rows down, read one row off (measured 2026-12-04 on the scan-conditions
    /// matrix, probe-11 200-bilevel, pdf-01-2021-serif: 15 fields lost).</summary>
    private static int NumbersAfter(IReadOnlyList<Token> tokens, int i)
    {
        int n = 0;
        while (i + 1 + n < tokens.Count && tokens[i + 1 + n] is var t
               && (t.Kind is TokenKind.Number || n > 0 && RowGrouper.IsBracketedDigit(t) && t.Line == tokens[i + n].Line)) n++;
        return n;
    }

    /// <summary>The first text holding <paramref name="key"/> with a text holding <paramref name="next"/> among the next few texts.</summary>
    private static int FindFollowed(IReadOnlyList<Token> tokens, string key, string next, int lookahead)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Text || !tokens[i].Norm.Contains(key)) continue;
            int seen = 0;
            for (int j = i + 1; j < tokens.Count && seen < lookahead; j++)
            {
                if (tokens[j].Kind != TokenKind.Text) continue;
                if (tokens[j].Norm.Contains(next)) return i;
                seen++;
            }
        }
        return -1;
    }

    /// <summary>Longest text taken for table 二's heading (二、主动公开政府信息情况 is 12): a line of the opening that names
    /// the sections (总体情况、主动公开政府信息情况、收到和…) is prose, not the heading.</summary>
    private const int MaxHeadingLength = 16;

    /// <summary>The smaller of two token indexes, -1 (not found) counting as none.</summary>
    private static int Earliest(int a, int b) => a < 0 ? b : b < 0 ? a : Math.Min(a, b);

    /// <summary>The last text before <paramref name="limit"/> that matches: the section heading nearest its table (the
    /// report's opening names the sections too).</summary>
    private static int LastText(IReadOnlyList<Token> tokens, int limit, Func<string, bool> match)
    {
        for (int i = Math.Min(limit, tokens.Count) - 1; i >= 0; i--)
            if (tokens[i].Kind == TokenKind.Text && match(tokens[i].Norm)) return i;
        return -1;
    }

    /// <param name="sentences">Sentences (a text with a digit in it) are looked at too.</param>
    private static int FindText(IReadOnlyList<Token> tokens, int from, Func<string, bool> match, int limit = int.MaxValue, bool sentences = false)
    {
        for (int i = Math.Max(0, from); i < tokens.Count && i < limit; i++)
            if ((tokens[i].Kind == TokenKind.Text || sentences && tokens[i].Kind == TokenKind.Sentence) && match(tokens[i].Norm)) return i;
        return -1;
    }

    /// <summary>Table 二's section heading, 主动公开政府信息情况, read whole or with one character misread (OCR of a fax-like
    /// scan: 二、主动公开政府位息情况, measured 2026-12-04 on the scan-conditions matrix, probe-5 200-bilevel pdf-01, whose
    /// first caption read 第二下条第〈...)项 as well, so table 二 began at its second sub-table and lost 规章 and 规范性文件).
    /// A subsection of the opening (（一）主动公开情况) is too far from it.</summary>
    private static bool NamesT2Heading(string norm) => LabelText.Match(norm, T2Heading) >= MinHeadingMatch;

    private const string T2Heading = "公开政府信息情况";

    /// <summary>One character of <see cref="T2Heading"/>'s eight misread (0.875), not two.</summary>
    private const double MinHeadingMatch = 0.85;
}
