using System.Text.Json;
using ExtractReports.Pipeline;
using Microsoft.Data.Sqlite;

namespace ExtractReports.Store;

/// <summary>
/// A person's correction of one field, kept across every later run: the value (already checked, see
/// <see cref="CorrectionValues"/>), the value extracted before, when, from where (a review CSV or the web
/// page) and by whom.
/// </summary>
public sealed record Correction(string Document, string Field, string Value, string Original, DateTime CorrectedAt, string Source, string Reviewer = "");

/// <summary>
/// The state of an output folder, in SQLite: each document's result by content hash and pipeline
/// version (a rerun skips unchanged inputs; a new program or model re-extracts them), and the
/// corrections reviewers made, which every later output applies.
/// </summary>
public sealed class ExtractionStore : IDisposable
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
            CREATE TABLE IF NOT EXISTS correction_history (
                id INTEGER PRIMARY KEY AUTOINCREMENT, document TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
                original TEXT NOT NULL, corrected_at TEXT NOT NULL, source TEXT NOT NULL, reviewer TEXT NOT NULL);
            """);
        // Stores made before reviewers were named get the column; their corrections keep an empty name.
        using var columns = Command("SELECT COUNT(*) FROM pragma_table_info('corrections') WHERE name = 'reviewer'");
        if (Convert.ToInt64(columns.ExecuteScalar()) == 0) Execute("ALTER TABLE corrections ADD COLUMN reviewer TEXT NOT NULL DEFAULT ''");
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

    /// <summary>
    /// Keeps corrections in one transaction: the last one written for a field is its value (whoever wrote
    /// it, from whichever process), and every one is kept in the history.
    /// </summary>
    public void SaveCorrections(IEnumerable<Correction> corrections)
    {
        lock (_lock)
        {
            using var tx = _db.BeginTransaction();
            foreach (var c in corrections)
            {
                (string, object)[] values = [("$d", c.Document), ("$f", c.Field), ("$v", c.Value), ("$o", c.Original),
                    ("$at", c.CorrectedAt.ToString("O")), ("$s", c.Source), ("$r", c.Reviewer)];
                using var cmd = Command("""
                    INSERT INTO corrections (document, field, value, original, corrected_at, source, reviewer) VALUES ($d, $f, $v, $o, $at, $s, $r)
                    ON CONFLICT (document, field) DO UPDATE SET value = $v, corrected_at = $at, source = $s, reviewer = $r
                    """, values);
                cmd.Transaction = tx;
                cmd.ExecuteNonQuery();
                using var history = Command("""
                    INSERT INTO correction_history (document, field, value, original, corrected_at, source, reviewer) VALUES ($d, $f, $v, $o, $at, $s, $r)
                    """, values);
                history.Transaction = tx;
                history.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    /// <summary>The correction in force for each field: the last one written.</summary>
    public IReadOnlyDictionary<(string Document, string Field), Correction> Corrections()
    {
        lock (_lock)
        {
            var result = new Dictionary<(string, string), Correction>();
            foreach (var c in ReadCorrections(Command("SELECT document, field, value, original, corrected_at, source, reviewer FROM corrections")))
                result[(c.Document, c.Field)] = c;
            return result;
        }
    }

    /// <summary>Every correction ever written for one field, oldest first.</summary>
    public IReadOnlyList<Correction> History(string document, string field)
    {
        lock (_lock)
            return ReadCorrections(Command("""
                SELECT document, field, value, original, corrected_at, source, reviewer FROM correction_history
                WHERE document = $d AND field = $f ORDER BY id
                """, ("$d", document), ("$f", field)));
    }

    private static List<Correction> ReadCorrections(SqliteCommand command)
    {
        using var cmd = command;
        using var reader = cmd.ExecuteReader();
        var list = new List<Correction>();
        while (reader.Read())
            list.Add(new Correction(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                DateTime.Parse(reader.GetString(4), null, System.Globalization.DateTimeStyles.RoundtripKind), reader.GetString(5), reader.GetString(6)));
        return list;
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
