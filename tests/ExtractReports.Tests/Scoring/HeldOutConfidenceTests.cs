using ExtractReports.Cli.Commands;
using ExtractReports.Evaluation;
using ExtractReports.Pipeline;
using ExtractReports.Scoring;

namespace ExtractReports.Tests.Scoring;

/// <summary>
/// The chosen trainer and calibrator (those of the model built in) on documents they were not
/// fitted on: the corpus's text kinds and the real reports in ../shared/real, each kind held out in
/// turn, as `train` measures it (scans left out here: OCR makes it a long run, `train` covers them).
/// </summary>
public class HeldOutConfidenceTests
{
    [Fact]
    public void The_chosen_model_is_calibrated_on_kinds_it_did_not_see()
    {
        if (!Directory.Exists(TestPaths.SharedReal)) return; // ../shared absent: the real group is the one that matters
        var folders = new[] { "seeds", "text", "html", "docx", "pdf" }.Select(k => Path.Combine(TestPaths.Corpus, k)).ToList();
        var truth = Evaluator.ReadTruth([.. folders, TestPaths.SharedReal]).ToList();
        var documents = truth.Select(t => t.Document).ToHashSet();
        var files = folders.Append(TestPaths.SharedReal).SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => documents.Contains(Path.GetFileNameWithoutExtension(f)) && !f.EndsWith(".csv")).ToList();
        var pipeline = Readers.Configure(PipelineBuilder.CreateDefault(), null).UseConfidenceModel(new TrainingSet.Unscored()).Build();
        var results = files.AsParallel().Select(f => pipeline.Run(f)).ToList();
        var data = TrainingSet.From(results, truth, [TestPaths.SharedReal]);

        var card = ConfidenceModel.Embedded().Card;
        var trainer = Enum.Parse<TrainerKind>(card.Trainer);
        var evaluation = new ConfidenceEvaluation(new ConfidenceTrainer(new ConfidenceTrainerOptions()))
            .Evaluate(data, [trainer]).Single(e => e.Choice.Calibrator.ToString() == card.Calibrator);

        var held = evaluation.LeaveGroupOut;
        Assert.True(held.Ece <= 0.02, $"leave-one-kind-out ECE {held.Ece:0.000}");
        Assert.True(evaluation.CrossValidated.Ece <= 0.02, $"cross-validated ECE {evaluation.CrossValidated.Ece:0.000}");
        // Measured 2026-12-03 (models/README.md): ECE 0.002, catch 0.37, 42 of 51 wrong fields at
        // >= 0.9, mostly the real pages' rows the reader did not find, which nothing in the corpus's
        // text kinds resembles. The bounds catch a regression; they are not the bar (catch
        // 0.95), which this split does not meet.
        var figures = $"held out by kind: ECE {held.Ece:0.000}, {held.Caught:P0} of {held.Wrong} wrong caught within 5% flagged, {held.WrongAtOrAbove09} wrong at >= 0.9";
        Assert.True(held.Caught >= 0.3, figures);
        Assert.True(held.WrongAtOrAbove09 <= 45, figures);
    }
}
