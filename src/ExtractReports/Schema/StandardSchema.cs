using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ExtractReports.Schema;

/// <summary>
/// The standard schema loaded from the embedded copy of fields.csv: the data is the contract,
/// not code, so a schema update is a file change.
/// </summary>
public sealed class StandardSchema
{
    public IReadOnlyList<FieldDefinition> Fields { get; }
    private readonly Dictionary<string, FieldDefinition> _byId;

    private StandardSchema(IReadOnlyList<FieldDefinition> fields)
    {
        Fields = fields;
        _byId = fields.ToDictionary(f => f.Id);
    }

    public static StandardSchema Default { get; } = LoadEmbedded();

    public FieldDefinition this[string id] => _byId[id];
    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The fields a table of the given format carries, in schema order.</summary>
    public IEnumerable<FieldDefinition> For(string table, ReportFormat format) =>
        Fields.Where(f => f.Table == table && f.In(format));

    public static StandardSchema Load(TextReader reader)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim };
        using var csv = new CsvReader(reader, config);
        var fields = new List<FieldDefinition>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var formats = csv.GetField("formats")!.Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s switch
                {
                    "2019" => ReportFormat.F2019,
                    "2021" => ReportFormat.F2021,
                    _ => throw new InvalidDataException($"schema: unknown format '{s}'"),
                }).ToArray();
            var type = csv.GetField("type") switch
            {
                "int" => FieldType.Int,
                "decimal" => FieldType.Decimal,
                "text" => FieldType.Text,
                var t => throw new InvalidDataException($"schema: unknown type '{t}'"),
            };
            fields.Add(new FieldDefinition(csv.GetField("field_id")!, csv.GetField("table")!, formats,
                csv.GetField("row_label") ?? "", csv.GetField("column_label") ?? "", type, csv.GetField("unit") ?? ""));
        }
        return new StandardSchema(fields);
    }

    private static StandardSchema LoadEmbedded()
    {
        using var stream = typeof(StandardSchema).Assembly.GetManifestResourceStream("ExtractReports.Schema.fields.csv")
            ?? throw new InvalidOperationException("the embedded schema fields.csv is missing from the build");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }
}
