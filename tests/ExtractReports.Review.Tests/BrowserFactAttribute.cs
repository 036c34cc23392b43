namespace ExtractReports.Review.Tests;

/// <summary>A test that needs Debian's chromium (and OCR, for the scanned document); skipped with the reason on a machine without them. run.sh test installs both.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium)) Skip = "chromium is not installed at /usr/bin/chromium (run.sh test installs it)";
        else if (!ExtractReports.Native.NativeLibraries.TryLoadOcr(out var reason)) Skip = reason;
    }
}
