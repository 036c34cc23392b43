namespace ExtractReports.Pages.Ocr;

/// <summary>How a region is read.</summary>
public enum OcrMode
{
    /// <summary>Automatic layout analysis of a whole page or region (Tesseract PSM 3).</summary>
    Page,
    /// <summary>One block of text, possibly several lines (PSM 6): a label cell.</summary>
    Block,
    /// <summary>A single line of text (PSM 7).</summary>
    Line,
    /// <summary>A single line restricted to digits and number punctuation (PSM 7 with a whitelist): a numeric cell.</summary>
    Number,
}

/// <summary>One recognized word: its text, its box in image pixels, the engine's confidence in [0,1], and
/// the lowest confidence of its characters (a misread digit shows there first).</summary>
public sealed record OcrWord(string Text, Box Box, double Confidence, double MinSymbolConfidence);

/// <summary>What a read gave: the words in reading order, grouped into the engine's text lines.</summary>
public sealed record OcrReading(IReadOnlyList<IReadOnlyList<OcrWord>> Lines, double MeanConfidence)
{
    public static readonly OcrReading Empty = new([], 0);
    public IEnumerable<OcrWord> Words => Lines.SelectMany(l => l);
    public bool IsEmpty => !Words.Any(w => w.Text.Length > 0);
}

/// <summary>
/// An OCR engine. Not thread-safe: one engine per worker, reused across pages (<see cref="OcrEnginePool"/>).
/// <see cref="SetImage"/> once per page, then <see cref="Read"/> the page or any rectangle of it.
/// </summary>
public interface IOcrEngine : IDisposable
{
    /// <summary>Sets the page to read. <paramref name="numbers"/>, when given, is the copy that
    /// <see cref="OcrMode.Number"/> reads (same size: a cleaned page); text is read from <paramref name="image"/>.</summary>
    void SetImage(GrayImage image, GrayImage? numbers = null);

    /// <summary>Reads the region (the whole image when null) in the given mode.</summary>
    OcrReading Read(Box? region, OcrMode mode);

    /// <summary>Reads the region cut out of the page and enlarged by <paramref name="factor"/> (interpolated):
    /// a second opinion on a doubtful small number, which Tesseract reads differently at another scale.
    /// Boxes come back in page pixels.</summary>
    OcrReading ReadEnlarged(Box region, OcrMode mode, double factor);

    /// <summary>How the page lies (turned 0, 90, 180 or 270 degrees), or null when the engine cannot tell
    /// (no orientation data installed, or an engine without orientation detection).</summary>
    PageOrientation? DetectOrientation(GrayImage page) => null;
}
