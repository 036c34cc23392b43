using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ExtractReports.CorpusGen.Html;
using Grids = ExtractReports.CorpusGen.Html.TableGrid;
using WText = DocumentFormat.OpenXml.Wordprocessing.Text;
using ExtractReports.CorpusGen.Model;

namespace ExtractReports.CorpusGen.Print;

/// <summary>
/// Writes a report as a Word document directly with OpenXml, the way Word itself stores merged cells
/// (`w:gridSpan` for columns, `w:vMerge` restart/continue for rows), with numbers split over runs
/// and long labels broken by `w:br` — a second producer beside LibreOffice's DOCX export.
/// </summary>
public static class DocxWriter
{
    private const string Font = "仿宋_GB2312";

    public static void Write(string path, Report r, Random rng, bool splitRuns)
    {
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new Body();
        if (r.Title != "") body.Append(Para(r.Title, bold: true, center: true, size: 36));
        foreach (var p in r.Narrative) body.Append(Para(p, bold: p.Length < 20));
        body.Append(Para("二、主动公开政府信息情况", bold: true));
        foreach (var g in Grids.T2(r, oneTable: true)) body.Append(Table(g, rng, splitRuns), Para(""));
        if (!r.CutAfterT2)
        {
            body.Append(Para("三、收到和处理政府信息公开申请情况", bold: true));
            foreach (var g in Grids.T3(r, labelWrap: 8)) body.Append(Table(g, rng, splitRuns));
            body.Append(Para("四、政府信息公开行政复议、行政诉讼情况", bold: true));
            body.Append(Table(Grids.T4(r, wrapHeaders: true), rng, splitRuns));
            foreach (var p in r.Closing) body.Append(Para(p, bold: p.Length < 20));
        }
        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1440, Bottom = 1440, Left = 1588, Right = 1474, Header = 851, Footer = 992 }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static RunProperties RunProps(bool bold, int size)
    {
        var props = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, EastAsia = Font });
        if (bold) props.Append(new Bold());
        props.Append(new FontSize { Val = size.ToString() });
        return props;
    }

    private static Paragraph Para(string text, bool bold = false, bool center = false, int size = 32)
    {
        var props = new ParagraphProperties(
            new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact },
            center ? new Justification { Val = JustificationValues.Center } : new Indentation { FirstLineChars = 200 });
        return new Paragraph(props, new Run(RunProps(bold, size), new WText(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table Table(Grid g, Random rng, bool splitRuns)
    {
        var table = new Table();
        table.Append(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        var grid = new DocumentFormat.OpenXml.Wordprocessing.TableGrid();
        for (var c = 0; c < g.Columns; c++) grid.Append(new GridColumn { Width = (c < 3 && g.Columns == 10 ? 1100 : 700).ToString() });
        table.Append(grid);

        // Which grid cell each position belongs to: Word writes a continuation cell under a vertical merge.
        var owner = new (GCell Cell, int Row, int Col)?[g.Rows.Count, g.Columns];
        for (var r = 0; r < g.Rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in g.Rows[r])
            {
                while (c < g.Columns && owner[r, c] != null) c++;
                for (var dr = 0; dr < cell.RowSpan && r + dr < g.Rows.Count; dr++)
                    for (var dc = 0; dc < cell.ColSpan; dc++) owner[r + dr, c + dc] = (cell, r, c);
                c += cell.ColSpan;
            }
        }
        for (var r = 0; r < g.Rows.Count; r++)
        {
            var row = new TableRow();
            if (r < g.HeaderRows) row.Append(new TableRowProperties(new TableHeader()));
            for (var c = 0; c < g.Columns;)
            {
                var (cell, r0, c0) = owner[r, c] ?? throw new InvalidOperationException("grid has a hole");
                var props = new TableCellProperties(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
                if (cell.ColSpan > 1) props.Append(new GridSpan { Val = cell.ColSpan });
                if (cell.RowSpan > 1) props.Append(new VerticalMerge { Val = r0 == r ? MergedCellValues.Restart : MergedCellValues.Continue });
                var tc = new TableCell(props);
                tc.Append(r0 == r ? CellParagraph(cell, rng, splitRuns) : new Paragraph());
                row.Append(tc);
                c += cell.ColSpan;
            }
            table.Append(row);
        }
        return table;
    }

    private static Paragraph CellParagraph(GCell cell, Random rng, bool splitRuns)
    {
        var p = new Paragraph(new ParagraphProperties(
            new Justification { Val = cell.Role == CellRole.Label ? JustificationValues.Left : JustificationValues.Center }));
        var bold = cell.Role == CellRole.Header;
        var text = cell.Text;
        var last = 0;
        foreach (var b in cell.Breaks.Append(text.Length))
        {
            var part = text[last..Math.Min(b, text.Length)];
            if (last > 0) p.Append(new Run(new Break()));
            if (splitRuns && part.Length > 1 && rng.Next(3) == 0)
            {
                // Word keeps editing history as separate runs: `1` `2` is still 12, `予以` `公开` one label.
                var k = rng.Next(1, part.Length);
                p.Append(new Run(RunProps(bold, 21), new WText(part[..k])), new Run(RunProps(bold, 21), new WText(part[k..])));
            }
            else p.Append(new Run(RunProps(bold, 21), new WText(part)));
            last = b;
        }
        return p;
    }
}
