using System.Globalization;
using CsvHelper;

namespace ExtractReports.Scoring;

/// <summary>
/// Training examples saved as CSV (document, group, generator, right, the bound of DoubtCaps, then one column per feature), so the
/// trainers can be compared and the model refitted without extracting the documents again. A file
/// written with other features than this build's is refused: extract again.
/// </summary>
public static class TrainingExamples
{
    private static readonly string[] Leading = ["document", "group", "generator", "right", "bound"];

    public static void Save(IEnumerable<TrainingExample> examples, string path)
    {
        using var w = new StreamWriter(path);
        using var csv = new CsvWriter(w, CultureInfo.InvariantCulture);
        foreach (var h in Leading.Concat(ConfidenceFeatures.Names)) csv.WriteField(h);
        csv.NextRecord();
        foreach (var e in examples)
        {
            csv.WriteField(e.Document);
            csv.WriteField(e.Group);
            csv.WriteField(e.Generator);
            csv.WriteField(e.Right ? 1 : 0);
            csv.WriteField(e.Bound.ToString("R", CultureInfo.InvariantCulture));
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
        if (!csv.HeaderRecord!.SequenceEqual(Leading.Concat(ConfidenceFeatures.Names)))
            throw new InvalidDataException($"{path} holds other features than this build computes: extract the training documents again");
        var list = new List<TrainingExample>();
        int n = ConfidenceFeatures.Count;
        while (csv.Read())
        {
            var x = new float[n];
            for (int i = 0; i < n; i++) x[i] = float.Parse(csv.GetField(Leading.Length + i)!, CultureInfo.InvariantCulture);
            list.Add(new TrainingExample(csv.GetField(0)!, csv.GetField(1)!, x, csv.GetField(3) == "1",
                double.Parse(csv.GetField(4)!, CultureInfo.InvariantCulture), csv.GetField(2)!));
        }
        return list;
    }
}
