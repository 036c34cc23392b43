using ExtractReports.Scoring;

namespace ExtractReports.Tests.Scoring;

/// <summary>
/// The ML.NET confidence model: fitting, saving and reloading keep the predictions, the in-process
/// scoring equals ML.NET's own, and the calibrator fitted out of fold is calibrated on data the
/// model did not see.
/// </summary>
public class ConfidenceModelTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("er-model-").FullName;

    /// <summary>
    /// Synthetic fields whose chance of being right depends on a few features the way extracted
    /// fields' does (an ambiguous place, a weak OCR read, a broken identity), with an interaction the
    /// trees can find and a linear model only approximates.
    /// </summary>
    internal static List<TrainingExample> Synthetic(int documents, int seed)
    {
        var rng = new Random(seed);
        int Index(string name) => ConfidenceFeatures.Names.ToList().IndexOf(name);
        var data = new List<TrainingExample>();
        for (int d = 0; d < documents; d++)
        {
            bool scan = d % 3 == 0;
            for (int f = 0; f < 60; f++)
            {
                var x = new float[ConfidenceFeatures.Count];
                x[Index("origin_read")] = 1;
                x[Index("from_ocr")] = scan ? 1 : 0;
                x[Index("kind_text")] = scan ? 0 : 1;
                x[Index("ambiguous")] = rng.NextDouble() < 0.1 ? 1 : 0;
                x[Index("engine_confidence_deficit")] = scan ? (float)Math.Pow(rng.NextDouble(), 3) : 0;
                x[Index("identity_broken")] = rng.NextDouble() < 0.05 ? 1 : 0;
                x[Index("label_match")] = (float)(0.7 + 0.3 * rng.NextDouble());
                double z = 4 - 3 * x[Index("ambiguous")] - 5 * x[Index("engine_confidence_deficit")] - 2.5 * x[Index("identity_broken")]
                           - (scan && x[Index("ambiguous")] > 0 ? 1.5 : 0) + 2 * (x[Index("label_match")] - 0.85);
                bool right = rng.NextDouble() < 1 / (1 + Math.Exp(-z));
                data.Add(new TrainingExample($"d{seed}-{d:000}", scan ? "scan" : "text", x, right));
            }
        }
        return data;
    }

    public static TheoryData<TrainerKind, CalibratorKind> Choices()
    {
        var t = new TheoryData<TrainerKind, CalibratorKind>();
        foreach (var c in TrainerChoice.All) t.Add(c.Trainer, c.Calibrator);
        return t;
    }

    [Theory]
    [MemberData(nameof(Choices))]
    public void Saved_and_reloaded_models_predict_as_ML_NET_does(TrainerKind trainer, CalibratorKind calibrator)
    {
        var train = Synthetic(40, 1);
        var test = Synthetic(10, 2);
        var t = new ConfidenceTrainer(new ConfidenceTrainerOptions { Trees = 30 });
        var choice = new TrainerChoice(trainer, calibrator);
        var (model, chain, fit) = t.Fit(train, choice, "test");
        var path = Path.Combine(_dir, $"{choice.Name}.zip");
        ConfidenceTrainer.Save(fit, chain, ConfidenceTrainer.Card(choice, "test"), path);
        var reloaded = ConfidenceModel.Load(path);

        var rows = test.Select(e => e.Features).ToList();
        var mlnet = ConfidenceTrainer.PredictWithMlNet(fit.Context, chain, rows);
        for (int i = 0; i < rows.Count; i++)
        {
            double inProcess = model.Score(rows[i]);
            Assert.Equal(inProcess, reloaded.Score(rows[i]));
            Assert.True(Math.Abs(inProcess - mlnet[i]) < 1e-4, $"row {i}: in process {inProcess}, ML.NET {mlnet[i]}");
        }
        Assert.Equal(choice.Trainer.ToString(), reloaded.Card.Trainer);
        Assert.Equal(ConfidenceFeatures.Names, reloaded.Card.Features);
    }

    [Theory]
    [InlineData(TrainerKind.LogisticLbfgs, CalibratorKind.Platt)]
    [InlineData(TrainerKind.LightGbm, CalibratorKind.Isotonic)]
    public void Out_of_fold_calibration_holds_on_unseen_documents(TrainerKind trainer, CalibratorKind calibrator)
    {
        var (model, _, _) = new ConfidenceTrainer(new ConfidenceTrainerOptions()).Fit(Synthetic(120, 3), new(trainer, calibrator), "test");
        var test = Synthetic(80, 4);
        var report = CalibrationReport.Of(test.Select(e => (model.Score(e.Features), e.Right)).ToList());
        Assert.True(report.Ece <= 0.03, $"held-out ECE {report.Ece:0.000}");
    }

    [Fact]
    public void A_model_fitted_on_other_features_is_refused()
    {
        var (_, chain, fit) = new ConfidenceTrainer(new ConfidenceTrainerOptions { Trees = 10 }).Fit(Synthetic(20, 5), new(TrainerKind.LogisticLbfgs, CalibratorKind.Platt), "test");
        var path = Path.Combine(_dir, "other.zip");
        ConfidenceTrainer.Save(fit, chain, ConfidenceTrainer.Card(new(TrainerKind.LogisticLbfgs, CalibratorKind.Platt), "test") with { Features = ["something_else"] }, path);
        var e = Assert.Throws<InvalidDataException>(() => ConfidenceModel.Load(path));
        Assert.Contains("refit", e.Message);
    }

    [Fact]
    public void The_built_in_model_loads_and_names_this_builds_features()
    {
        // All of them, or the first ones when features were appended since it was fitted.
        var model = ConfidenceModel.Embedded();
        Assert.NotEmpty(model.Card.Features);
        Assert.Equal(ConfidenceFeatures.Names.Take(model.Card.Features.Count), model.Card.Features);
        Assert.Equal(64, model.Id.Length);
    }

    [Fact]
    public void The_review_threshold_flags_within_the_budget_and_counts_what_it_catches()
    {
        // 100 fields: 4 wrong at 0.1-0.4, one wrong at 0.99 among 95 right ones: a threshold above
        // 0.99 would flag 96%, so 0.99 it is, flagging the 4 and missing the fifth.
        var scored = new List<(double, bool)> { (0.1, false), (0.2, false), (0.3, false), (0.4, false), (0.99, false) };
        scored.AddRange(Enumerable.Repeat((0.99, true), 95));
        var r = CalibrationReport.Of(scored);
        Assert.Equal(0.99, r.Threshold);
        Assert.Equal(0.04, r.Flagged, 6);
        Assert.Equal(0.8, r.Caught, 6);
        Assert.Equal(1, r.WrongAtOrAbove09);
        Assert.False(r.MeetsBar);
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
