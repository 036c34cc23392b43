using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>
/// Which of tables 二, 三 and 四 the document shows it printed, whatever the reader made of them: the
/// table's section heading seen on a line of its own (`三、收到和处理政府信息公开申请情况`), or two of its
/// own labels seen in label cells. A field missing from a table printed but not read is a table the reader
/// failed on (a scan whose rulings or anchors it did not find); a table with no sign may not be printed
/// at all (a page cut after table 二, a page image of table 三 alone, an older template), and its fields
/// are rightly missing. Scoring bounds the first and leaves the second (DoubtCaps).
/// </summary>
public sealed record PrintedTables(bool T2, bool T3, bool T4)
{
    public static readonly PrintedTables None = new(false, false, false);

    /// <summary>Whether the table (t2, t3, t4) shows it was printed.</summary>
    public bool Shows(string table) => table switch { "t2" => T2, "t3" => T3, "t4" => T4, _ => false };
}

/// <summary>Finds the signs of <see cref="PrintedTables"/> in a document's tokens.</summary>
public static class PrintedTableFinder
{
    /// <summary>
    /// Each table's section heading in the national template (both formats print the same ones), normalized;
    /// table 四's joins its two words with 、, 和 or 及 (one character: the fuzzy match takes any).
    /// </summary>
    private static readonly string[] T2Headings = [LabelText.Normalize("主动公开政府信息情况")];
    private static readonly string[] T3Headings = [LabelText.Normalize("收到和处理政府信息公开申请情况")];
    private static readonly string[] T4Headings = [LabelText.Normalize("政府信息公开行政复议、行政诉讼情况")];

    /// <summary>
    /// Labels only a table prints: its row labels (both formats) and the header cells of its own. Table 四's
    /// 行政复议 is left out: every report's summary and table 三's neighbours mention it.
    /// </summary>
    private static readonly string[] T2Labels = Keys([TableTemplates.T2F2019, TableTemplates.T2F2021], ["第二十条第", "本年制发件数", "本年处理决定数量", "本年收费金额"]);
    private static readonly string[] T3Labels = Keys([TableTemplates.T3F2019, TableTemplates.T3F2021], ["申请人情况", "本年度办理结果"]);
    private static readonly string[] T4Labels = ["未经复议直接起诉", "复议后起诉", "尚未审结"];

    /// <summary>A heading line holds its heading and at most an ordinal (`三、`, `(三)`) and a stray mark or two.</summary>
    private const int HeadingSlack = 5;

    /// <summary>A label cell is short; a sentence that names a row (`全年行政许可258件`) is prose, not a sign.</summary>
    private const int LabelCellLength = 24;

    /// <summary>How many different cells holding a label of a table make it printed: one may be a stray mention.</summary>
    private const int LabelsNeeded = 2;

    /// <summary>How close an OCR'd heading must be to the printed one (<see cref="LabelText.Match"/>: a quarter of its characters misread at most).</summary>
    private const double HeadingMatch = 0.75;

    /// <summary>What shows one table printed: its section headings and the labels only it prints.</summary>
    private sealed record TableSigns(string[] Headings, string[] Labels);

    /// <summary>Tables 二, 三 and 四, in that order.</summary>
    private static readonly TableSigns[] Signs = [new(T2Headings, T2Labels), new(T3Headings, T3Labels), new(T4Headings, T4Labels)];

    public static PrintedTables Find(IReadOnlyList<Token> tokens)
    {
        var headed = new bool[Signs.Length];
        var labelCells = Signs.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Text) continue;
            var text = tokens[i].Norm;
            for (int t = 0; t < Signs.Length; t++)
            {
                // A sign counts only with the table's body after it (checked last: few texts are signs).
                headed[t] |= !headed[t] && IsHeading(text, Signs[t].Headings) && NumbersFollow(tokens, i);
                if (text.Length <= LabelCellLength && Holds(text, Signs[t].Labels) && NumbersFollow(tokens, i)) labelCells[t].Add(text);
            }
        }
        bool Printed(int t) => headed[t] || labelCells[t].Count >= LabelsNeeded;
        return new PrintedTables(Printed(0), Printed(1), Printed(2));
    }

    /// <summary>
    /// How far after a heading or label a number must come for the table's body to be in the input: a page
    /// cut right after table 三's heading (a web page stored in part) shows the heading and none of the table.
    /// </summary>
    private const int BodyLookahead = 40;

    private static bool NumbersFollow(IReadOnlyList<Token> tokens, int at)
    {
        for (int j = at + 1; j < tokens.Count && j <= at + BodyLookahead; j++)
            if (tokens[j].Kind == TokenKind.Number) return true;
        return false;
    }

    private static bool IsHeading(string text, string[] headings)
    {
        foreach (var h in headings)
            if (text.Length <= h.Length + HeadingSlack && text.Length >= h.Length * 3 / 4 && SharesCharacters(text, h) && LabelText.Match(text, h) >= HeadingMatch) return true;
        return false;
    }

    /// <summary>
    /// A cheap test before the fuzzy match (which every table 三 row label of a heading's length would otherwise get):
    /// a heading read with at most a quarter of its characters wrong shares three quarters of them.
    /// </summary>
    private static bool SharesCharacters(string text, string heading)
    {
        int shared = 0;
        foreach (var ch in text)
            if (heading.Contains(ch)) shared++;
        return shared >= heading.Length * 3 / 4;
    }

    /// <summary>Whether the cell holds one of the labels (cells holding labels are counted, not labels: one row label may hold two keys).</summary>
    private static bool Holds(string text, string[] labels)
    {
        foreach (var label in labels)
            if (text.Contains(label, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string[] Keys(TableTemplate[] templates, string[] extra) =>
        templates.SelectMany(t => t.Rows).SelectMany(r => r.NormalizedKeys).Concat(extra.Select(LabelText.Normalize)).Distinct().ToArray();
}
