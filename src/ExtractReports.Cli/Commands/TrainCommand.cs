using System.CommandLine;
using System.Globalization;
using ExtractReports.Evaluation;
using ExtractReports.Pipeline;
using ExtractReports.Scoring;
using ExtractReports.Store;

namespace ExtractReports.Cli.Commands;

/// <summary>
/// `train`: extracts documents that have truth, fits the confidence model on their fields, reports
/// calibration on held-out documents (k-fold by document) and writes the model file.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Documents or folders with truth.", Arity = ArgumentArity.OneOrMore };
        var truth = new Option<string[]>("--truth", "-t") { Description = "Truth CSV files or folders holding truth.csv files.", Required = true, AllowMultipleArgumentsPerToken = true };
        var modelOut = new Option<string>("--model-out") { Description = "Where to write the fitted model.", DefaultValueFactory = _ => Path.Combine("models", "confidence.json") };
        var folds = new Option<int>("--folds") { Description = "Folds of the by-document cross-validation.", DefaultValueFactory = _ => 5 };
        var threshold = new Option<double>("--review-threshold") { Description = "The review threshold the report counts wrong fields against.", DefaultValueFactory = _ => 0.9 };
        var wrongWeight = new Option<double>("--wrong-weight") { Description = "How much a wrong field weighs against a right one in the fit (above 1: fewer confidently wrong fields, less calibrated).", DefaultValueFactory = _ => 1.0 };
        var tessdata = new Option<string?>("--tessdata") { Description = "Folder holding chi_sim.traineddata for OCR." };
        var reviewed = new Option<string[]>("--corrections") { Description = "Output folders whose reviewers' corrections add labelled fields (the field as extracted there; right when the reviewer's value equals it).", AllowMultipleArgumentsPerToken = true };
        var cmd = new Command("train", "Fit the confidence model on documents with truth and report its calibration.") { inputs, truth, modelOut, folds, threshold, wrongWeight, tessdata, reviewed };
        cmd.SetAction(parse =>
        {
            var files = ExtractCommand.Expand(parse.GetValue(inputs)!, out var missing);
            if (missing.Count > 0) { Console.Error.WriteLine($"not found: {string.Join(", ", missing)}"); return ExitCodes.UsageError; }
            var truthRows = Evaluator.ReadTruth(parse.GetValue(truth)!).ToList();
            var prior = LogisticConfidenceModel.Embedded().File;
            var pipeline = Readers.Configure(PipelineBuilder.CreateDefault(), parse.GetValue(tessdata)).Build();
            var results = files.AsParallel().Select(f => pipeline.Run(f)).ToList();
            var byKey = results.SelectMany(r => r.Fields.Select(f => (r.Name, f))).ToDictionary(x => (x.Name, x.f.Field.FieldId), x => x.f);
            var examples = truthRows.Where(t => byKey.ContainsKey((t.Document, t.Field)))
                .Select(t => new TrainingExample(t.Document, ConfidenceFeatures.Of(byKey[(t.Document, t.Field)].Field),
                    Evaluator.Matches(t.Field, t.Value, byKey[(t.Document, t.Field)].Field.Value)))
                .ToList();
            // Reviewers' corrections are truth too, for fields the truth files do not already cover.
            var covered = truthRows.Select(t => (t.Document, t.Field)).ToHashSet();
            examples.AddRange((parse.GetValue(reviewed) ?? []).SelectMany(ReviewedFields.Read)
                .Where(r => !covered.Contains((r.Document, r.Extracted.FieldId)))
                .Select(r => new TrainingExample(r.Document, ConfidenceFeatures.Of(r.Extracted), r.Right)));
            if (examples.Count == 0) { Console.Error.WriteLine("no extracted field has a truth row: check the inputs and --truth"); return ExitCodes.UsageError; }
            double th = parse.GetValue(threshold), weight = parse.GetValue(wrongWeight);
            var priorModel = new LogisticConfidenceModel(prior);
            Print("prior model, all fields", ConfidenceTrainer.Calibration(examples.Select(e => (Score(priorModel, e), e.Right)).ToList(), th));

            int k = Math.Max(2, parse.GetValue(folds));
            var docs = examples.Select(e => e.Document).Distinct().Order(StringComparer.Ordinal).ToList();
            var heldOut = new List<(double, bool)>();
            for (int fold = 0; fold < k; fold++)
            {
                var test = docs.Where((_, i) => i % k == fold).ToHashSet();
                var fitted = new LogisticConfidenceModel(ConfidenceTrainer.Fit(examples.Where(e => !test.Contains(e.Document)).ToList(), prior, "cv", wrongWeight: weight));
                heldOut.AddRange(examples.Where(e => test.Contains(e.Document)).Select(e => (Score(fitted, e), e.Right)));
            }
            Print($"{k}-fold cross-validation by document, held-out fields", ConfidenceTrainer.Calibration(heldOut, th));

            var final = ConfidenceTrainer.Fit(examples, prior, $"{docs.Count} documents, {examples.Count} fields with truth ({DateTime.UtcNow:yyyy-MM-dd})", wrongWeight: weight);
            Print("fitted model, all fields (in-sample)", ConfidenceTrainer.Calibration(examples.Select(e => (Score(new LogisticConfidenceModel(final), e), e.Right)).ToList(), th));
            LogisticConfidenceModel.Save(final, parse.GetValue(modelOut)!);
            Console.WriteLine($"model written to {parse.GetValue(modelOut)}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static double Score(LogisticConfidenceModel m, TrainingExample e) => m.Score(e.Features);

    private static void Print(string title, CalibrationReport r)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"{title}: {r.Count} fields, Brier {r.Brier.ToString("0.00000", c)}, log-loss {r.LogLoss.ToString("0.0000", c)}, " +
                          $"wrong {r.Wrong}, wrong at or above threshold {r.WrongAboveThreshold}");
        foreach (var b in r.Bins.Where(b => b.Count > 0))
            Console.WriteLine(string.Create(c, $"  [{b.From:0.00}, {b.To:0.00}): {b.Count,6} fields, mean confidence {b.MeanConfidence:0.000}, right {b.Accuracy:0.000}"));
    }
}
