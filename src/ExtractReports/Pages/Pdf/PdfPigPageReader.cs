using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Colors;
using UglyToad.PdfPig.PdfFonts;

namespace ExtractReports.Pages.Pdf;

/// <summary>
/// Reads a PDF's pages in process with PdfPig: letters grouped by baseline into lines and split
/// into words where poppler's <c>pdftotext</c> splits them (a space, or a gap of a tenth of the
/// font size), each word's box spanning the font's ascent and descent as poppler's does, so that
/// <see cref="Lines.Geometry"/> sees the same words in the same coordinates (points, origin
/// top-left, the page as displayed, then turned so that its text reads left to right). Ruling lines
/// come from the page's vector paths: stroked segments and thin dark filled rectangles, never white
/// ones (cell backgrounds). The paths are parsed with the page anyway, so the rulings of every page
/// are kept from the first read and <see cref="AddRulings"/> only attaches them.
/// </summary>
public sealed class PdfPigPageReader(PdfOptions options) : IPdfPageReader
{
    private readonly PdfOptions options = Validated(options);

    private static PdfOptions Validated(PdfOptions o) { o.Validate(); return o; }

    public string Library => "PdfPig";

    public PdfPages ReadWords(byte[] pdf, CancellationToken cancellation)
    {
        try
        {
            var fontPrograms = options.SkipFontPrograms ? new UnparsedFontPrograms() : null;
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = fontPrograms });
            fontPrograms?.LookUp(document);
            var pages = new List<Page>(document.NumberOfPages);
            var rulings = new List<IReadOnlyList<Ruling>>(document.NumberOfPages);
            var diagnostics = new List<string>();
            for (int n = 1; n <= document.NumberOfPages; n++)
            {
                cancellation.ThrowIfCancellationRequested();
                var page = document.GetPage(n);
                var (displayed, turn) = Read(page);
                if (turn != TextTurn.None)
                    diagnostics.Add($"page {n}: its text runs {turn.Describe()}; turned upright to read it");
                var paths = PopplerPageReader.Upright(displayed with { Words = [], Rulings = Rulings(page, displayed.Height) }, turn).Rulings;
                var upright = PopplerPageReader.Upright(displayed, turn);
                pages.Add(upright);
                rulings.Add(paths.Where(r => !IsInsideWord(r, upright.Words)).ToList());
            }
            return new PdfPages(pages, document.IsEncrypted, diagnostics) { PathRulings = rulings };
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new PdfReadException(PdfFailure.PasswordRequired,
                "the PDF is encrypted with a password needed to open it; ask the publisher for an open copy or supply the password", e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not PdfReadException)
        {
            throw new PdfReadException(PdfFailure.Damaged, $"PdfPig could not read the PDF ({e.GetType().Name}: {e.Message})", e);
        }
    }

    /// <summary>
    /// The rulings of the pages among <paramref name="only"/> that look like tables (at least
    /// <see cref="PdfOptions.MinTableNumbers"/> numbers standing alone in columns), as the poppler
    /// reader chooses them, so that both readers read the same pages with rulings.
    /// </summary>
    public PdfPages AddRulings(byte[] pdf, PdfPages words, IReadOnlySet<int>? only, CancellationToken cancellation)
    {
        if (words.PathRulings.Count != words.Pages.Count) return words;
        var pages = words.Pages.Select((p, i) =>
            (only is null || only.Contains(p.Number)) && PopplerPageReader.TableNumbers(p.Words) >= options.MinTableNumbers
                ? p with { Rulings = words.PathRulings[i] }
                : p).ToList();
        return words with { Pages = pages };
    }

    /// <summary>A letter placed in the displayed page (points, origin top-left) and the way its text runs.</summary>
    private readonly record struct Placed(string Text, double SX, double SY, double EX, double EY, double Size, int Direction, double Ascent, double Descent)
    {
        /// <summary>Position along the text's direction (0 right, 1 down, 2 left, 3 up).</summary>
        public double Along(bool end) => Direction switch
        {
            0 => end ? EX : SX,
            1 => end ? EY : SY,
            2 => -(end ? EX : SX),
            _ => -(end ? EY : SY),
        };

        /// <summary>Position of the baseline across the text's direction.</summary>
        public double Across => Direction is 0 or 2 ? SY : SX;
    }

    /// <summary>The displayed page's words, and the way most of its text runs.</summary>
    private (Page Page, TextTurn Turn) Read(UglyToad.PdfPig.Content.Page page)
    {
        double height = page.Height;
        var placed = new List<Placed>(page.Letters.Count);
        var counts = new int[4];
        var metrics = new Dictionary<IFont, (double Ascent, double Descent)>(ReferenceEqualityComparer.Instance);
        foreach (var l in page.Letters)
        {
            if (l.PointSize <= 0) continue;
            var (ascent, descent) = Metrics(l.GetFont(), metrics);
            double sx = l.StartBaseLine.X, sy = height - l.StartBaseLine.Y, ex = l.EndBaseLine.X, ey = height - l.EndBaseLine.Y;
            int direction = Direction(ex - sx, ey - sy, l.TextOrientation);
            placed.Add(new Placed(l.Value, sx, sy, ex, ey, l.PointSize, direction, ascent, descent));
            if (!string.IsNullOrWhiteSpace(l.Value)) counts[direction] += l.Value.Length;
        }
        var words = new List<Word>();
        foreach (var line in BaselineLines(placed))
            words.AddRange(Words(line));
        return (new Page(page.Number, page.Width, height, words, []), Turn(counts));
    }

    /// <summary>
    /// How far a font's boxes reach above and below the baseline (shares of its size), as poppler
    /// takes them: a composite (Type0) font's own ascent and descent when they are sane, else
    /// <see cref="PdfOptions.Ascent"/> and <see cref="PdfOptions.Descent"/>. (Measured against
    /// <c>pdftotext -tsv</c>: WPS's composite fonts get their own, 宋体 0.86/0.14; LibreOffice's simple
    /// subsets get poppler's defaults whatever they state.)
    /// </summary>
    private (double Ascent, double Descent) Metrics(IFont? font, Dictionary<IFont, (double, double)> known)
    {
        if (font is null) return (options.Ascent, options.Descent);
        if (known.TryGetValue(font, out var m)) return m;
        m = (options.Ascent, options.Descent);
        // PdfPig keeps its Type0Font class internal; its name is the one way to tell.
        if (font.GetType().Name == "Type0Font")
        {
            double a = Math.Abs(font.GetAscent()), d = Math.Abs(font.GetDescent());
            if (a is > 0 and < 3 && d is > 0 and < 3) m = (a, d);
        }
        known[font] = m;
        return m;
    }

    /// <summary>The direction a letter's text runs, from its baseline's start to its end (0 right, 1 down, 2 left, 3 up).</summary>
    private static int Direction(double dx, double dy, TextOrientation orientation)
    {
        if (Math.Abs(dx) + Math.Abs(dy) < 1e-6)
            return orientation switch { TextOrientation.Rotate90 => 1, TextOrientation.Rotate180 => 2, TextOrientation.Rotate270 => 3, _ => 0 };
        if (Math.Abs(dx) >= Math.Abs(dy)) return dx >= 0 ? 0 : 2;
        return dy >= 0 ? 1 : 3;
    }

    /// <summary>
    /// The page's turn: the direction most of its characters run in, when it is not left to right
    /// and holds at least <see cref="PdfOptions.TurnShare"/> of them (vertical text in a narrow
    /// cell is stacked upright characters, and a turned stamp is a minority: neither turns a page).
    /// </summary>
    private TextTurn Turn(int[] counts)
    {
        int total = counts.Sum();
        if (total == 0) return TextTurn.None;
        int best = Array.IndexOf(counts, counts.Max());
        if (best == 0 || counts[best] < options.TurnShare * total) return TextTurn.None;
        return best switch { 1 => TextTurn.Down, 2 => TextTurn.UpsideDown, _ => TextTurn.Up };
    }

    /// <summary>Letters of one direction whose baselines lie within a share of their size of each other, in reading order.</summary>
    private IEnumerable<List<Placed>> BaselineLines(List<Placed> letters)
    {
        foreach (var group in letters.GroupBy(l => l.Direction))
        {
            List<Placed>? line = null;
            double across = 0, size = 0;
            foreach (var l in group.OrderBy(l => l.Across))
            {
                if (line is null || Math.Abs(l.Across - across) > options.BaselineTolerance * Math.Min(size, l.Size))
                {
                    if (line is not null) yield return line;
                    line = [];
                    across = l.Across;
                    size = l.Size;
                }
                line.Add(l);
            }
            if (line is not null) yield return line;
        }
    }

    /// <summary>
    /// A line's letters, left to right along their direction, cut into words at spaces and at gaps
    /// wider than <see cref="PdfOptions.WordBreakGap"/> of the font size, or where the next letter
    /// starts at or before the previous one's start, or where the font size changes. (Poppler also merges words of a line whose
    /// gaps are much narrower than the line's widest ones, so "- 1 -" may be one word there and
    /// three here: cells are cut at gaps of most of an em, and their text joins these words alike.) A letter drawn again on top of itself (bold faked by
    /// overprinting) is dropped, as poppler drops it.
    /// </summary>
    private IEnumerable<Word> Words(List<Placed> line)
    {
        line.Sort((a, b) => a.Along(false).CompareTo(b.Along(false)));
        var text = new System.Text.StringBuilder();
        Placed first = default, last = default;
        bool open = false;
        foreach (var l in line)
        {
            if (string.IsNullOrWhiteSpace(l.Text))
            {
                if (open) yield return MakeWord(text.ToString(), first, last);
                open = false;
                continue;
            }
            if (open)
            {
                double gap = l.Along(false) - last.Along(true);
                double size = Math.Min(l.Size, last.Size);
                bool stepsBack = l.Along(false) < last.Along(false) + options.WordBreakGap * size;
                if (stepsBack && l.Text == last.Text) continue;
                // A letter may overlap the previous one's advance: WPS sets punctuation tight with
                // negative character spacing, which a letter's width does not include.
                if (gap > options.WordBreakGap * size || stepsBack || Math.Abs(l.Size - last.Size) > 0.01 * size)
                {
                    yield return MakeWord(text.ToString(), first, last);
                    open = false;
                }
            }
            if (!open) { text.Clear(); first = l; open = true; }
            text.Append(l.Text);
            last = l;
        }
        if (open) yield return MakeWord(text.ToString(), first, last);
    }

    /// <summary>
    /// A word's box from its first letter's baseline start to its last letter's end, reaching
    /// <see cref="PdfOptions.Ascent"/> of the font size above the baseline and
    /// <see cref="PdfOptions.Descent"/> below, as poppler's boxes do.
    /// </summary>
    private Word MakeWord(string text, Placed first, Placed last)
    {
        double size = Math.Max(first.Size, last.Size);
        // "Up" from the baseline, in a y-down page: the text's direction turned a quarter anticlockwise.
        var (ux, uy) = first.Direction switch { 0 => (0.0, -1.0), 1 => (1.0, 0.0), 2 => (0.0, 1.0), _ => (-1.0, 0.0) };
        double a = Math.Max(first.Ascent, last.Ascent) * size, d = Math.Max(first.Descent, last.Descent) * size;
        double x0 = Math.Min(first.SX, last.EX), x1 = Math.Max(first.SX, last.EX);
        double y0 = Math.Min(first.SY, last.EY), y1 = Math.Max(first.SY, last.EY);
        double up0 = Math.Min(ux * a, -ux * d), up1 = Math.Max(ux * a, -ux * d);
        double vy0 = Math.Min(uy * a, -uy * d), vy1 = Math.Max(uy * a, -uy * d);
        return new Word(text, new Box(x0 + up0, y0 + vy0, x1 + up1, y1 + vy1), FontSize: size);
    }

    /// <summary>
    /// Ruling lines of a page from its paths: horizontal and vertical segments of stroked paths, and
    /// filled rectangles thinner than <see cref="PdfOptions.MaxRulingThickness"/> (Word and WPS draw
    /// borders that way), in a colour dark enough to be seen as a line
    /// (<see cref="PdfOptions.MaxRulingLightness"/>): white filled rectangles are cell backgrounds.
    /// </summary>
    private List<Ruling> Rulings(UglyToad.PdfPig.Content.Page page, double height)
    {
        var rulings = new List<Ruling>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping) continue;
            if (path.IsStroked && Dark(path.StrokeColor))
            {
                double t = Math.Max(path.LineWidth, options.MinRulingThickness);
                foreach (var sub in path)
                    foreach (var (from, to) in Segments(sub))
                    {
                        if (Math.Abs(from.Y - to.Y) < 0.5 && Math.Abs(from.X - to.X) >= options.MinRulingLength)
                            rulings.Add(new Ruling(new Box(Math.Min(from.X, to.X), height - from.Y - t / 2, Math.Max(from.X, to.X), height - from.Y + t / 2)));
                        else if (Math.Abs(from.X - to.X) < 0.5 && Math.Abs(from.Y - to.Y) >= options.MinRulingLength)
                            rulings.Add(new Ruling(new Box(from.X - t / 2, height - Math.Max(from.Y, to.Y), from.X + t / 2, height - Math.Min(from.Y, to.Y))));
                    }
            }
            if (path.IsFilled && Dark(path.FillColor))
                foreach (var sub in path)
                {
                    if (!IsRectangle(sub)) continue;
                    var r = sub.GetBoundingRectangle();
                    if (r is not { } b) continue;
                    double w = b.Width, h = b.Height;
                    if (Math.Min(w, h) > options.MaxRulingThickness || Math.Max(w, h) < options.MinRulingLength) continue;
                    rulings.Add(new Ruling(new Box(b.Left, height - b.Top, b.Right, height - b.Bottom)));
                }
        }
        return rulings;
    }

    private static bool IsRectangle(PdfSubpath sub) =>
        sub.IsDrawnAsRectangle || sub.Commands.All(c => c is PdfSubpath.Move or PdfSubpath.Line or PdfSubpath.Close) && sub.Commands.Count is >= 4 and <= 6;

    /// <summary>The straight segments of a subpath (a closing segment included); curves are no rulings.</summary>
    private static IEnumerable<(PdfPoint From, PdfPoint To)> Segments(PdfSubpath sub)
    {
        PdfPoint? start = null, current = null;
        foreach (var c in sub.Commands)
        {
            switch (c)
            {
                case PdfSubpath.Move m: start = current = m.Location; break;
                case PdfSubpath.Line l: yield return (l.From, l.To); current = l.To; break;
                case PdfSubpath.BezierCurve b: current = b.EndPoint; break;
                case PdfSubpath.Close when start is { } s && current is { } cur:
                    yield return (cur, s); current = s; break;
            }
        }
    }

    private bool Dark(IColor? color)
    {
        if (color is null) return true; // no colour set: the default, black
        var (r, g, b) = color.ToRGBValues();
        return 0.299 * r + 0.587 * g + 0.114 * b <= options.MaxRulingLightness;
    }

    /// <summary>A short line inside a word's box is an underline or a stroke of drawn text, not a table border.</summary>
    private static bool IsInsideWord(Ruling r, IReadOnlyList<Word> words)
    {
        foreach (var w in words)
        {
            var b = w.Box;
            if (r.Box.X0 >= b.X0 - 1 && r.Box.X1 <= b.X1 + 1 && r.Box.Y0 >= b.Y0 - 1 && r.Box.Y1 <= b.Y1 + 1) return true;
        }
        return false;
    }
}
