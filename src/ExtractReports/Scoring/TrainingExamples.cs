using System.Globalization;
using CsvHelper;

namespace ExtractReports.Scoring;

/// <summary>
/// Training examples saved as CSV (document, group, right, then one column per feature), so the
/// trainers can be compared and the model refitted without extracting the documents again. A file
/// written with other features than this build's is refused: extract again.
/// </summary>
public static class TrainingExamples
{
    public static void Save(IEnumerable<TrainingExample> examples, string path)
    {
        using var w = new StreamWriter(path);
        using var csv = new CsvWriter(w, CultureInfo.InvariantCulture);
        foreach (var h in new[] { "document", "group", "right" }.Concat(ConfidenceFeatures.Names)) csv.WriteField(h);
        csv.NextRecord();
        foreach (var e in examples)
        {
            csv.WriteField(e.Document);
            csv.WriteField(e.Group);
            csv.WriteField(e.Right ? 1 : 0);
            foreach (var x in e.Features) csv.WriteField(x.ToString("R", CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
    }

    public static List<TrainingExample> Load(string path)
    {
        using var r = new StreamReader(path);
        using var csv = new CsvReader(r, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        if (!csv.HeaderRecord!.Skip(3).SequenceEqual(ConfidenceFeatures.Names))
            throw new InvalidDataException($"{path} holds other features than this build computes: extract the training documents again");
        var list = new List<TrainingExample>();
        int n = ConfidenceFeatures.Count;
        while (csv.Read())
        {
            var x = new float[n];
            for (int i = 0; i < n; i++) x[i] = float.Parse(csv.GetField(3 + i)!, CultureInfo.InvariantCulture);
            list.Add(new TrainingExample(csv.GetField(0)!, csv.GetField(1)!, x, csv.GetField(2) == "1"));
        }
        return list;
    }
}
