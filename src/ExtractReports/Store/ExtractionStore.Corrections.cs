using Microsoft.Data.Sqlite;

namespace ExtractReports.Store;

/// <summary>
/// A person's correction of one field, kept across every later run: the value (already checked, see
/// <see cref="CorrectionValues"/>), the value extracted before, when, from where (a review CSV or the web
/// page) and by whom.
/// </summary>
public sealed record Correction(string Document, string Field, string Value, string Original, DateTime CorrectedAt, string Source, string Reviewer = "");

/// <summary>
/// The reviewers' corrections in the store: the one in force for each field (the last written, whoever
/// wrote it and from whichever process) and the history of all of them.
/// </summary>
public sealed partial class ExtractionStore
{
    private bool _correctionTablesReady;

    /// <summary>Keeps corrections in one transaction: each becomes its field's value and joins its history.</summary>
    public void SaveCorrections(IEnumerable<Correction> corrections)
    {
        lock (_lock)
        {
            EnsureCorrectionTables();
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
            EnsureCorrectionTables();
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
        {
            EnsureCorrectionTables();
            return ReadCorrections(Command("""
                SELECT document, field, value, original, corrected_at, source, reviewer FROM correction_history
                WHERE document = $d AND field = $f ORDER BY id
                """, ("$d", document), ("$f", field)));
        }
    }

    /// <summary>Brings an older store's correction tables to this program's shape (see <see cref="EnsureCorrectionTables"/>).</summary>
    public void UpgradeCorrectionTables()
    {
        lock (_lock) EnsureCorrectionTables();
    }

    /// <summary>
    /// The history table, and the reviewer column of the corrections table for stores made before reviewers
    /// were named (their corrections keep an empty name). Once a connection; callers hold the lock.
    /// </summary>
    private void EnsureCorrectionTables()
    {
        if (_correctionTablesReady) return;
        Execute("""
            CREATE TABLE IF NOT EXISTS correction_history (
                id INTEGER PRIMARY KEY AUTOINCREMENT, document TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,
                original TEXT NOT NULL, corrected_at TEXT NOT NULL, source TEXT NOT NULL, reviewer TEXT NOT NULL);
            """);
        using var columns = Command("SELECT COUNT(*) FROM pragma_table_info('corrections') WHERE name = 'reviewer'");
        if (Convert.ToInt64(columns.ExecuteScalar()) == 0) Execute("ALTER TABLE corrections ADD COLUMN reviewer TEXT NOT NULL DEFAULT ''");
        _correctionTablesReady = true;
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
}
