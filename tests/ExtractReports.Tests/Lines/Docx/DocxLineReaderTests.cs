using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ExtractReports.Documents;
using ExtractReports.Lines;
using ExtractReports.Lines.Docx;

namespace ExtractReports.Tests.Lines.Docx;

public class DocxLineReaderTests
{
    private static LineDocument Read(byte[] bytes, string name = "report.docx")
    {
        var document = SourceDocument.FromBytes(name, bytes);
        var reader = new DocxLineReader();
        Assert.True(reader.CanRead(document), $"{name} sniffed as {document.Kind}");
        return reader.Read(document, CancellationToken.None);
    }

    private static string[] Texts(Line line) => line.Cells.Select(c => c.Text).ToArray();

    private static int[] Columns(Line line) => line.Cells.Select(c => (int)(c.Box!.Value.X0 / 60)).ToArray();

    /// <summary>A Word document written with OpenXml: title on two lines, numbered headings, part of table 三.</summary>
    private static byte[] BuildReport()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.ChineseCounting },
                        new LevelText { Val = "%1、" }) { LevelIndex = 0 },
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.ChineseCounting },
                        new LevelText { Val = "（%2）" }) { LevelIndex = 1 }) { AbstractNumberId = 7 },
                new NumberingInstance(new AbstractNumId { Val = 7 }) { NumberID = 3 });

            var body = new Body(
                Para("某某县审计局2020年"),
                Para("政府信息公开工作年度报告"),
                Numbered("总体情况", 0),
                Numbered("主动公开", 1),
                Numbered("依申请公开", 1),
                new Paragraph(new Run(new Text("2020年，")), new Run(new Text("我局") { Space = SpaceProcessingModeValues.Preserve }),
                    new Hyperlink(new Run(new Text("认真落实《条例》。")))),
                Numbered("主动公开政府信息情况", 0),
                Numbered("收到和处理政府信息公开申请情况", 0),
                Table(
                    Row(Cell("", span: 3, merge: MergedCellValues.Restart), Cell("申请人情况", span: 7)),
                    Row(Cell("", span: 3, merge: MergedCellValues.Continue), Cell("自然人"), Cell("法人或其他组织", span: 5), Cell("总计")),
                    Row(Cell("一、本年新收政府信息公开申请数量", span: 3), Cell("4"), Cell("1"), Cell("0"), Cell("0"), Cell("0"), Cell("0"), Cell("5")),
                    Row(Cell("三、本年度办理结果", merge: MergedCellValues.Restart), Cell("（一）予以公开", span: 2),
                        Cell("2"), Cell("0"), Cell("0"), Cell("0"), Cell("0"), Cell("0"), Cell("2")),
                    Row(Cell("", merge: MergedCellValues.Continue), Cell("（三）不予公开", merge: MergedCellValues.Restart),
                        Cell("1.属于国家秘密"), Cell("0"), Cell("0"), Cell("0"), Cell("0"), Cell("0"), Cell("0"), Cell("0")),
                    Row(Cell("", merge: null, vMergeContinueWithoutVal: true), Cell("", merge: MergedCellValues.Continue),
                        Cell("2.其他法律", "行政法规禁止公开"), Cell("1"), Cell("0"), Cell("0"), Cell("0"), Cell("0"), Cell("0"), Cell("1"))),
                Numbered("政府信息公开行政复议、行政诉讼情况", 0));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text) => new(new Run(new Text(text)));

    private static Paragraph Numbered(string text, int level) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 3 })),
            new Run(new Text(text)));

    private static Table Table(params TableRow[] rows) => new([new TableProperties(), .. rows]);

    private static TableRow Row(params TableCell[] cells) => new(cells);

    private static TableCell Cell(string text, int span = 1, MergedCellValues? merge = null, bool vMergeContinueWithoutVal = false) =>
        Cell([text], span, merge, vMergeContinueWithoutVal);

    private static TableCell Cell(params string[] paragraphs) => Cell(paragraphs, 1, null, false);

    private static TableCell Cell(string[] paragraphs, int span, MergedCellValues? merge, bool vMergeContinueWithoutVal)
    {
        var props = new TableCellProperties();
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (merge is { } m) props.Append(new VerticalMerge { Val = m });
        if (vMergeContinueWithoutVal) props.Append(new VerticalMerge()); // <w:vMerge/> means continue
        return new TableCell([props, .. paragraphs.Select(p => new Paragraph(new Run(new Text(p))))]);
    }

    [Fact]
    public void Paragraphs_come_in_order_with_list_numbers_and_runs_joined()
    {
        var doc = Read(BuildReport());
        var prose = doc.Lines.Where(l => l.Cells.Count == 1 && l.Cells[0].Box is null).Select(l => l.Text).ToList();
        Assert.Equal(["某某县审计局2020年", "政府信息公开工作年度报告", "一、总体情况", "（一）主动公开", "（二）依申请公开",
            "2020年，我局认真落实《条例》。", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况"], prose);
        Assert.Equal("某某县审计局2020年政府信息公开工作年度报告", doc.Title);
    }

    [Fact]
    public void GridSpan_and_vMerge_expand_into_a_grid()
    {
        var doc = Read(BuildReport());
        var rows = doc.Lines.Where(l => l.Cells.Any(c => c.Box is not null)).ToList();

        Assert.Equal(["", "申请人情况"], Texts(rows[0]));
        Assert.Equal([0, 3], Columns(rows[0]));
        Assert.Equal(3 * 60, rows[0].Cells[0].Box!.Value.Width);
        Assert.Equal(2 * 20, rows[0].Cells[0].Box!.Value.Height); // the corner merges down over the next row
        Assert.Equal(7 * 60, rows[0].Cells[1].Box!.Value.Width);
        Assert.Equal(["", "自然人", "法人或其他组织", "总计"], Texts(rows[1]));
        Assert.Equal([0, 3, 4, 9], Columns(rows[1]));
        Assert.Equal(["一、本年新收政府信息公开申请数量", "4", "1", "0", "0", "0", "0", "5"], Texts(rows[2]));
        Assert.Equal([0, 3, 4, 5, 6, 7, 8, 9], Columns(rows[2]));
        Assert.Equal(["三、本年度办理结果", "（一）予以公开", "2", "0", "0", "0", "0", "0", "2"], Texts(rows[3]));
        Assert.Equal(["", "（三）不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"], Texts(rows[4]));
        Assert.Equal(["", "", "2.其他法律行政法规禁止公开", "1", "0", "0", "0", "0", "0", "1"], Texts(rows[5]));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], Columns(rows[5]));
        Assert.All(rows, r => Assert.True(r.Delimited));
    }

    [Fact]
    public void Tabs_split_a_paragraph_into_cells_and_hidden_or_moved_text_is_left_out()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            word.AddMainDocumentPart().Document = new Document(new Body(
                new Paragraph(new Run(new Text("规章"), new TabChar(), new TabChar(), new Text("3")), new Run(new TabChar(), new Text("0"))),
                new Paragraph(
                    new Run(new Text("行政许可")),
                    new Run(new RunProperties(new Vanish()), new Text("隐藏")),
                    new MoveFromRun(new Run(new Text("移走"))),
                    new Run(new DeletedText("删除")),
                    new Run(new Break(), new Text("决定")))));
        }
        var doc = Read(stream.ToArray());
        Assert.Equal(["规章", "3", "0"], Texts(doc.Lines[0]));
        Assert.Equal(["行政许可决定"], Texts(doc.Lines[1]));
    }

    [Fact]
    public void A_table_laying_out_the_page_is_read_as_blocks_and_its_inner_table_as_a_table()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var inner = Table(
                Row(Cell("信息内容"), Cell("本年处理决定数量")),
                Row(Cell("行政许可"), Cell("8")));
            var layout = Table(Row(
                Cell("首页"),
                new TableCell(new Paragraph(new Run(new Text("二、主动公开政府信息情况"))), inner, new Paragraph())));
            word.AddMainDocumentPart().Document = new Document(new Body(layout));
        }
        var doc = Read(stream.ToArray());
        Assert.Equal(["首页", "二、主动公开政府信息情况"], doc.Lines.Take(2).Select(l => l.Text));
        Assert.Equal(["信息内容", "本年处理决定数量"], Texts(doc.Lines[2]));
        Assert.Equal(["行政许可", "8"], Texts(doc.Lines[3]));
        Assert.Equal(4, doc.Lines.Count);
    }

    [Theory]
    [InlineData("old.doc")]
    [InlineData("old.wps")]
    public void Old_binary_word_files_get_an_error_naming_a_converter(string name)
    {
        var ole2 = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(ole2, 0);
        var document = SourceDocument.FromBytes(name, ole2);
        Assert.Equal(DocumentKind.Binary, document.Kind);
        var reader = new DocxLineReader();
        Assert.True(reader.CanRead(document));
        var e = Assert.Throws<DocumentReadException>(() => reader.Read(document, CancellationToken.None));
        Assert.Contains("libreoffice --headless --convert-to docx", e.Message);
    }

    [Fact]
    public void A_damaged_docx_is_a_clear_error()
    {
        var bytes = BuildReport()[..600];
        var e = Assert.Throws<DocumentReadException>(() => Read(bytes));
        Assert.Contains("not a readable .docx", e.Message);
    }

    [Fact]
    public void Other_binary_files_are_not_claimed()
    {
        var document = SourceDocument.FromBytes("x.bin", [0, 1, 2, 3, 0, 0, 0, 9, 8, 7]);
        Assert.False(new DocxLineReader().CanRead(document));
    }
}
