using System.Text;
using ExtractReports.Lines.Script;
using ExtractReports.Schema;
using FsCheck;
using FsCheck.Fluent;

namespace ExtractReports.Tests.Tables;

/// <summary>The damage agencies' pages and other tools' dumps do to a printed table.</summary>
public enum DamageKind
{
    /// <summary>A cell dropped: the cells after it move left.</summary>
    DropCell,
    /// <summary>A cell printed blank (the report's own value is then blank).</summary>
    BlankCell,
    /// <summary>A row not printed (an older template, a row cut).</summary>
    RemoveRow,
    /// <summary>A row that is not in the schema, printed after this one (其他主动公开文件).</summary>
    AddRow,
    /// <summary>Two neighbouring cells' digits run together (`12` and `3` as `123`) in a row that lost its cell boundaries.</summary>
    RunTogether,
    /// <summary>A character of the label replaced by another.</summary>
    GarbleLabel,
    /// <summary>The label lost.</summary>
    DropLabel,
    /// <summary>The whole document printed in Traditional script.</summary>
    Traditional,
    /// <summary>The page cut after this row: nothing after it is there.</summary>
    CutAfter,
}

/// <summary>One damage at a row (counted over tables 二, 三 and 四 in printed order) and a cell of it.</summary>
public sealed record Damage(DamageKind Kind, int Row, int Cell)
{
    public override string ToString() => $"{Kind}@{Row}.{Cell}";
}

/// <summary>A random report: its format, its values (from <see cref="ValueSeed"/>), how it is rendered and damaged.</summary>
public sealed record RandomReport(ReportFormat Format, int ValueSeed, bool Html, IReadOnlyList<Damage> Damages)
{
    public override string ToString() => $"{Format.Name()} seed {ValueSeed} {(Html ? "html" : "text")} [{string.Join(", ", Damages)}]";
}

/// <summary>
/// Builds random reports of both national formats whose tables 三 and 四 satisfy every identity, damages
/// them, and renders them as a tab-separated text dump or an HTML page. The truth is what the damaged
/// report still states: a blanked cell is blank (or the value its identities fix); a cell of a removed,
/// cut or dropped-cell row may be read as its value or left empty, nothing else.
/// </summary>
public static class RandomReports
{
    /// <summary>The FsCheck generator: a format, a seed for the values, a rendering and up to four damages.</summary>
    public static Arbitrary<RandomReport> Arbitrary()
    {
        var damage =
            from kind in Gen.Elements(Enum.GetValues<DamageKind>())
            from row in Gen.Choose(0, 40)
            from cell in Gen.Choose(0, 6)
            select new Damage(kind, row, cell);
        var report =
            from format in Gen.Elements(ReportFormat.F2019, ReportFormat.F2021)
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from html in Gen.Elements(false, true)
            from n in Gen.Choose(0, 4)
            from damages in Gen.ArrayOf(damage, n)
            select new RandomReport(format, seed, html, damages);
        return report.ToArbitrary();
    }

    /// <summary>A printed row: label and cells (null label: the row has none), and the schema fields of its cells.</summary>
    private sealed class PrintedRow(string? label, List<string> cells, List<string?> fields)
    {
        public string? Label = label;
        public List<string> Cells = cells;
        public List<string?> Fields = fields;
        /// <summary>The row's cell boundaries are lost: printed as one cell of text, its numbers separated by spaces.</summary>
        public bool Loose;
        /// <summary>Fields whose digits ran into a neighbour's cell, with that cell's field: dropping or blanking that cell loses them too.</summary>
        public List<(string Host, string Merged)> RunInto = [];
    }

    /// <summary>What a field may be read as: the values that are right (the empty string for "left empty").</summary>
    public sealed record Expected(string Field, IReadOnlySet<string> Acceptable);

    public sealed record Rendered(string FileName, byte[] Bytes, IReadOnlyList<Expected> Truth, ReportFormat Format);

    public static Rendered Render(RandomReport report)
    {
        var rng = new Random(report.ValueSeed);
        var format = report.Format;
        var sections = new List<(string Heading, List<PrintedRow> Rows)>
        {
            ("二、主动公开政府信息情况", T2Rows(format, rng)),
            ("三、收到和处理政府信息公开申请情况", T3Rows(format, rng)),
            ("四、政府信息公开行政复议、行政诉讼情况", T4Rows(rng)),
        };
        var all = sections.SelectMany(s => s.Rows).ToList();
        var acceptable = new Dictionary<string, HashSet<string>>();
        foreach (var r in all)
            for (int c = 0; c < r.Cells.Count; c++)
                if (r.Fields[c] is { } f) acceptable[f] = [r.Cells[c]];
        void MayBeEmpty(PrintedRow r) { foreach (var f in r.Fields) if (f is not null) acceptable[f].Add(""); }

        bool traditional = false;
        int cutAfter = int.MaxValue;
        foreach (var d in report.Damages)
        {
            if (d.Kind == DamageKind.Traditional) { traditional = true; continue; }
            if (d.Row >= all.Count) continue;
            var row = all[d.Row];
            int cell = row.Cells.Count == 0 ? -1 : d.Cell % row.Cells.Count;
            switch (d.Kind)
            {
                case DamageKind.CutAfter: cutAfter = Math.Min(cutAfter, d.Row); break;
                case DamageKind.DropCell when cell >= 0 && row.Fields[cell] is not null:
                    MayBeEmpty(row);
                    foreach (var (_, merged) in row.RunInto) acceptable[merged].Add("");
                    row.Cells.RemoveAt(cell); row.Fields.RemoveAt(cell);
                    break;
                case DamageKind.BlankCell when cell >= 0 && row.Fields[cell] is { } f:
                    // Blank as printed; a blank that breaks an identity (the value was not zero) may also be
                    // read as the value the identities fix (the one first printed: a cell blanked twice keeps it).
                    acceptable[f].Add("");
                    foreach (var merged in MergedInto(row, f)) acceptable[merged].Add("");
                    row.Cells[cell] = "";
                    break;
                case DamageKind.RemoveRow:
                    MayBeEmpty(row);
                    row.Cells.Clear(); row.Fields.Clear(); row.Label = null;
                    break;
                case DamageKind.RunTogether when cell >= 0 && cell + 1 < row.Cells.Count && row.Fields[cell] is not null && row.Fields[cell + 1] is not null
                                                 && row.Cells[cell].Length > 0 && row.Cells[cell + 1].Length > 0:
                    row.Cells[cell] += row.Cells[cell + 1];
                    row.RunInto.Add((row.Fields[cell]!, row.Fields[cell + 1]!));
                    row.Cells.RemoveAt(cell + 1); row.Fields.RemoveAt(cell + 1);
                    row.Loose = true;
                    break;
                case DamageKind.GarbleLabel when row.Label is { Length: > 1 } label:
                    int at = d.Cell % label.Length;
                    row.Label = label[..at] + "某" + label[(at + 1)..];
                    break;
                case DamageKind.DropLabel when row.Label is not null && row.Fields.Any(f => f is not null):
                    row.Label = "";
                    break;
            }
        }
        // Rows not in the schema, after the rows the damage names (added last, so the row numbers above hold).
        foreach (var d in report.Damages.Where(d => d.Kind == DamageKind.AddRow && d.Row < all.Count))
        {
            var host = sections.First(s => s.Rows.Contains(all[d.Row]));
            int width = Math.Max(1, all[d.Row].Fields.Count);
            host.Rows.Insert(host.Rows.IndexOf(all[d.Row]) + 1,
                new PrintedRow(ExtraLabels[d.Cell % ExtraLabels.Length], Enumerable.Range(0, width).Select(_ => rng.Next(1, 9).ToString()).ToList(), Enumerable.Repeat<string?>(null, width).ToList()));
        }
        if (cutAfter < all.Count)
        {
            var last = all[cutAfter];
            foreach (var r in all.Skip(cutAfter + 1)) MayBeEmpty(r);
            bool after = false;
            foreach (var s in sections)
            {
                int i = s.Rows.IndexOf(last);
                if (after) s.Rows.Clear();
                else if (i >= 0) { s.Rows.RemoveRange(i + 1, s.Rows.Count - i - 1); after = true; }
            }
        }

        var title = $"{Agencies[rng.Next(Agencies.Length)]}{rng.Next(2019, 2025)}年政府信息公开工作年度报告";
        var bytes = report.Html ? RenderHtml(title, sections, format) : RenderText(title, sections, format);
        var text = Encoding.UTF8.GetString(bytes);
        if (traditional) text = TraditionalScript.ToTraditional(text);
        var truth = acceptable.Select(kv => new Expected(kv.Key, kv.Value)).ToList();
        return new Rendered(report.Html ? "random.html" : "random.txt", Encoding.UTF8.GetBytes(text), truth, format);
    }

    /// <summary>The fields whose digits ran into <paramref name="host"/>'s cell, directly or through another that did.</summary>
    private static IEnumerable<string> MergedInto(PrintedRow row, string host)
    {
        foreach (var (_, merged) in row.RunInto.Where(x => x.Host == host).ToList())
        {
            yield return merged;
            foreach (var m in MergedInto(row, merged)) yield return m;
        }
    }

    private static readonly string[] Agencies = ["某某县卫生健康局", "某某市自然资源局", "某某区人民政府办公室", "某某乡人民政府", "某某市生态环境局"];
    private static readonly string[] ExtraLabels = ["其他主动公开文件", "其他事项", "（八）其他说明"];

    private static int Small(Random rng) => rng.Next(10) switch { < 5 => 0, < 8 => rng.Next(1, 10), _ => rng.Next(10, 3000) };

    private static List<PrintedRow> T2Rows(ReportFormat format, Random rng)
    {
        var rows = new List<PrintedRow>();
        var template = TableTemplates.T2(format);
        foreach (var row in template.Rows)
        {
            var label = format == ReportFormat.F2021 && row.Prefix == "t2.normative" ? "行政规范性文件" : row.Keys[0];
            var cells = row.Columns.Select(c => c == "change" && rng.Next(3) == 0 ? (-rng.Next(1, 20)).ToString() : Small(rng).ToString()).ToList();
            rows.Add(new PrintedRow(label, cells, row.FieldIds.Cast<string?>().ToList()));
        }
        return rows;
    }

    private static List<PrintedRow> T3Rows(ReportFormat format, Random rng)
    {
        var template = TableTemplates.T3(format);
        var values = template.Rows.ToDictionary(r => r.Prefix[3..], _ => new int[7]);
        string[] framing = ["new_requests", "carried_over", "total_handled", "carried_forward"];
        for (int c = 0; c < 6; c++)
        {
            int handled = 0;
            foreach (var (prefix, v) in values)
            {
                if (framing.Contains(prefix)) continue;
                v[c] = rng.Next(6) == 0 ? rng.Next(1, 6) : 0;
                handled += v[c];
            }
            values["total_handled"][c] = handled;
            values["carried_forward"][c] = rng.Next(4) == 0 ? rng.Next(1, 3) : 0;
            values["carried_over"][c] = rng.Next(Math.Min(2, handled + values["carried_forward"][c]) + 1);
            values["new_requests"][c] = handled + values["carried_forward"][c] - values["carried_over"][c];
        }
        foreach (var v in values.Values) v[6] = v[..6].Sum();
        return template.Rows.Select(r => new PrintedRow(ReportBuilder.Labels2021[r.Prefix[3..]].Replace("\t", ""),
            values[r.Prefix[3..]].Select(x => x.ToString()).ToList(), r.FieldIds.Cast<string?>().ToList())).ToList();
    }

    private static List<PrintedRow> T4Rows(Random rng)
    {
        var cells = new List<string>();
        for (int b = 0; b < 3; b++)
        {
            var parts = Enumerable.Range(0, 4).Select(_ => rng.Next(4) == 0 ? rng.Next(1, 4) : 0).ToArray();
            cells.AddRange(parts.Select(p => p.ToString()));
            cells.Add(parts.Sum().ToString());
        }
        var fields = TableTemplates.T4.Rows.SelectMany(r => r.FieldIds).Cast<string?>().ToList();
        return [new PrintedRow(null, cells, fields)];
    }

    private static string T2Header(ReportFormat format) => format == ReportFormat.F2021
        ? "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数"
        : "第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量";

    private const string T3Header = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n\t自然人\t法人或其他组织\t\t\t\t\t总计\n\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他";
    private const string T4Header = "行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉";

    private static IEnumerable<string> TableLines(string heading, List<PrintedRow> rows, ReportFormat format)
    {
        yield return heading;
        if (heading.StartsWith("二")) foreach (var l in T2Header(format).Split('\n')) yield return l;
        if (heading.StartsWith("三")) foreach (var l in T3Header.Split('\n')) yield return l;
        if (heading.StartsWith("四")) foreach (var l in T4Header.Split('\n')) yield return l;
        foreach (var r in rows)
        {
            if (r.Label is null && r.Cells.Count == 0) continue;
            yield return r.Loose ? $"{r.Label} {string.Join(" ", r.Cells)}".Trim()
                : string.Join("\t", new[] { r.Label }.Where(l => l is not null).Concat(r.Cells));
        }
    }

    private static byte[] RenderText(string title, List<(string Heading, List<PrintedRow> Rows)> sections, ReportFormat format)
    {
        var sb = new StringBuilder(title).Append("\n一、总体情况\n本机关认真贯彻落实《条例》，现将本年度情况报告如下。\n");
        foreach (var (heading, rows) in sections)
            foreach (var line in TableLines(heading, rows, format))
                sb.Append(line).Append('\n');
        sb.Append("五、存在的主要问题及改进情况\n无。\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] RenderHtml(string title, List<(string Heading, List<PrintedRow> Rows)> sections, ReportFormat format)
    {
        var sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title></head><body>");
        sb.Append("<div class=\"nav\">首页 &gt; 政务公开 &gt; 年度报告</div><h1>").Append(title).Append("</h1><p>一、总体情况</p><p>本机关认真贯彻落实《条例》，现将本年度情况报告如下。</p>");
        foreach (var (heading, rows) in sections)
        {
            var lines = TableLines(heading, rows, format).ToList();
            sb.Append("<p>").Append(lines[0]).Append("</p><table>");
            foreach (var line in lines.Skip(1))
                sb.Append("<tr>").Append(string.Concat(line.Split('\t').Select(c => $"<td>{c}</td>"))).Append("</tr>");
            sb.Append("</table>");
        }
        sb.Append("<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
