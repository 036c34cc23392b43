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
    public static void Write(string folder, IEnumerable<DocumentResult> results, OutputOptions options, StandardSchema schema)
    {
        using var outputs = new StreamingOutputWriter(folder, options, schema);
        foreach (var r in results) outputs.Add(r);
        outputs.Complete();
    }
}

/// <summary>
/// The four CSVs written one document at a time, so a batch never holds more than the documents in
/// flight (memory flat in the batch's size). They are written beside the old files and replace them
/// only at <see cref="Complete"/>: a run that dies midway leaves the last complete outputs in place.
/// </summary>
public sealed class StreamingOutputWriter : IDisposable
{
    private const string Partial = ".partial";
    private static readonly string[] Files = ["fields.csv", "documents.csv", "review.csv", "wide.csv"];
    private readonly string _folder;
    private readonly OutputOptions _options;
    private readonly StandardSchema _schema;
    private readonly (StreamWriter Writer, CsvWriter Csv)[] _outputs;
    private bool _completed;

    public StreamingOutputWriter(string folder, OutputOptions options, StandardSchema schema)
    {
        Directory.CreateDirectory(folder);
        _folder = folder;
        _options = options;
        _schema = schema;
        var encoding = new UTF8Encoding(options.ExcelBom);
        _outputs = Files.Select(f =>
        {
            var writer = new StreamWriter(Path.Combine(folder, f + Partial), false, encoding, bufferSize: 1 << 16);
            return (writer, new CsvWriter(writer, CsvSettings.Config));
        }).ToArray();
        _outputs[0].Csv.Context.RegisterClassMap(new FieldRowMap());
        _outputs[0].Csv.WriteHeader<FieldRow>();
        _outputs[0].Csv.NextRecord();
        _outputs[1].Csv.Context.RegisterClassMap(new DocumentRowMap());
        _outputs[1].Csv.WriteHeader<DocumentRow>();
        _outputs[1].Csv.NextRecord();
        _outputs[2].Csv.Context.RegisterClassMap(new ReviewRowMap());
        _outputs[2].Csv.WriteHeader<ReviewRow>();
        _outputs[2].Csv.NextRecord();
        var wide = _outputs[3].Csv;
        wide.WriteField("document");
        wide.WriteField("status");
        foreach (var f in schema.Fields) wide.WriteField(f.Id);
        wide.NextRecord();
    }

    public void Add(DocumentResult r)
    {
        var fields = _outputs[0].Csv;
        foreach (var f in r.Fields)
        {
            fields.WriteRecord(new FieldRow(r.Name, f.Field.FieldId, f.Field.Value, f.Confidence, f.Field.Status.Name(),
                string.Join(";", f.Field.Flags), f.Field.Page, f.Field.Box?.ToString() ?? "", f.Field.Evidence));
            fields.NextRecord();
        }

        var documents = _outputs[1].Csv;
        documents.WriteRecord(new DocumentRow(r.Name, r.Path, r.Sha256, r.Kind.Name(), r.Format, r.Agency, r.Year, r.Pages,
            r.Fields.Count(f => f.Field.Status is not FieldStatus.Missing and not FieldStatus.Error && f.Confidence >= _options.ReviewThreshold),
            r.Fields.Count(f => f.Confidence < _options.ReviewThreshold),
            r.IdentitiesHeld, r.IdentitiesBroken, r.Status.Name(), r.Message, Math.Round(r.Elapsed.TotalSeconds, 3), r.Method));
        documents.NextRecord();

        var review = _outputs[2].Csv;
        foreach (var row in ReviewRows.Of(r, _options.ReviewThreshold, _schema))
        {
            review.WriteRecord(row);
            review.NextRecord();
        }

        // One row per document, one column per field: for spreadsheets and statistics tools.
        var wide = _outputs[3].Csv;
        var values = new Dictionary<string, string>(r.Fields.Count);
        foreach (var f in r.Fields) values[f.Field.FieldId] = f.Field.Value;
        wide.WriteField(r.Name);
        wide.WriteField(r.Status.Name());
        foreach (var f in _schema.Fields) wide.WriteField(values.GetValueOrDefault(f.Id, ""));
        wide.NextRecord();
    }

    /// <summary>Finishes the files and puts them in place of the previous outputs.</summary>
    public void Complete()
    {
        Close();
        foreach (var f in Files) File.Move(Path.Combine(_folder, f + Partial), Path.Combine(_folder, f), overwrite: true);
        _completed = true;
    }

    private void Close()
    {
        foreach (var (writer, csv) in _outputs)
        {
            csv.Dispose();
            writer.Dispose();
        }
    }

    public void Dispose()
    {
        if (_completed) return;
        Close();
        foreach (var f in Files) File.Delete(Path.Combine(_folder, f + Partial));
    }
}
