namespace ExtractReports.Tests.Pages.Pdf;

/// <summary>A test that runs poppler's tools (and maybe a file of ../shared/real): skipped with the reason when missing.</summary>
public sealed class PopplerFactAttribute : FactAttribute
{
    public PopplerFactAttribute(string? realFile = null)
    {
        if (!Poppler.Installed) Skip = "poppler-utils (pdftotext, pdfinfo, pdftoppm) is not installed on this machine";
        else if (realFile is not null && !File.Exists(Path.Combine(TestPaths.SharedReal, realFile)))
            Skip = $"{realFile} is not in ../shared/real on this machine";
    }
}

public static class Poppler
{
    public static bool Installed { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(d => File.Exists(Path.Combine(d, "pdftotext")) || File.Exists(Path.Combine(d, "pdftotext.exe")));
}
