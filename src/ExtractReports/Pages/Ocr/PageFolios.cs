namespace ExtractReports.Pages.Ocr;

/// <summary>
/// A page's printed number (`- 2 -`, `—3—`, `第4页`) in its top or bottom margin. Whole-page OCR reads it as words like any
/// other, and its digit re-read turns the dashes into digits too (`- 2 -` came out `) 2 1` on a 150 dpi fax-like scan):
/// between two parts of a table broken over pages it then stands as a row of numbers among the table's rows. Dropped.
/// </summary>
public static class PageFolios
{
    /// <summary>The words without those of a page number: a line of words of at most <see cref="OcrOptions.MaxFolioLength"/>
    /// characters, one to three of them digits, no wider than <see cref="OcrOptions.MaxFolioWidthInches"/>,
    /// with no other word beyond it toward the page's edge and inside the page's outer <see cref="OcrOptions.FolioMarginShare"/>.</summary>
    public static List<OcrWord> Drop(List<OcrWord> words, int pageHeight, int dpi, OcrOptions options)
    {
        if (words.Count == 0) return words;
        double margin = options.FolioMarginShare * pageHeight, width = options.MaxFolioWidthInches * dpi;
        var folio = new HashSet<OcrWord>(ReferenceEqualityComparer.Instance);
        foreach (var bottom in new[] { true, false })
        {
            // The line nearest the edge: words whose middles lie within the outermost word's height.
            var outer = bottom ? words.MaxBy(w => w.Box.Y1)! : words.MinBy(w => w.Box.Y0)!;
            if (bottom ? outer.Box.Y0 < pageHeight - margin : outer.Box.Y1 > margin) continue;
            var line = words.Where(w => Math.Abs(w.Box.CenterY - outer.Box.CenterY) <= outer.Box.Height / 2).ToList();
            var text = string.Concat(line.OrderBy(w => w.Box.X0).Select(w => w.Text)).Replace(" ", "");
            double span = line.Max(w => w.Box.X1) - line.Min(w => w.Box.X0);
            int digits = text.Count(char.IsAsciiDigit);
            // The dashes around the number read as anything (`上 2 一`, `) 2 (`), and 第 2 页 is a page number too: what tells a
            // page number is a short line of one number alone in the margin.
            if (text.Length <= options.MaxFolioLength && digits is >= 1 and <= 3 && span <= width)
                folio.UnionWith(line);
        }
        return folio.Count == 0 ? words : words.Where(w => !folio.Contains(w)).ToList();
    }
}
