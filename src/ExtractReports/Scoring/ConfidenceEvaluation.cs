namespace ExtractReports.Scoring;

/// <summary>One confidence bin: how many fields fell in it, their mean confidence and how many were right.</summary>
public sealed record CalibrationBin(double From, double To, int Count, double MeanConfidence, double Accuracy);

/// <summary>
/// How well confidences match outcomes over a set of held-out fields: expected calibration error
/// (<see cref="Ece"/>: |accuracy - mean confidence| over ten equal-width bins, weighted by their
/// fields), the review threshold that flags at most <see cref="FlagBudget"/> of the fields and what
/// share of the wrong ones it catches, and the wrong fields at or above 0.9.
/// </summary>
public sealed record CalibrationReport(
    int Count, int Wrong, double Ece, double Brier, double LogLoss,
    double FlagBudget, double Threshold, double Flagged, double Caught,
    int WrongAtOrAbove09, IReadOnlyList<CalibrationBin> Reliability)
{
    /// <summary>The bar: calibration error at most 0.02, and a threshold flagging at most 5% that catches at least 95% of the wrong.</summary>
    public bool MeetsBar => Ece <= 0.02 && Caught >= 0.95;

    public static CalibrationReport Of(IReadOnlyList<(double Confidence, bool Right)> scored, double flagBudget = 0.05)
    {
        int n = scored.Count, wrong = scored.Count(s => !s.Right);
        double ece = 0;
        for (int b = 0; b < 10; b++)
        {
            var inBin = scored.Where(s => Bin10(s.Confidence) == b).ToList();
            if (inBin.Count > 0) ece += inBin.Count / (double)n * Math.Abs(inBin.Average(s => s.Confidence) - inBin.Count(s => s.Right) / (double)inBin.Count);
        }
        // The highest threshold t with at most flagBudget of the fields below it (ties stay together).
        var sorted = scored.Select(s => s.Confidence).Order().ToList();
        int budget = (int)Math.Floor(flagBudget * n);
        double threshold = n == 0 ? 0 : budget >= n ? 1.0000001 : sorted[budget];
        int flagged = scored.Count(s => s.Confidence < threshold);
        int caught = scored.Count(s => !s.Right && s.Confidence < threshold);
        double[] edges = [0, 0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0000001];
        var bins = new List<CalibrationBin>();
        for (int i = 0; i + 1 < edges.Length; i++)
        {
            var inBin = scored.Where(s => s.Confidence >= edges[i] && s.Confidence < edges[i + 1]).ToList();
            bins.Add(new CalibrationBin(edges[i], Math.Min(1, edges[i + 1]), inBin.Count,
                inBin.Count == 0 ? 0 : inBin.Average(s => s.Confidence), inBin.Count == 0 ? 0 : inBin.Count(s => s.Right) / (double)inBin.Count));
        }
        return new CalibrationReport(n, wrong, ece,
            n == 0 ? 0 : scored.Average(s => Math.Pow(s.Confidence - (s.Right ? 1 : 0), 2)),
            n == 0 ? 0 : scored.Average(s => -Math.Log(Math.Clamp(s.Right ? s.Confidence : 1 - s.Confidence, 1e-9, 1))),
            flagBudget, threshold, n == 0 ? 0 : flagged / (double)n, wrong == 0 ? 1 : caught / (double)wrong,
            scored.Count(s => !s.Right && s.Confidence >= 0.9), bins);
    }

    private static int Bin10(double c) => Math.Clamp((int)(c * 10), 0, 9);
}

/// <summary>
/// A trainer's held-out figures: by document-grouped cross-validation, by leaving each input kind out
/// in turn, and by leaving each generator out in turn. Confidences are capped by each field's
/// <see cref="TrainingExample.Bound"/> as `extract` caps them.
/// </summary>
public sealed record TrainerEvaluation(
    TrainerChoice Choice, CalibrationReport CrossValidated, CalibrationReport LeaveGroupOut,
    IReadOnlyDictionary<string, CalibrationReport> ByGroupHeldOut,
    IReadOnlyList<HeldOutField> HeldOutByGroup,
    CalibrationReport LeaveGeneratorOut,
    IReadOnlyDictionary<string, CalibrationReport> ByGeneratorHeldOut)
{
    /// <summary>What the choice ranks by: the catch of the two leave-one-out splits together (their mean).</summary>
    public double HeldOutCatch => (LeaveGroupOut.Caught + LeaveGeneratorOut.Caught) / 2;

    /// <summary>Wrong fields at 0.9 or more when their kind, or their generator, was held out.</summary>
    public int HeldOutConfidentlyWrong => LeaveGroupOut.WrongAtOrAbove09 + LeaveGeneratorOut.WrongAtOrAbove09;
}

/// <summary>A field scored by a model that did not see its document (or its group).</summary>
public sealed record HeldOutField(string Document, string Group, double Confidence, bool Right);

/// <summary>
/// Held-out evaluation of every trainer and calibrator: k-fold cross-validation by document,
/// leave-one-kind-out (fit without scans, test on scans) and leave-one-generator-out (fit without the
/// real reports, test on them; without the scan-conditions matrix, test on it), the splits that show
/// what a user with documents unlike the training set sees.
/// </summary>
public sealed class ConfidenceEvaluation(ConfidenceTrainer trainer, int folds = 5)
{
    public IReadOnlyList<TrainerEvaluation> Evaluate(IReadOnlyList<TrainingExample> data, IEnumerable<TrainerKind> trainers, Action<string>? progress = null)
    {
        var results = new List<TrainerEvaluation>();
        var docs = data.Select(e => e.Document).Distinct().Order(StringComparer.Ordinal).ToList();
        var fold = docs.Select((d, i) => (d, i % folds)).ToDictionary(x => x.d, x => x.Item2);
        var groups = data.Select(e => e.Group).Distinct().Order(StringComparer.Ordinal).ToList();
        var generators = data.Select(e => e.Generator).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var t in trainers)
        {
            var cv = Enum.GetValues<CalibratorKind>().ToDictionary(c => c, _ => new List<HeldOutField>());
            var lgo = Enum.GetValues<CalibratorKind>().ToDictionary(c => c, _ => new List<HeldOutField>());
            var lgen = Enum.GetValues<CalibratorKind>().ToDictionary(c => c, _ => new List<HeldOutField>());
            for (int f = 0; f < folds; f++)
                HoldOut(data, e => fold[e.Document] == f, t, cv, e => e.Group);
            foreach (var g in groups)
                HoldOut(data, e => e.Group == g, t, lgo, e => e.Group);
            // One generator alone leaves nothing to hold out against.
            if (generators.Count > 1)
                foreach (var g in generators)
                    HoldOut(data, e => e.Generator == g, t, lgen, e => e.Generator);
            foreach (var c in Enum.GetValues<CalibratorKind>())
            {
                var choice = new TrainerChoice(t, c);
                results.Add(new TrainerEvaluation(choice, Report(cv[c]), Report(lgo[c]),
                    ByGroup(lgo[c]), lgo[c], Report(lgen[c]), ByGroup(lgen[c])));
                progress?.Invoke(choice.Name);
            }
        }
        return results;
    }

    private void HoldOut(IReadOnlyList<TrainingExample> data, Func<TrainingExample, bool> heldOut, TrainerKind t,
        Dictionary<CalibratorKind, List<HeldOutField>> into, Func<TrainingExample, string> group)
    {
        var train = data.Where(e => !heldOut(e)).ToList();
        var test = data.Where(heldOut).ToList();
        if (test.Count == 0 || train.All(e => e.Right)) return;
        var fit = trainer.FitPredictor(train, t);
        foreach (var c in into.Keys)
        {
            var model = ConfidenceModel.FromTransformer(ConfidenceTrainer.Calibrate(fit, c), ConfidenceTrainer.Card(new(t, c), "held-out"), "");
            into[c].AddRange(test.Select(e => new HeldOutField(e.Document, group(e), Math.Min(model.Score(e.Features), e.Bound), e.Right)));
        }
    }

    private static Dictionary<string, CalibrationReport> ByGroup(List<HeldOutField> fields) =>
        fields.GroupBy(h => h.Group).ToDictionary(x => x.Key, x => Report(x.ToList()));

    public static CalibrationReport Report(IReadOnlyList<HeldOutField> f) => CalibrationReport.Of(f.Select(h => (h.Confidence, h.Right)).ToList());

    /// <summary>
    /// The choice, by the leave-one-out figures (what users with unlike documents see): among the
    /// choices within the calibration bar on both splits (ECE at most 0.02, or all of them if none
    /// is), the ones that catch the most wrong fields within the flag budget (the mean of the two
    /// splits, to 0.02), then the fewest wrong fields at 0.9 or more held out by kind and generator,
    /// then by document, then the smallest ECE. With few wrong fields the ECE of every choice is
    /// small; the wrong fields left confident tell them apart.
    /// </summary>
    public static TrainerEvaluation Choose(IReadOnlyList<TrainerEvaluation> results)
    {
        var calibrated = results.Where(r => r.LeaveGroupOut.Ece <= 0.02 && r.LeaveGeneratorOut.Ece <= 0.02).ToList();
        if (calibrated.Count == 0) calibrated = [.. results];
        double bestCatch = calibrated.Max(r => r.HeldOutCatch);
        return calibrated.Where(r => r.HeldOutCatch >= bestCatch - 0.02)
            .OrderBy(r => r.HeldOutConfidentlyWrong).ThenBy(r => r.CrossValidated.WrongAtOrAbove09)
            .ThenBy(r => r.LeaveGroupOut.Ece).First();
    }
}
