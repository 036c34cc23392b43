using ExtractReports.Documents;
using ExtractReports.Store;

namespace ExtractReports.Runs;

/// <summary>
/// One row a batch will produce: a document to read (its bytes loaded only when needed; the content
/// hash given when already known, so an unchanged input is never read), or a failure known before
/// reading (a download that failed) that still gets its documents.csv row.
/// </summary>
public sealed record BatchInput(string Path, string Name, Func<SourceDocument>? Load, string? KnownSha256 = null, string? FailureMessage = null)
{
    /// <summary>A file on disk; its hash is taken from the store's file-stamp cache when size and modification time are unchanged.</summary>
    public static BatchInput FromFile(string path, ExtractionStore store)
    {
        string? known = null;
        try
        {
            var info = new FileInfo(path);
            known = store.KnownHash(path, info.Length, info.LastWriteTimeUtc);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return new BatchInput(path, System.IO.Path.GetFileNameWithoutExtension(path), () =>
        {
            var info = new FileInfo(path);
            var doc = SourceDocument.FromFile(path);
            store.RememberHash(path, info.Length, info.LastWriteTimeUtc, doc.Sha256);
            return doc;
        }, known);
    }

    public static BatchInput Failed(string path, string name, string message) => new(path, name, null, null, message);
}
