namespace ExtractReports.Tests;

/// <summary>Where the repository, its corpus and the shared real reports are.</summary>
public static class TestPaths
{
    public static string Root { get; } = FindRoot();
    public static string Corpus => Path.Combine(Root, "corpus");
    /// <summary>../shared/real beside the repository: public reports never copied into the project.</summary>
    public static string SharedReal => Path.GetFullPath(Path.Combine(Root, "..", "shared", "real"));

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "ExtractReports.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
