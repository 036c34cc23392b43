using ExtractReports.Lines;

namespace ExtractReports.Pages.Ocr;

/// <summary>A line placed on its page, so table rows and text lines can be put in reading order.</summary>
public sealed record PlacedLine(Line Line, Box Box);

/// <summary>
/// Turns whole-page OCR words into lines of cells: words that share a baseline band form a line (even
/// when Tesseract put a borderless table's columns in separate blocks), and a gap wider than
/// <see cref="OcrOptions.CellGapLineHeights"/> line heights starts a new cell.
/// </summary>
public sealed class WordLineBuilder(OcrOptions options)
{
    public IReadOnlyList<PlacedLine> Build(IEnumerable<OcrWord> words, int page)
    {
        var sorted = words.Where(w => w.Text.Length > 0 && w.Box.Height > 0).OrderBy(w => w.Box.CenterY).ToList();
        var rows = new List<List<OcrWord>>();
        var bands = new List<(double Y0, double Y1)>();
        foreach (var w in sorted)
        {
            int found = -1;
            for (int i = rows.Count - 1; i >= 0 && i >= rows.Count - 3; i--)
            {
                var (y0, y1) = bands[i];
                double overlap = Math.Min(y1, w.Box.Y1) - Math.Max(y0, w.Box.Y0);
                if (overlap >= 0.5 * Math.Min(y1 - y0, w.Box.Height)) { found = i; break; }
            }
            if (found < 0) { rows.Add([w]); bands.Add((w.Box.Y0, w.Box.Y1)); }
            else
            {
                rows[found].Add(w);
                // The band follows the median word, not the tallest one, so a tall bracket does not swallow the next line.
                var hs = rows[found].Select(x => x.Box).OrderBy(b => b.Height).ToList();
                var mid = hs[hs.Count / 2];
                bands[found] = (mid.Y0, mid.Y1);
            }
        }

        var lines = new List<PlacedLine>();
        foreach (var row in rows)
        {
            row.Sort((a, b) => a.Box.X0.CompareTo(b.Box.X0));
            double height = row.Select(w => w.Box.Height).OrderBy(h => h).ElementAt(row.Count / 2);
            var cells = new List<Cell>();
            var current = new List<OcrWord> { row[0] };
            for (int i = 1; i < row.Count; i++)
            {
                if (row[i].Box.X0 - current[^1].Box.X1 > options.CellGapLineHeights * height)
                {
                    cells.Add(ToCell(current));
                    current = [];
                }
                current.Add(row[i]);
            }
            cells.Add(ToCell(current));
            var box = row.Select(w => w.Box).Aggregate((a, b) => a.Union(b));
            lines.Add(new PlacedLine(new Line(cells, page, Delimited: true), box));
        }
        return lines;
    }

    private static Cell ToCell(List<OcrWord> words) =>
        new(OcrText.Join(words.Select(w => w.Text)), words.Select(w => w.Box).Aggregate((a, b) => a.Union(b)), words.Min(w => w.Confidence))
        { Glyphs = new GlyphEvidence(words.Min(w => w.MinSymbolConfidence), 1, true, 0, 0, false, false) };
}
