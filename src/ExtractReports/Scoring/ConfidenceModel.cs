using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace ExtractReports.Scoring;

/// <summary>What a model file says about itself: how it was fitted, on what, and on which features.</summary>
public sealed record ModelCard(
    [property: JsonPropertyName("trainer")] string Trainer,
    [property: JsonPropertyName("calibrator")] string Calibrator,
    [property: JsonPropertyName("features")] IReadOnlyList<string> Features,
    [property: JsonPropertyName("trained_on")] string TrainedOn);

/// <summary>
/// The confidence model: an ML.NET binary classifier (linear or tree ensemble) with a calibrator
/// fitted on out-of-fold scores, saved as ML.NET's model zip in models/. Scoring does not go through
/// ML.NET's prediction engine, whose per-row cost (10-14 us) is too much for every field of a nightly
/// run: the trained parameters are taken out of the loaded model (a linear model's weights, or each
/// tree's splits and leaves) and evaluated here on a whole document's feature rows, then the
/// model's own calibrator maps the raw score to a probability. Tests check that this gives ML.NET's
/// own predictions.
/// </summary>
public sealed class ConfidenceModel : IConfidenceModel
{
    /// <summary>The zip entry, beside ML.NET's own, that holds the <see cref="ModelCard"/>.</summary>
    private const string CardEntry = "ExtractReports/card.json";

    private const string EmbeddedName = "ExtractReports.models.confidence.zip";

    private static readonly Lazy<ConfidenceModel> EmbeddedModel = new(() =>
    {
        using var s = typeof(ConfidenceModel).Assembly.GetManifestResourceStream(EmbeddedName)
                      ?? throw new InvalidOperationException("the embedded confidence model is missing from the build");
        return Load(s);
    });

    private readonly IRawScorer _raw;
    private readonly ICalibrator _calibrator;

    public ModelCard Card { get; }

    /// <summary>The SHA-256 of the model file (identifies it in the pipeline's version).</summary>
    public string Id { get; }

    private ConfidenceModel(IRawScorer raw, ICalibrator calibrator, ModelCard card, string id)
    {
        _raw = raw;
        _calibrator = calibrator;
        Card = card;
        Id = id;
    }

    /// <summary>The model shipped inside the library (a copy of models/confidence.zip at build time), loaded once per process.</summary>
    public static ConfidenceModel Embedded() => EmbeddedModel.Value;

    public static ConfidenceModel Load(string path)
    {
        using var s = File.OpenRead(path);
        try { return Load(s); }
        catch (Exception e) when (e is InvalidDataException or FormatException or JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"confidence model {path} is not a model `train` wrote: {e.Message}", e);
        }
    }

    public static ConfidenceModel Load(Stream stream)
    {
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        string id = Convert.ToHexStringLower(SHA256.HashData(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)));
        ModelCard card;
        bytes.Position = 0;
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Read, leaveOpen: true))
        {
            var entry = zip.GetEntry(CardEntry) ?? throw new InvalidDataException($"no {CardEntry} in the model file");
            using var cs = entry.Open();
            card = JsonSerializer.Deserialize<ModelCard>(cs) ?? throw new InvalidDataException("empty model card");
        }
        // Features are only ever appended (ConfidenceFeatures): a model fitted on the first ones reads
        // only those columns of the longer rows, so it stays valid until refitted.
        if (card.Features.Count > ConfidenceFeatures.Count || !card.Features.SequenceEqual(ConfidenceFeatures.Names.Take(card.Features.Count)))
            throw new InvalidDataException("the model was fitted on other features than this build computes: refit it with `train`");
        bytes.Position = 0;
        var transformer = new MLContext(seed: 1).Model.Load(bytes, out _);
        return FromTransformer(transformer, card, id);
    }

    /// <summary>A model from a fitted ML.NET chain: the predictor, then its calibrator.</summary>
    internal static ConfidenceModel FromTransformer(ITransformer chain, ModelCard card, string id)
    {
        var parts = chain is TransformerChain<ITransformer> c ? c.ToList() : [chain];
        if (parts.Count != 2 || parts[0] is not IPredictionTransformer<object> predictor || parts[1] is not IPredictionTransformer<object> calibration)
            throw new InvalidDataException("the model is not a predictor followed by a calibrator");
        if (calibration.Model is not ICalibrator calibrator)
            throw new InvalidDataException($"the model's second part is not a calibrator ({calibration.Model.GetType().Name})");
        return new ConfidenceModel(RawScorer(predictor.Model), calibrator, card, id);
    }

    /// <summary>Saves an ML.NET chain (predictor, calibrator) with its card as a model zip.</summary>
    internal static void Save(MLContext ml, ITransformer chain, DataViewSchema input, ModelCard card, string path)
    {
        ml.Model.Save(chain, input, path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        using var s = zip.CreateEntry(CardEntry).Open();
        JsonSerializer.Serialize(s, card, new JsonSerializerOptions { WriteIndented = true });
    }

    public double[] Score(ScoringDocument document)
    {
        int n = ConfidenceFeatures.Count;
        var rows = System.Buffers.ArrayPool<float>.Shared.Rent(document.Fields.Count * n);
        try
        {
            var span = rows.AsSpan(0, document.Fields.Count * n);
            ConfidenceFeatures.Write(document, span);
            var scores = new double[document.Fields.Count];
            for (int i = 0; i < scores.Length; i++) scores[i] = Score(span.Slice(i * n, n));
            return scores;
        }
        finally { System.Buffers.ArrayPool<float>.Shared.Return(rows); }
    }

    /// <summary>The confidence for one feature row in <see cref="ConfidenceFeatures.Names"/> order.</summary>
    public double Score(ReadOnlySpan<float> features) => _calibrator.PredictProbability(_raw.Score(features));

    /// <summary>The raw (uncalibrated) score, as ML.NET's Score column.</summary>
    internal float RawScore(ReadOnlySpan<float> features) => _raw.Score(features);

    private static IRawScorer RawScorer(object model)
    {
        // Calibrated trainers (L-BFGS logistic, FastTree, LightGbm) wrap their model with the
        // calibrator they fitted in sample; we recalibrate out of fold, so only the inner model counts.
        // After loading from a file the wrapper's generic arguments are ML.NET's internal types, so
        // its SubModel is reached by name (declared twice, by the generic base and hidden by a subclass).
        if (model is CalibratedModelParametersBase)
            model = model.GetType().GetProperties().FirstOrDefault(p => p.Name == "SubModel")?.GetValue(model)
                    ?? throw new InvalidDataException("a calibrated model without its inner model");
        return model switch
        {
            LinearBinaryModelParameters linear => new LinearScorer(linear.Weights.ToArray(), linear.Bias),
            TreeEnsembleModelParametersBasedOnRegressionTree trees => new TreeEnsembleScorer(trees.TrainedTreeEnsemble),
            _ => throw new InvalidDataException($"a model kind this program does not evaluate: {model.GetType().Name}"),
        };
    }

    private interface IRawScorer
    {
        float Score(ReadOnlySpan<float> x);
    }

    private sealed class LinearScorer(float[] weights, float bias) : IRawScorer
    {
        public float Score(ReadOnlySpan<float> x)
        {
            float s = bias;
            for (int i = 0; i < weights.Length; i++) s += weights[i] * x[i];
            return s;
        }
    }

    /// <summary>A tree ensemble as flat arrays: each node sends a row left when its feature is at most the threshold; a negative child is ~leaf.</summary>
    private sealed class TreeEnsembleScorer : IRawScorer
    {
        private readonly Tree[] _trees;
        private readonly double _bias;

        public TreeEnsembleScorer(RegressionTreeEnsemble ensemble)
        {
            _bias = ensemble.Bias;
            _trees = ensemble.Trees.Select((t, i) =>
            {
                if (t.CategoricalSplitFlags.Any(f => f)) throw new InvalidDataException("categorical tree splits are not evaluated here");
                return new Tree(t.LeftChild.ToArray(), t.RightChild.ToArray(), t.NumericalSplitFeatureIndexes.ToArray(),
                    t.NumericalSplitThresholds.ToArray(), t.LeafValues.ToArray(), ensemble.TreeWeights[i]);
            }).ToArray();
        }

        public float Score(ReadOnlySpan<float> x)
        {
            double s = _bias;
            foreach (var t in _trees) s += t.Weight * t.Output(x);
            return (float)s;
        }

        private sealed record Tree(int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] Leaves, double Weight)
        {
            public double Output(ReadOnlySpan<float> x)
            {
                if (Feature.Length == 0) return Leaves[0];
                int node = 0;
                while (node >= 0) node = x[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
                return Leaves[~node];
            }
        }
    }
}
