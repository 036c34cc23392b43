namespace ExtractReports.Pages.Ocr;

/// <summary>
/// The image work OCR needs before reading: decoding, deskewing, binarizing and morphology. The
/// implementation (leptonica) lives in ExtractReports.Native; the algorithms here only see managed images.
/// </summary>
public interface IPageImaging
{
    /// <summary>Decodes an image file (PNG, JPEG, TIFF with all its pages, PNM, BMP) into gray pages. A page's
    /// Dpi is 0 when the file does not state a believable resolution.</summary>
    IReadOnlyList<GrayImage> Decode(byte[] encoded);

    /// <summary>Finds the skew of the page's text within ±<paramref name="maxAngleDegrees"/> and returns the page
    /// turned upright with the angle found; a page whose skew is found with less than
    /// <paramref name="minConfidence"/> is returned as it is (angle 0).
    /// Turned by shears: rows and columns are shifted whole, so a black-and-white page stays black and white and glyphs
    /// keep their strokes.</summary>
    Deskewed Deskew(GrayImage image, double maxAngleDegrees, double minConfidence);

    /// <summary>The page turned by <paramref name="angleDegrees"/> as <see cref="Deskew"/> turns it, but by area mapping:
    /// each pixel is made of the pixels it covers, so a thin or dotted line stays straight where shears shift it in steps.
    /// A black-and-white page comes out gray.</summary>
    GrayImage Rotate(GrayImage image, double angleDegrees);

    /// <summary>Ink and background, adaptively (scans have uneven light).</summary>
    BinaryImage Binarize(GrayImage image);

    /// <summary>Ink and background by Sauvola's rule with factor <paramref name="sauvolaFactor"/> (how far below its
    /// neighbourhood's mean a pixel must be to count as ink): a low factor keeps faint marks, such as the light dots of
    /// a dotted ruling in a gray scan, that <see cref="Binarize(GrayImage)"/> drops.</summary>
    BinaryImage Binarize(GrayImage image, double sauvolaFactor);

    /// <summary>Morphological opening with a rectangular brick: keeps only ink that holds a whole brick.</summary>
    BinaryImage Open(BinaryImage image, int brickWidth, int brickHeight);

    /// <summary>The image scaled by a factor (small scans are enlarged before OCR).</summary>
    GrayImage Scale(GrayImage image, double factor);
}

/// <summary>A deskewed page: the image, the angle it was turned by (degrees), and how sure the finder was.</summary>
public sealed record Deskewed(GrayImage Image, double AngleDegrees, double Confidence);
