using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ExtractReports.Crawl;

/// <summary>What the ledger knows of a URL: whose it is, the document name it gets, its validators and its latest bytes.</summary>
public sealed record KnownUrl(string Url, string Agency, string Role, string Document, string Extension, string? ETag, string? LastModified, string? Sha256);

/// <summary>
/// The crawl's memory, in the output folder (<c>downloads/</c>): every downloaded file kept
/// content-addressed (<c>blobs/ab/abcdef…</c>, one copy per distinct content however many URLs or
/// runs bring it), and in SQLite every URL's validators and current content, and every download
/// with its time, HTTP status and headers. A report stays even after the site removes it.
/// </summary>
public sealed class DownloadLedger : IDisposable
{
    public const string FolderName = "downloads";
    private readonly SqliteConnection _db;
    private readonly Lock _lock = new();
    private readonly string _blobs;

    public DownloadLedger(string outDir)
    {
        var folder = Path.Combine(outDir, FolderName);
        _blobs = Path.Combine(folder, "blobs");
        Directory.CreateDirectory(_blobs);
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "downloads.db"), Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        _db.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS urls (
                url TEXT NOT NULL PRIMARY KEY, agency TEXT NOT NULL, role TEXT NOT NULL, document TEXT NOT NULL, extension TEXT NOT NULL,
                etag TEXT, last_modified TEXT, sha256 TEXT, first_seen TEXT NOT NULL, last_checked TEXT NOT NULL, last_outcome TEXT NOT NULL);
            CREATE UNIQUE INDEX IF NOT EXISTS urls_document ON urls (document) WHERE role = 'report';
            CREATE TABLE IF NOT EXISTS downloads (
                url TEXT NOT NULL, final_url TEXT NOT NULL, fetched_at TEXT NOT NULL, http_status INTEGER NOT NULL,
                sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, headers TEXT NOT NULL);
            """);
    }

    public KnownUrl? Find(Uri url)
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT url, agency, role, document, extension, etag, last_modified, sha256 FROM urls WHERE url = $u", ("$u", url.AbsoluteUri));
            using var r = cmd.ExecuteReader();
            return r.Read() ? Read(r) : null;
        }
    }

    /// <summary>Every report URL that has bytes, in URL order: what the folder's outputs are made of.</summary>
    public List<KnownUrl> Reports()
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT url, agency, role, document, extension, etag, last_modified, sha256 FROM urls WHERE role = 'report' AND sha256 IS NOT NULL ORDER BY url");
            using var r = cmd.ExecuteReader();
            var list = new List<KnownUrl>();
            while (r.Read()) list.Add(Read(r));
            return list;
        }
    }

    /// <summary>
    /// The document name a report URL gets: its file name without extension (as `extract` names a
    /// file), kept for good once given; made unique with a short hash of the URL when another URL
    /// already has the name (every agency has an index.html).
    /// </summary>
    public string Claim(Uri url, string agency, string role, string wantedName, string extension)
    {
        lock (_lock)
        {
            if (Find(url) is { } known) return known.Document;
            var name = wantedName;
            using (var taken = Command("SELECT 1 FROM urls WHERE document = $d AND role = 'report'", ("$d", name)))
                if (role == "report" && taken.ExecuteScalar() is not null)
                    name = $"{wantedName}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(url.AbsoluteUri)))[..8]}";
            var now = DateTime.UtcNow.ToString("O");
            using var cmd = Command("""
                INSERT INTO urls (url, agency, role, document, extension, first_seen, last_checked, last_outcome)
                VALUES ($u, $a, $r, $d, $e, $now, $now, 'seen')
                """, ("$u", url.AbsoluteUri), ("$a", agency), ("$r", role), ("$d", name), ("$e", extension), ("$now", now));
            cmd.ExecuteNonQuery();
            return name;
        }
    }

    /// <summary>Keeps downloaded bytes (once per content) and records the download; returns the content hash.</summary>
    public string Keep(Uri url, FetchResult fetched, string extension)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(fetched.Body));
        var path = BlobPath(sha);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            File.WriteAllBytes(temp, fetched.Body);
            File.Move(temp, path, overwrite: true);
        }
        lock (_lock)
        {
            var now = DateTime.UtcNow.ToString("O");
            using var tx = _db.BeginTransaction();
            using (var insert = Command("""
                INSERT INTO downloads (url, final_url, fetched_at, http_status, sha256, bytes, headers) VALUES ($u, $f, $now, $s, $h, $n, $hd)
                """, ("$u", url.AbsoluteUri), ("$f", fetched.FinalUrl.AbsoluteUri), ("$now", now), ("$s", fetched.HttpStatus), ("$h", sha),
                ("$n", fetched.Body.Length), ("$hd", JsonSerializer.Serialize(fetched.Headers))))
            { insert.Transaction = tx; insert.ExecuteNonQuery(); }
            using (var update = Command("""
                UPDATE urls SET etag = $et, last_modified = $lm, sha256 = $h, extension = $e, last_checked = $now, last_outcome = 'downloaded' WHERE url = $u
                """, ("$u", url.AbsoluteUri), ("$et", (object?)fetched.ETag ?? DBNull.Value), ("$lm", (object?)fetched.LastModified ?? DBNull.Value),
                ("$h", sha), ("$e", extension), ("$now", now)))
            { update.Transaction = tx; update.ExecuteNonQuery(); }
            tx.Commit();
        }
        return sha;
    }

    public void Checked(Uri url, string outcome)
    {
        lock (_lock)
        {
            using var cmd = Command("UPDATE urls SET last_checked = $now, last_outcome = $o WHERE url = $u", ("$u", url.AbsoluteUri), ("$now", DateTime.UtcNow.ToString("O")), ("$o", outcome));
            cmd.ExecuteNonQuery();
        }
    }

    public string BlobPath(string sha256) => Path.Combine(_blobs, sha256[..2], sha256);

    public int DownloadCount()
    {
        lock (_lock)
        {
            using var cmd = Command("SELECT count(*) FROM downloads");
            return Convert.ToInt32(cmd.ExecuteScalar());
        }
    }

    private static KnownUrl Read(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7));

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
