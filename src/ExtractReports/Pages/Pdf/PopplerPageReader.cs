using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ExtractReports.Pages.Rulings;

namespace ExtractReports.Pages.Pdf;

/// <summary>The pages of a PDF and what a person should know about how they were read.</summary>
public sealed record PdfPages(IReadOnlyList<Page> Pages, bool Encrypted, IReadOnlyList<string> Diagnostics)
{
    /// <summary>The pages as displayed, before turned upright, and their turn: rulings are found in these.</summary>
    internal IReadOnlyList<(Page Page, TextTurn Turn)> Displayed { get; init; } = [];

    /// <summary>Each page's ruling lines from its vector paths, upright (PdfPig reads them with the words).</summary>
    internal IReadOnlyList<IReadOnlyList<Ruling>> PathRulings { get; init; } = [];
}

/// <summary>
/// Reads a PDF's pages with poppler's command-line tools, each a child process with a time limit
/// (see docs/pdf-reader.md for why not the C API): <c>pdftotext -tsv</c> for every word with its
/// box (<see cref="ReadWords"/>), and, when asked (<see cref="AddRulings"/>), a low-resolution
/// <c>pdftoppm</c> render of the pages that look like tables, in which <see cref="RasterRulingFinder"/>
/// finds the ruling lines. Coordinates are points, origin top-left, in the page's displayed
/// orientation, then turned so that the text reads left to right. Poppler does not report font
/// sizes through these tools, so <see cref="Word.FontSize"/> stays 0.
/// </summary>
public sealed partial class PopplerPageReader(PdfOptions options) : IPdfPageReader
{
    public string Library => "poppler";

    private readonly PdfOptions options = Validated(options);

    private static PdfOptions Validated(PdfOptions o) { o.Validate(); return o; }

    /// <summary>
    /// Every page's words, pages turned upright, no rulings: one <c>pdftotext -tsv</c>. It also
    /// gives what <c>pdfinfo</c> used to (one process less a document): the page count (a page row
    /// each, empty pages included), the refusal of a PDF that needs a password (poppler's
    /// <c>Incorrect password</c>), and, from the words, the displayed size of a page with /Rotate.
    /// Encryption without a password is seen in the bytes (<see cref="IsEncrypted"/>).
    /// </summary>
    public PdfPages ReadWords(byte[] pdf, CancellationToken cancellation)
    {
        var r = PopplerProcess.Run(options, "pdftotext", ["-tsv", "-enc", "UTF-8", "-", "-"], pdf, cancellation);
        ThrowOnFailure("pdftotext", r);
        var displayed = ParseTsv(Encoding.UTF8.GetString(r.Output));
        var diagnostics = new List<string>();
        var pages = new List<Page>(displayed.Count);
        foreach (var (page, turn) in displayed)
        {
            if (turn != TextTurn.None)
                diagnostics.Add($"page {page.Number}: its text runs {turn.Describe()}; turned upright to read it");
            pages.Add(Upright(page, turn));
        }
        return new PdfPages(pages, IsEncrypted(pdf), diagnostics) { Displayed = displayed };
    }

    /// <summary>
    /// The same pages with the ruling lines of those that look like tables (at least
    /// <see cref="PdfOptions.MinTableNumbers"/> numbers standing alone in columns) among
    /// <paramref name="only"/> (null: all), found in one <c>pdftoppm</c> render of them. If the
    /// render fails, the pages stay as they were, with a note.
    /// </summary>
    public PdfPages AddRulings(byte[] pdf, PdfPages words, IReadOnlySet<int>? only, CancellationToken cancellation)
    {
        // Table pages are chosen by rows of numbers as they read, i.e. on the upright page.
        var tablePages = words.Pages.Where(p => (only is null || only.Contains(p.Number)) && TableNumbers(p.Words) >= options.MinTableNumbers)
            .Select(p => p.Number).ToHashSet();
        if (tablePages.Count == 0) return words;
        var diagnostics = words.Diagnostics.ToList();
        var displayed = WithRulings(pdf, words.Displayed.Select(d => d.Page).ToList(), tablePages, diagnostics, cancellation);
        // Rulings are found in the displayed page, so words and rulings turn together.
        var pages = displayed.Select((p, i) => Upright(p, words.Displayed[i].Turn)).ToList();
        return words with { Pages = pages, Diagnostics = diagnostics };
    }

    /// <summary>
    /// Whether the PDF is encrypted (an /Encrypt entry in its trailer or cross-reference stream,
    /// which are never compressed). Only a note depends on it: a PDF that needs a password is
    /// refused by poppler itself.
    /// </summary>
    internal static bool IsEncrypted(byte[] pdf) => pdf.AsSpan().IndexOf("/Encrypt"u8) >= 0;

    /// <summary>
    /// Parses <c>pdftotext -tsv</c>: level 1 rows are pages, level 5 rows words. Word boxes are in
    /// the displayed page, the page row gives the unrotated size (see <see cref="DisplayedSize"/>).
    /// Each page also gets the direction its lines of text run in, from the order of words within
    /// poppler's lines.
    /// </summary>
    internal static List<(Page Page, TextTurn Turn)> ParseTsv(string tsv)
    {
        var pages = new List<(Page, TextTurn)>();
        List<Word>? words = null;
        var lines = new Dictionary<string, List<Word>>();
        int number = 0;
        double width = 0, height = 0;
        void Flush()
        {
            if (words is null) return;
            var (w, h) = DisplayedSize(width, height, words);
            pages.Add((new Page(number, w, h, words, []), Direction(lines.Values)));
        }
        foreach (var line in tsv.Split('\n'))
        {
            var f = line.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || !int.TryParse(f[0], out var level)) continue;
            double D(int i) => double.Parse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture);
            if (level == 1)
            {
                Flush();
                number = int.Parse(f[1], CultureInfo.InvariantCulture);
                width = D(8);
                height = D(9);
                words = [];
                lines = [];
            }
            else if (level == 5 && words is not null)
            {
                // The text is the rest of the row: a word never holds a tab, but be safe.
                var text = string.Join("\t", f[11..]);
                if (text.Length == 0) continue;
                double x = D(6), y = D(7);
                var word = new Word(text, new Box(x, y, x + D(8), y + D(9)));
                words.Add(word);
                var key = $"{f[2]}/{f[3]}/{f[4]}";
                if (!lines.TryGetValue(key, out var inLine)) lines[key] = inLine = [];
                inLine.Add(word);
            }
        }
        Flush();
        return pages;
    }

    /// <summary>
    /// A page with /Rotate 90 or 270 is displayed with its unrotated width and height swapped, and
    /// pdftotext places its words in the displayed page. Words reaching beyond the unrotated width
    /// (or height) show the swap; words reaching beyond the other side show there is none. Words
    /// that fit either way (little text, all in the page's top-left square) leave the size
    /// unrotated: it then only sets the margins where page numbers are dropped, and a rotation of
    /// such a page shifts turned words by a constant, which no cell depends on.
    /// </summary>
    internal static (double Width, double Height) DisplayedSize(double width, double height, IReadOnlyList<Word> words)
    {
        const double slack = 1; // poppler's boxes may poke a little past the page edge
        double right = 0, bottom = 0;
        foreach (var w in words)
        {
            right = Math.Max(right, w.Box.X1);
            bottom = Math.Max(bottom, w.Box.Y1);
        }
        bool fitsAsIs = right <= width + slack && bottom <= height + slack;
        bool fitsSwapped = right <= height + slack && bottom <= width + slack;
        return fitsSwapped && !fitsAsIs ? (height, width) : (width, height);
    }

    /// <summary>
    /// Which way a page's text runs. Words of two or more characters are wide when upright and
    /// tall when the page's text is turned a quarter; most of them decide. Which quarter comes from
    /// lines of several words, read from first word to last (down the page or up); a page of
    /// one-word lines is taken as turned clockwise, the usual way a wide table is set on an upright
    /// page. Vertical text in a narrow cell is a minority of a page's words and does not turn it.
    /// </summary>
    private static TextTurn Direction(IEnumerable<List<Word>> lines)
    {
        int wide = 0, tall = 0, down = 0, up = 0, left = 0;
        foreach (var line in lines)
        {
            foreach (var w in line.Where(w => w.Text.Length >= 2))
            {
                if (w.Box.Height >= 1.5 * w.Box.Width) tall++;
                else if (w.Box.Width >= 1.5 * w.Box.Height) wide++;
            }
            if (line.Count < 2) continue;
            double dx = line[^1].Box.CenterX - line[0].Box.CenterX, dy = line[^1].Box.CenterY - line[0].Box.CenterY;
            if (Math.Abs(dy) > Math.Abs(dx)) { if (dy > 0) down++; else up++; }
            else if (dx < 0) left++;
        }
        if (tall >= 3 && tall >= 0.6 * (tall + wide)) return up > down ? TextTurn.Up : TextTurn.Down;
        if (left >= 3 && left >= 0.6 * lines.Count(l => l.Count >= 2)) return TextTurn.UpsideDown;
        return TextTurn.None;
    }

    /// <summary>Turns a page whose text runs down, up or upside down so that it reads left to right.</summary>
    internal static Page Upright(Page page, TextTurn turn)
    {
        if (turn == TextTurn.None) return page;
        double w = page.Width, h = page.Height;
        Box T(Box b) => turn switch
        {
            TextTurn.Down => new Box(b.Y0, w - b.X1, b.Y1, w - b.X0),
            TextTurn.Up => new Box(h - b.Y1, b.X0, h - b.Y0, b.X1),
            TextTurn.UpsideDown => new Box(w - b.X1, h - b.Y1, w - b.X0, h - b.Y0),
            _ => b,
        };
        var (nw, nh) = turn is TextTurn.Down or TextTurn.Up ? (h, w) : (w, h);
        return page with
        {
            Width = nw,
            Height = nh,
            Words = page.Words.Select(x => x with { Box = T(x.Box) }).ToList(),
            Rulings = page.Rulings.Select(r => new Ruling(T(r.Box))).ToList(),
        };
    }

    private List<Page> WithRulings(byte[] pdf, List<Page> pages, HashSet<int> tablePages, List<string> diagnostics, CancellationToken cancellation)
    {
        if (tablePages.Count == 0) return pages;
        int first = tablePages.Min(), last = tablePages.Max();
        var r = PopplerProcess.Run(options, "pdftoppm",
            ["-r", options.RulingDpi.ToString(CultureInfo.InvariantCulture), "-gray", "-aaVector", "no",
             "-f", first.ToString(CultureInfo.InvariantCulture), "-l", last.ToString(CultureInfo.InvariantCulture), "-"],
            pdf, cancellation);
        if (r.ExitCode != 0)
        {
            // Words are already read; a document without rulings is still read, by gaps alone.
            diagnostics.Add($"pdftoppm failed (exit {r.ExitCode}), tables read without ruling lines: {FirstLine(r.Errors)}");
            return pages;
        }
        var images = ParsePgm(r.Output);
        var scale = 72.0 / options.RulingDpi;
        var raster = new RasterRulingOptions { MinLength = (int)Math.Ceiling(12 / scale) };
        var result = new List<Page>(pages.Count);
        foreach (var page in pages)
        {
            int index = page.Number - first;
            if (!tablePages.Contains(page.Number) || index < 0 || index >= images.Count) { result.Add(page); continue; }
            var rulings = RasterRulingFinder.Find(images[index], scale, raster)
                .Where(ru => !IsGlyphStroke(ru, page.Words))
                .Select(ru => TrimOutOfWords(ru, page.Words)).ToList();
            result.Add(page with { Rulings = rulings });
        }
        return result;
    }

    /// <summary>
    /// A dark run lying within a word's box is a stroke of a bold or large character, not a table
    /// border: real rulings run between words and past them. The box is widened by 2 pt because ink
    /// spills over poppler's font-metric boxes and a 50 dpi pixel is 1.44 pt.
    /// </summary>
    private static bool IsGlyphStroke(Ruling r, IReadOnlyList<Word> words)
    {
        const double spill = 2;
        foreach (var w in words)
        {
            var b = w.Box;
            if (r.Box.X0 >= b.X0 - spill && r.Box.X1 <= b.X1 + spill && r.Box.Y0 >= b.Y0 - spill && r.Box.Y1 <= b.Y1 + spill) return true;
        }
        return false;
    }

    /// <summary>
    /// A ruling that ends inside a word picked up a stroke of a character touching it in the
    /// render (a 十 right above a column border): cut it back to the word's edge. A ruling running
    /// right through a word (text touching across a border) is left alone.
    /// </summary>
    private static Ruling TrimOutOfWords(Ruling r, IReadOnlyList<Word> words)
    {
        var b = r.Box;
        foreach (var w in words)
        {
            var box = w.Box;
            if (r.IsHorizontal)
            {
                if (b.CenterY <= box.Y0 || b.CenterY >= box.Y1) continue;
                if (b.X0 > box.X0 && b.X0 < box.X1 && b.X1 > box.X1) b = b with { X0 = box.X1 };
                else if (b.X1 > box.X0 && b.X1 < box.X1 && b.X0 < box.X0) b = b with { X1 = box.X0 };
            }
            else
            {
                if (b.CenterX <= box.X0 || b.CenterX >= box.X1) continue;
                if (b.Y0 > box.Y0 && b.Y0 < box.Y1 && b.Y1 > box.Y1) b = b with { Y0 = box.Y1 };
                else if (b.Y1 > box.Y0 && b.Y1 < box.Y1 && b.Y0 < box.Y0) b = b with { Y1 = box.Y0 };
            }
        }
        return b == r.Box ? r : new Ruling(b);
    }

    /// <summary>
    /// Numbers standing alone in a table's columns: a numeric word with at least a line's height
    /// of space on both sides (or nothing on a side). Numbers in prose sit next to their words
    /// (<c>2023 年</c>, <c>1136 条</c>) and do not count.
    /// </summary>
    internal static int TableNumbers(IReadOnlyList<Word> words)
    {
        int count = 0;
        foreach (var w in words)
        {
            if (!NumberWord().IsMatch(w.Text)) continue;
            double h = w.Box.Height, left = double.PositiveInfinity, right = double.PositiveInfinity;
            foreach (var o in words)
            {
                if (ReferenceEquals(o, w) || Math.Abs(o.Box.CenterY - w.Box.CenterY) > h / 2) continue;
                if (o.Box.X1 <= w.Box.X0 + 0.5) left = Math.Min(left, w.Box.X0 - o.Box.X1);
                else if (o.Box.X0 >= w.Box.X1 - 0.5) right = Math.Min(right, o.Box.X0 - w.Box.X1);
                else { left = 0; break; } // overlapping text: not a column of its own
            }
            if (left >= h && right >= h) count++;
        }
        return count;
    }

    /// <summary>Binary PGM (P5) images, one after another, as pdftoppm writes them to standard output.</summary>
    internal static List<GrayImage> ParsePgm(byte[] data)
    {
        var images = new List<GrayImage>();
        int pos = 0;
        while (pos + 2 < data.Length && data[pos] == 'P' && data[pos + 1] == '5')
        {
            pos += 2;
            int w = PgmNumber(data, ref pos), h = PgmNumber(data, ref pos), max = PgmNumber(data, ref pos);
            pos++; // the single whitespace byte after the header
            if (max > 255 || pos + w * h > data.Length) break;
            images.Add(new GrayImage(w, h, data.AsSpan(pos, w * h).ToArray()));
            pos += w * h;
        }
        return images;
    }

    private static int PgmNumber(byte[] data, ref int pos)
    {
        while (pos < data.Length && (char.IsWhiteSpace((char)data[pos]) || data[pos] == '#'))
        {
            if (data[pos] == '#') while (pos < data.Length && data[pos] != '\n') pos++;
            else pos++;
        }
        int n = 0;
        while (pos < data.Length && data[pos] is >= (byte)'0' and <= (byte)'9') n = n * 10 + data[pos++] - '0';
        return n;
    }

    private static void ThrowOnFailure(string tool, ToolResult r)
    {
        if (r.ExitCode == 0) return;
        if (r.Errors.Contains("Incorrect password", StringComparison.OrdinalIgnoreCase))
            throw new PdfReadException(PdfFailure.PasswordRequired,
                "the PDF is encrypted with a password needed to open it; ask the publisher for an open copy or supply the password");
        if (r.ExitCode is < 0 or >= 128)
            throw new PdfReadException(PdfFailure.Crashed, $"poppler's {tool} crashed on this PDF (exit code {r.ExitCode}); the file is probably damaged");
        throw new PdfReadException(PdfFailure.Damaged, $"poppler could not read the PDF ({tool}: {FirstLine(r.Errors)})");
    }

    private static string FirstLine(string s)
    {
        var lines = s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // "May not be a PDF file (continuing anyway)" is a warning; the error that follows says more.
        return lines.FirstOrDefault(l => l.Contains("Error", StringComparison.OrdinalIgnoreCase)) ?? lines.FirstOrDefault() ?? "no message";
    }

    [GeneratedRegex(@"^[-+]?[0-9０-９][0-9０-９,，.]*$")]
    private static partial Regex NumberWord();
}

/// <summary>Which way a page's lines of text run in the displayed page.</summary>
internal enum TextTurn { None, Down, Up, UpsideDown }

internal static class TextTurnNames
{
    public static string Describe(this TextTurn t) => t switch
    {
        TextTurn.Down => "top to bottom (turned a quarter clockwise)",
        TextTurn.Up => "bottom to top (turned a quarter anticlockwise)",
        TextTurn.UpsideDown => "upside down",
        _ => "left to right",
    };
}
