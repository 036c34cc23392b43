using ExtractReports.Fields;
using ExtractReports.Lines;
using ExtractReports.Pages;
using ExtractReports.Scoring;
using ExtractReports.Tables;

namespace ExtractReports.Tests.Tables;

/// <summary>
/// Table 四 as a scan reads it: a header line, then one row of fifteen value cells. A number OCR found on the header's
/// line is a header cell misread (纠正 read as 5), or a value whose cell merged with the header cell above (its ruling
/// not found). Neither may shift the row, and a value put by its position has no sure column.
/// </summary>
public class T4PlacementTests
{
    private static readonly GlyphEvidence Read = new(0.9, 1, true, 1, 1, false, false);
    private const double Pitch = 100;

    /// <summary>Value 0 1 0 2 3 | 0 0 1 0 1 | 2 0 0 1 3 of the three blocks, in column order.</summary>
    private static readonly string[] Printed = ["0", "1", "0", "2", "3", "0", "0", "1", "0", "1", "2", "0", "0", "1", "3"];

    private static Token Number(string raw, int line, int column, double confidence = 0.9) =>
        new(TokenKind.Number, raw, raw, line, column, 4, new Box(column * Pitch + 20, line * 50, column * Pitch + 80, line * 50 + 40),
            confidence, Atomic: true) { Glyphs = Read };

    private static Token Text(string text, int line, int column) =>
        new(TokenKind.Text, text, text, line, column, 4, new Box(column * Pitch, line * 50, column * Pitch + 100, line * 50 + 40), 0.9)
        { Glyphs = Read };

    /// <summary>The heading and the header's result words, then the header line with <paramref name="onHeader"/> (numbers
    /// at their columns), then the value row without the columns of <paramref name="lost"/>.</summary>
    private static List<Token> Region((int Column, string Raw)[] onHeader, params int[] lost)
    {
        var tokens = new List<Token> { Text("行政复议", 0, 0), Text("行政诉讼", 0, 5) };
        string[] words = ["维持", "纠正", "其他结果", "尚未审结", "总计"];
        for (int c = 0; c < 15; c++)
        {
            if (onHeader.FirstOrDefault(h => h.Column == c) is { Raw: not null } h) tokens.Add(Number(h.Raw, 1, c, 0.37));
            else tokens.Add(Text(words[c % 5], 1, c));
        }
        for (int c = 0; c < 15; c++)
            if (!lost.Contains(c)) tokens.Add(Number(Printed[c], 2, c));
        return tokens;
    }

    [Fact]
    public void A_header_cell_misread_as_a_number_does_not_shift_the_row()
    {
        var t4 = T4Reader.Read(Region([(1, "5")]))!;
        Assert.Equal(Printed, t4.Cells.Select(c => c.Value));
        // Every value in a cell of the row of fifteen: their columns are sure.
        Assert.All(t4.Cells, c => Assert.True(c.ColumnCertain, c.FieldId));
    }

    [Fact]
    public void A_value_whose_cell_merged_with_the_header_goes_to_its_column_and_no_column_is_sure()
    {
        // 尚未审结 of 行政复议 (2) lies on the header's line: read first, it made 维持 2 and 尚未审结 0, the 总计 still adding up.
        var t4 = T4Reader.Read(Region([(3, "2")], lost: 3))!;
        Assert.Equal(Printed, t4.Cells.Select(c => c.Value));
        Assert.All(t4.Cells, c => Assert.False(c.ColumnCertain, c.FieldId));
    }

    [Fact]
    public void A_value_row_a_grid_in_pieces_split_over_lines_is_read_whole_in_order_with_no_column_sure()
    {
        // hzq2023_working at 200 dpi bilevel (probe-4): header ink read as digits on the header's lines, and the value row's
        // three pieces (the middle first) read each as a line of its own, all at the row's height.
        var tokens = new List<Token> { Text("行政复议", 0, 0), Number("1", 0, 3, 0.4), Number("2", 1, 1, 0.1), Text("其他结果", 1, 2), Number("4", 1, 4, 0.2) };
        foreach (var (line, from) in new[] { (5, 5), (6, 10), (7, 0) })
            for (int c = from; c < from + 5; c++)
                tokens.Add(Number(Printed[c], line, c) with { Box = new Box(c * Pitch + 20, 300, c * Pitch + 80, 340) });
        var t4 = T4Reader.Read(tokens)!;
        Assert.Equal(Printed, t4.Cells.Select(c => c.Value));
        Assert.All(t4.Cells, c => Assert.False(c.ColumnCertain, c.FieldId));
    }

    [Fact]
    public void Value_cells_a_lost_column_line_merged_are_split_by_their_width_with_no_column_sure()
    {
        // hzq2023_working at 200 dpi bilevel (probe-13): two column lines of the value row lost, `01` and `20` each read
        // in a cell twice as wide as the others, thirteen cells for fifteen values.
        var tokens = new List<Token> { Text("行政复议", 0, 0), Text("行政诉讼", 0, 5) };
        Token Cell(string raw, int from, int to) => new Token(TokenKind.Number, raw, raw, 2, from, 4,
            new Box(from * Pitch, 100, (to + 1) * Pitch, 140), 0.9, Atomic: raw.Length == 1 || raw[0] != '0') { Glyphs = Read };
        for (int c = 0; c < 15; c++)
            if (c is 8 or 10) tokens.Add(Cell(Printed[c] + Printed[c + 1], c, c + 1));
            else if (c is not (9 or 11)) tokens.Add(Cell(Printed[c], c, c));

        var t4 = T4Reader.Read(tokens)!;

        Assert.Equal(Printed, t4.Cells.Select(c => c.Value));
        Assert.All(t4.Cells, c => Assert.False(c.ColumnCertain, c.FieldId));
        Assert.All(t4.Cells.Skip(8).Take(4), c => Assert.True(c.EngineConfidence <= 0.5, c.FieldId));
    }

    [Fact]
    public void Blocks_of_five_on_lines_of_their_own_are_read_as_before()
    {
        // Three rows of five, one under another: the lowest holds five values, not the row of fifteen.
        var tokens = new List<Token> { Text("行政复议", 0, 0) };
        for (int b = 0; b < 3; b++)
            for (int c = 0; c < 5; c++) tokens.Add(Number(Printed[b * 5 + c], 1 + b, c));
        var t4 = T4Reader.Read(tokens)!;
        Assert.Equal(Printed, t4.Cells.Select(c => c.Value));
        Assert.All(t4.Cells, c => Assert.True(c.ColumnCertain, c.FieldId));
    }

    [Fact]
    public void A_text_layer_row_is_read_as_before()
    {
        var region = Region([]).Select(t => t with { Glyphs = null }).ToList();
        var t4 = T4Reader.Read(region)!;
        Assert.Equal(Printed, t4.Cells.Select(c => c.Value));
        Assert.All(t4.Cells, c => Assert.True(c.ColumnCertain, c.FieldId));
    }

    [Fact]
    public void A_value_of_unsure_column_is_bounded_unless_an_identity_across_rows_confirms_it()
    {
        static FieldValue Value(string id, bool columnCertain, bool ocr, int columnIdentities = 0) =>
            new(id, "2", FieldStatus.Ok, "", 4, null, [],
                new FieldEvidence(1, true, columnCertain, 1, 0.99, true, IdentitiesHeld: 1, FromOcr: ocr) { ColumnIdentitiesHeld = columnIdentities });
        Assert.Equal(DoubtCaps.PlacementInDoubt, DoubtCaps.Bound(Value("t4.review.upheld", columnCertain: false, ocr: true)));
        Assert.Equal(1, DoubtCaps.Bound(Value("t4.review.upheld", columnCertain: true, ocr: true)));
        Assert.Equal(1, DoubtCaps.Bound(Value("t4.review.upheld", columnCertain: false, ocr: false)));
        Assert.Equal(1, DoubtCaps.Bound(Value("t3.granted.natural", columnCertain: false, ocr: true, columnIdentities: 1)));
    }

    [Fact]
    public void Zeros_read_in_brackets_are_unknowns_in_their_place_that_the_block_sums_give()
    {
        // pdf-01 at 150 dpi bilevel (probe-7): broken zeros read `(0)`, two to a block; as labels they cut the row and put
        // its values columns off. Two unknowns whose block's read parts already make its 总计 are both zero.
        int[] broken = [6, 8, 11, 12];
        var region = Region([]).Select(t => t.Line == 2 && broken.Contains(t.Cell) ? Text("(0)", 2, t.Cell) : t).ToList();
        var t4 = T4Reader.Read(region)!;
        Assert.Equal(Printed, t4.Cells.Select(c => c.Value));
        Assert.All(broken, c => Assert.Equal(CellOrigin.Inferred, t4.Cells[c].Origin));
        Assert.Equal(CellOrigin.Read, t4.Cells[7].Origin);
    }
}
