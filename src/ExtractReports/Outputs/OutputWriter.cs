using System.Text;
using CsvHelper;
using ExtractReports.Documents;
using ExtractReports.Fields;
using ExtractReports.Pipeline;
using ExtractReports.Schema;

namespace ExtractReports.Outputs;

/// <summary>Options of the CSV outputs.</summary>
public sealed record OutputOptions
{
    /// <summary>Write a UTF-8 byte-order mark, so Excel opens the files as UTF-8.</summary>
    public bool ExcelBom { get; init; }
    /// <summary>Fields below this confidence go to review.csv.</summary>
    public double ReviewThreshold { get; init; } = 0.9;
}

/// <summary>Writes fields.csv, documents.csv, wide.csv and review.csv (RFC 4180, UTF-8) with CsvHelper.</summary>
public static class OutputWriter
{
    public static void Write(string folder, IReadOnlyList<DocumentResult> results, OutputOptions options, StandardSchema schema)
    {
        Directory.CreateDirectory(folder);
        var encoding = new UTF8Encoding(options.ExcelBom);

        WriteRecords(Path.Combine(folder, "fields.csv"), encoding, new FieldRowMap(),
            results.SelectMany(r => r.Fields.Select(f => new FieldRow(r.Name, f.Field.FieldId, f.Field.Value, f.Confidence,
                f.Field.Status.Name(), string.Join(";", f.Field.Flags), f.Field.Page, f.Field.Box?.ToString() ?? "", f.Field.Evidence))));

        WriteRecords(Path.Combine(folder, "documents.csv"), encoding, new DocumentRowMap(),
            results.Select(r => new DocumentRow(r.Name, r.Path, r.Sha256, r.Kind.Name(), r.Format, r.Agency, r.Year, r.Pages,
                r.Fields.Count(f => f.Field.Status is not FieldStatus.Missing and not FieldStatus.Error && f.Confidence >= options.ReviewThreshold),
                r.Fields.Count(f => f.Confidence < options.ReviewThreshold),
                r.IdentitiesHeld, r.IdentitiesBroken, r.Status.Name(), r.Message, Math.Round(r.Elapsed.TotalSeconds, 3), r.Method)));

        WriteRecords(Path.Combine(folder, "review.csv"), encoding, new ReviewRowMap(),
            results.SelectMany(r => ReviewRows.Of(r, options.ReviewThreshold, schema)));

        WriteWide(Path.Combine(folder, "wide.csv"), encoding, results, schema);
    }

    private static void WriteRecords<T, TMap>(string path, Encoding encoding, TMap map, IEnumerable<T> rows) where TMap : CsvHelper.Configuration.ClassMap<T>
    {
        using var writer = Create(path, encoding);
        using var csv = new CsvWriter(writer, CsvSettings.Config);
        csv.Context.RegisterClassMap(map);
        csv.WriteRecords(rows);
    }

    /// <summary>
    /// A file writer with a 64 KiB buffer: fields.csv holds about 200 rows a document, and the default
    /// buffer (1024 characters) made one write to the file system every few kilobytes.
    /// </summary>
    private static StreamWriter Create(string path, Encoding encoding) => new(path, false, encoding, bufferSize: 1 << 16);

    /// <summary>One row per document, one column per schema field: for spreadsheets and statistics tools.</summary>
    private static void WriteWide(string path, Encoding encoding, IReadOnlyList<DocumentResult> results, StandardSchema schema)
    {
        using var writer = Create(path, encoding);
        using var csv = new CsvWriter(writer, CsvSettings.Config);
        csv.WriteField("document");
        csv.WriteField("status");
        foreach (var f in schema.Fields) csv.WriteField(f.Id);
        csv.NextRecord();
        foreach (var r in results)
        {
            var values = r.Fields.ToDictionary(f => f.Field.FieldId, f => f.Field.Value);
            csv.WriteField(r.Name);
            csv.WriteField(r.Status.Name());
            foreach (var f in schema.Fields) csv.WriteField(values.GetValueOrDefault(f.Id, ""));
            csv.NextRecord();
        }
    }
}
