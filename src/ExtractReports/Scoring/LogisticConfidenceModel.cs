using System.Text.Json;
using System.Text.Json.Serialization;
using ExtractReports.Fields;

namespace ExtractReports.Scoring;

/// <summary>Gives a field the probability that its value is what the document says.</summary>
public interface IConfidenceModel
{
    double Score(FieldValue field);
}

/// <summary>The model file: a logistic regression over named features, with how it was fitted.</summary>
public sealed record ConfidenceModelFile(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("bias")] double Bias,
    [property: JsonPropertyName("weights")] Dictionary<string, double> Weights,
    [property: JsonPropertyName("trained_on")] string TrainedOn,
    [property: JsonPropertyName("notes")] string Notes);

/// <summary>
/// Logistic regression over <see cref="ConfidenceFeatures"/>: small, inspectable, and calibrated by
/// fitting it on extracted corpus fields against their truth (`extractreports train`).
/// </summary>
public sealed class LogisticConfidenceModel : IConfidenceModel
{
    private readonly double _bias;
    private readonly double[] _weights;
    public ConfidenceModelFile File { get; }

    public LogisticConfidenceModel(ConfidenceModelFile file)
    {
        File = file;
        _bias = file.Bias;
        _weights = ConfidenceFeatures.Names.Select(n => file.Weights.GetValueOrDefault(n)).ToArray();
    }

    public double Score(FieldValue field)
    {
        // Every field of every document is scored: its features stay on the stack.
        Span<double> features = stackalloc double[_weights.Length];
        ConfidenceFeatures.Write(field, features);
        return Score(features);
    }

    /// <summary>The confidence for a feature vector in <see cref="ConfidenceFeatures.Names"/> order.</summary>
    public double Score(double[] features) => Score(features.AsSpan());

    private double Score(ReadOnlySpan<double> features) => Sigmoid(_bias + Dot(features));

    private double Dot(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += _weights[i] * x[i];
        return s;
    }

    internal static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    public static LogisticConfidenceModel Load(string path)
    {
        try
        {
            var file = JsonSerializer.Deserialize<ConfidenceModelFile>(System.IO.File.ReadAllText(path))
                       ?? throw new InvalidDataException("empty model file");
            return new LogisticConfidenceModel(file);
        }
        catch (JsonException e) { throw new InvalidDataException($"confidence model {path} is not valid JSON: {e.Message}", e); }
    }

    /// <summary>The model shipped inside the library (a copy of models/confidence.json at build time).</summary>
    public static LogisticConfidenceModel Embedded()
    {
        using var s = typeof(LogisticConfidenceModel).Assembly.GetManifestResourceStream("ExtractReports.models.confidence.json")
                      ?? throw new InvalidOperationException("the embedded confidence model is missing from the build");
        return new LogisticConfidenceModel(JsonSerializer.Deserialize<ConfidenceModelFile>(s)!);
    }

    public static void Save(ConfidenceModelFile file, string path) =>
        System.IO.File.WriteAllText(path, JsonSerializer.Serialize(file, new JsonSerializerOptions { WriteIndented = true }) + "\n");
}
