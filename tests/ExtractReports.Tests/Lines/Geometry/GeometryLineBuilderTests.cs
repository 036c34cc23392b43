using ExtractReports.Lines;
using ExtractReports.Lines.Geometry;
using ExtractReports.Pages;

namespace ExtractReports.Tests.Lines.Geometry;

/// <summary>Pages built inline: words with boxes (10 pt text, CJK characters 10 pt wide) and rulings.</summary>
public sealed class GeometryLineBuilderTests
{
    private const double Em = 10;

    /// <summary>A word at (x, y) top-left, as wide as its characters (digits half an em).</summary>
    private static Word W(string text, double x, double y)
    {
        double width = text.Sum(c => char.IsAscii(c) ? Em / 2 : Em);
        return new Word(text, new Box(x, y, x + width, y + Em));
    }

    private static Ruling H(double y, double x0, double x1) => new(new Box(x0, y - 0.5, x1, y + 0.5));
    private static Ruling V(double x, double y0, double y1) => new(new Box(x - 0.5, y0, x + 0.5, y1));

    private static Page PageOf(IEnumerable<Word> words, IEnumerable<Ruling>? rulings = null, int number = 1, double width = 595, double height = 842) =>
        new(number, width, height, words.ToList(), (rulings ?? []).ToList());

    private static List<string> Rows(IReadOnlyList<Line> lines) => lines.Select(l => string.Join(" | ", l.Cells.Select(c => c.Text))).ToList();

    private static IReadOnlyList<Line> Build(Page page) => new GeometryLineBuilder().Build(page);

    [Fact]
    public void Empty_page_gives_no_lines() => Assert.Empty(Build(PageOf([])));

    [Fact]
    public void Borderless_row_splits_cells_at_gaps_and_keeps_label_words_together()
    {
        // "1." and its label are separate words (a font change) with no gap: one cell.
        var lines = Build(PageOf([W("1.", 100, 100), W("属于国家秘密", 110, 100), W("12", 300, 100), W("0", 340, 100), W("12", 380, 100)]));
        var line = Assert.Single(lines);
        Assert.Equal(["1.属于国家秘密", "12", "0", "12"], line.Cells.Select(c => c.Text));
        Assert.True(line.Delimited);
        Assert.Equal(300, line.Cells[1].Box!.Value.X0);
    }

    [Fact]
    public void Borderless_header_words_close_together_split_over_their_number_columns()
    {
        // Header words 3 pt apart (less than a cell gap), each standing over a column of numbers.
        var page = PageOf([W("结果维持", 100, 100), W("结果纠正", 143, 100), W("总计", 186, 100), W("3", 100, 120), W("1", 143, 120), W("4", 186, 120)]);
        Assert.Equal(["结果维持 | 结果纠正 | 总计", "3 | 1 | 4"], Rows(Build(page)));
        // The same words with no numbers under them stay one cell: they are a phrase.
        Assert.Equal(["结果维持结果纠正总计"], Rows(Build(PageOf([W("结果维持", 100, 100), W("结果纠正", 143, 100), W("总计", 186, 100)]))));
    }

    [Fact]
    public void Digits_poppler_split_without_a_gap_are_one_number()
    {
        // "20" drawn as "2" and "0" (a style change): no space between them, unlike "2 0" on the page.
        var page = PageOf([W("行政许可", 20, 100), W("2", 300, 100), W("0", 305, 100), W("年份", 20, 130), W("7", 300, 130), W("1", 308, 130)]);
        Assert.Equal(["行政许可 | 20", "年份 | 7 1"], Rows(Build(page)));
    }

    /// <summary>A ruled 3-row table: a group cell spanning rows 2-3, a blank cell, a label wrapped in its cell.</summary>
    private static Page RuledTable() => PageOf(
        [
            W("项目", 60, 105), W("自然人", 160, 105), W("其他", 210, 105),
            W("（一）予以公开", 60, 125), W("5", 170, 125), W("7", 220, 125),
            // Group label spanning rows 3 and 4, written in the middle of its merged cell.
            W("（三）不予公开", 20, 160), W("1.国家", 100, 145), W("秘密", 100, 156), W("2", 170, 150),
            W("2.其他", 100, 175), W("3", 170, 175), W("4", 220, 175),
        ],
        [
            H(100, 10, 250), H(120, 10, 250), H(140, 10, 250), H(170, 95, 250), H(190, 10, 250),
            V(10, 100, 190), V(95, 140, 190), V(150, 100, 190), V(200, 100, 190), V(250, 100, 190),
        ]);

    [Fact]
    public void Ruled_table_rows_are_lines_with_merged_and_blank_cells()
    {
        var rows = Rows(Build(RuledTable()));
        Assert.Equal(
        [
            "项目 | 自然人 | 其他",
            "（一）予以公开 | 5 | 7",
            // The group cell is emitted once, on the row where it starts; the label wrapped in its
            // cell is one cell; the row's empty cell is a blank cell, keeping the columns.
            "（三）不予公开 | 1.国家秘密 | 2 | ",
            "2.其他 | 3 | 4",
        ], rows);
    }

    [Fact]
    public void Ruled_cells_carry_the_cell_rectangle_as_box()
    {
        var line = Build(RuledTable())[2];
        Assert.Equal(new Box(10, 140, 95, 190), line.Cells[0].Box!.Value with { });
        Assert.Equal(new Box(200, 140, 250, 170), line.Cells[3].Box);
        Assert.All(line.Cells, c => Assert.NotNull(c.Box));
    }

    [Fact]
    public void Header_broken_inside_a_word_is_joined_in_its_cell()
    {
        var page = PageOf(
            [W("商业企", 20, 105), W("业", 20, 117), W("科研", 60, 105), W("机构", 60, 117), W("3", 25, 140), W("4", 65, 140)],
            [H(100, 10, 100), H(132, 10, 100), H(155, 10, 100), V(10, 100, 155), V(55, 100, 155), V(100, 100, 155)]);
        Assert.Equal(["商业企业 | 科研机构", "3 | 4"], Rows(Build(page)));
    }

    [Fact]
    public void Text_touching_across_a_ruling_is_split_there()
    {
        // Poppler made one word of two cells' digits: "1203" over the ruling at x = 120.
        var page = PageOf(
            [W("合计", 20, 105), new Word("1203", new Box(110, 105, 130, 115))],
            [H(100, 10, 200), H(120, 10, 200), V(10, 100, 120), V(100, 100, 120), V(120, 100, 120), V(200, 100, 120)]);
        Assert.Equal(["合计 | 12 | 03"], Rows(Build(page)));
    }

    [Fact]
    public void Vertical_text_is_one_cell_on_the_first_row_it_spans()
    {
        // 三、本年度办理结果 printed one character per line down a merged column (no rulings).
        var words = new List<Word>();
        var text = "三、本年度办理结果";
        for (int i = 0; i < text.Length; i++) words.Add(W(text[i].ToString(), 20, 100 + i * Em));
        words.AddRange([W("（一）予以公开", 60, 100), W("3", 300, 100), W("（二）部分公开", 60, 130), W("4", 300, 130), W("（三）不予公开", 60, 160), W("5", 300, 160)]);
        var rows = Rows(Build(PageOf(words)));
        Assert.Equal(["三、本年度办理结果 | （一）予以公开 | 3", "（二）部分公开 | 4", "（三）不予公开 | 5"], rows);
    }

    [Fact]
    public void Vertical_text_in_a_ruled_cell_reads_top_to_bottom()
    {
        var words = new List<Word>();
        foreach (var (c, i) in "办理结果".Select((c, i) => (c, i))) words.Add(W(c.ToString(), 15, 105 + i * Em));
        words.AddRange([W("（一）", 40, 105), W("1", 80, 105), W("（二）", 40, 125), W("2", 80, 125)]);
        var page = PageOf(words, [H(100, 10, 100), H(120, 35, 100), H(150, 10, 100), V(10, 100, 150), V(35, 100, 150), V(70, 100, 150), V(100, 100, 150)]);
        Assert.Equal(["办理结果 | （一） | 1", "（二） | 2"], Rows(Build(page)));
    }

    [Fact]
    public void Borderless_label_wrapped_around_its_numbers_is_one_row()
    {
        // Label on two lines, numbers vertically centred between them; then the next row.
        var page = PageOf(
        [
            W("（二）部分公开（区分处理的", 20, 100), W("4", 300, 106), W("0", 340, 106),
            W("只计这一情形）", 20, 112),
            W("（三）不予公开", 20, 130), W("5", 300, 130), W("1", 340, 130),
        ]);
        Assert.Equal(["（二）部分公开（区分处理的只计这一情形） | 4 | 0", "（三）不予公开 | 5 | 1"], Rows(Build(page)));
    }

    [Fact]
    public void Borderless_label_wrapped_over_three_lines_with_numbers_on_the_last()
    {
        var page = PageOf(
        [
            W("（一）予以公开", 20, 80), W("1", 300, 80), W("2", 340, 80),
            W("5.要求行政机关确认", 20, 100),
            W("或重新出具已获取", 20, 112),
            W("信息", 20, 124), W("6", 300, 124), W("7", 340, 124),
        ]);
        Assert.Equal(["（一）予以公开 | 1 | 2", "5.要求行政机关确认或重新出具已获取信息 | 6 | 7"], Rows(Build(page)));
    }

    [Fact]
    public void A_label_line_opening_with_a_marker_never_joins_the_row_above()
    {
        // "3.补正后申请内容" sits as close to the row above as to its own numbers two lines down;
        // opening with a marker, it starts the next row.
        var page = PageOf(
        [
            W("2.没有现成信息", 20, 100), W("3", 300, 100),
            W("3.补正后申请内容", 20, 112),
            W("仍不明确", 20, 124), W("0", 300, 124),
        ]);
        Assert.Equal(["2.没有现成信息 | 3", "3.补正后申请内容仍不明确 | 0"], Rows(Build(page)));
    }

    [Fact]
    public void Tight_borderless_tables_keep_titles_and_headers_out_of_rows()
    {
        // Lines 1 pt apart: a section title, a centred sub-table title and a header sit right
        // above the rows; none of them is a wrapped label.
        var page = PageOf(
        [
            W("二、主动公开政府信息情况", 20, 89),
            W("第二十条第（一）项", 150, 100),
            W("信息内容", 40, 111), W("本年制发件数", 180, 111), W("现行有效件数", 300, 111),
            W("规章", 20, 122), W("0", 200, 122), W("3", 320, 122),
            W("第二十条第（五）项", 150, 133),
            W("行政许可", 20, 144), W("3829", 300, 144),
        ]);
        Assert.Equal(
        [
            "二、主动公开政府信息情况", "第二十条第（一）项", "信息内容 | 本年制发件数 | 现行有效件数",
            "规章 | 0 | 3", "第二十条第（五）项", "行政许可 | 3829",
        ], Rows(Build(page)));
    }

    [Fact]
    public void Borderless_label_columns_part_cells_at_narrow_gaps()
    {
        // A group label wrapped in a narrow column 6 pt left of the row labels' column.
        var page = PageOf(
        [
            W("三、本", 20, 100), W("（一）予以公开", 56, 100), W("6", 300, 100),
            W("年度办", 20, 111), W("（二）部分公开", 56, 111), W("0", 300, 111),
            W("理结果", 20, 122), W("（三）不予公开", 56, 122), W("1", 300, 122),
        ]);
        Assert.Equal(["三、本 | （一）予以公开 | 6", "年度办 | （二）部分公开 | 0", "理结果 | （三）不予公开 | 1"], Rows(Build(page)));
    }

    [Fact]
    public void A_wrapped_line_never_joins_the_start_of_the_next_label()
    {
        // "申请" ends row 4's label (its numbers sit beside the group label "予处理"); row 5's label
        // opens with "5." right below it, so "申请" must not be glued in front of it.
        var page = PageOf(
        [
            W("4.无正当理由大量反复", 60, 100),
            W("予处理", 20, 106), W("0", 300, 106),
            W("申请", 60, 112),
            W("5.要求行政机关确认", 60, 124), W("1", 300, 124),
        ]);
        Assert.DoesNotContain(Rows(Build(page)), r => r.Contains("申请5."));
    }

    [Fact]
    public void Prose_lines_are_not_merged_into_table_rows()
    {
        var page = PageOf(
        [
            W("四、结转下年度继续办理", 20, 100), W("0", 300, 100),
            W("五、存在的主要问题及改进情况，下一步将切实抓好以下工作", 20, 112),
        ]);
        Assert.Equal(2, Build(page).Count);
    }

    [Theory]
    [InlineData("— 3 —")]
    [InlineData("-3-")]
    [InlineData("第 3 页")]
    [InlineData("3/10")]
    public void Page_numbers_in_the_margins_are_dropped(string footer)
    {
        var words = footer.Split(' ').Select((t, i) => W(t, 280 + i * 15, 800)).ToList();
        words.Add(W("行政处罚", 20, 300));
        words.Add(W("3", 300, 300));
        Assert.Equal(["行政处罚 | 3"], Rows(Build(PageOf(words))));
    }

    [Fact]
    public void Numbers_of_a_table_running_into_the_bottom_margin_are_kept()
    {
        // One cell per line near the page's foot, then the page number.
        var words = new List<Word> { W("二、上年结转", 20, 700), W("0", 20, 720), W("7", 20, 760), W("5", 20, 780), W("- 4 -", 280, 815) };
        Assert.Equal(["二、上年结转", "0", "7", "5"], Rows(Build(PageOf(words))));
        words.Add(W("4", 300, 830)); // a bare page number, centred, as the last line goes
        Assert.Equal(["二、上年结转", "0", "7", "5"], Rows(Build(PageOf(words))));
    }

    [Fact]
    public void Numbers_of_a_table_continued_at_the_top_of_a_page_are_kept()
    {
        var words = new List<Word> { W("5", 20, 44), W("0", 20, 60), W("（二）部分公开", 20, 200), W("4", 20, 230) };
        Assert.Equal(["5", "0", "（二）部分公开", "4"], Rows(Build(PageOf(words))));
    }

    [Fact]
    public void A_number_in_the_body_is_kept_even_when_alone()
    {
        Assert.Equal(["3"], Rows(Build(PageOf([W("3", 300, 400)]))));
    }

    [Fact]
    public void A_table_crossing_a_page_reads_as_consecutive_rows_without_the_footer()
    {
        var p1 = PageOf([W("1.本机关不掌握相关政府信息", 20, 760), W("10", 300, 760), W("— 3 —", 280, 810)], number: 3);
        var p2 = PageOf([W("3.补正后申请内容仍不明确", 20, 70), W("0", 300, 70)], number: 4);
        var builder = new GeometryLineBuilder();
        var lines = builder.Build(p1).Concat(builder.Build(p2)).ToList();
        Assert.Equal(["1.本机关不掌握相关政府信息 | 10", "3.补正后申请内容仍不明确 | 0"], Rows(lines));
        Assert.Equal([3, 4], lines.Select(l => l.Page));
    }

    [Fact]
    public void A_page_frame_does_not_glue_prose_into_one_cell()
    {
        var page = PageOf([W("第一行文字", 50, 100), W("第二行文字", 50, 115)],
            [H(20, 20, 575), H(820, 20, 575), V(20, 20, 820), V(575, 20, 820)]);
        Assert.Equal(["第一行文字", "第二行文字"], Rows(Build(page)));
    }

    [Fact]
    public void A_short_stroke_touching_a_border_is_not_a_cell_edge()
    {
        // A bold character's stroke merged with the table's left border in the render.
        var page = PageOf(
            [W("二、上年结转", 12, 105), W("1", 170, 105), W("三、", 12, 125), W("2", 170, 125)],
            [H(100, 10, 200), H(120, 10, 200), H(140, 10, 200), H(110, 10, 25), V(10, 100, 140), V(150, 100, 140), V(200, 100, 140)]);
        Assert.Equal(["二、上年结转 | 1", "三、 | 2"], Rows(Build(page)));
    }

    [Fact]
    public void Landscape_pages_read_like_portrait_ones()
    {
        var page = PageOf([W("行政复议", 20, 100), W("3", 500, 100), W("1", 700, 100), W("— 2 —", 400, 570)], width: 842, height: 595);
        Assert.Equal(["行政复议 | 3 | 1"], Rows(Build(page)));
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new GeometryLineBuilder(new GeometryOptions { LineOverlap = 0 }));
        Assert.Throws<ArgumentException>(() => new GeometryLineBuilder(new GeometryOptions { MarginShare = 0.9 }));
    }
}
