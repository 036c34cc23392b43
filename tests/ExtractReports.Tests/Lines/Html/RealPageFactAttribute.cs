namespace ExtractReports.Tests.Lines.Html;

/// <summary>
/// A test on a real published page from ../shared/real (beside the repository, not copied into it);
/// skipped with the reason when that folder is not on this machine.
/// </summary>
public sealed class RealPageFactAttribute : FactAttribute
{
    public RealPageFactAttribute(string fileName)
    {
        if (RealPages.Find(fileName) is null) Skip = $"{fileName} is not in ../shared/real on this machine";
    }
}

internal static class RealPages
{
    public static string? Find(string fileName)
    {
        var path = Path.Combine(TestPaths.SharedReal, fileName);
        return File.Exists(path) ? path : null;
    }
}
