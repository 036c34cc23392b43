using System.Security.Cryptography;
using System.Text;

namespace ExtractReports.Runs;

/// <summary>
/// One of n deterministic shares of a batch (<c>--shard i/n</c>, for Kubernetes indexed jobs and
/// Slurm job arrays): an input belongs to shard hash(path) mod n, so every machine that sees the
/// same paths splits them the same way, whatever order it lists them in, and each input lands in
/// exactly one shard.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static readonly Shard All = new(0, 1);

    public static bool TryParse(string text, out Shard shard)
    {
        shard = All;
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var i) || !int.TryParse(parts[1], out var n) || n < 1 || i < 0 || i >= n) return false;
        shard = new Shard(i, n);
        return true;
    }

    public bool Contains(string path)
    {
        if (Count == 1) return true;
        var key = path.Replace('\\', '/');
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(hash) % (ulong)Count == (ulong)Index;
    }

    public override string ToString() => $"{Index}/{Count}";
}
