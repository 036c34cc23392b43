using ExtractReports.Documents;
using ExtractReports.Outputs;
using ExtractReports.Pipeline;

namespace ExtractReports.Store;

/// <summary>
/// An output folder `extract` wrote: its documents.csv names the documents, and its store holds each one's
/// full result (fields with page, box and evidence) by content hash. Reading them back lets the review loop
/// rewrite the CSVs with corrections without extracting again.
/// </summary>
public static class OutputFolder
{
    public static string DocumentsCsv(string folder) => Path.Combine(folder, "documents.csv");

    /// <summary>The output folder's state: results by content hash, and reviewers' corrections.</summary>
    public static string StorePath(string folder) => Path.Combine(folder, "extractreports.db");

    /// <summary>
    /// Every document of the folder's documents.csv, as its last stored result (with the path and name of
    /// this folder's run), or as the row itself when the store has none (a file that could not be read).
    /// Corrections are not applied.
    /// </summary>
    public static List<DocumentResult> Results(string folder, ExtractionStore store) =>
        CsvRows.Read(DocumentsCsv(folder)).Select(row =>
            store.Latest(row["sha256"]) is { } r ? r with { Path = row["path"], Name = row["document"] } : AsResult(row)).ToList();

    private static DocumentResult AsResult(Dictionary<string, string> row) => new(row["path"], row["document"], row["sha256"], DocumentKind.Unknown,
        row["status"] switch { "ok" => DocumentStatus.Ok, "partial" => DocumentStatus.Partial, "not_a_report" => DocumentStatus.NotAReport, _ => DocumentStatus.Error },
        row["message"], "", "", "", 0, "", [], [], TimeSpan.Zero);
}
