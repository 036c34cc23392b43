using ExtractReports.Documents;
using ExtractReports.Lines;
using ExtractReports.Pipeline;
using ExtractReports.Store;

namespace ExtractReports.Tests.Pipeline;

/// <summary>A reader that takes its process down, as a library can (a stack overflow, a native crash).</summary>
internal sealed class CrashingReader : ILineReader
{
    public bool CanRead(SourceDocument document) => true;
    public LineDocument Read(SourceDocument document, CancellationToken cancellation)
    {
        Environment.FailFast("test: the reader crashed on this file");
        return null!;
    }
}

/// <summary>
/// This test assembly's entry point, used only by <see cref="CrashGuardTests"/>: run as
/// <c>dotnet ExtractReports.Tests.dll crash-guard-child store.db file</c>, it reads the file under
/// the crash guard with <see cref="CrashingReader"/>, so the process dies while the store marks the
/// file as being read. The test runner itself never calls it.
/// </summary>
public static class CrashGuardChild
{
    public static int Main(string[] args)
    {
        if (args is not ["crash-guard-child", var storePath, var file]) return 2;
        using var store = new ExtractionStore(storePath);
        var pipeline = new PipelineBuilder().UseReader(new CrashingReader()).Build();
        new CrashGuard(pipeline, store).Run(SourceDocument.FromFile(file));
        return 0; // not reached: the reader ends the process
    }
}
