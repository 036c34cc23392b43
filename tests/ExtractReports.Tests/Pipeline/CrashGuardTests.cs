using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using ExtractReports.Cli.Commands;
using ExtractReports.Documents;
using ExtractReports.Lines;
using ExtractReports.Pipeline;
using ExtractReports.Store;
using Microsoft.Data.Sqlite;

namespace ExtractReports.Tests.Pipeline;

/// <summary>A reader that crashes the process or hangs costs one error row, never the batch.</summary>
public sealed class CrashGuardTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("er-guard-").FullName;
    private string Out => Path.Combine(_dir, "out");
    private string StorePath => Path.Combine(Out, "extractreports.db");
    private static int Cli(params string[] args) => RootCommandFactory.Create().Parse(args).Invoke();

    private string CopySeed(string name, string target)
    {
        var path = Path.Combine(_dir, target + ".txt");
        File.Copy(Path.Combine(TestPaths.Corpus, "seeds", name + ".txt"), path, true);
        return path;
    }

    private List<Dictionary<string, string>> Documents()
    {
        using var reader = new StreamReader(Path.Combine(Out, "documents.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Select(r => ((IDictionary<string, object>)r).ToDictionary(k => k.Key, k => (string)k.Value)).ToList();
    }

    private long Marks()
    {
        using var db = new SqliteConnection($"Data Source={StorePath}");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM reading";
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public void A_file_the_reader_crashed_on_is_failed_by_the_next_run_which_goes_on()
    {
        var poison = CopySeed("001_472372508976de87", "poison");
        var good = CopySeed("000_a6b295982b957889", "good");
        Directory.CreateDirectory(Out);

        // A run that dies inside the reader, in a process of its own.
        var child = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { typeof(CrashGuardChild).Assembly.Location, "crash-guard-child", StorePath, poison })
            child.ArgumentList.Add(a);
        using (var p = Process.Start(child)!)
        {
            p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            Assert.True(p.WaitForExit(60_000));
            Assert.NotEqual(0, p.ExitCode);
        }
        Assert.Equal(1, Marks()); // the dead run left its mark

        // The next run fails that file with a clear message and reads the rest.
        Assert.Equal(ExitCodes.SomeDocumentsFailed, Cli("extract", poison, good, "--out", Out));
        var rows = Documents().ToDictionary(r => r["document"]);
        Assert.Equal("error", rows["poison"]["status"]);
        Assert.Contains("the reader crashed on this file", rows["poison"]["message"]);
        Assert.Contains("text reader", rows["poison"]["message"]); // the library is named
        Assert.NotEqual("error", rows["good"]["status"]);
        Assert.Equal(0, Marks());

        // A later run does not read the poison file again under the same program.
        Assert.Equal(ExitCodes.SomeDocumentsFailed, Cli("extract", poison, good, "--out", Out));
        Assert.Contains("the reader crashed on this file", Documents().Single(r => r["document"] == "poison")["message"]);
    }

    /// <summary>A reader stuck in a loop that never looks at its cancellation token.</summary>
    private sealed class HangingReader(ManualResetEventSlim release) : ILineReader
    {
        public bool CanRead(SourceDocument document) => document.Name == "hang";
        public LineDocument Read(SourceDocument document, CancellationToken cancellation)
        {
            release.Wait();
            throw new DocumentReadException("released");
        }
    }

    [Fact]
    public void A_document_past_the_time_limit_fails_and_the_next_is_read()
    {
        using var release = new ManualResetEventSlim();
        var pipeline = PipelineBuilder.CreateDefault().Build();
        var hanging = new PipelineBuilder().UseReader(new HangingReader(release)).UseReader(new ExtractReports.Lines.TextDump.TextDumpReader()).Build();
        using var store = new ExtractionStore(StorePath);
        var guard = new CrashGuard(hanging, store, new CrashGuardOptions { Timeout = TimeSpan.FromSeconds(1) });
        try
        {
            var watch = Stopwatch.StartNew();
            var stuck = guard.Run(SourceDocument.FromFile(CopySeed("001_472372508976de87", "hang")));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
            Assert.Equal(DocumentStatus.Error, stuck.Status);
            Assert.Contains("time limit of 1 s", stuck.Message);
            Assert.Equal(0, Marks());

            var next = guard.Run(SourceDocument.FromFile(CopySeed("000_a6b295982b957889", "next")));
            Assert.NotEqual(DocumentStatus.Error, next.Status);
        }
        finally { release.Set(); }
    }

    [Fact]
    public void A_mark_of_a_running_process_is_not_taken_for_a_crash()
    {
        using var store = new ExtractionStore(StorePath);
        store.MarkReading("abc", "doc", "/x/doc.pdf", "PdfPig");
        Assert.Empty(store.LeftReading());
        Assert.Empty(new CrashGuard(PipelineBuilder.CreateDefault().Build(), store).Recover());
    }

    [Fact]
    public void The_time_limit_must_be_positive() =>
        Assert.Throws<ArgumentException>(() => new CrashGuardOptions { Timeout = TimeSpan.Zero }.Validate());

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
