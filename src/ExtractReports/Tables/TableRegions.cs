namespace ExtractReports.Tables;

/// <summary>Token ranges [Start, End) of the three tables in a document's token stream.</summary>
public sealed record TableRegions((int Start, int End)? T2, (int Start, int End)? T3, (int Start, int End)? T4);

/// <summary>
/// Finds where each table sits. Table 三 starts at the first 本年新收 row label that has numbers soon
/// after it (narrative mentions have none), or, in a table printed without numbers, the 上年结转 label; table 四 at the first 行政复议 after that; table 二 at the
/// first 第二十条 (or the 主动公开 heading, or a garbled 第…条第…项) before table 三. Each ends where the next begins, table 四
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
        // Without table 三 (a page cut after table 二), table 四 is sought after table 二's anchor: the
        // opening summary mentions 行政复议 (`因政府信息公开申请行政复议…的情况`) long before either table.
        int firstT2 = t3 >= 0 ? -1 : FindText(tokens, 0, n => n.Contains("第二十条"));
        int searchT4From = t3 >= 0 ? t3 : Math.Max(firstT2, 0);
        int t4 = FindText(tokens, searchT4From, n => n.Contains("行政复议") && !n.Contains("本年新收"));
        int end = FindText(tokens, Math.Max(t4, searchT4From), n => n.Contains("存在的主要问题") || n.Contains("五.存在") || n.Contains("其他需要报告") || n.Contains("改进情况"));
        if (end < 0 || t4 >= 0 && end <= t4) end = tokens.Count;

        int t2Limit = t3 >= 0 ? t3 : t4 >= 0 ? t4 : tokens.Count;
        int t2 = FindText(tokens, 0, n => n.Contains("第二十条"), t2Limit);
        if (t2 < 0) t2 = FindText(tokens, 0, n => n.Contains("主动公开政府信息情况"), t2Limit);
        // OCR of a poor scan garbles the anchor (第-上|条第〈`)项) but keeps its frame.
        if (t2 < 0) t2 = FindText(tokens, 0, n => ArticleItem().IsMatch(n), t2Limit);

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

    private static int FindText(IReadOnlyList<Token> tokens, int from, Func<string, bool> match, int limit = int.MaxValue)
    {
        for (int i = Math.Max(0, from); i < tokens.Count && i < limit; i++)
            if (tokens[i].Kind == TokenKind.Text && match(tokens[i].Norm)) return i;
        return -1;
    }
}
