using System.IO.Compression;
using System.Text.Json;
using ExtractReports.Pipeline;

namespace ExtractReports.Store;

/// <summary>
/// What scheduled and repeated runs need from the store, beside the results and corrections:
/// results kept compressed, a file-stamp cache so unchanged inputs are not read again, a few named
/// values about the last outputs written, and merging another folder's store into this one.
/// </summary>
public sealed partial class ExtractionStore
{
    private void CreateRunTables() => Execute("""
        CREATE INDEX IF NOT EXISTS results_document ON results (document);
        CREATE TABLE IF NOT EXISTS file_hashes (
            path TEXT NOT NULL PRIMARY KEY, size INTEGER NOT NULL, modified INTEGER NOT NULL, sha256 TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS run_values (name TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL);
        """);

    /// <summary>
    /// A result as stored: its JSON, Brotli-compressed. A result's JSON repeats field ids, labels and
    /// evidence that compress about tenfold; an older store's plain-text JSON is still read.
    /// </summary>
    private static byte[] Encode(DocumentResult result)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(result, Json);
        using var buffer = new MemoryStream(json.Length / 6);
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) brotli.Write(json);
        return buffer.ToArray();
    }

    private static DocumentResult? Decode(object? stored) => stored switch
    {
        string json => JsonSerializer.Deserialize<DocumentResult>(json, Json),
        byte[] compressed => JsonSerializer.Deserialize<DocumentResult>(new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress), Json),
        _ => null,
    };

    /// <summary>The content hash of a file as it was when last read, if its size and modification time are unchanged.</summary>
    public string? KnownHash(string path, long size, DateTime modifiedUtc)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT sha256 FROM file_hashes WHERE path = $p AND size = $s AND modified = $m",
                ("$p", Path.GetFullPath(path)), ("$s", size), ("$m", modifiedUtc.Ticks));
            return cmd.ExecuteScalar() as string;
        }
    }

    public void RememberHash(string path, long size, DateTime modifiedUtc, string sha256)
    {
        lock (_lock)
        {
            using var cmd = Command("""
                INSERT INTO file_hashes (path, size, modified, sha256) VALUES ($p, $s, $m, $h)
                ON CONFLICT (path) DO UPDATE SET size = $s, modified = $m, sha256 = $h
                """, ("$p", Path.GetFullPath(path)), ("$s", size), ("$m", modifiedUtc.Ticks), ("$h", sha256));
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Whether a result for these bytes under this pipeline version is stored (without reading it).</summary>
    public bool Has(string sha256, string pipeline)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT 1 FROM results WHERE sha256 = $sha AND pipeline = $p", ("$sha", sha256), ("$p", pipeline));
            return cmd.ExecuteScalar() is not null;
        }
    }

    /// <summary>The content hash last stored under this document name, or null for a name never seen.</summary>
    public string? LastHash(string document)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT sha256 FROM results WHERE document = $d ORDER BY extracted_at DESC LIMIT 1", ("$d", document));
            return cmd.ExecuteScalar() as string;
        }
    }

    /// <summary>Changes whenever a correction is added or changed: part of what the outputs were written from.</summary>
    public string CorrectionsStamp()
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT count(*) || '/' || ifnull(max(corrected_at), '') FROM corrections");
            return (string)cmd.ExecuteScalar()!;
        }
    }

    public string? RunValue(string name)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT value FROM run_values WHERE name = $n", ("$n", name));
            return cmd.ExecuteScalar() as string;
        }
    }

    public void SetRunValue(string name, string value)
    {
        lock (_lock)
        {
            using var cmd = Command("INSERT INTO run_values (name, value) VALUES ($n, $v) ON CONFLICT (name) DO UPDATE SET value = $v", ("$n", name), ("$v", value));
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Takes another output folder's results and corrections into this store (merging shard folders).
    /// A result keeps the newest extraction of each content hash; a correction the latest one made.
    /// </summary>
    public void Import(string otherStorePath)
    {
        // The other folder may predate reviewers' names and the correction history: bring its tables to this program's shape first.
        using (var other = new ExtractionStore(otherStorePath)) other.UpgradeCorrectionTables();
        lock (_lock)
        {
            EnsureCorrectionTables();
            using (var attach = Command("ATTACH DATABASE $path AS other", ("$path", Path.GetFullPath(otherStorePath)))) attach.ExecuteNonQuery();
            try
            {
                using var tx = _db.BeginTransaction();
                foreach (var sql in new[]
                {
                    """
                    INSERT INTO results (sha256, pipeline, document, path, result, extracted_at)
                    SELECT sha256, pipeline, document, path, result, extracted_at FROM other.results WHERE true
                    ON CONFLICT (sha256, pipeline) DO UPDATE SET document = excluded.document, path = excluded.path,
                        result = excluded.result, extracted_at = excluded.extracted_at WHERE excluded.extracted_at > results.extracted_at
                    """,
                    """
                    INSERT INTO corrections (document, field, value, original, corrected_at, source, reviewer)
                    SELECT document, field, value, original, corrected_at, source, reviewer FROM other.corrections WHERE true
                    ON CONFLICT (document, field) DO UPDATE SET value = excluded.value, original = excluded.original,
                        corrected_at = excluded.corrected_at, source = excluded.source, reviewer = excluded.reviewer
                        WHERE excluded.corrected_at > corrections.corrected_at
                    """,
                    """
                    INSERT INTO correction_history (document, field, value, original, corrected_at, source, reviewer)
                    SELECT document, field, value, original, corrected_at, source, reviewer FROM other.correction_history AS o
                    WHERE NOT EXISTS (SELECT 1 FROM correction_history AS h WHERE h.document = o.document AND h.field = o.field
                        AND h.corrected_at = o.corrected_at AND h.reviewer = o.reviewer AND h.value = o.value)
                    ORDER BY o.id
                    """,
                })
                {
                    using var cmd = Command(sql);
                    cmd.Transaction = tx;
                    cmd.ExecuteNonQuery();
                }
                tx.Commit();
            }
            finally
            {
                using var detach = Command("DETACH DATABASE other");
                detach.ExecuteNonQuery();
            }
        }
    }
}
