using System.Security.Cryptography;
using System.Text;
using ExtractReports.Outputs;

namespace ExtractReports.Runs;

/// <summary>
/// What a folder's outputs are made of, hashed: the program, output options, corrections, and every
/// row's path, name and content hash (or failure), in order. Taken one row at a time, so a batch
/// needs no list of its hashes. Incomplete (no value) once a row's hash is unknown: then the outputs
/// cannot be shown to be unchanged and the batch must run.
/// </summary>
public sealed class OutputsFingerprint : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _incomplete;

    public OutputsFingerprint(string pipelineVersion, OutputOptions output, string correctionsStamp)
    {
        Add(pipelineVersion);
        Add($"{output.ExcelBom}/{output.ReviewThreshold:R}");
        Add(correctionsStamp);
    }

    /// <summary>One row: its failure known before reading, else the hash of its bytes (null when unknown or not stored).</summary>
    public void Add(string path, string name, string? failure, string? sha256)
    {
        if (_incomplete) return;
        Add(path);
        Add(name);
        if (failure is not null) Add("!" + failure);
        else if (sha256 is not null) Add(sha256);
        else _incomplete = true;
    }

    /// <summary>The fingerprint, or null when some row's hash was unknown.</summary>
    public string? Value() => _incomplete ? null : Convert.ToHexStringLower(_hash.GetHashAndReset());

    private void Add(string s)
    {
        _hash.AppendData(Encoding.UTF8.GetBytes(s));
        _hash.AppendData([0]);
    }

    public void Dispose() => _hash.Dispose();
}
