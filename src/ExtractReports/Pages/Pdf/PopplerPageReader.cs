using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ExtractReports.Pages.Rulings;

namespace ExtractReports.Pages.Pdf;

/// <summary>The pages of a PDF and what a person should know about how they were read.</summary>
public sealed record PdfPages(IReadOnlyList<Page> Pages, bool Encrypted, IReadOnlyList<string> Diagnostics);

/// <summary>
/// Reads a PDF's pages with poppler's command-line tools, each a child process with a time limit
/// (see docs/pdf-reader.md for why not the C API): <c>pdfinfo</c> for page count, rotation and
/// encryption, <c>pdftotext -tsv</c> for every word with its box, and for pages that look like
/// tables a low-resolution <c>pdftoppm</c> render in which <see cref="RasterRulingFinder"/> finds
/// the ruling lines. Coordinates are points, origin top-left, in the page's displayed (rotated)
/// orientation. Poppler does not report font sizes through these tools, so <see cref="Word.FontSize"/> stays 0.
/// </summary>
public sealed partial class PopplerPageReader(PdfOptions options)
{
    private readonly PdfOptions options = Validated(options);

    private static PdfOptions Validated(PdfOptions o) { o.Validate(); return o; }

    public PdfPages Read(byte[] pdf, CancellationToken cancellation)
    {
        var info = Info(pdf, cancellation);
        var pages = Words(pdf, info, cancellation);
        var diagnostics = new List<string>();
        if (options.FindRulings)
            pages = WithRulings(pdf, pages, diagnostics, cancellation);
        return new PdfPages(pages, info.Encrypted, diagnostics);
    }

    private sealed record InfoResult(int Pages, bool Encrypted, IReadOnlyDictionary<int, int> Rotation);

    private InfoResult Info(byte[] pdf, CancellationToken cancellation)
    {
        var r = PopplerProcess.Run(options, "pdfinfo", ["-f", "1", "-l", "100000", "-"], pdf, cancellation);
        ThrowOnFailure("pdfinfo", r);
        var text = Encoding.UTF8.GetString(r.Output);
        int pages = 0;
        bool encrypted = false;
        var rotation = new Dictionary<int, int>();
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("Pages:", StringComparison.Ordinal)) int.TryParse(line[6..].Trim(), out pages);
            else if (line.StartsWith("Encrypted:", StringComparison.Ordinal)) encrypted = line[10..].Trim().StartsWith("yes", StringComparison.Ordinal);
            else if (PageRotation().Match(line) is { Success: true } m)
                rotation[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        }
        return new InfoResult(pages, encrypted, rotation);
    }

    private List<Page> Words(byte[] pdf, InfoResult info, CancellationToken cancellation)
    {
        var r = PopplerProcess.Run(options, "pdftotext", ["-tsv", "-enc", "UTF-8", "-", "-"], pdf, cancellation);
        ThrowOnFailure("pdftotext", r);
        return ParseTsv(Encoding.UTF8.GetString(r.Output), info.Rotation);
    }

    /// <summary>Parses <c>pdftotext -tsv</c>: level 1 rows are pages (with their size), level 5 rows words.</summary>
    internal static List<Page> ParseTsv(string tsv, IReadOnlyDictionary<int, int> rotation)
    {
        var pages = new List<Page>();
        List<Word>? words = null;
        int number = 0;
        double width = 0, height = 0;
        void Flush()
        {
            if (words is not null)
                pages.Add(new Page(number, width, height, words, [], rotation.GetValueOrDefault(number)));
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
            }
            else if (level == 5 && words is not null)
            {
                // The text is the rest of the row: a word never holds a tab, but be safe.
                var text = string.Join("\t", f[11..]);
                if (text.Length == 0) continue;
                double x = D(6), y = D(7);
                words.Add(new Word(text, new Box(x, y, x + D(8), y + D(9))));
            }
        }
        Flush();
        return pages;
    }

    private List<Page> WithRulings(byte[] pdf, List<Page> pages, List<string> diagnostics, CancellationToken cancellation)
    {
        var tablePages = pages.Where(p => NumericRows(p.Words) >= options.MinNumericRowsForRulings).Select(p => p.Number).ToList();
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

    /// <summary>Text lines holding two or more words that are numbers: the rows of a statistical table.</summary>
    internal static int NumericRows(IReadOnlyList<Word> words)
    {
        var numeric = words.Where(w => NumberWord().IsMatch(w.Text)).OrderBy(w => w.Box.CenterY).ToList();
        int rows = 0, inRow = 0;
        double y = double.NegativeInfinity, h = 0;
        foreach (var w in numeric)
        {
            if (Math.Abs(w.Box.CenterY - y) <= Math.Max(h, w.Box.Height) / 2) { if (++inRow == 2) rows++; continue; }
            y = w.Box.CenterY; h = w.Box.Height; inRow = 1;
        }
        return rows;
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

    [GeneratedRegex(@"^Page\s+(\d+)\s+rot:\s+(\d+)")]
    private static partial Regex PageRotation();

    [GeneratedRegex(@"^[-+]?[0-9０-９][0-9０-９,，.]*$")]
    private static partial Regex NumberWord();
}
