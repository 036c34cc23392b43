namespace ExtractReports.Pages.Pdf;

/// <summary>
/// Reads a text PDF's pages: words with boxes in points, origin top-left, pages turned so that
/// their text reads left to right; ruling lines on request. <see cref="PdfPigPageReader"/> reads in
/// process; <see cref="PopplerPageReader"/> is the second try on a file PdfPig refuses.
/// </summary>
public interface IPdfPageReader
{
    /// <summary>The library named in messages ("PdfPig", "poppler").</summary>
    string Library { get; }

    /// <summary>Every page's words, turned upright, without rulings. Throws <see cref="PdfReadException"/> on a PDF it cannot read.</summary>
    PdfPages ReadWords(byte[] pdf, CancellationToken cancellation);

    /// <summary>The same pages with the ruling lines of the table pages among <paramref name="only"/> (null: all).</summary>
    PdfPages AddRulings(byte[] pdf, PdfPages words, IReadOnlySet<int>? only, CancellationToken cancellation);
}
