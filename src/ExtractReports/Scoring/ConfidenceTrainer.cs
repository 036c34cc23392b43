using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace ExtractReports.Scoring;

/// <summary>
/// A field's features and whether its value matched the truth. <c>Group</c> is the input kind that
/// leave-one-kind-out holds out, <c>Generator</c> what made the document (leave-one-generator-out);
/// <c>Bound</c> is the field's bound (<see cref="DoubtCaps.Bounds"/>), which caps what the model says as
/// `extract` does, so held-out figures are those users see.
/// </summary>
public sealed record TrainingExample(string Document, string Group, float[] Features, bool Right, double Bound = 1, string Generator = "");

/// <summary>The trainers compared.</summary>
public enum TrainerKind { LogisticLbfgs, LogisticSdca, FastTree, LightGbm }

/// <summary>How raw scores become probabilities: a sigmoid (Platt) or a monotone step function (isotonic, pool-adjacent-violators).</summary>
public enum CalibratorKind { Platt, Isotonic }

/// <summary>One trainer with one calibrator.</summary>
public sealed record TrainerChoice(TrainerKind Trainer, CalibratorKind Calibrator)
{
    public static IReadOnlyList<TrainerChoice> All { get; } =
        [.. Enum.GetValues<TrainerKind>().SelectMany(t => Enum.GetValues<CalibratorKind>().Select(c => new TrainerChoice(t, c)))];

    public string Name => $"{Trainer}+{Calibrator}";
}

/// <summary>Knobs of the fit. Defaults were chosen on the corpus by `train` (models/README.md).</summary>
public sealed record ConfidenceTrainerOptions
{
    /// <summary>Folds (by document) whose out-of-fold scores the calibrator is fitted on.</summary>
    public int CalibrationFolds { get; init; } = 4;
    /// <summary>L2 penalty of the logistic regressions (L-BFGS and SDCA).</summary>
    public float L2 { get; init; } = 0.1f;
    /// <summary>Trees of FastTree and boosting rounds of LightGbm.</summary>
    public int Trees { get; init; } = 100;
    /// <summary>Leaves a tree.</summary>
    public int Leaves { get; init; } = 8;
    /// <summary>Fewest fields in a leaf: wrong fields are few, a small leaf learns one document.</summary>
    public int MinLeafCount { get; init; } = 50;
    /// <summary>Shrinkage of the boosted trees.</summary>
    public double LearningRate { get; init; } = 0.1;
    public int Seed { get; init; } = 1;

    public ConfidenceTrainerOptions Validate()
    {
        if (CalibrationFolds < 2) throw new ArgumentOutOfRangeException(nameof(CalibrationFolds), "at least 2");
        if (Trees < 1 || Leaves < 2 || MinLeafCount < 1) throw new ArgumentOutOfRangeException(nameof(Trees), "trees >= 1, leaves >= 2, leaf count >= 1");
        return this;
    }
}

/// <summary>
/// Fits the confidence model with ML.NET. The calibrator is fitted on out-of-fold raw scores (the
/// training documents split by document into <see cref="ConfidenceTrainerOptions.CalibrationFolds"/>
/// folds, each scored by a predictor that did not see it), so it learns how sure the predictor
/// should be on documents it has not seen; the predictor kept is then fitted on all of them.
/// </summary>
public sealed class ConfidenceTrainer(ConfidenceTrainerOptions options)
{
    private readonly ConfidenceTrainerOptions _options = options.Validate();

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }

    private sealed class ScoreRow
    {
        public float Score { get; set; }
        public bool Label { get; set; }
    }

    /// <summary>A predictor fitted on all the data and the out-of-fold scores its calibrators are fitted on.</summary>
    public sealed record PredictorFit(MLContext Context, ITransformer Predictor, DataViewSchema Input, IReadOnlyList<(float Score, bool Right)> OutOfFold);

    public PredictorFit FitPredictor(IReadOnlyList<TrainingExample> data, TrainerKind trainer)
    {
        var ml = new MLContext(seed: _options.Seed);
        var docs = data.Select(e => e.Document).Distinct().Order(StringComparer.Ordinal).ToList();
        int k = Math.Min(_options.CalibrationFolds, docs.Count);
        var fold = docs.Select((d, i) => (d, i % k)).ToDictionary(x => x.d, x => x.Item2);
        var outOfFold = new List<(float, bool)>();
        for (int f = 0; f < k; f++)
        {
            var train = data.Where(e => fold[e.Document] != f).ToList();
            var test = data.Where(e => fold[e.Document] == f).ToList();
            if (train.Count == 0 || test.Count == 0 || train.All(e => e.Right) || train.All(e => !e.Right)) continue;
            var p = Estimator(ml, trainer).Fit(View(ml, train));
            var scores = p.Transform(View(ml, test)).GetColumn<float>("Score").ToList();
            outOfFold.AddRange(scores.Zip(test, (s, e) => (s, e.Right)));
        }
        var all = View(ml, data);
        return new PredictorFit(ml, Estimator(ml, trainer).Fit(all), all.Schema, outOfFold);
    }

    /// <summary>The predictor followed by a calibrator fitted on its out-of-fold scores.</summary>
    public static ITransformer Calibrate(PredictorFit fit, CalibratorKind calibrator)
    {
        var ml = fit.Context;
        var scores = ml.Data.LoadFromEnumerable(fit.OutOfFold.Select(s => new ScoreRow { Score = s.Score, Label = s.Right }));
        ITransformer c = calibrator switch
        {
            CalibratorKind.Platt => ml.BinaryClassification.Calibrators.Platt().Fit(scores),
            CalibratorKind.Isotonic => ml.BinaryClassification.Calibrators.Isotonic().Fit(scores),
            _ => throw new ArgumentOutOfRangeException(nameof(calibrator)),
        };
        return new TransformerChain<ITransformer>(fit.Predictor, c);
    }

    /// <summary>A fitted, calibrated model to score with (and the chain to save).</summary>
    public (ConfidenceModel Model, ITransformer Chain, PredictorFit Fit) Fit(IReadOnlyList<TrainingExample> data, TrainerChoice choice, string trainedOn)
    {
        var fit = FitPredictor(data, choice.Trainer);
        var chain = Calibrate(fit, choice.Calibrator);
        return (ConfidenceModel.FromTransformer(chain, Card(choice, trainedOn), ""), chain, fit);
    }

    public static ModelCard Card(TrainerChoice choice, string trainedOn) =>
        new(choice.Trainer.ToString(), choice.Calibrator.ToString(), ConfidenceFeatures.Names, trainedOn);

    /// <summary>Writes a model zip; what it predicts is what <see cref="ConfidenceModel.Load(string)"/> of it predicts.</summary>
    public static void Save(PredictorFit fit, ITransformer chain, ModelCard card, string path) =>
        ConfidenceModel.Save(fit.Context, chain, fit.Input, card, path);

    /// <summary>ML.NET's own predictions (the calibrated Probability column) for feature rows: what the in-process scoring must equal.</summary>
    public static float[] PredictWithMlNet(MLContext ml, ITransformer chain, IReadOnlyList<float[]> rows) =>
        chain.Transform(View(ml, rows.Select(r => new TrainingExample("", "", r, false)).ToList())).GetColumn<float>("Probability").ToArray();

    private IEstimator<ITransformer> Estimator(MLContext ml, TrainerKind trainer) => trainer switch
    {
        TrainerKind.LogisticLbfgs => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            { L2Regularization = _options.L2, L1Regularization = 0, NumberOfThreads = 1 }),
        TrainerKind.LogisticSdca => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            { L2Regularization = _options.L2, NumberOfThreads = 1, MaximumNumberOfIterations = 200 }),
        TrainerKind.FastTree => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = _options.Trees, NumberOfLeaves = _options.Leaves, MinimumExampleCountPerLeaf = _options.MinLeafCount,
            LearningRate = _options.LearningRate, NumberOfThreads = 1, Seed = _options.Seed,
        }),
        TrainerKind.LightGbm => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = _options.Trees, NumberOfLeaves = _options.Leaves, MinimumExampleCountPerLeaf = _options.MinLeafCount,
            LearningRate = _options.LearningRate, NumberOfThreads = 1, Seed = _options.Seed, Verbose = false, Silent = true,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(trainer)),
    };

    private static IDataView View(MLContext ml, IReadOnlyList<TrainingExample> data)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ConfidenceFeatures.Count);
        return ml.Data.LoadFromEnumerable(data.Select(e => new Row { Features = e.Features, Label = e.Right }), schema);
    }
}
