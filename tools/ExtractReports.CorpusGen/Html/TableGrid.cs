using ExtractReports.CorpusGen.Model;
using ExtractReports.Schema;

namespace ExtractReports.CorpusGen.Html;

/// <summary>What a cell holds: decides its styling (labels left, numbers centred, headers bold).</summary>
public enum CellRole { Header, Label, Number }

/// <summary>A cell of a printed table with its spans; <see cref="Breaks"/> are line-break positions in the text.</summary>
public sealed record GCell(string Text, CellRole Role, int RowSpan = 1, int ColSpan = 1)
{
    public IReadOnlyList<int> Breaks { get; init; } = [];
}

/// <summary>A printed table: rows of cells with their spans, and how many leading rows are header rows.</summary>
public sealed record Grid(IReadOnlyList<IReadOnlyList<GCell>> Rows, int HeaderRows, int Columns);

/// <summary>Builds the national tables as grids with the merged cells real reports have.</summary>
public static class TableGrid
{
    /// <summary>Wrap positions for a long label: the column is narrow, so the label runs over 2-3 lines.</summary>
    private static IReadOnlyList<int> WrapAt(string text, int width) =>
        width <= 0 || text.Length <= width ? [] : Enumerable.Range(1, (text.Length - 1) / width).Select(i => i * width).ToList();

    public static IReadOnlyList<Grid> T2(Report r, bool oneTable)
    {
        var sections = Layout.T2(r.T2Format);
        var grids = new List<Grid>();
        var all = new List<IReadOnlyList<GCell>>();
        foreach (var s in sections)
        {
            var rows = new List<IReadOnlyList<GCell>>();
            var width = 4;
            rows.Add([new GCell(s.Title, CellRole.Header, 1, width)]);
            // Headers of fewer columns spread over the four-column grid.
            rows.Add(Spread(s.Headers.Select(h => new GCell(h, CellRole.Header)).ToList(), width));
            foreach (var row in s.Rows)
            {
                rows.Add(Spread([new GCell(row.Label, CellRole.Label), .. row.Fields.Select(f => new GCell(r.P(f), CellRole.Number))], width));
                // A row outside the schema, after the 规范性文件 row (its own label names no field).
                if (r.ExtraT2Row is { } extra && row.Fields[0].StartsWith("t2.normative."))
                    rows.Add(Spread([new GCell(extra.Label, CellRole.Label), .. extra.Cells.Take(row.Fields.Count).Select(c => new GCell(c, CellRole.Number))], width));
            }
            if (oneTable) all.AddRange(rows);
            else grids.Add(new Grid(rows, 2, width));
        }
        return oneTable ? [new Grid(all, 0, 4)] : grids;
    }

    private static List<GCell> Spread(List<GCell> cells, int width)
    {
        if (cells.Count >= width) return cells;
        // The last cell takes the remaining columns, as Word's merged cells do.
        var last = cells[^1] with { ColSpan = width - cells.Count + 1 };
        return [.. cells.Take(cells.Count - 1), last];
    }

    /// <summary>
    /// Table 三: ten grid columns (three label columns, seven applicant columns), the 3x3 merged
    /// corner, 申请人情况 and 法人或其他组织 spanning columns, 三、本年度办理结果 spanning every
    /// result row, the groups spanning their sub-rows. <paramref name="splitBefore"/> cuts the table
    /// into pieces before the given row indices (a table split into several elements or pages); the
    /// merged cells are cut with it and restated in each piece, as Word does.
    /// </summary>
    public static IReadOnlyList<Grid> T3(Report r, int labelWrap = 0, IReadOnlyList<int>? splitBefore = null, bool repeatHeader = false)
    {
        var rows = Layout.T3(r.T3Format).Where(x => !r.OmittedT3Rows.Contains(x.Prefix)).ToList();
        var cuts = (splitBefore ?? []).Concat([rows.Count]).ToList();
        var grids = new List<Grid>();
        var start = 0;
        foreach (var end in cuts)
        {
            var body = new List<IReadOnlyList<GCell>>();
            var header = start == 0 || repeatHeader;
            if (header) body.AddRange(T3Header(labelWrap));
            for (var i = start; i < end; i++)
            {
                var row = rows[i];
                var cells = new List<GCell>();
                if (row.Level == 0)
                    cells.Add(new GCell(row.Label, CellRole.Label, 1, 3) { Breaks = WrapAt(row.Label, labelWrap * 2) });
                else
                {
                    var first3 = i == start || rows[i - 1].Level == 0;
                    if (first3)
                    {
                        var span = 0;
                        for (var k = i; k < end && rows[k].Level > 0; k++) span++;
                        cells.Add(new GCell(Layout.T3Top, CellRole.Label, span) { Breaks = labelWrap > 0 ? WrapAt(Layout.T3Top, 3) : [] });
                    }
                    if (row.Level == 1)
                        cells.Add(new GCell(row.Label, CellRole.Label, 1, 2) { Breaks = WrapAt(row.Label, labelWrap * 2) });
                    else
                    {
                        if (i == start || rows[i - 1].Group != row.Group)
                        {
                            var span = 0;
                            for (var k = i; k < end && rows[k].Group == row.Group; k++) span++;
                            cells.Add(new GCell(row.Group!, CellRole.Label, span) { Breaks = WrapAt(row.Group!, labelWrap > 0 ? 3 : 0) });
                        }
                        cells.Add(new GCell(row.Label, CellRole.Label) { Breaks = WrapAt(row.Label, labelWrap) });
                    }
                }
                cells.AddRange(row.Fields.Select(f => new GCell(r.P(f), CellRole.Number)));
                body.Add(cells);
            }
            grids.Add(new Grid(body, header ? 3 : 0, 10));
            start = end;
        }
        return grids;
    }

    private static IEnumerable<IReadOnlyList<GCell>> T3Header(int labelWrap)
    {
        var note = Layout.T3Note;
        yield return
        [
            new GCell(note, CellRole.Header, 3, 3) { Breaks = WrapAt(note, labelWrap > 0 ? labelWrap * 2 : 0) },
            new GCell("申请人情况", CellRole.Header, 1, 7),
        ];
        yield return
        [
            new GCell("自然人", CellRole.Header, 2),
            new GCell("法人或其他组织", CellRole.Header, 1, 5),
            new GCell("总计", CellRole.Header, 2),
        ];
        yield return
        [
            new GCell("商业企业", CellRole.Header) { Breaks = labelWrap > 0 ? [2] : [] },
            new GCell("科研机构", CellRole.Header) { Breaks = labelWrap > 0 ? [2] : [] },
            new GCell("社会公益组织", CellRole.Header) { Breaks = labelWrap > 0 ? [2, 4] : [] },
            new GCell("法律服务机构", CellRole.Header) { Breaks = labelWrap > 0 ? [2, 4] : [] },
            new GCell("其他", CellRole.Header),
        ];
    }

    /// <summary>Table 四: the two-level header (行政复议 / 行政诉讼 with its two sub-groups) and one row of fifteen.</summary>
    public static Grid T4(Report r, bool wrapHeaders)
    {
        IReadOnlyList<int> B(string s) => wrapHeaders && s.Length == 4 ? [2] : [];
        var rows = new List<IReadOnlyList<GCell>>
        {
            new[] { new GCell("行政复议", CellRole.Header, 1, 5), new GCell("行政诉讼", CellRole.Header, 1, 10) },
            Layout.T4ColumnNames.Select(n => new GCell(n, CellRole.Header, 2) { Breaks = B(n) })
                .Concat([new GCell("未经复议直接起诉", CellRole.Header, 1, 5), new GCell("复议后起诉", CellRole.Header, 1, 5)]).ToList(),
            Enumerable.Range(0, 2).SelectMany(_ => Layout.T4ColumnNames).Select(n => new GCell(n, CellRole.Header) { Breaks = B(n) }).ToList(),
            Layout.T4Fields.Select(f => new GCell(r.P(f), CellRole.Number)).ToList(),
        };
        return new Grid(rows, 3, 15);
    }

    /// <summary>The grid with spans expanded (continuation cells empty), for div grids and flat dumps.</summary>
    public static List<string[]> Flatten(Grid grid)
    {
        var result = new List<string[]>();
        var pending = new Dictionary<(int, int), string>();
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var line = new string?[grid.Columns];
            foreach (var ((pr, pc), text) in pending.Where(p => p.Key.Item1 == r).ToList()) line[pc] = text;
            var c = 0;
            foreach (var cell in grid.Rows[r])
            {
                while (c < grid.Columns && line[c] != null) c++;
                for (var dr = 0; dr < cell.RowSpan; dr++)
                    for (var dc = 0; dc < cell.ColSpan; dc++)
                    {
                        var text = dr == 0 && dc == 0 ? cell.Text : "";
                        if (dr == 0) line[c + dc] = text;
                        else pending[(r + dr, c + dc)] = text;
                    }
                c += cell.ColSpan;
            }
            result.Add(line.Select(x => x ?? "").ToArray());
        }
        return result;
    }
}
