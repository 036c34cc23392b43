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
    /// <summary>The file in ../shared/real next to the repository root (the folder holding ExtractReports.sln).</summary>
    public static string? Find(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "ExtractReports.sln"))) continue;
            var path = Path.Combine(dir.FullName, "..", "shared", "real", fileName);
            return File.Exists(path) ? Path.GetFullPath(path) : null;
        }
        return null;
    }
}
