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

/// <summary>Memory flat in the batch: a document that allocated page images' worth is followed by a collection; light ones are not.</summary>
public class BatchExtractorMemoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("er-batch-mem-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    /// <summary>Reads every text document as no report; one whose text says "scan" first allocates and drops 40 page-sized buffers.</summary>
    private sealed class PageImagesReader : ExtractReports.Lines.ILineReader
    {
        public bool CanRead(ExtractReports.Documents.SourceDocument document) => document.Kind == ExtractReports.Documents.DocumentKind.Text;

        public ExtractReports.Lines.LineDocument Read(ExtractReports.Documents.SourceDocument document, CancellationToken cancellation)
        {
            if (System.Text.Encoding.UTF8.GetString(document.Bytes).Contains("scan"))
                for (int i = 0; i < 40; i++) GC.KeepAlive(new byte[4 << 20]);
            return new ExtractReports.Lines.LineDocument([], "test");
        }
    }

    [Fact]
    public void A_document_that_allocated_more_than_the_limit_is_followed_by_a_collection_and_a_light_one_is_not()
    {
        var names = new[] { "a-text", "b-scan", "c-text", "d-scan", "e-scan", "f-text" };
        var files = names.Select(n => { var f = Path.Combine(_dir, n + ".txt"); File.WriteAllText(f, $"{n} 政府信息公开工作年度报告"); return f; }).ToList();
        var pipeline = new PipelineBuilder().UseReader(new PageImagesReader()).Build();
        using var store = new ExtractionStore(Path.Combine(_dir, "out", "extractreports.db"));
        int released = 0;
        var report = new BatchExtractor(pipeline, store, StandardSchema.Default, new BatchOptions { Jobs = 2, Window = 4, CollectAfterBytes = 64L << 20 })
            { ReleaseMemory = () => Interlocked.Increment(ref released) }
            .Run(files.Select(f => BatchInput.FromFile(f, store)).ToList(), Path.Combine(_dir, "out"));
        Assert.Equal(names.Length, report.Documents);
        Assert.Equal(3, released);
    }

    [Fact]
    public void The_native_heap_is_trimmed_after_each_collection_and_trimming_is_safe_to_call()
    {
        var names = new[] { "a-text", "b-scan", "c-scan" };
        var files = names.Select(n => { var f = Path.Combine(_dir, n + ".txt"); File.WriteAllText(f, $"{n} 政府信息公开工作年度报告"); return f; }).ToList();
        var pipeline = new PipelineBuilder().UseReader(new PageImagesReader()).Build();
        using var store = new ExtractionStore(Path.Combine(_dir, "out", "extractreports.db"));
        int trimmed = 0;
        new BatchExtractor(pipeline, store, StandardSchema.Default, new BatchOptions
            {
                Jobs = 1, CollectAfterBytes = 64L << 20,
                ReleaseNativeMemory = () => { ExtractReports.Native.NativeHeap.Trim(); Interlocked.Increment(ref trimmed); },
            })
            .Run(files.Select(f => BatchInput.FromFile(f, store)).ToList(), Path.Combine(_dir, "out"));
        Assert.Equal(2, trimmed);
    }
}
