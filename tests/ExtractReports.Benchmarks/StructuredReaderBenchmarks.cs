using System.Diagnostics;
using ExtractReports.Documents;
using ExtractReports.Lines;
using ExtractReports.Lines.Docx;
using ExtractReports.Lines.Html;

namespace ExtractReports.Benchmarks;

/// <summary>Time to turn each document of a corpus folder into lines, with a structured reader (HTML, DOCX).</summary>
public abstract class StructuredReaderBenchmark(string kind, ILineReader reader) : IBenchmark
{
    private const int Rounds = 5;

    public string Name => kind + "-lines";
    public string Description => $"{reader.GetType().Name} on corpus/{kind} ({Rounds} rounds after a warm-up): ms per document, lines, tables";

    public void Run(string repositoryRoot, TextWriter output)
    {
        var folder = Path.Combine(repositoryRoot, "corpus", kind);
        var documents = Directory.Exists(folder)
            ? Directory.GetFiles(folder).Select(SourceDocument.FromFile).Where(reader.CanRead).ToList()
            : [];
        if (documents.Count == 0) { output.WriteLine($"  no {kind} documents in {folder}"); return; }
        double total = 0;
        foreach (var document in documents)
        {
            var lines = reader.Read(document, CancellationToken.None); // warm-up, and the figures printed
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < Rounds; i++) reader.Read(document, CancellationToken.None);
            var ms = clock.Elapsed.TotalMilliseconds / Rounds;
            total += ms;
            output.WriteLine($"  {document.Name,-40} {document.Bytes.Length / 1024.0,7:0.0} KiB {ms,8:0.00} ms {lines.Lines.Count,5} lines  {lines.Notes.LastOrDefault()}");
        }
        output.WriteLine($"  mean {total / documents.Count:0.00} ms per document over {documents.Count}");
    }
}

public sealed class HtmlReaderBenchmark() : StructuredReaderBenchmark("html", new HtmlLineReader());

public sealed class DocxReaderBenchmark() : StructuredReaderBenchmark("docx", new DocxLineReader());
