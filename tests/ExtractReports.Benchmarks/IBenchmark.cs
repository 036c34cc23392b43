namespace ExtractReports.Benchmarks;

/// <summary>One benchmark: measures a stage or the whole pipeline on corpus files and prints its figures.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    void Run(string repositoryRoot, TextWriter output);
}

public static class BenchmarkPaths
{
    /// <summary>The folder holding ExtractReports.sln, found upwards from the working directory.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ExtractReports.sln"))) return dir.FullName;
        throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
