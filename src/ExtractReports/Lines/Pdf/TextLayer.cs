using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ExtractReports.Pages;

namespace ExtractReports.Lines.Pdf;

/// <summary>When a PDF's text layer is too poor to read and OCR must take over.</summary>
public sealed record TextLayerOptions
{
    /// <summary>
    /// Fewer readable characters than this per page (on average) is "no text layer": a scan, maybe
    /// with a few stamped words. 20: a report page holds hundreds.
    /// </summary>
    public int MinCharactersPerPage { get; init; } = 20;

    /// <summary>
    /// A larger share of unreadable characters (private-use code points, U+FFFD, control characters,
    /// <c>(cid:123)</c> placeholders) means the fonts have no Unicode map. 0.1.
    /// </summary>
    public double MaxGarbledShare { get; init; } = 0.1;

    /// <summary>
    /// A Chinese report whose letters are mostly not Chinese either is garbled (glyph codes read as
    /// Latin-1) or not a report; below this share of CJK among letters OCR gets a try. 0.2.
    /// </summary>
    public double MinChineseShare { get; init; } = 0.2;
}

/// <summary>Decides whether a PDF's words are real text.</summary>
public static partial class TextLayer
{
    /// <summary>Null when the text is usable, else the reason OCR is needed.</summary>
    public static string? Check(IReadOnlyList<Page> pages, TextLayerOptions options)
    {
        long total = 0, garbled = 0, cjk = 0, letters = 0;
        foreach (var page in pages)
            foreach (var word in page.Words)
            {
                var text = word.Text;
                garbled += CidPlaceholder().Matches(text).Sum(m => m.Length);
                foreach (var rune in text.EnumerateRunes())
                {
                    total++;
                    int v = rune.Value;
                    if (v is >= 0xE000 and <= 0xF8FF or >= 0xF0000 or 0xFFFD || Rune.IsControl(rune)) garbled++;
                    else if (v is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF) { cjk++; letters++; }
                    else if (Rune.IsLetter(rune)) letters++;
                }
            }
        int pageCount = Math.Max(1, pages.Count);
        if (total < (long)options.MinCharactersPerPage * pageCount)
            return total == 0
                ? "the PDF has no text layer (a scan or images only)"
                : $"the PDF's text layer holds only {total} characters on {pageCount} page(s): a scan or images";
        if (garbled > total * options.MaxGarbledShare)
            return string.Create(CultureInfo.InvariantCulture,
                $"the PDF's text has no Unicode map ({100.0 * garbled / total:0}% unreadable characters such as (cid:n) or private-use codes)");
        if (letters > 0 && cjk < letters * options.MinChineseShare)
            return string.Create(CultureInfo.InvariantCulture,
                $"the PDF's text is not Chinese ({100.0 * cjk / letters:0}% CJK letters): its fonts likely map glyphs to wrong characters");
        return null;
    }

    [GeneratedRegex(@"\(cid:\d+\)")]
    private static partial Regex CidPlaceholder();
}
