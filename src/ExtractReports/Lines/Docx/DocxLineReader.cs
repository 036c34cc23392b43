using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ExtractReports.Documents;

namespace ExtractReports.Lines.Docx;

/// <summary>Knobs of <see cref="DocxLineReader"/>.</summary>
public sealed record DocxReaderOptions
{
    /// <summary>Boxes given to table cells.</summary>
    public GridGeometry Geometry { get; init; } = new();

    /// <summary>What makes a paragraph the report's title.</summary>
    public ReportTitleOptions Title { get; init; } = new();

    /// <summary>
    /// A table cell holding more text than this holds page content, not a value or label, so its
    /// table lays out the page and is read as blocks (as is a table holding another table).
    /// Default 300 characters, as for HTML.
    /// </summary>
    public int LayoutCellMinChars { get; init; } = 300;

    /// <summary>The command named in the error for old binary Word and WPS files.</summary>
    public string ConverterCommand { get; init; } = "libreoffice --headless --convert-to docx <file>";

    public DocxReaderOptions Validate()
    {
        Geometry.Validate();
        Title.Validate();
        if (LayoutCellMinChars < 1) throw new ArgumentException("LayoutCellMinChars must be positive");
        if (string.IsNullOrWhiteSpace(ConverterCommand)) throw new ArgumentException("ConverterCommand must name a converter");
        return this;
    }
}

/// <summary>
/// Reads Word documents (.docx) with DocumentFormat.OpenXml: the body's paragraphs and tables in
/// order. A paragraph is a one-cell line (its runs joined, its list number rendered); a table row
/// is a delimited line, gridSpan and vMerge expanded like HTML spans. Old binary .doc and .wps
/// files are claimed only to be refused with a message that names a converter.
/// </summary>
public sealed class DocxLineReader : ILineReader
{
    private readonly DocxReaderOptions _options;

    public DocxLineReader(DocxReaderOptions? options = null) => _options = (options ?? new DocxReaderOptions()).Validate();

    public bool CanRead(SourceDocument document) =>
        document.Kind == DocumentKind.Docx
        || document.Kind == DocumentKind.Binary && document.Extension is ".doc" or ".wps" or ".docx" && IsCompoundFile(document.Bytes);

    public LineDocument Read(SourceDocument document, CancellationToken cancellation)
    {
        if (IsCompoundFile(document.Bytes))
            throw new DocumentReadException(document.Extension == ".docx"
                ? "this .docx is an encrypted (password-protected) Word file; open it in Word or WPS, remove the password and save it again"
                : $"{document.Extension} is the old binary Word/WPS format, which is not read here; convert it first, e.g. `{_options.ConverterCommand}`");
        try
        {
            using var stream = new MemoryStream(document.Bytes, writable: false);
            using var word = WordprocessingDocument.Open(stream, false);
            var main = word.MainDocumentPart;
            var body = main?.Document?.Body ?? throw new DocumentReadException("the .docx has no document body");
            var walker = new Walker(new DocxNumbering(main!), _options, cancellation);
            walker.Blocks(body);
            return new LineDocument(walker.Lines, "docx", 1,
                [$"{walker.Tables} tables, {walker.LayoutTables} layout tables, {walker.Lines.Count} lines"], walker.Title);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or XmlException)
        {
            throw new DocumentReadException($"the file is not a readable .docx (damaged or not a Word document): {e.Message}", e);
        }
    }

    /// <summary>OLE2 compound files: old .doc/.wps, and encrypted OOXML documents.</summary>
    private static bool IsCompoundFile(byte[] bytes) => bytes.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 });

    private sealed class Walker(DocxNumbering numbering, DocxReaderOptions options, CancellationToken cancellation)
    {
        public List<Line> Lines { get; } = [];
        public int Tables { get; private set; }
        public int LayoutTables { get; private set; }
        public string? Title { get; private set; }
        private int _gridRow;

        public void Blocks(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                cancellation.ThrowIfCancellationRequested();
                switch (child)
                {
                    case Paragraph p:
                        var cells = ParagraphCells(p);
                        if (cells.Count == 0) break;
                        Lines.Add(new Line(cells, Delimited: true));
                        Title ??= ReportTitle.At(Lines, Lines.Count - 1, options.Title);
                        break;
                    case Table t when IsLayout(t):
                        foreach (var cell in t.Elements<TableRow>().SelectMany(r => r.Elements<TableCell>())) Blocks(cell);
                        LayoutTables++;
                        break;
                    case Table t:
                        Lines.AddRange(SpanGrid.ToLines(TableRows(t), options.Geometry, _gridRow));
                        _gridRow += t.Elements<TableRow>().Count() + 1;
                        Tables++;
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                        Blocks(content);
                        break;
                    case CustomXmlBlock custom:
                        Blocks(custom);
                        break;
                }
            }
        }

        /// <summary>A table holding another table, or a cell with a page's worth of text, lays out the page.</summary>
        private bool IsLayout(Table table) =>
            table.Descendants<Table>().Any()
            || table.Descendants<TableCell>().Any(c => c.InnerText.Length >= options.LayoutCellMinChars);

        /// <summary>
        /// The table's rows as spanning cells. A cell with vMerge=continue is folded into the cell
        /// that restarted the merge at the same grid column (that cell's row span grows); a
        /// continue with nothing to continue stays a blank cell, so columns never shift.
        /// </summary>
        private List<IReadOnlyList<SpanCell>> TableRows(Table table)
        {
            var rows = new List<List<MutableCell>>();
            var open = new Dictionary<int, MutableCell>(); // grid column -> merge being continued
            foreach (var tr in table.Elements<TableRow>())
            {
                var row = new List<MutableCell>();
                int col = tr.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                if (col > 0) row.Add(new MutableCell("", col));
                foreach (var tc in tr.Elements<TableCell>())
                {
                    var props = tc.TableCellProperties;
                    int span = Math.Max(1, props?.GridSpan?.Val?.Value ?? 1);
                    var merge = props?.VerticalMerge;
                    bool continues = merge is not null && (merge.Val is null || merge.Val.InnerText == "continue");
                    if (continues && open.TryGetValue(col, out var owner) && owner.ColSpan == span)
                        owner.RowSpan++;
                    else
                    {
                        var cell = new MutableCell(continues ? "" : CellText(tc), span);
                        row.Add(cell);
                        if (merge is not null && !continues) open[col] = cell; else open.Remove(col);
                    }
                    col += span;
                }
                rows.Add(row);
            }
            return rows.Select(r => (IReadOnlyList<SpanCell>)r.Select(c => new SpanCell(c.Text, c.ColSpan, c.RowSpan)).ToList()).ToList();
        }

        private static bool Shown(OpenXmlElement e)
        {
            if (e.Ancestors<MoveFromRun>().Any()) return false;
            var vanish = e.Ancestors<Run>().FirstOrDefault()?.RunProperties?.Vanish;
            return vanish is null || vanish.Val is { } v && !v.Value;
        }

        private sealed class MutableCell(string text, int colSpan)
        {
            public string Text { get; } = text;
            public int ColSpan { get; } = colSpan;
            public int RowSpan { get; set; } = 1;
        }

        /// <summary>A cell's paragraphs (and those of tables nested in it) as one text, a paragraph break only wrapping it.</summary>
        private string CellText(TableCell cell)
        {
            var pieces = new TextPieces();
            foreach (var p in cell.Descendants<Paragraph>())
            {
                pieces.Append(numbering.Label(p));
                AppendRuns(p, pieces, () => pieces.Append(" "));
                pieces.Break();
            }
            return pieces.Take();
        }

        /// <summary>
        /// A paragraph's text as cells: a tab is a cell boundary (tables typed with tab stops), a
        /// run of tabs one boundary (tabs align columns; they do not mark blank cells).
        /// </summary>
        private List<Cell> ParagraphCells(Paragraph p)
        {
            var cells = new List<Cell>();
            var pieces = new TextPieces();
            pieces.Append(numbering.Label(p));
            AppendRuns(p, pieces, () =>
            {
                if (!pieces.IsEmpty) cells.Add(new Cell(pieces.Take()));
            });
            if (!pieces.IsEmpty) cells.Add(new Cell(pieces.Take()));
            return cells;
        }

        /// <summary>
        /// Text runs joined in order: hyperlinks, insertions and fields' results are included;
        /// deletions and field codes are not Text; text moved away (moveFrom) and hidden runs
        /// (vanish) are not shown by Word, so they are left out.
        /// </summary>
        private static void AppendRuns(Paragraph p, TextPieces pieces, Action tab)
        {
            foreach (var e in p.Descendants())
            {
                if (e is Text or TabChar or PositionalTab or Break or CarriageReturn or NoBreakHyphen && !Shown(e)) continue;
                switch (e)
                {
                    case Text t: pieces.Append(t.Text); break;
                    case TabChar or PositionalTab: tab(); break;
                    case Break or CarriageReturn: pieces.Break(); break;
                    case NoBreakHyphen: pieces.Append("-"); break;
                }
            }
        }
    }
}
