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
            -- WAL without a sync per commit: a commit survives the process dying (what the crash
            -- guard's marks are for), only an OS crash may lose the last ones. 2 ms less a document.
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS results (
                sha256 TEXT NOT NULL, pipeline TEXT NOT NULL, document TEXT NOT NULL, path TEXT NOT NULL,
                result TEXT NOT NULL, extracted_at TEXT NOT NULL, PRIMARY KEY (sha256, pipeline));
            CREATE TABLE IF NOT EXISTS corrections (
                document TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL, original TEXT NOT NULL,
                corrected_at TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (document, field));
            CREATE TABLE IF NOT EXISTS reading (
                sha256 TEXT NOT NULL PRIMARY KEY, document TEXT NOT NULL, path TEXT NOT NULL, library TEXT NOT NULL,
                pid INTEGER NOT NULL, started_at TEXT NOT NULL);
            """);
        CreateRunTables();
    }

    /// <summary>
    /// Marks a document as being read by this process with <paramref name="library"/> (the crash
    /// guard); <paramref name="library"/> null clears the mark once its result is saved. A mark
    /// that outlives its process names a file the reader crashed on (<see cref="LeftReading"/>).
    /// </summary>
    public void MarkReading(string sha256, string document, string path, string? library)
    {
        if (sha256.Length == 0) return;
        lock (_lock)
        {
            using var cmd = library is null
                ? Command("DELETE FROM reading WHERE sha256 = $sha", ("$sha", sha256))
                : Command("""
                    INSERT INTO reading (sha256, document, path, library, pid, started_at) VALUES ($sha, $doc, $path, $lib, $pid, $at)
                    ON CONFLICT (sha256) DO UPDATE SET document = $doc, path = $path, library = $lib, pid = $pid, started_at = $at
                    """, ("$sha", sha256), ("$doc", document), ("$path", path), ("$lib", library), ("$pid", Environment.ProcessId), ("$at", DateTime.UtcNow.ToString("O")));
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Documents marked as being read by a process that is no longer running: the run died on them.</summary>
    public IReadOnlyList<(string Sha256, string Document, string Path, string Library)> LeftReading()
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT sha256, document, path, library, pid FROM reading");
            using var reader = cmd.ExecuteReader();
            var left = new List<(string, string, string, string)>();
            while (reader.Read())
                if (!IsRunning(reader.GetInt32(4))) left.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            return left;
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try { using var p = System.Diagnostics.Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    /// <summary>The stored result of these bytes under this pipeline version, or null.</summary>
    public DocumentResult? Find(string sha256, string pipeline)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT result FROM results WHERE sha256 = $sha AND pipeline = $p", ("$sha", sha256), ("$p", pipeline));
            return Decode(cmd.ExecuteScalar());
        }
    }

    /// <summary>The latest stored result of these bytes under any pipeline version, or null.</summary>
    public DocumentResult? Latest(string sha256)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT result FROM results WHERE sha256 = $sha ORDER BY extracted_at DESC LIMIT 1", ("$sha", sha256));
            return Decode(cmd.ExecuteScalar());
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
                ("$r", Encode(result)), ("$at", DateTime.UtcNow.ToString("O")));
            cmd.ExecuteNonQuery();
            // One result a content hash: a result of an older program build is never read again once
            // this one exists (Latest takes the newest), so it only made the store grow with every build.
            using var prune = Command("DELETE FROM results WHERE sha256 = $sha AND pipeline <> $p", ("$sha", result.Sha256), ("$p", pipeline));
            prune.ExecuteNonQuery();
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
