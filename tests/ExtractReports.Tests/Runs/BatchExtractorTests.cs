using ExtractReports.Pipeline;
using ExtractReports.Runs;
using ExtractReports.Schema;
using ExtractReports.Store;

namespace ExtractReports.Tests.Runs;

/// <summary>Reruns: an unchanged batch reads no input and keeps its outputs; a changed input alone is extracted again.</summary>
public class BatchExtractorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("er-batch-").FullName;
    private string Out => Path.Combine(_dir, "out");

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void An_unchanged_rerun_reads_no_input_and_a_changed_input_alone_is_extracted_again()
    {
        var files = Directory.GetFiles(Path.Combine(TestPaths.Corpus, "seeds"), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => { var t = Path.Combine(_dir, Path.GetFileName(f)); File.Copy(f, t); return t; }).ToList();
        var pipeline = PipelineBuilder.CreateDefault().Build();
        int loads = 0;
        List<BatchInput> Inputs(ExtractionStore store) => files.Select(f => BatchInput.FromFile(f, store))
            .Select(i => i with { Load = () => { Interlocked.Increment(ref loads); return i.Load!(); } }).ToList();
        BatchReport Run()
        {
            using var store = new ExtractionStore(Path.Combine(Out, "extractreports.db"));
            return new BatchExtractor(pipeline, store, StandardSchema.Default, new BatchOptions { Jobs = 2, Window = 2 }).Run(Inputs(store), Out);
        }

        var first = Run();
        Assert.Equal((files.Count, files.Count, 0, files.Count), (first.New, first.Extracted, first.Reused, loads));
        var fields = File.ReadAllText(Path.Combine(Out, "fields.csv"));
        Assert.Equal(files.Count, File.ReadAllLines(Path.Combine(Out, "documents.csv")).Length - 1);

        loads = 0;
        var second = Run();
        Assert.True(second.OutputsUnchanged);
        Assert.Equal((0, files.Count, 0), (second.Extracted, second.Unchanged, loads));
        Assert.Equal(fields, File.ReadAllText(Path.Combine(Out, "fields.csv")));

        File.AppendAllText(files[0], "\n");
        var third = Run();
        Assert.False(third.OutputsUnchanged);
        Assert.Equal((1, 1, files.Count - 1, 1), (third.Extracted, third.Changed, third.Unchanged, loads));
        Assert.Equal(files.Count, File.ReadAllLines(Path.Combine(Out, "documents.csv")).Length - 1);
        Assert.False(File.Exists(Path.Combine(Out, "fields.csv.partial")));
    }
}
