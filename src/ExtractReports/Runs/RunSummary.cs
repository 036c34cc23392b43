using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExtractReports.Runs;

/// <summary>A document or download that failed, and why, in words a person understands.</summary>
public sealed record FailedItem(
    [property: JsonPropertyName("document")] string Document,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>
/// run.json: what one run did, for whoever watches the nightly job. new / changed / unchanged count
/// inputs against the last run into the folder; extracted and reused say how much work was done.
/// </summary>
public sealed record RunSummary
{
    public const string FileName = "run.json";
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [JsonPropertyName("command")] public string Command { get; init; } = "";
    [JsonPropertyName("started")] public DateTime Started { get; init; }
    [JsonPropertyName("seconds")] public double Seconds { get; init; }
    [JsonPropertyName("documents")] public int Documents { get; init; }
    [JsonPropertyName("new")] public int New { get; init; }
    [JsonPropertyName("changed")] public int Changed { get; init; }
    [JsonPropertyName("unchanged")] public int Unchanged { get; init; }
    [JsonPropertyName("failed")] public int FailedCount => Failed.Count;
    [JsonPropertyName("extracted")] public int Extracted { get; init; }
    [JsonPropertyName("reused")] public int Reused { get; init; }
    /// <summary>Downloads made by a crawl (0 for extract).</summary>
    [JsonPropertyName("downloaded")] public int Downloaded { get; init; }
    /// <summary>True when nothing had changed since the outputs were last written, so they were kept as they were.</summary>
    [JsonPropertyName("outputs_unchanged")] public bool OutputsUnchanged { get; init; }
    [JsonPropertyName("exit_code")] public int ExitCode { get; init; }
    [JsonPropertyName("failures")] public IReadOnlyList<FailedItem> Failed { get; init; } = [];

    public void Save(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Options));

    public static RunSummary? Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<RunSummary>(File.ReadAllText(path), Options) : null;
    }
}
