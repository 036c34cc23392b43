using System.Text.Json;
using ExtractReports.Pipeline;
using Microsoft.Data.Sqlite;

namespace ExtractReports.Store;

/// <summary>
/// The state of an output folder, in SQLite: each document's result by content hash and pipeline
/// version (a rerun skips unchanged inputs; a new program or model re-extracts them), and the
/// corrections reviewers made, which every later output applies.
/// </summary>
public sealed partial class ExtractionStore : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly Lock _lock = new();
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Default;

    public ExtractionStore(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        _db.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS results (
                sha256 TEXT NOT NULL, pipeline TEXT NOT NULL, document TEXT NOT NULL, path TEXT NOT NULL,
                result TEXT NOT NULL, extracted_at TEXT NOT NULL, PRIMARY KEY (sha256, pipeline));
            CREATE TABLE IF NOT EXISTS corrections (
                document TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, original TEXT NOT NULL,
                corrected_at TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (document, field));
            """);
    }

    /// <summary>The stored result of these bytes under this pipeline version, or null.</summary>
    public DocumentResult? Find(string sha256, string pipeline)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT result FROM results WHERE sha256 = $sha AND pipeline = $p", ("$sha", sha256), ("$p", pipeline));
            return cmd.ExecuteScalar() is string json ? JsonSerializer.Deserialize<DocumentResult>(json, Json) : null;
        }
    }

    /// <summary>The latest stored result of these bytes under any pipeline version, or null.</summary>
    public DocumentResult? Latest(string sha256)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT result FROM results WHERE sha256 = $sha ORDER BY extracted_at DESC LIMIT 1", ("$sha", sha256));
            return cmd.ExecuteScalar() is string json ? JsonSerializer.Deserialize<DocumentResult>(json, Json) : null;
        }
    }

    public void Save(DocumentResult result, string pipeline)
    {
        if (result.Sha256.Length == 0) return; // unreadable file: nothing to key it by
        lock (_lock)
        {
            using var cmd = Command("""
                INSERT INTO results (sha256, pipeline, document, path, result, extracted_at) VALUES ($sha, $p, $doc, $path, $r, $at)
                ON CONFLICT (sha256, pipeline) DO UPDATE SET document = $doc, path = $path, result = $r, extracted_at = $at
                """, ("$sha", result.Sha256), ("$p", pipeline), ("$doc", result.Name), ("$path", result.Path),
                ("$r", JsonSerializer.Serialize(result, Json)), ("$at", DateTime.UtcNow.ToString("O")));
            cmd.ExecuteNonQuery();
        }
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }

    private void Execute(string sql) { using var cmd = Command(sql); cmd.ExecuteNonQuery(); }

    public void Dispose() => _db.Dispose();
}
