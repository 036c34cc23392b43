using ExtractReports.Cli.Commands;
using ExtractReports.Pipeline;

namespace ExtractReports.Review.Tests;

/// <summary>A temporary output folder that `extract` wrote for some corpus documents, and review servers on it.</summary>
public sealed class ReviewFolder : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("er-review-web-").FullName;
    public string Out => Path.Combine(Dir, "out");

    public static string Root { get; } = FindRoot();

    public static int Cli(params string[] args) => RootCommandFactory.Create().Parse(args).Invoke();

    /// <summary>Copies corpus documents (paths under corpus/) beside the output folder and extracts them into it.</summary>
    public IReadOnlyList<string> Extract(params string[] corpusFiles)
    {
        var copies = corpusFiles.Select(f =>
        {
            var target = Path.Combine(Dir, Path.GetFileName(f));
            File.Copy(Path.Combine(Root, "corpus", f), target, true);
            return target;
        }).ToList();
        int code = Cli(["extract", .. copies, "--out", Out, "--jobs", "2"]);
        Assert.Equal(ExitCodes.Ok, code);
        return copies;
    }

    public ReviewServer Serve(string reviewer = "tester", string host = "127.0.0.1")
    {
        var pipeline = Readers.Configure(PipelineBuilder.CreateDefault(), null).Build();
        return ReviewServer.Create(new ReviewServerOptions { OutputFolder = Out, Port = 0, Reviewer = reviewer, Host = host }, doc => pipeline.Lines(doc));
    }

    public List<Dictionary<string, string>> Rows(string file) => ExtractReports.Outputs.CsvRows.Read(Path.Combine(Out, file)).ToList();

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "ExtractReports.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, true); } catch (IOException) { }
    }
}
