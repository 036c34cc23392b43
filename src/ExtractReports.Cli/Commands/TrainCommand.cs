using System.CommandLine;
using ExtractReports.Evaluation;
using ExtractReports.Pipeline;
using ExtractReports.Scoring;
using ExtractReports.Store;

namespace ExtractReports.Cli.Commands;

/// <summary>
/// `train`: extracts documents that have truth, compares the trainers and calibrators on held-out
/// documents (k-fold by document, and leaving each input kind or generator out), fits the chosen
/// one on every document and writes the model zip and a report of the figures.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Documents or folders with truth.", Arity = ArgumentArity.ZeroOrMore };
        var truth = new Option<string[]>("--truth", "-t") { Description = "Truth CSV files or folders holding truth.csv files.", AllowMultipleArgumentsPerToken = true };
        var real = new Option<string[]>("--real") { Description = "Folders of documents from another generator (real reports), with their truth.csv: held out as one group of their own.", AllowMultipleArgumentsPerToken = true };
        var modelOut = new Option<string>("--model-out") { Description = "Where to write the fitted model.", DefaultValueFactory = _ => Path.Combine("models", "confidence.zip") };
        var reportOut = new Option<string?>("--report") { Description = "Where to write the comparison of trainers (markdown).", DefaultValueFactory = _ => Path.Combine("models", "confidence-report.md") };
        var trainer = new Option<string>("--trainer") { Description = "auto (compare all, keep the best held out) or one of " + string.Join(", ", TrainerChoice.All.Select(c => c.Name)) + ".", DefaultValueFactory = _ => "auto" };
        var folds = new Option<int>("--folds") { Description = "Folds of the by-document cross-validation.", DefaultValueFactory = _ => 5 };
        var saveExamples = new Option<string?>("--save-examples") { Description = "Write the extracted training fields (features and right/wrong) to this CSV." };
        var examples = new Option<string?>("--examples") { Description = "Fit on a CSV written by --save-examples instead of extracting the documents." };
        var tessdata = new Option<string?>("--tessdata") { Description = "Folder holding chi_sim.traineddata for OCR." };
        var cache = new Option<string?>("--cache") { Description = "Folder whose store keeps every training document's extraction between runs (by content hash and program build); 'none' extracts everything.", DefaultValueFactory = _ => Path.Combine("out", "train-cache") };
        var anyBuild = new Option<bool>("--any-build") { Description = "Reuse extractions another build of the program stored in --cache (when only scoring changed since; wrong when the readers did)." };
        var heldOut = new Option<string[]>("--held-out") { Description = "Documents whose names contain one of these are never fitted on: the final model is measured on them.", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => ["-heldout", "~held-out"] };
        var firstFeatures = new Option<int?>("--first-features") { Description = "Compare with the first N features only (the rest set to 0, so nothing is learnt from them): the figures an older feature set gives on the same fields." };
        var reviewed = new Option<string[]>("--corrections") { Description = "Output folders whose reviewers' corrections add labelled fields (the field as extracted there; right when the reviewer's value equals it).", AllowMultipleArgumentsPerToken = true };
        var cmd = new Command("train", "Fit the confidence model (ML.NET) on documents with truth and report its held-out calibration.")
            { inputs, truth, real, modelOut, reportOut, trainer, folds, saveExamples, examples, tessdata, cache, anyBuild, heldOut, reviewed, firstFeatures };
        cmd.SetAction(parse =>
        {
            TrainerChoice? forced = null;
            if (parse.GetValue(trainer) is { } t && t != "auto")
            {
                forced = TrainerChoice.All.FirstOrDefault(c => string.Equals(c.Name, t, StringComparison.OrdinalIgnoreCase));
                if (forced is null) { Console.Error.WriteLine($"unknown trainer {t}"); return ExitCodes.UsageError; }
            }
            List<TrainingExample> data;
            if (parse.GetValue(examples) is { } cached) data = TrainingExamples.Load(cached);
            else
            {
                var realFolders = parse.GetValue(real) ?? [];
                var cacheFolder = parse.GetValue(cache) is { } c && c != "none" ? c : null;
                var found = Extract(parse.GetValue(inputs) ?? [], parse.GetValue(truth) ?? [], realFolders, parse.GetValue(tessdata),
                    cacheFolder, new TrainingExtractionsOptions { AnyBuild = parse.GetValue(anyBuild) });
                if (found is null) return ExitCodes.UsageError;
                data = found;
            }
            // Reviewers' corrections are truth too, for documents the truth files do not already cover.
            var withTruth = data.Select(e => e.Document).ToHashSet();
            data.AddRange(TrainingSet.FromReviewed((parse.GetValue(reviewed) ?? []).SelectMany(ReviewedFields.Read))
                .Where(e => !withTruth.Contains(e.Document)));
            if (data.Count == 0 || data.All(e => e.Right)) { Console.Error.WriteLine("no extracted field with a truth row (or none wrong): check the inputs and --truth"); return ExitCodes.UsageError; }
            if (parse.GetValue(saveExamples) is { } save) TrainingExamples.Save(data, save);
            if (parse.GetValue(firstFeatures) is { } first)
                data = data.Select(e => e with { Features = [.. e.Features.Select((x, i) => i < first ? x : 0)] }).ToList();
            // The held-out seeds of generated sets: never fitted on, never chosen by; the final model is measured on them.
            var marks = parse.GetValue(heldOut) ?? [];
            var kept = data.Where(e => marks.Any(m => e.Document.Contains(m, StringComparison.Ordinal))).ToList();
            data = data.Except(kept).ToList();
            Console.WriteLine($"{data.Select(e => e.Document).Distinct().Count()} documents, {data.Count} fields with truth, {data.Count(e => !e.Right)} wrong; groups: " +
                              string.Join(", ", data.GroupBy(e => e.Group).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Select(e => e.Document).Distinct().Count()} docs/{g.Count()} fields/{g.Count(e => !e.Right)} wrong")));

            var trainerCore = new ConfidenceTrainer(new ConfidenceTrainerOptions());
            var kinds = forced is null ? Enum.GetValues<TrainerKind>() : [forced.Trainer];
            var evaluations = new ConfidenceEvaluation(trainerCore, Math.Max(2, parse.GetValue(folds)))
                .Evaluate(data, kinds, name => Console.Error.WriteLine($"  evaluated {name}"))
                .Where(e => forced is null || e.Choice.Trainer == forced.Trainer).ToList();
            // A forced trainer is fitted with the calibrator named; both calibrators' figures are reported (they cost one fit).
            var chosen = forced is null ? ConfidenceEvaluation.Choose(evaluations) : evaluations.Single(e => e.Choice == forced);
            var docs = data.Select(e => e.Document).Distinct().Count();
            var trainedOn = $"{docs} documents, {data.Count} fields with truth ({DateTime.UtcNow:yyyy-MM-dd})";
            var (model, chain, fit) = trainerCore.Fit(data, chosen.Choice, trainedOn);
            var path = parse.GetValue(modelOut)!;
            ConfidenceTrainer.Save(fit, chain, ConfidenceTrainer.Card(chosen.Choice, trainedOn), path);
            var heldOutSeeds = kept.Select(e => new HeldOutField(e.Document, e.Group, Math.Min(model.Score(e.Features), e.Bound), e.Right)).ToList();
            // The model built into this build, on the same documents: what the new one has to beat.
            var builtIn = ConfidenceModel.Embedded();
            var heldOutBuiltIn = kept.Select(e => new HeldOutField(e.Document, e.Group, Math.Min(builtIn.Score(e.Features), e.Bound), e.Right)).ToList();
            // In sample, as CorpusBaselineTests sees the corpus: no field wrong at >= 0.9 is the bar there.
            var inSample = data.Select(e => new HeldOutField(e.Document, e.Group, Math.Min(model.Score(e.Features), e.Bound), e.Right)).ToList();
            var report = TrainReport.Markdown(data, evaluations, chosen, trainedOn, heldOutSeeds, heldOutBuiltIn, builtIn.Card, inSample);
            Console.WriteLine(report);
            if (parse.GetValue(reportOut) is { } r) File.WriteAllText(r, report);
            Console.WriteLine($"model ({chosen.Choice.Name}) written to {path}");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>The training fields of every document with truth; null (after saying why) when an input is not found.</summary>
    private static List<TrainingExample>? Extract(string[] inputs, string[] truth, string[] realFolders, string? tessdata,
        string? cacheFolder, TrainingExtractionsOptions cacheOptions)
    {
        var files = ExtractCommand.Expand([.. inputs, .. realFolders], out var missing);
        if (missing.Count > 0) { Console.Error.WriteLine($"not found: {string.Join(", ", missing)}"); return null; }
        var pipeline = Readers.Configure(PipelineBuilder.CreateDefault(), tessdata).UseConfidenceModel(new TrainingSet.Unscored()).Build();
        var truthRows = Evaluator.ReadTruth([.. truth, .. realFolders]).ToList();
        // Only documents with truth teach anything: the others are not read at all.
        var named = truthRows.Select(t => t.Document).ToHashSet(StringComparer.Ordinal);
        // A document given twice (a scan-matrix document kept in corpus/ and rendered again) counts once.
        files = files.Where(f => named.Contains(Path.GetFileNameWithoutExtension(f))).DistinctBy(Path.GetFileNameWithoutExtension).ToList();
        List<DocumentResult> results;
        if (cacheFolder is null) results = files.AsParallel().Select(f => pipeline.Run(f)).ToList();
        else
        {
            using var store = new ExtractionStore(OutputFolder.StorePath(cacheFolder));
            var extractions = new TrainingExtractions(store, cacheOptions);
            results = files.AsParallel().Select(f => extractions.Get(pipeline, f)).ToList();
            Console.Error.WriteLine($"{extractions.Reused} documents from {cacheFolder}, {extractions.Extracted} extracted");
        }
        return TrainingSet.From(results, truthRows, realFolders);
    }
}
