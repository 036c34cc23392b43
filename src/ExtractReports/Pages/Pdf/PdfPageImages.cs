using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace ExtractReports.Pages.Pdf;

/// <summary>
/// The page images of a scanned PDF as they are stored in it, read in process with PdfPig: a JPEG
/// (<c>/DCTDecode</c>) is handed out as its own bytes (no second JPEG generation, no decode here:
/// leptonica reads them), CCITT fax, Flate and other images PdfPig decodes as PNG. Only for a PDF
/// whose every page is one image covering the page; JBIG2 and JPX images, which PdfPig cannot
/// decode, and anything else are left to poppler (<see cref="Open"/> gives null).
/// </summary>
public sealed class PdfPageImages : IDisposable
{
    /// <summary>A page's image must be at least this share of the page's width to be the page (a logo on a text page is no scan). 0.8.</summary>
    public const double MinPageCover = 0.8;

    private readonly PdfDocument document;
    private readonly List<IPdfImage> images;

    private PdfPageImages(PdfDocument document, List<IPdfImage> images)
    {
        this.document = document;
        this.images = images;
    }

    /// <summary>The pages' images, or null when PdfPig cannot open the PDF or some page is not one full-page image it can hand out.</summary>
    public static PdfPageImages? Open(byte[] pdf)
    {
        PdfDocument? document = null;
        try
        {
            document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var images = new List<IPdfImage>(document.NumberOfPages);
            for (int n = 1; n <= document.NumberOfPages; n++)
            {
                var page = document.GetPage(n);
                var onPage = page.GetImages().ToList();
                if (onPage is not [var image] || image.BoundingBox.Width < MinPageCover * page.Width || !CanHandOut(image))
                {
                    document.Dispose();
                    return null;
                }
                images.Add(image);
            }
            return new PdfPageImages(document, images);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            document?.Dispose();
            return null; // poppler gets its turn
        }
    }

    public int Count => images.Count;

    /// <summary>
    /// Page <paramref name="index"/>'s image file (JPEG or PNG) and its resolution (dots per inch
    /// across the page, 0 when unknown). Throws <see cref="PdfReadException"/> when PdfPig cannot decode it.
    /// </summary>
    public (byte[] Encoded, int Dpi) Page(int index)
    {
        var image = images[index];
        int dpi = image.BoundingBox.Width > 0 ? (int)Math.Round(image.WidthInSamples / (image.BoundingBox.Width / 72)) : 0;
        if (IsPlainJpeg(image)) return (image.RawMemory.ToArray(), dpi);
        if (image.TryGetPng(out var png)) return (png, dpi);
        throw new PdfReadException(PdfFailure.Damaged, $"PdfPig could not decode the image of page {index + 1}");
    }

    private static IReadOnlyList<string> Filters(IPdfImage image)
    {
        if (!image.ImageDictionary.TryGet(NameToken.Filter, out IToken? filter)) return [];
        return filter switch
        {
            NameToken name => [name.Data],
            ArrayToken array => array.Data.OfType<NameToken>().Select(n => n.Data).ToList(),
            _ => ["?"],
        };
    }

    /// <summary>A JPEG stored as a file leptonica reads as it is: gray or RGB (a CMYK JPEG's inversion is PdfPig's to handle), not a mask, no decode array.</summary>
    private static bool IsPlainJpeg(IPdfImage image) =>
        Filters(image) is ["DCTDecode"] && !image.IsImageMask && image.Decode.Count == 0
        && image.ColorSpaceDetails?.Type is UglyToad.PdfPig.Graphics.Colors.ColorSpace.DeviceGray or UglyToad.PdfPig.Graphics.Colors.ColorSpace.DeviceRGB;

    private static bool CanHandOut(IPdfImage image) =>
        !Filters(image).Any(f => f is "JBIG2Decode" or "JPXDecode") && !image.IsImageMask;

    public void Dispose() => document.Dispose();
}
