using ExtractReports.Fields;
using ExtractReports.Lines;
using ExtractReports.Lines.TextDump;
using ExtractReports.Pages;
using ExtractReports.Schema;
using ExtractReports.Scoring;
using ExtractReports.Tables;
using static ExtractReports.Tests.Tables.ReportBuilder;

namespace ExtractReports.Tests.Tables;

/// <summary>
/// Table 三 of a fax-like scan whose labels read as garbage (issue 9, labels): the grid's cells place the values (cells
/// left of the value columns are the label, whatever they read; each value column's cell its value or an unknown), and
/// the rows are placed by their order among the rows whose labels read. A row placed so says so (<c>label_unconfirmed</c>,
/// bounded below the review threshold).
/// </summary>
public class GridRowsTests
{
    private static readonly GlyphEvidence LabelRead = new(0.2, 1, true, 0, 0, false, false);
    private static readonly GlyphEvidence DigitRead = new(0.95, 1, true, 1, 1, false, false);
    private static readonly GlyphEvidence SeenEmpty = new GlyphEvidence(1, 0, true, 0, 0, false, false) { SeenEmpty = true };

    /// <summary>
    /// The dump as an OCR'd ruled grid reads it: value cells boxed by column (the first value column at x 1000, 100
    /// apart), label cells by their order at the left; a page break before line <paramref name="pageBreakAt"/>. Value
    /// cells are the last seven of a table 三 row, every cell of a line of numbers (table 四), and every cell after the
    /// label elsewhere (table 二).
    /// </summary>
    private static ReportReading ReadAsGrid(string dump, int pageBreakAt = int.MaxValue) =>
        new ReportReader().Read(new LineDocument(AsGrid(dump, pageBreakAt), "ocr-grid"));

    private static Line[] AsGrid(string dump, int pageBreakAt = int.MaxValue) =>
        TextDumpReader.ReadText(dump).Lines.Select((line, li) =>
        {
            bool allNumbers = line.Cells.Count > 8 && line.Cells.All(c => c.Text.All(char.IsAsciiDigit));
            int values = allNumbers ? line.Cells.Count : line.Cells.Count >= 8 ? 7 : Math.Max(0, line.Cells.Count - 1);
            int first = line.Cells.Count - values;
            var cells = line.Cells.Select((c, ci) =>
            {
                c = c.Text == "□" ? c with { Text = "" } : c;
                var y = li * 40;
                if (ci < first)
                    return c with { Box = new Box(100 * ci, y, 100 * ci + 90, y + 30), Confidence = 0.3, Glyphs = LabelRead };
                int v = ci - first;
                return c with
                {
                    Box = new Box(1000 + 100 * v, y, 1080 + 100 * v, y + 30), Confidence = c.IsBlank ? 1 : 0.95,
                    Glyphs = c.IsBlank ? SeenEmpty : DigitRead,
                };
            }).ToArray();
            return line with { Cells = cells, Page = li >= pageBreakAt ? 2 : 1, Delimited = true };
        }).ToArray();

    /// <summary>Labels as a fax-like scan at 150 dpi read them (seen on the scan-conditions matrix): nothing of the row's words.</summary>
    private static readonly Dictionary<string, string> Garbled = new()
    {
        ["granted"] = "三、本年度办理姑果\t( “)乞以公片",
        ["partially_granted"] = "《2)部分公生人分处再的，愉让这一司形",
        ["withheld.state_secret"] = "( -)个王公并\t1局上可家秘筑",
        ["withheld.third_party"] = "4作护第万合法权直",
        ["withheld.internal_affairs"] = ".关于三类内部事努全",
        ["withheld.process_info"] = "9.辣寺四类过程诈倍筷",
        ["unavailable.not_held"] = "《叫)无法提供\t1.术机关和不区措特闫政府人和龟",
        ["unavailable.needs_creation"] = ".入有珊成全各二此另行制作",
        ["unavailable.unclear"] = "3补二大旺旺请内容代不虽傅",
        ["not_processed.duplicate"] = "2",
        ["total_handled"] = "(蕊)总诈",
    };

    /// <summary>Values distinct row by row (a row one off reads wrong), every identity holding.</summary>
    private static readonly Dictionary<string, int[]> Values = new()
    {
        ["new_requests"] = [12, 1, 0, 0, 0, 2, 15],
        ["carried_over"] = [1, 0, 0, 0, 0, 0, 1],
        ["granted"] = [3, 1, 0, 0, 0, 0, 4],
        ["partially_granted"] = [1, 0, 0, 0, 0, 0, 1],
        ["withheld.state_secret"] = [0, 0, 0, 0, 0, 1, 1],
        ["withheld.third_party"] = [1, 0, 0, 0, 0, 0, 1],
        ["withheld.process_info"] = [2, 0, 0, 0, 0, 0, 2],
        ["unavailable.not_held"] = [3, 0, 0, 0, 0, 1, 4],
        ["unavailable.unclear"] = [1, 0, 0, 0, 0, 0, 1],
        ["not_processed.petition"] = [1, 0, 0, 0, 0, 0, 1],
        ["total_handled"] = [12, 1, 0, 0, 0, 2, 15],
        ["carried_forward"] = [1, 0, 0, 0, 0, 0, 1],
    };

    private static int[] ValuesOf(string prefix) => Values.TryGetValue(prefix, out var v) ? v : [0, 0, 0, 0, 0, 0, 0];

    /// <summary>Table 三 with <see cref="Garbled"/> labels; <paramref name="cells"/> may rewrite a row's value cells;
    /// <paramref name="heading"/> and <paramref name="garbled"/>: table 三's heading and more labels read as garbage.</summary>
    private static string Report(ReportFormat format, Func<string, string[], string[]>? cells = null, string heading = "三、收到和处理政府信息公开申请情况",
        IReadOnlyDictionary<string, string>? garbled = null)
    {
        var sb = new System.Text.StringBuilder(Title + "\n" + T2Tabs2021 + heading + "\n");
        foreach (var r in TableTemplates.T3(format).Rows)
        {
            var prefix = r.Prefix[3..];
            var label = garbled?.GetValueOrDefault(prefix) ?? Garbled.GetValueOrDefault(prefix) ?? Labels2021[prefix];
            var printed = ValuesOf(prefix).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            sb.Append(label).Append('\t').Append(string.Join("\t", cells?.Invoke(prefix, printed) ?? printed)).Append('\n');
        }
        return sb + T4Line;
    }

    private static void AssertAllRight(ReportReading r, ReportFormat format)
    {
        Assert.Equal(format, r.T3!.Format);
        foreach (var row in TableTemplates.T3(format).Rows)
        {
            var expected = ValuesOf(row.Prefix[3..]);
            for (int c = 0; c < row.Columns.Count; c++)
                Assert.True(r.Cell(row.FieldId(c)).Value == expected[c].ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"{row.FieldId(c)}: expected {expected[c]}, got {r.Cell(row.FieldId(c))}");
        }
    }

    [Fact]
    public void Rows_whose_labels_read_as_garbage_are_placed_by_their_order_in_a_whole_grid()
    {
        // Also cells no number reads from: a broken 0 read `(0)`, a 1 read as a character; the rows' sums give them.
        var r = ReadAsGrid(Report(ReportFormat.F2021, (prefix, v) => prefix switch
        {
            "unavailable.not_held" => [v[0], v[1], "(0)", v[3], v[4], v[5], v[6]],
            "withheld.state_secret" => [v[0], v[1], v[2], v[3], v[4], "于", v[6]],
            _ => v,
        }));
        AssertAllRight(r, ReportFormat.F2021);
        // The rows placed by order alone say so; a row whose label read does not.
        Assert.Contains(CellAssembler.LabelUnconfirmed, r.Cell("t3.not_processed.duplicate.total").Flags);
        Assert.Contains(CellAssembler.LabelUnconfirmed, r.Cell("t3.withheld.third_party.natural_person").Flags);
        Assert.DoesNotContain(CellAssembler.LabelUnconfirmed, r.Cell("t3.not_processed.petition.total").Flags);
        Assert.Equal(CellOrigin.Inferred, r.Cell("t3.unavailable.not_held.research").Origin);
    }

    [Fact]
    public void Table_三_whose_heading_and_anchoring_labels_read_as_garbage_is_found_by_its_rows_of_seven_numbers()
    {
        // As a 150 dpi fax scan read pdf-01 (probe-5 of the scan-conditions matrix): 本年新收, 上年结转 and 收到和处理 misread.
        var r = ReadAsGrid(Report(ReportFormat.F2021, heading: "三、收伸香处理政府信息公开中请情况", garbled: new Dictionary<string, string>
        {
            ["new_requests"] = "一、本牟新收政府舍总会二申请数其",
            ["carried_over"] = "-、上第结转政让全站会于申请数基",
        }));

        AssertAllRight(r, ReportFormat.F2021);
        Assert.Contains(CellAssembler.LabelUnconfirmed, r.Cell("t3.new_requests.natural_person").Flags);
        // Table 二 and 四 stay as they were: the shape is table 三's alone.
        Assert.Equal("2089", r.Cell("t2.licensing.decisions").Value);
    }

    [Fact]
    public void Table_三_found_by_its_shape_starts_at_row_一_when_row_二_has_a_zero_read_in_brackets()
    {
        // pdf-01 at 200 dpi bilevel (probe-11 of the scan-conditions matrix): every anchoring label misread, and one of row
        // 二's zeros read `(0)`. Counting numbers only, the shape matched rows (一) and (二): table 三 began two rows down.
        var r = ReadAsGrid(Report(ReportFormat.F2021, (prefix, v) => prefix == "carried_over" ? [v[0], v[1], v[2], v[3], "(0)", v[5], v[6]] : v,
            heading: "三、收伸香处理政府信息公开中请情况", garbled: new Dictionary<string, string>
            {
                ["new_requests"] = "-、林年新收政府信息公玫中请数引",
                ["carried_over"] = "-二、上上年结转政府信息公开中请数纪",
            }));

        AssertAllRight(r, ReportFormat.F2021);
        Assert.Equal("2089", r.Cell("t2.licensing.decisions").Value);
    }

    [Fact]
    public void Table_三_found_by_its_shape_starts_at_row_一_whose_label_read_with_a_digit()
    {
        // pdf-01 at 200 dpi bilevel (probe-13): row 一's label read with a digit in it (a sentence), row 二's as two cells.
        // Taking texts alone as labels, the shape matched rows 二 and (一): table 三 began a row down.
        var r = ReadAsGrid(Report(ReportFormat.F2021, heading: "三、收介和处理政府信息公开申请情况", garbled: new Dictionary<string, string>
        {
            ["new_requests"] = "、本人年六:狐出文员《府于信5妃公了FFHH请多灼量",
            ["carried_over"] = "二、上;4\t:结转政府信息公天申请数量",
        }));

        AssertAllRight(r, ReportFormat.F2021);
        Assert.Equal("2089", r.Cell("t2.licensing.decisions").Value);
    }

    [Fact]
    public void Values_beside_a_label_cell_that_names_two_rows_are_not_sure_of_their_row()
    {
        // hzq2023_working at 200 dpi bilevel (probe-6): the ruling between rows 一 and 二 lost, their labels read as one cell.
        var clean = ReadAsGrid(Report(ReportFormat.F2021));
        Assert.DoesNotContain(CellAssembler.LabelUnconfirmed, clean.Cell("t3.carried_over.total").Flags);
        Assert.DoesNotContain(CellAssembler.LabelUnconfirmed, clean.Cell("t3.new_requests.total").Flags);
        var merged = ReadAsGrid(Report(ReportFormat.F2021).Replace("二、上年结转政府信息公开申请数量", "一、本年新收政府信息公开申请数量二、上年结转政府信息公开申请数量"));
        Assert.Contains(CellAssembler.LabelUnconfirmed, merged.Cell("t3.carried_over.total").Flags);
    }

    [Fact]
    public void Row_一s_values_read_on_a_line_above_the_label_that_anchors_table_三_are_row_一s()
    {
        // hzq2023_working at 200 dpi bilevel (probe-6): the ruling between rows 一 and 二 lost, their labels read as one cell
        // on 二's line, 一's values a line of their own above it (its label cell read empty). Begun at the label, table 三
        // lost 一's values and read every row one off.
        var dump = Report(ReportFormat.F2021)
            .Replace("一、本年新收政府信息公开申请数量\t", "□\t")
            .Replace("二、上年结转政府信息公开申请数量", "一、本年新收政府信息公开申请数量二、上年结转政府信息公开申请数量");
        var r = ReadAsGrid(dump);
        AssertAllRight(r, ReportFormat.F2021);
        // Table 二's last row keeps its values.
        Assert.Equal("2089", r.Cell("t2.licensing.decisions").Value);
    }

    [Fact]
    public void The_count_of_grid_rows_tells_the_2019_form_when_no_label_does()
    {
        var r = ReadAsGrid(Report(ReportFormat.F2019));
        AssertAllRight(r, ReportFormat.F2019);
    }

    [Fact]
    public void A_row_the_page_foot_cut_is_one_row_not_two()
    {
        // The row's values on one page, the rest of its label in a row of empty cells on the next (pdf-01 at 150 dpi).
        var dump = Report(ReportFormat.F2021, (prefix, v) => prefix == "other.overdue_correction" ? [.. v, "\n逾期不补正、行路机关不玫处下其政府伟息公开由请\t□\t□\t□\t□\t□\t□\t□"] : v);
        int split = TextDumpReader.ReadText(dump).Lines.ToList().FindIndex(l => l.Text.StartsWith("逾期不补正", StringComparison.Ordinal));
        var r = ReadAsGrid(dump, pageBreakAt: split);
        AssertAllRight(r, ReportFormat.F2021);
    }

    [Fact]
    public void A_line_of_numbers_outside_the_grid_leaves_the_rows_to_the_token_stream()
    {
        // A grid found in pieces: one row's values in one cell over the columns. GridRows gives no rows, and the table is
        // read as before (its other rows placed).
        var region = Tokenizer.Tokenize(new[]
        {
            Row(0, "一、本年新收", 1, 0, 0, 0, 0, 0, 1), Row(1, "二、上年结转", 0, 0, 0, 0, 0, 0, 0), Row(2, "(一)予以公开", 1, 0, 0, 0, 0, 0, 1),
            new Line([new Cell("1 0 0 0 0 0 1", new Box(1000, 120, 1680, 150), 0.5) { Glyphs = DigitRead }], 1, true),
        });
        Assert.Null(GridRows.Groups(region, T3Reader.Columns));
        Assert.NotNull(GridRows.Groups(region.Where(t => t.Line < 3).ToList(), T3Reader.Columns));

        static Line Row(int i, string label, params int[] values) => new(
            [new Cell(label, new Box(0, 40 * i, 900, 40 * i + 30), 0.9) { Glyphs = LabelRead },
             .. values.Select((v, c) => new Cell(v.ToString(System.Globalization.CultureInfo.InvariantCulture), new Box(1000 + 100 * c, 40 * i, 1080 + 100 * c, 40 * i + 30), 0.95) { Glyphs = DigitRead })],
            1, true);
    }

    [Fact]
    public void A_text_layer_grid_is_left_to_the_token_stream()
    {
        var region = Tokenizer.Tokenize(TextDumpReader.ReadText(T3Tabs(ReportFormat.F2021)).Lines.Select((l, li) => l with
        {
            Cells = l.Cells.Select((c, ci) => c with { Box = new Box(100 * ci, 40 * li, 100 * ci + 90, 40 * li + 30) }).ToArray(),
        }).ToList());
        Assert.Null(GridRows.Groups(region, T3Reader.Columns));
    }

    /// <summary>Table 二 as hzq2023_working at 150 dpi bilevel reads: no caption, label or header naming a row.</summary>
    private const string GarbledT2 =
        "二、主动公开政府信息情;\n第一个条第`)项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n项总\t0\t0\t0\n行政肯范尾六件\t3\t1\t12\n" +
        "第一|条第〈厂)项\n信息内容\t本年处理决定数量\n行下1约许上\tSS0\n第一二条第〈信)项\n信息内容\t本年处理决定数量\n行政处宁\t了二350\n行叶区出组制\t4\n" +
        "入六侦条第《八)山彤于\n信息内容\t本年收费金额〈单位:万元)\n行虹专业性收咒\t12.5000\n";

    [Fact]
    public void Table_二_whose_captions_and_labels_read_as_garbage_is_placed_by_its_grid_shape()
    {
        var r = ReadAsGrid(Title + "\n" + GarbledT2 + T3Tabs(ReportFormat.F2021) + T4Line);
        Assert.Equal(ReportFormat.F2021, r.T2!.Format);
        Assert.False(r.T2.FormatCertain);
        string[] expected = ["t2.rules.issued=0", "t2.rules.repealed=0", "t2.rules.in_force=0", "t2.normative.issued=3", "t2.normative.repealed=1",
            "t2.normative.in_force=12", "t2.coercion.decisions=4", "t2.fees.amount=12.5"];
        foreach (var pair in expected)
        {
            var (field, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            Assert.True(r.Cell(field) is { Origin: CellOrigin.Read } c && c.Value == value && c.Flags.Contains(CellAssembler.LabelUnconfirmed), $"{field}: {r.Cell(field)}");
        }
        // Cells that read as no number are unknowns in their place, not values.
        Assert.Equal(CellOrigin.Missing, r.Cell("t2.licensing.decisions").Origin);
        Assert.Equal(CellOrigin.Missing, r.Cell("t2.penalty.decisions").Origin);
    }

    [Fact]
    public void Table_二_whose_rows_are_neither_forms_shape_is_not_placed()
    {
        // One sub-table's row lost: 3 3 1 1 1 is neither form's 3 3 1 1 1 1 nor 3 3 3 3 3 3 2 2.
        var r = ReadAsGrid(Title + "\n" + GarbledT2.Replace("行叶区出组制\t4\n", "") + T3Tabs(ReportFormat.F2021) + T4Line);
        Assert.Null(r.T2);
    }

    /// <summary>Table 二 as hzq2023_working at 200 dpi bilevel reads (probe-4): the first sub-tables' labels past reading (one
    /// with a digit in it, so a sentence), the later rows named.</summary>
    private const string FirstLabelsGarbledT2 =
        "二、主动公开政府信息情况\n第- -十条第〈一)项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规贞\t0\t0\t0\n一，件\t3\t1\t12\n" +
        "第- .士条第〈五)项\n信息内容\t本年处理决定数量\n行收;信诈1\t2089\n第-十条第〈六)项\n信息内容\t本年处理决定数量\n行政处罚\t350\n行政唾制\t4\n" +
        "第一十条第〈八)项\n信息内容\t本年收费金额〈单位:万元)\n行政事业性收弘\t12.5000\n";

    [Fact]
    public void Table_二_rows_whose_labels_read_as_garbage_are_placed_by_the_grid_shape_the_named_rows_confirm()
    {
        var r = ReadAsGrid(Title + "\n" + FirstLabelsGarbledT2 + T3Tabs(ReportFormat.F2021) + T4Line);
        Assert.Equal(ReportFormat.F2021, r.T2!.Format);
        string[] byShape = ["t2.rules.issued=0", "t2.rules.repealed=0", "t2.rules.in_force=0", "t2.normative.issued=3", "t2.normative.repealed=1",
            "t2.normative.in_force=12", "t2.licensing.decisions=2089"];
        foreach (var pair in byShape)
        {
            var (field, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            Assert.True(r.Cell(field) is { Origin: CellOrigin.Read } c && c.Value == value && c.Flags.Contains(CellAssembler.LabelUnconfirmed), $"{field}: {r.Cell(field)}");
        }
        // The row its label names keeps it, and says nothing of order.
        Assert.True(r.Cell("t2.penalty.decisions") is { Value: "350" } p && !p.Flags.Contains(CellAssembler.LabelUnconfirmed), $"{r.Cell("t2.penalty.decisions")}");
    }

    [Fact]
    public void Table_二_rows_past_reading_are_not_placed_by_a_shape_the_named_rows_contradict()
    {
        // 行政强制 named on the line the shape gives 行政处罚: the lines are not the form's rows in order, so nothing is placed by them.
        var dump = FirstLabelsGarbledT2.Replace("行政处罚\t350\n行政唾制\t4\n", "行政强制\t4\n行政处罚\t350\n");
        var r = ReadAsGrid(Title + "\n" + dump + T3Tabs(ReportFormat.F2021) + T4Line);
        Assert.DoesNotContain(r.T2!.Cells, c => c.FieldId is "t2.rules.issued" or "t2.licensing.decisions");
        Assert.Equal("350", r.Cell("t2.penalty.decisions").Value);
    }

    [Fact]
    public void Table_二_under_a_heading_with_a_character_misread_starts_at_the_heading_when_its_first_caption_is_past_reading()
    {
        // pdf-01 at 200 dpi bilevel (probe-5): 信 read 位 in the heading and 第二十条第（一）项 read 第二下条第〈...)项; table 三's heading
        // read with a digit in it, a sentence.
        var dump = T2Tabs2021.Replace("主动公开政府信息情况", "主动公开政府位息情况").Replace("第二十条第（一）项", "第二下条第〈...)项")
            + T3Tabs(ReportFormat.F2021).Replace("三、收到和处理", "三4收到和处理") + T4Line;
        var r = ReadAsGrid(Title + "\n" + dump);
        Assert.Equal("3", r.Cell("t2.normative.issued").Value);
        Assert.Equal("0", r.Cell("t2.rules.in_force").Value);
        Assert.Equal("12.5", r.Cell("t2.fees.amount").Value);
    }

    [Fact]
    public void A_value_placed_by_order_alone_is_bounded_below_the_review_threshold()
    {
        var field = new FieldValue("t3.withheld.process_info.total", "2", FieldStatus.Ok, "", 3, null, [CellAssembler.LabelUnconfirmed],
            new FieldEvidence(0, true, true, 1, 0.95, true, IdentitiesHeld: 3, FromOcr: true) { ColumnIdentitiesHeld = 1 });
        Assert.Equal(DoubtCaps.PlacedByOrder, DoubtCaps.Bound(field));
        Assert.True(DoubtCaps.PlacedByOrder < 0.9);
        Assert.Equal(1, DoubtCaps.Bound(field with { Flags = [] }));
    }
}
