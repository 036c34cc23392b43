namespace ExtractReports.Pages.Ocr;

/// <summary>
/// Finds the folder with the Tesseract language data without configuration: the option (--tessdata)
/// first, then TESSDATA_PREFIX, then the places Debian/Ubuntu packages and the Windows installer use.
/// </summary>
public static class TessdataLocator
{
    public static IReadOnlyList<string> DefaultFolders { get; } =
    [
        "/usr/share/tesseract-ocr/5/tessdata",
        "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata",
        "/usr/local/share/tessdata",
        "/opt/homebrew/share/tessdata",
        @"C:\Program Files\Tesseract-OCR\tessdata",
    ];

    /// <summary>The folder holding <c>{language}.traineddata</c> for every language of <paramref name="languages"/>
    /// (joined with '+'), or an exception saying where it looked and how to get the file.</summary>
    public static string Locate(string? configured, string languages, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var langs = languages.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var candidates = new List<(string Folder, string Source)>();
        if (!string.IsNullOrWhiteSpace(configured)) candidates.Add((configured, "--tessdata"));
        else
        {
            if (environment("TESSDATA_PREFIX") is { Length: > 0 } prefix)
            {
                // Tesseract accepts both the tessdata folder and its parent in TESSDATA_PREFIX.
                candidates.Add((prefix, "TESSDATA_PREFIX"));
                candidates.Add((Path.Combine(prefix, "tessdata"), "TESSDATA_PREFIX"));
            }
            candidates.AddRange(DefaultFolders.Select(f => (f, "default")));
        }
        foreach (var (folder, _) in candidates)
            if (langs.All(l => File.Exists(Path.Combine(folder, l + ".traineddata")))) return folder;

        var looked = string.Join(", ", candidates.Select(c => c.Folder).Distinct());
        var files = string.Join(" and ", langs.Select(l => l + ".traineddata"));
        throw new TessdataMissingException(
            $"OCR needs {files}, which is not in {looked}. Install it (Debian/Ubuntu: apt-get install tesseract-ocr-chi-sim; " +
            "Windows: the Tesseract installer with Chinese Simplified) or point --tessdata or TESSDATA_PREFIX at the folder holding it");
    }
}

/// <summary>The OCR language data is not installed where the program looked.</summary>
public sealed class TessdataMissingException(string message) : Exception(message);
