namespace ExtractReports.Scoring;

/// <summary>A field's features and whether its value matched the truth.</summary>
public sealed record TrainingExample(string Document, double[] Features, bool Right);

/// <summary>How well confidences match outcomes over a set of examples.</summary>
public sealed record CalibrationReport(int Count, double Brier, double LogLoss, IReadOnlyList<CalibrationBin> Bins, int WrongAboveThreshold, int Wrong);

/// <summary>One confidence bin: how many fields fell in it, their mean confidence and how many were right.</summary>
public sealed record CalibrationBin(double From, double To, int Count, double MeanConfidence, double Accuracy);

/// <summary>
/// Fits the logistic confidence model by maximum a posteriori: the log-loss of the examples plus a
/// Gaussian prior centred on the previous weights, so features the data says little about (few
/// wrong fields of that kind) keep their prior instead of drifting to zero. A wrong field can be made
/// to weigh more than a right one (<c>wrongWeight</c>): a confidently wrong value in a researcher's
/// dataset costs more than a right one sent to review, so the fit may trade a little calibration for
/// fewer wrong fields above the review threshold.
/// </summary>
public static class ConfidenceTrainer
{
    public static ConfidenceModelFile Fit(IReadOnlyList<TrainingExample> data, ConfidenceModelFile prior, string trainedOn,
        double priorStrength = 2.0, int iterations = 3000, double learningRate = 0.5, double wrongWeight = 1.0)
    {
        int k = ConfidenceFeatures.Names.Count;
        var w0 = ConfidenceFeatures.Names.Select(n => prior.Weights.GetValueOrDefault(n)).ToArray();
        var w = (double[])w0.Clone();
        double b0 = prior.Bias, b = b0;
        double n = Math.Max(1, data.Sum(e => e.Right ? 1 : wrongWeight));
        for (int it = 0; it < iterations; it++)
        {
            var g = new double[k];
            double gb = 0;
            foreach (var e in data)
            {
                double z = b;
                for (int i = 0; i < k; i++) z += w[i] * e.Features[i];
                double err = (LogisticConfidenceModel.Sigmoid(z) - (e.Right ? 1 : 0)) * (e.Right ? 1 : wrongWeight);
                for (int i = 0; i < k; i++) g[i] += err * e.Features[i];
                gb += err;
            }
            for (int i = 0; i < k; i++) w[i] -= learningRate * (g[i] / n + priorStrength / n * (w[i] - w0[i]));
            b -= learningRate * (gb / n + priorStrength / n * (b - b0));
        }
        return new ConfidenceModelFile("logistic", Math.Round(b, 4),
            ConfidenceFeatures.Names.Select((name, i) => (name, Math.Round(w[i], 4))).ToDictionary(x => x.name, x => x.Item2),
            trainedOn,
            $"MAP fit: log-loss over {data.Count} fields ({data.Count(d => !d.Right)} wrong, each weighing {wrongWeight}) plus a Gaussian prior (strength {priorStrength}) centred on the previous weights.");
    }

    public static CalibrationReport Calibration(IReadOnlyList<(double Confidence, bool Right)> scored, double threshold = 0.9)
    {
        double[] edges = [0, 0.5, 0.8, 0.9, 0.95, 0.99, 1.0000001];
        var bins = new List<CalibrationBin>();
        for (int i = 0; i + 1 < edges.Length; i++)
        {
            var inBin = scored.Where(s => s.Confidence >= edges[i] && s.Confidence < edges[i + 1]).ToList();
            bins.Add(new CalibrationBin(edges[i], Math.Min(1, edges[i + 1]), inBin.Count,
                inBin.Count == 0 ? 0 : inBin.Average(s => s.Confidence), inBin.Count == 0 ? 0 : inBin.Count(s => s.Right) / (double)inBin.Count));
        }
        double brier = scored.Count == 0 ? 0 : scored.Average(s => Math.Pow(s.Confidence - (s.Right ? 1 : 0), 2));
        double logLoss = scored.Count == 0 ? 0 : scored.Average(s => -Math.Log(Math.Clamp(s.Right ? s.Confidence : 1 - s.Confidence, 1e-9, 1)));
        return new CalibrationReport(scored.Count, brier, logLoss, bins,
            scored.Count(s => !s.Right && s.Confidence >= threshold), scored.Count(s => !s.Right));
    }
}
