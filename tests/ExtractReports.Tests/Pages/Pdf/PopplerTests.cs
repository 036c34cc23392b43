namespace ExtractReports.Tests;

public static class PopplerTests
{
    /// <summary>Tests that run poppler's tools return early (skip) on a machine without them.</summary>
    public static bool PopplerInstalled { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(d => File.Exists(Path.Combine(d, "pdftotext")) || File.Exists(Path.Combine(d, "pdftotext.exe")));
}
