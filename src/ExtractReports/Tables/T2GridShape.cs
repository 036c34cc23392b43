using ExtractReports.Schema;

namespace ExtractReports.Tables;

/// <summary>
/// Table 二 of a scan whose captions and labels read too badly for any row to be named (hzq2023_working at 150 dpi
/// bilevel: 规章 as 项总, 行政许可 as 行下1约许上, 行政事业性收费 as 行虹专业性收咒): its grid's shape and its number pattern
/// place it. Each row of a sub-table is a line of the grid, its label cell first and one cell per value column after it,
/// and the two forms differ in the count of value cells row by row (2021: 3 3 1 1 1 1; 2019: 3 3 3 3 3 3 2 2), so the
/// lines with values, in order, are the form's rows when their counts are exactly one form's. A cell that reads as no
/// number (550 read SS0) is an unknown in its place. Every row is placed by its order alone, and says so
/// (<see cref="CellAssembler.LabelUnconfirmed"/>).
/// </summary>
public static class T2GridShape
{
    /// <summary>The table as placed by its shape, or null: not an engine's reading, a line of digits that is no row, or
    /// counts that are neither form's.</summary>
    public static TableReading? Read(IReadOnlyList<Token> region)
    {
        if (Place(region) is not { } placement) return null;
        var chosen = CandidateSelector.Select(placement.Rows.Select(r => (r.Row, r.Group, RowCandidates.For(r.Group, r.Row.Columns.Count, []))).ToList(), []);
        return new TableReading("t2", placement.Template.Format, false,
            chosen.SelectMany(c => CellAssembler.Cells(c, false, labelUnconfirmed: true)).ToList(), "grid shape");
    }

    /// <summary>The form the grid's shape is, and each of its rows with the grid line that holds it, in order; null as for
    /// <see cref="Read"/>.</summary>
    public static (TableTemplate Template, IReadOnlyList<(TemplateRow Row, RowGroup Group)> Rows)? Place(IReadOnlyList<Token> region)
    {
        if (!region.Any(t => t.Glyphs is not null)) return null;
        var rows = new List<(IReadOnlyList<Token> Label, IReadOnlyList<IReadOnlyList<Token>> Values)>();
        foreach (var line in region.Where(t => t.Cell >= 0 && t.Box is not null).GroupBy(t => t.Line).OrderBy(g => g.Key))
        {
            var cells = line.GroupBy(t => t.Cell).OrderBy(c => c.First().Box!.Value.X0).Select(c => (IReadOnlyList<Token>)c.ToList()).ToList();
            bool digits = cells.Skip(1).Any(HoldsDigit);
            if (cells.Count < 2 || !digits)
            {
                // A caption, a heading or a header row (信息内容 | 本年制发件数 …): no values. A lone cell of digits is no row.
                if (cells.Count == 1 && cells[0] is [{ Kind: TokenKind.Number }]) return null;
                continue;
            }
            // A row: a label first, then value cells each holding a digit (a number, or one read as something else).
            if (cells[0] is [{ Kind: TokenKind.Number }] || !cells.Skip(1).All(HoldsDigit)) return null;
            rows.Add((cells[0], cells.Skip(1).ToList()));
        }
        var counts = rows.Select(r => r.Values.Count).ToList();
        var forms = new[] { TableTemplates.T2F2021, TableTemplates.T2F2019 }
            .Where(t => t.Rows.Select(r => r.Columns.Count).SequenceEqual(counts)).ToList();
        if (forms.Count != 1) return null;
        var template = forms[0];
        var placed = rows.Select((r, i) =>
        {
            var slots = r.Values.Select(c => c is [{ Kind: TokenKind.Number, Atomic: true } n] ? n : GridRows.Unknown(c)).ToArray();
            var group = new RowGroup(slots, string.Concat(r.Label.Select(t => t.Norm.Length > 0 ? t.Norm : t.Raw)), "", TrailingBlankRun: false, i);
            return (template.Rows[i], group);
        }).ToList();
        return (template, placed);
    }

    private static bool HoldsDigit(IReadOnlyList<Token> cell) => cell.Any(t => t.Raw.Any(char.IsAsciiDigit));
}
