using ExtractReports.Cli.Commands;
using ExtractReports.Evaluation;
using ExtractReports.Pipeline;
using ExtractReports.Scoring;
using ExtractReports.Store;

namespace ExtractReports.Tests.Scoring;

/// <summary>
/// `train`'s store of extractions: a document is read once, then taken from the store with the same
/// fields (so the same training rows) until its bytes or the program change; the saved training rows
/// keep each field's doubt bound and generator.
/// </summary>
public class TrainingExtractionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("er-train-cache-").FullName;

    [Fact]
    public void A_document_is_extracted_once_and_then_read_from_the_store()
    {
        var file = Path.Combine(_dir, "report.txt");
        File.Copy(Path.Combine(TestPaths.Corpus, "text", "text-01-tabdrop-2021.txt"), file);
        var pipeline = Readers.Configure(PipelineBuilder.CreateDefault(), null).UseConfidenceModel(new TrainingSet.Unscored()).Build();
        using var store = new ExtractionStore(Path.Combine(_dir, "cache", "store.db"));

        var first = new TrainingExtractions(store, new TrainingExtractionsOptions());
        var extracted = first.Get(pipeline, file);
        var second = new TrainingExtractions(store, new TrainingExtractionsOptions());
        var reused = second.Get(pipeline, file);

        Assert.Equal((0, 1), (first.Reused, first.Extracted));
        Assert.Equal((1, 0), (second.Reused, second.Extracted));
        static string Plain(ExtractReports.Fields.FieldValue f) => $"{f.FieldId}|{f.Value}|{f.Status}|{f.Features}|{string.Join(",", f.Flags)}|{f.Box}";
        Assert.Equal(extracted.Fields.Select(f => Plain(f.Field)), reused.Fields.Select(f => Plain(f.Field)));
        Assert.Equal(ConfidenceFeatures.Of(new ScoringDocument(extracted.Kind, [.. extracted.Fields.Select(f => f.Field)], extracted.Checks)),
            ConfidenceFeatures.Of(new ScoringDocument(reused.Kind, [.. reused.Fields.Select(f => f.Field)], reused.Checks)));

        // Other bytes under the same name are extracted again.
        File.AppendAllText(file, "\n");
        var third = new TrainingExtractions(store, new TrainingExtractionsOptions());
        third.Get(pipeline, file);
        Assert.Equal((0, 1), (third.Reused, third.Extracted));
    }

    [Fact]
    public void Saved_training_rows_keep_bound_and_generator()
    {
        var rows = ConfidenceModelTests.Synthetic(3, 1).Select((e, i) => e with { Bound = i % 2 == 0 ? 1 : 0.3, Generator = i % 3 == 0 ? "real" : "corpus" }).ToList();
        var path = Path.Combine(_dir, "examples.csv");
        TrainingExamples.Save(rows, path);
        var back = TrainingExamples.Load(path);
        Assert.Equal(rows.Select(r => (r.Document, r.Group, r.Generator, r.Right, r.Bound)), back.Select(r => (r.Document, r.Group, r.Generator, r.Right, r.Bound)));
        Assert.Equal(rows.SelectMany(r => r.Features), back.SelectMany(r => r.Features));
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
