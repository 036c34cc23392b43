using ExtractReports.Documents;
using ExtractReports.Lines;
using ExtractReports.Lines.TextDump;
using ExtractReports.Pipeline;

namespace ExtractReports.Tests.Pipeline;

/// <summary>
/// The pipeline takes a reader's closer reading (<see cref="LineDocument.CloserReading"/>) exactly
/// when the tables of the first reading leave doubt (<see cref="ReadingDoubt"/>).
/// </summary>
public sealed class CloserReadingTests
{
    private static readonly string Seed = Path.Combine(TestPaths.Corpus, "seeds", "003_2c0ad4f5183450d8.txt");

    /// <summary>Reads a seed dump as given (the "quick" reading), offering the whole seed as the closer one.</summary>
    private sealed class TwoReadings(Func<LineDocument, LineDocument> quick) : ILineReader
    {
        private readonly TextDumpReader text = new();
        public int CloserReads { get; private set; }
        public IReadOnlySet<int>? Pages { get; private set; }
        public bool CanRead(SourceDocument document) => document.Kind == DocumentKind.Text;
        public LineDocument Read(SourceDocument document, CancellationToken cancellation)
        {
            var full = text.Read(document, cancellation);
            return quick(full) with
            {
                CloserReading = (pages, _) => { CloserReads++; Pages = pages; return full with { Method = "closer" }; },
            };
        }
    }

    [Fact]
    public void A_plain_reading_is_kept_and_the_closer_one_never_made()
    {
        var reader = new TwoReadings(full => full);
        var result = new PipelineBuilder().UseReader(reader).Build().Run(Seed);
        Assert.Equal(DocumentStatus.Ok, result.Status);
        Assert.Equal(0, reader.CloserReads);
        Assert.NotEqual("closer", result.Method);
    }

    [Fact]
    public void A_reading_that_lost_a_table_is_read_again_closer()
    {
        // The quick reading lost everything from table 四's heading on.
        var reader = new TwoReadings(full => full with
        {
            Lines = full.Lines.TakeWhile(l => !l.Text.Contains("四、政府信息公开行政复议")).ToList(),
        });
        var pipeline = new PipelineBuilder().UseReader(reader).Build();
        var result = pipeline.Run(Seed);
        Assert.Equal(1, reader.CloserReads);
        Assert.Equal("closer", result.Method);
        Assert.Equal(DocumentStatus.Ok, result.Status);
        Assert.Null(reader.Pages); // a table not found is on no page: every page is read again
        Assert.Contains(pipeline.Lines(SourceDocument.FromFile(Seed)).Notes, n => n.Contains("table 四 not found"));
    }

    [Fact]
    public void A_row_whose_numbers_moved_a_column_asks_for_the_closer_reading()
    {
        // The quick reading lost a row's first number: the others moved one column left, as a blank
        // cell invisible without its rulings would make them. Its row sum breaks or is inferred.
        var reader = new TwoReadings(full => full with { Lines = full.Lines.Select(DropFirstNumberOfNewRequests).ToList() });
        var result = new PipelineBuilder().UseReader(reader).Build().Run(Seed);
        Assert.Equal(1, reader.CloserReads);
        Assert.Equal("closer", result.Method);
        Assert.Equal([1], reader.Pages!); // a text dump is one page: the doubt lies on it
    }

    private static Line DropFirstNumberOfNewRequests(Line line)
    {
        if (!line.Text.Contains("本年新收")) return line;
        int first = line.Cells.ToList().FindIndex(c => c.Text.Trim().All(char.IsAsciiDigit) && c.Text.Trim().Length > 0);
        return first < 0 ? line : line with { Cells = line.Cells.Where((_, i) => i != first).ToList() };
    }
}
