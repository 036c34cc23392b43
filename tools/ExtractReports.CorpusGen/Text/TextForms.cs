using System.Text;
using ExtractReports.CorpusGen.Model;
using ExtractReports.Schema;

namespace ExtractReports.CorpusGen.Text;

/// <summary>A rendered document: its text, the fields it cut off, notes for the corpus README.</summary>
public sealed record Rendered(string Text, IReadOnlySet<string> Absent, IReadOnlyList<string> Notes);

/// <summary>How table 四's fifteen numbers come out of a dump.</summary>
public enum T4Style { OneRow, OneLineSpaces, ThreeBlocks, CellPerLine }

/// <summary>
/// Text-dump renderers, one per mangled form seen in the seeds and the real dumps. Each imitates
/// what a converter did to a Word/WPS table; the values always come from the report.
/// </summary>
public static class TextForms
{
    private static readonly HashSet<string> None = [];

    private static string[] Row(Report r, T3Row row) => row.Fields.Select(r.P).ToArray();

    private static void Narrative(StringBuilder sb, Report r, bool blankLines, string headingPrefix = "")
    {
        foreach (var p in r.Narrative)
        {
            var heading = p.Length < 20;
            sb.Append(heading ? headingPrefix : "").AppendLine(p);
            if (blankLines) sb.AppendLine();
        }
    }

    private static void Closing(StringBuilder sb, Report r, bool blankLines, string headingPrefix = "")
    {
        foreach (var p in r.Closing)
        {
            sb.Append(p.Length < 20 ? headingPrefix : "").AppendLine(p);
            if (blankLines) sb.AppendLine();
        }
    }

    private static void T4(StringBuilder sb, Report r, T4Style style, string sep = "\t")
    {
        var values = Layout.T4Fields.Select(r.P).ToList();
        switch (style)
        {
            case T4Style.OneRow:
                sb.AppendLine(string.Join(sep, values));
                break;
            case T4Style.OneLineSpaces:
                sb.AppendLine(string.Join(" ", values));
                break;
            case T4Style.ThreeBlocks:
                for (var g = 0; g < 3; g++)
                {
                    sb.AppendLine(string.Join(" ", values.Skip(g * 5).Take(5)));
                    sb.AppendLine();
                }
                break;
            case T4Style.CellPerLine:
                foreach (var v in values) sb.AppendLine(v).AppendLine();
                break;
        }
    }

    private static void T4HeaderTab(StringBuilder sb)
    {
        sb.AppendLine("行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t");
        sb.AppendLine("结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t");
        sb.AppendLine("\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计");
    }

    private static void T2Tab(StringBuilder sb, Report r, bool blankBetween)
    {
        foreach (var s in Layout.T2(r.T2Format))
        {
            var width = s.Headers.Count;
            sb.AppendLine(s.Title + new string('\t', width - 1));
            sb.AppendLine(string.Join("\t", s.Headers));
            foreach (var row in s.Rows)
                sb.AppendLine(string.Join("\t", new[] { row.Label }.Concat(row.Fields.Select(r.P))));
            if (blankBetween) sb.AppendLine();
        }
    }

    private static void T3HeaderTab(StringBuilder sb, string note = "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)")
    {
        sb.AppendLine($"{note}\t\t申请人情况\t\t\t\t\t\t\t总计\t");
        sb.AppendLine("\t\t自然人\t法人或其他组织\t\t\t\t\t\t");
        sb.AppendLine("\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t");
    }

    // ---------------------------------------------------------------- 000: tab rows, dropped cells

    /// <summary>
    /// Tab rows from a Word table (seed 000): merged label cells leave empty cells, and some rows lost
    /// a cell: all-zero rows lose a trailing zero, rows whose total is uniquely recomputable lose it.
    /// </summary>
    public static Rendered TabDropped(Report r, Random rng, T4Style t4 = T4Style.OneRow)
    {
        var sb = new StringBuilder();
        sb.AppendLine().AppendLine();
        sb.AppendLine(r.Title).AppendLine();
        Narrative(sb, r, true);
        sb.AppendLine("二、主动公开政府信息情况").AppendLine();
        T2Tab(sb, r, false);
        sb.AppendLine().AppendLine("三、收到和处理政府信息公开申请情况").AppendLine();
        T3HeaderTab(sb);
        var notes = new List<string>();
        var rows = Layout.T3(r.T3Format);
        var brokenAt = rng.Next(8, 12);
        string? group = null;
        var firstIn3 = true;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var values = Row(r, row).ToList();
            var dropped = false;
            if (i > brokenAt && values.All(v => v == "0") && rng.Next(2) == 0)
            {
                values.RemoveAt(values.Count - 1);
                dropped = true;
            }
            else if (i > 2 && values[6] != "0" && long.Parse(values[5]) < values.Take(5).Sum(long.Parse) && rng.Next(3) == 0
                     && !r.SourceInconsistencies.Any(x => x.StartsWith(row.Prefix + ".")))
            {
                // Only a total whose loss leaves one valid reading: taking the last number left as the
                // total instead would need a negative applicant count.
                values.RemoveAt(6);
                dropped = true;
                notes.Add($"{row.Prefix}.total: cell dropped from the dump (recomputable from the row)");
            }
            var newGroup = row.Level == 2 && group != row.Group;
            group = row.Level == 2 ? row.Group : null;
            string[] labels;
            if (i == brokenAt)
                labels = [];   // the converter lost this row's leading cells and broke the table after it
            else if (i < brokenAt)
                labels = row.Level switch
                {
                    0 => [row.Label, ""],
                    1 => [firstIn3 ? Layout.T3Top : "", row.Label],
                    _ => [firstIn3 ? Layout.T3Top : "", newGroup ? row.Group! : "", row.Label],
                };
            else
                labels = row.Level switch
                {
                    0 => [row.Label, "", ""],
                    1 => ["", "", row.Label],
                    _ => [newGroup ? row.Group! : "", "", row.Label],
                };
            if (row.Level > 0) firstIn3 = false;
            var line = string.Join("\t", labels.Concat(i == brokenAt ? new[] { row.Label }.Concat(values) : values));
            sb.AppendLine(line + (i == brokenAt ? "\t\t" : i < brokenAt && !dropped ? "\t" : ""));
            if (i == brokenAt) sb.AppendLine();
        }
        sb.AppendLine().AppendLine("四、政府信息公开行政复议、行政诉讼情况").AppendLine();
        T4HeaderTab(sb);
        T4(sb, r, t4);
        sb.AppendLine();
        Closing(sb, r, true);
        return new(sb.ToString(), None, notes);
    }

    // ---------------------------------------------------------------- 001: markdown, split labels, cut off

    /// <summary>
    /// A PDF-to-markdown dump (seed 001): markdown headings, tab rows, long labels split over two
    /// lines with the numbers on the first, a page break that lost the rest of table 三, then table
    /// 四's numbers as a bare markdown row without its header.
    /// </summary>
    public static Rendered MarkdownCut(Report r, Random rng, int keepRows)
    {
        var sb = new StringBuilder();
        sb.AppendLine().AppendLine();
        sb.AppendLine("# " + r.Title.Replace(r.Year.ToString(), $" {r.Year} ")).AppendLine();
        foreach (var p in r.Narrative)
        {
            if (p.StartsWith("一、")) sb.AppendLine("## " + p);
            else if (p.StartsWith("（")) sb.AppendLine((rng.Next(2) == 0 ? "### " : "#### ") + p);
            else sb.AppendLine(p);
            sb.AppendLine();
        }
        sb.AppendLine("## 二、主动公开政府信息情况").AppendLine();
        var sections = Layout.T2(r.T2Format);
        foreach (var s in sections)
        {
            sb.AppendLine(s.Title + "\t\t\t");
            sb.AppendLine(string.Join("\t", s.Headers) + (s.Headers.Count < 4 ? "\t" : ""));
            if (s == sections[^1])
            {
                sb.AppendLine();
                foreach (var row in s.Rows)
                    sb.AppendLine(string.Join("\t", new[] { row.Label }.Concat(row.Fields.Select(r.P))));
                sb.AppendLine(string.Join("\t", new[] { "--------" }.Concat(s.Rows[0].Fields.Select(_ => "---"))));
            }
            else
                foreach (var row in s.Rows)
                    sb.AppendLine(string.Join("\t", new[] { row.Label }.Concat(row.Fields.Select(r.P))));
            if (s == sections[0]) sb.AppendLine();
        }
        sb.AppendLine().AppendLine("### 三、收到和处理政府信息公开申请情况").AppendLine();
        T3HeaderTab(sb, "(本列数据的勾稽关系为:第一项加第二项之和, 等于第三项加第四项之和)");
        var rows = Layout.T3(r.T3Format);
        var absent = new HashSet<string>();
        string? group = null;
        var firstIn3 = true;
        var split = false;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (i >= keepRows)
            {
                foreach (var f in row.Fields) absent.Add(f);
                continue;
            }
            var values = Row(r, row);
            var label = row.Label.Replace(".", ". ");
            var head = label;
            string? tail = null;
            if (row.Level == 2 && label.Length > 10)
            {
                var cut = rng.Next(7, Math.Min(11, label.Length - 2));
                head = label[..cut];
                tail = label[cut..];
            }
            if (!split)
            {
                string[] labels = row.Level switch
                {
                    0 => [row.Label, ""],
                    1 => [firstIn3 ? "三、本年度办理结果" : "", row.Label.Replace("（", "(").Replace("）", ") ")],
                    _ => [firstIn3 ? "三、本年度办理结果" : "", group == row.Group ? "" : row.Group!.Replace("（", "(").Replace("）", ") "), head],
                };
                if (row.Level > 0) firstIn3 = false;
                group = row.Group;
                sb.AppendLine(string.Join("\t", labels.Concat(values)));
                if (tail != null)
                {
                    // The page of the PDF broke here: the rest of the label starts the next block.
                    sb.AppendLine().AppendLine(tail + new string('\t', 7));
                    split = true;
                }
                continue;
            }
            if (row.Level == 2 && group != row.Group)
            {
                sb.AppendLine();
                sb.AppendLine(string.Join("\t", new[] { row.Group!.Replace("（", "(").Replace("）", ")"), tail == null ? label : head + " " + tail }.Concat(values)));
            }
            else if (row.Level == 2)
                sb.AppendLine(string.Join("\t", new[] { tail == null ? label : head + " " + tail }.Concat(values)));
            else
                sb.AppendLine(string.Join("\t", new[] { row.Label }.Concat(values)));
            group = row.Group;
        }
        sb.AppendLine().AppendLine().AppendLine().AppendLine();
        T4(sb, r, T4Style.OneRow);
        sb.AppendLine(string.Join("\t", Enumerable.Repeat("---", 15)));
        sb.AppendLine();
        foreach (var p in r.Closing)
            sb.AppendLine(p.Length < 20 ? "## " + p : p).AppendLine();
        return new(sb.ToString(), absent, [$"table 三 cut off after {rows[keepRows - 1].Prefix}: {rows.Count - keepRows} rows have no truth"]);
    }

    // ---------------------------------------------------------------- 002: one cell per line

    /// <summary>
    /// A web page saved as text (seed 002): chrome line with 发布日期/信息来源/浏览次数, every table
    /// cell on its own line, blank cells as empty lines, stray leading spaces, header words broken.
    /// </summary>
    public static Rendered CellPerLine(Report r, Random rng)
    {
        var sb = new StringBuilder();
        sb.AppendLine(r.Title).AppendLine();
        sb.AppendLine($"发布日期:{r.PublishDate} 信息来源:{r.Publisher} 浏览次数:").AppendLine();
        sb.AppendLine(r.Title).AppendLine().AppendLine(" ").AppendLine();
        Narrative(sb, r, true);
        sb.AppendLine(" ").AppendLine().AppendLine("二、主动公开政府信息情况").AppendLine().AppendLine(" ").AppendLine();
        string Pad(string v) => v != "" && rng.Next(3) == 0 ? new string(' ', rng.Next(1, 3)) + v : v;
        foreach (var s in Layout.T2(r.T2Format))
        {
            sb.AppendLine(s.Title.Replace("（", "(").Replace("）", ")")).AppendLine();
            foreach (var h in s.Headers) sb.AppendLine(h).AppendLine();
            foreach (var row in s.Rows)
            {
                sb.AppendLine(row.Label).AppendLine();
                foreach (var f in row.Fields) sb.AppendLine(Pad(r.P(f))).AppendLine();
            }
        }
        sb.AppendLine(" ").AppendLine().AppendLine("三、收到和处理政府信息公开申请情况").AppendLine().AppendLine(" ").AppendLine();
        sb.AppendLine("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)").AppendLine();
        foreach (var h in new[] { "申请人情况", "自然人", "法人或其他组织", "总计", "商业\n\n企业", "科研\n\n机构", "社会公益组织", "法律服务机构", "其他" })
            sb.AppendLine(h).AppendLine();
        string? group = null;
        var firstIn3 = true;
        foreach (var row in Layout.T3(r.T3Format))
        {
            if (row.Level > 0 && firstIn3)
            {
                sb.AppendLine("三、本年度办理结果").AppendLine();
                firstIn3 = false;
            }
            if (row.Level == 2 && group != row.Group) sb.AppendLine(row.Group!.Replace("（", "(").Replace("）", ")")).AppendLine();
            group = row.Group;
            sb.AppendLine(row.Label.Replace("（", "(").Replace("）", ")")).AppendLine();
            foreach (var v in Row(r, row)) sb.AppendLine(Pad(v));
            sb.AppendLine();
        }
        sb.AppendLine(" ").AppendLine().AppendLine("四、政府信息公开行政复议、行政诉讼情况").AppendLine().AppendLine(" ").AppendLine();
        foreach (var h in new[] { "行政复议", "行政诉讼", "结果维持", "结果\n  纠正", "其他\n  结果", "尚未\n  审结", "总计", "未经复议直接起诉", "复议后起诉" })
            sb.AppendLine(h).AppendLine();
        for (var g = 0; g < 2; g++)
            foreach (var h in new[] { "结果\n  维持", "结果\n  纠正", "其他\n  结果", "尚未\n  审结", "总计" })
                sb.AppendLine(h).AppendLine();
        foreach (var v in Layout.T4Fields.Select(r.P)) sb.AppendLine(Pad(v) + (rng.Next(4) == 0 ? " " : "")).AppendLine();
        sb.AppendLine(" ").AppendLine();
        Closing(sb, r, true);
        return new(sb.ToString(), None, []);
    }

    // ---------------------------------------------------------------- 003: clean tabs, spaced labels

    /// <summary>
    /// Clean tab rows from a WPS export (seed 003): the title broken over three lines, the first
    /// column's ordinal in its own cell (`一、\t本年新收…`), 三、本年度办理结果 spaced out one
    /// character per cell-line, labels with stray spaces.
    /// </summary>
    public static Rendered SpacedLabels(Report r, Random rng, T4Style t4 = T4Style.OneRow)
    {
        var sb = new StringBuilder();
        sb.AppendLine().AppendLine();
        var t = r.Title;
        var yearAt = t.IndexOf(r.Year.ToString(), StringComparison.Ordinal);
        sb.AppendLine(t[..yearAt]).AppendLine();
        sb.AppendLine($"{r.Year} 年政府信息公开").AppendLine();
        sb.AppendLine("工作年度报告").AppendLine();
        Narrative(sb, r, true);
        sb.AppendLine("二、主动公开政府信息情况").AppendLine();
        foreach (var s in Layout.T2(r.T2Format))
        {
            sb.AppendLine(s.Title + "\t\t\t");
            sb.AppendLine(string.Join("\t", s.Headers) + new string('\t', 4 - s.Headers.Count));
            foreach (var row in s.Rows)
                sb.AppendLine(string.Join("\t", new[] { row.Label }.Concat(row.Fields.Select(r.P))) + new string('\t', 4 - 1 - row.Fields.Count));
            if (rng.Next(2) == 0) sb.AppendLine();
        }
        sb.AppendLine().AppendLine("三、收到和处理政府信息公开申请情况").AppendLine();
        T3HeaderTab(sb, "(本列数据的勾稽关系为：第一项加第二项之和， 等于第三项加第四项之和)");
        var spaced = string.Join(" ", "本年度办理结果".ToCharArray());
        string? group = null;
        var firstIn3 = true;
        var rows = Layout.T3(r.T3Format);
        foreach (var row in rows)
        {
            var values = Row(r, row);
            string Spaced(string label) => label.Replace("）", "） ").Replace("，", "， ").Replace(".", ". ");
            string[] labels;
            if (row.Level == 0) labels = [row.Label[..2], row.Label[2..]];
            else if (row.Level == 1)
            {
                labels = [firstIn3 ? "三、 " + spaced : "", Spaced(row.Label)];
                if (row.Prefix == "t3.total_handled") labels = [Spaced(row.Label), ""];
                firstIn3 = false;
            }
            else
            {
                labels = [firstIn3 ? "三、 " + spaced : "", group == row.Group ? "" : Spaced(row.Group!), Spaced(row.Label)];
                firstIn3 = false;
            }
            group = row.Group;
            sb.AppendLine(string.Join("\t", labels.Concat(values)) + (row.Level == 2 ? "" : "\t"));
        }
        sb.AppendLine().AppendLine("四、政府信息公开行政复议、行政诉讼情况").AppendLine();
        T4HeaderTab(sb);
        T4(sb, r, t4);
        sb.AppendLine();
        Closing(sb, r, true);
        return new(sb.ToString(), None, []);
    }

    // ---------------------------------------------------------------- 004: pipe rows, one cell a line

    /// <summary>
    /// A pipe table broken into one cell per line (seed 004): `cell |` lines, rows ending in runs of
    /// `| ||` for the merged cells, no blank lines anywhere, a sentence possible in a numeric cell.
    /// </summary>
    public static Rendered PipeCells(Report r, Random rng)
    {
        var sb = new StringBuilder();
        sb.AppendLine(r.Title);
        foreach (var p in r.Narrative) sb.AppendLine(p);
        sb.AppendLine("二、主动公开政府信息情况");
        foreach (var s in Layout.T2(r.T2Format))
        {
            sb.AppendLine(s.Title.Replace("（", "(").Replace("）", ")") + " | |||");
            foreach (var h in s.Headers.Take(s.Headers.Count - 1)) sb.AppendLine(h + " |");
            sb.AppendLine(s.Headers[^1] + (s.Headers.Count < 4 ? " | ||" : " |"));
            foreach (var row in s.Rows)
            {
                sb.AppendLine(row.Label + " |");
                for (var i = 0; i < row.Fields.Count; i++)
                    sb.AppendLine(r.P(row.Fields[i]) + (i == row.Fields.Count - 1 && row.Fields.Count < 3 ? " | ||" : " |"));
            }
        }
        sb.AppendLine("三、收到和处理政府信息公开申请情况");
        sb.AppendLine("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |");
        sb.AppendLine("申请人情况 | ||||||||");
        sb.AppendLine("自 然 人 |").AppendLine("法人或其他组织 |").AppendLine("总 计 | |||||||");
        sb.AppendLine("商业 企业 |").AppendLine("科研 机构 |").AppendLine("社会公益组织 |").AppendLine("法律服务机构 |").AppendLine("其他 | ||||");
        string? group = null;
        var firstIn3 = true;
        foreach (var row in Layout.T3(r.T3Format))
        {
            var label = row.Label.Replace("（", "(").Replace("）", ")");
            if (row.Level > 0 && firstIn3)
            {
                sb.AppendLine("三、本年度办理结果 |");
                firstIn3 = false;
            }
            if (row.Level == 2 && group != row.Group) sb.AppendLine(row.Group!.Replace("（", "(").Replace("）", ")") + " |");
            var first = row.Level > 0 && (row.Prefix == "t3.granted" || (row.Level == 2 && group != row.Group));
            group = row.Group;
            sb.AppendLine(label + " |");
            var values = Row(r, row);
            for (var i = 0; i < 6; i++) sb.AppendLine(values[i] + " |");
            sb.AppendLine(values[6] + (first ? " | |" : row.Level == 0 || row.Level == 1 ? " | ||" : " | ||"));
        }
        sb.AppendLine("四、政府信息公开行政复议、行政诉讼情况");
        sb.AppendLine("行政复议 |").AppendLine("行政诉讼 | |||||||||||||");
        sb.AppendLine("结果维持 |").AppendLine("结果 纠正 |").AppendLine("其他 结果 |").AppendLine("尚未 审结 |").AppendLine("总计 |");
        sb.AppendLine("未经复议直接起诉 |").AppendLine("复议后起诉 | ||||||||");
        for (var g = 0; g < 2; g++)
            foreach (var h in new[] { "结果 维持 |", "结果 纠正 |", "其他 结果 |", "尚未 审结 |", g == 0 ? "总计 |" : "总计 | |||||" })
                sb.AppendLine(h);
        var t4 = Layout.T4Fields.Select(r.P).ToList();
        for (var i = 0; i < 15; i++) sb.AppendLine(t4[i] + " |");
        foreach (var p in r.Closing) sb.AppendLine(p);
        return new(sb.ToString().TrimEnd('\n', '\r'), None, []);
    }

    // ---------------------------------------------------------------- kewei: shredded markdown

    /// <summary>
    /// A PDF-to-markdown conversion that shredded the tables (kewei-2024): table 二's first part as
    /// a markdown table after the rest, table 三 cut into small markdown tables, some rows keeping
    /// their numbers but losing their label (which floats loose nearby, wrapped), the header words
    /// cut in halves, table 四's header interleaved and its fifteen numbers in one markdown row.
    /// </summary>
    public static Rendered Shredded(Report r, Random rng)
    {
        var sb = new StringBuilder();
        sb.AppendLine("正文");
        sb.AppendLine(r.Title.Replace(r.Year.ToString(), r.Year + " ").Replace("工作年度报告", "工作"));
        sb.AppendLine("年度报告");
        foreach (var p in r.Narrative)
        {
            // PDF line wrapping: long paragraphs broken every 30 characters.
            for (var i = 0; i < p.Length; i += 30) sb.AppendLine(p.Substring(i, Math.Min(30, p.Length - i)));
            if (p.Length < 20) continue;
            sb.AppendLine();
        }
        var sections = Layout.T2(r.T2Format);
        sb.AppendLine("二、主动公开政府信息情况");
        sb.AppendLine(sections[0].Title);
        foreach (var s in sections.Skip(1))
        {
            sb.AppendLine(s.Title);
            sb.AppendLine(string.Join("", s.Headers));
            foreach (var row in s.Rows) sb.AppendLine(row.Label + " " + string.Join(" ", row.Fields.Select(r.P)));
        }
        sb.AppendLine("## 表二：主动公开政府信息情况");
        sb.AppendLine("| " + string.Join(" | ", sections[0].Headers) + " |");
        sb.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", sections[0].Headers.Count)));
        foreach (var row in sections[0].Rows)
            sb.AppendLine("| " + string.Join(" | ", new[] { row.Label }.Concat(row.Fields.Select(r.P))) + " |");
        sb.AppendLine();
        sb.AppendLine("三、收到和处理政府信息公开申请情况");
        sb.AppendLine("申请人情况");
        sb.AppendLine("（本列数据的勾稽关系为：第一项加第二项法人或其他组织");
        sb.AppendLine("之和，等于第三项加第四项之和）");
        sb.AppendLine("自然人总计");
        sb.AppendLine("商业企科研机社会公法律服");
        sb.AppendLine("其他");
        sb.AppendLine("本年");
        sb.AppendLine("## 表三：收到和处理政府信息公开申请情况");
        var rows = Layout.T3(r.T3Format);
        string MdRow(IEnumerable<string> cells) => "| " + string.Join(" | ", cells) + " |";
        string Sep(int n) => "|" + string.Concat(Enumerable.Repeat("---|", n));
        // Table 三 in chunks of 1 to 4 rows; a chunk's first row may lose its label.
        sb.AppendLine(MdRow(["业", "构", "益组织", "务机构", "", "", "", "", ""]));
        sb.AppendLine(Sep(9));
        var i2 = 0;
        var loose = new List<string>();
        var droppedLabels = 0;
        while (i2 < rows.Count)
        {
            var take = Math.Min(rows.Count - i2, rng.Next(1, 5));
            var chunk = rows.Skip(i2).Take(take).ToList();
            var first = true;
            foreach (var row in chunk)
            {
                var values = Row(r, row);
                var dropLabel = i2 > 2 && first && row.Level > 0 && rng.Next(3) == 0 && row.Prefix != "t3.total_handled";
                if (dropLabel)
                {
                    droppedLabels++;
                    var label = row.Label;
                    // The lost label shows up as loose wrapped text before the chunk.
                    for (var k = 0; k < label.Length; k += 11) loose.Add(label.Substring(k, Math.Min(11, label.Length - k)));
                    sb.AppendLine(MdRow(values));
                    sb.AppendLine(Sep(7));
                }
                else if (i2 == 0 || (row.Level == 0 && row.Prefix != "t3.carried_forward"))
                    sb.AppendLine(MdRow(new[] { row.Label }.Concat(values).Append("")));
                else if (row.Prefix == "t3.granted")
                    sb.AppendLine(MdRow(new[] { "三、", row.Label }.Concat(values)));
                else
                    sb.AppendLine(MdRow(new[] { row.Label }.Concat(values)));
                if (first && !dropLabel && (row.Level != 0 || i2 > 0)) sb.AppendLine(Sep(8));
                first = false;
                i2++;
            }
            sb.AppendLine();
            if (loose.Count > 0 && i2 < rows.Count)
            {
                foreach (var l in loose) sb.AppendLine(l);
                loose.Clear();
            }
            if (rows[i2 - 1].Level == 2 && i2 < rows.Count && rows[i2].Group != rows[i2 - 1].Group)
                sb.AppendLine(rows[i2 - 1].Group!.Insert(4, "\n")).AppendLine();
        }
        sb.AppendLine("四、政府信息公开行政复议、行政诉讼情况");
        sb.AppendLine("行政复议行政诉讼");
        sb.AppendLine("未经复议直接起诉复议后起诉");
        sb.AppendLine("结果结果其他尚未");
        sb.AppendLine("总计");
        sb.AppendLine("总计总计");
        sb.AppendLine("维持纠正结果审结维持纠正结果审结");
        sb.AppendLine(MdRow(["维持", "纠正", "结果", "审结", "结果", "结果", "其他", "尚未", "结果", "结果", "其他", "尚未"]));
        sb.AppendLine(Sep(12));
        sb.AppendLine(MdRow(Layout.T4Fields.Select(r.P)));
        sb.AppendLine(Sep(15));
        sb.AppendLine();
        foreach (var p in r.Closing) sb.AppendLine(p).AppendLine();
        return new(sb.ToString(), None, droppedLabels > 0 ? [$"{droppedLabels} table 三 rows lost their label (numbers kept, in order)"] : []);
    }

    // ---------------------------------------------------------------- pingtan: digits run together

    /// <summary>
    /// A page-text dump that lost every cell boundary (pingtan): one long body line, table cells
    /// concatenated with an occasional space. Table 三 rows are checked to decode to exactly one
    /// reading with the row-sum and column identities (or, when <paramref name="ambiguous"/>, to
    /// keep more than one); table 二's runs have no identity to decode them and are listed as
    /// ambiguous unless a space happens to keep them apart.
    /// </summary>
    public static Rendered RunTogether(Report r, Random rng, bool ambiguous)
    {
        var notes = new List<string>();
        var rows = Layout.T3(r.T3Format);
        string[] runs = [];
        var readings = new List<List<long[]>>();
        for (var attempt = 0; attempt < 400; attempt++)
        {
            runs = rows.Select(row => Run(Row(r, row), rng, attempt < 200 ? 0.15 : 0.4,
                ambiguous && (row.Prefix == "t3.granted" || row.Prefix == "t3.unavailable.not_held"))).ToArray();
            readings = runs.Select(x => DigitRuns.RowReadings(x)).ToList();
            var table = DigitRuns.TableReadings(rows.Select(x => x.Prefix).ToList(), readings);
            if (!ambiguous && table == 1) break;
            if (ambiguous && table > 1) break;
        }
        var tableReadings = DigitRuns.TableReadings(rows.Select(x => x.Prefix).ToList(), readings);
        if (ambiguous ? tableReadings < 2 : tableReadings != 1)
            throw new InvalidOperationException($"{r.Title}: no spacing with the wanted ambiguity ({tableReadings} readings)");
        for (var i = 0; i < rows.Count; i++)
            if (readings[i].Count > 1)
                notes.Add($"{rows[i].Prefix}: run '{runs[i]}' has {readings[i].Count} row readings");
        notes.Add(ambiguous
            ? $"table 三 ambiguous: {tableReadings} whole-table readings satisfy every identity"
            : "table 三 decodes to exactly one reading with the row and column identities");

        var sb = new StringBuilder();
        sb.AppendLine($"标题: {r.Title}");
        sb.AppendLine($"发布时间: {r.PublishDate}");
        sb.AppendLine("文号: ");
        sb.AppendLine($"发布机构: {(rng.Next(2) == 0 ? r.Agency : "")}");
        sb.AppendLine("栏目: 政府信息公开年报");
        sb.AppendLine($"原文链接: https://www.example.gov.cn/zwgk/zfxxgk/zfxxgknb/{r.Year + 1}01/t{r.Year + 1}01{rng.Next(10, 28)}_{rng.Next(10000, 99999)}.htm");
        sb.AppendLine("页面链接与图片详见 links.tsv(同目录)");
        sb.AppendLine("==================== 正文 ====================");
        var body = new StringBuilder();
        body.Append(r.Title).Append(' ');
        foreach (var p in r.Narrative) body.Append(p);
        body.Append("二、主动公开政府信息情况 ");
        foreach (var s in Layout.T2(r.T2Format))
        {
            body.Append(s.Title).Append(string.Concat(s.Headers));
            foreach (var row in s.Rows)
            {
                var cells = row.Fields.Select(r.P).ToList();
                var spaced = rng.Next(4) == 0;
                body.Append(row.Label).Append(spaced ? string.Join(" ", cells) + " " : string.Concat(cells));
                // Several cells run together with no identity to split them: genuinely ambiguous.
                if (!spaced && cells.Count > 1 && cells.Count(c => c.Length > 0) > 1)
                    notes.Add($"{row.Fields[0][..row.Fields[0].LastIndexOf('.')]}: table 二 run '{string.Concat(cells)}' cannot be split without outside knowledge");
            }
        }
        body.Append("三、收到和处理政府信息公开申请情况").Append(Layout.T3Note)
            .Append("申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他");
        string? group = null;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Prefix == "t3.granted") body.Append("三、本年度办理结果");
            if (row.Level == 2 && row.Group != group) body.Append(row.Group);
            group = row.Group;
            body.Append(row.Label).Append(runs[i]);
        }
        body.Append(" 四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计");
        var t4 = Layout.T4Fields.Select(r.P).ToList();
        body.Append(string.Concat(t4)).Append(' ');
        if (t4.Any(v => v.Length > 1)) notes.Add("table 四 has a value of two digits: its run is ambiguous");
        foreach (var p in r.Closing) body.Append(p);
        sb.Append(body);
        return new(sb.ToString(), None, notes);
    }

    private static string Run(string[] cells, Random rng, double spaceRate, bool joinFirstTwo)
    {
        var sb = new StringBuilder(cells[0]);
        for (var i = 1; i < cells.Length; i++)
        {
            if (!(joinFirstTwo && i == 1) && rng.NextDouble() < spaceRate) sb.Append(' ');
            sb.Append(cells[i]);
        }
        return sb.ToString();
    }

    // ---------------------------------------------------------------- clean tabs with t4 variations

    /// <summary>
    /// A clean tab dump (labels whole, one row a line) whose table 四 comes out in the given style:
    /// the fifteen numbers on one line or in three blocks of five.
    /// </summary>
    public static Rendered CleanTabs(Report r, Random rng, T4Style t4)
    {
        var sb = new StringBuilder();
        sb.AppendLine(r.Title).AppendLine();
        Narrative(sb, r, true);
        sb.AppendLine("二、主动公开政府信息情况").AppendLine();
        T2Tab(sb, r, true);
        sb.AppendLine("三、收到和处理政府信息公开申请情况").AppendLine();
        T3HeaderTab(sb);
        string? group = null;
        var firstIn3 = true;
        foreach (var row in Layout.T3(r.T3Format))
        {
            string[] labels = row.Level switch
            {
                0 => [row.Label, ""],
                1 => [firstIn3 ? Layout.T3Top : "", row.Label],
                _ => [firstIn3 ? Layout.T3Top : "", group == row.Group ? "" : row.Group!, row.Label],
            };
            if (row.Level > 0) firstIn3 = false;
            group = row.Group;
            sb.AppendLine(string.Join("\t", labels.Concat(Row(r, row))));
        }
        sb.AppendLine().AppendLine("四、政府信息公开行政复议、行政诉讼情况").AppendLine();
        if (t4 == T4Style.ThreeBlocks)
        {
            foreach (var (prefix, name) in Layout.T4Groups)
            {
                sb.AppendLine(prefix == "t4.review" ? name : "行政诉讼 " + name);
                sb.AppendLine(string.Join(" ", Layout.T4ColumnNames));
                sb.AppendLine(string.Join(" ", TableTemplates.ResultColumns.Select(c => r.P($"{prefix}.{c}"))));
                sb.AppendLine();
            }
        }
        else
        {
            sb.AppendLine("行政复议 行政诉讼");
            sb.AppendLine("结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉");
            sb.AppendLine("结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计");
            T4(sb, r, t4);
        }
        sb.AppendLine();
        Closing(sb, r, true);
        return new(sb.ToString(), None, []);
    }
}
