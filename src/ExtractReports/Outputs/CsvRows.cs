using System.Globalization;
using CsvHelper;

namespace ExtractReports.Outputs;

/// <summary>Reads a CSV with a header (ours or a person's edit of it) as rows of column name to value.</summary>
public static class CsvRows
{
    public static IEnumerable<Dictionary<string, string>> Read(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
            yield return header.ToDictionary(h => h, h => csv.GetField(h) ?? "");
    }
}
