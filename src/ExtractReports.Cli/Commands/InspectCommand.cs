using System.CommandLine;
using ExtractReports.Documents;
using ExtractReports.Lines;
using ExtractReports.Pipeline;

namespace ExtractReports.Cli.Commands;

/// <summary>`inspect`: prints a document as the table reader sees it, lines of cells, to see why a field came out as it did.</summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "One input document." };
        var tessdata = new Option<string?>("--tessdata") { Description = "Folder holding chi_sim.traineddata for OCR." };
        var cmd = new Command("inspect", "Print a document's lines of cells (cells separated by │, with page and box where known).") { file, tessdata };
        cmd.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) { Console.Error.WriteLine($"not found: {path}"); return ExitCodes.UsageError; }
            var pipeline = Readers.Configure(PipelineBuilder.CreateDefault(), parse.GetValue(tessdata)).Build();
            try
            {
                var lines = pipeline.Lines(SourceDocument.FromFile(path));
                Console.WriteLine($"# {lines.Method}, {lines.Pages} pages, title: {lines.Title ?? "-"}");
                foreach (var note in lines.Notes) Console.WriteLine($"# {note}");
                for (int i = 0; i < lines.Lines.Count; i++)
                {
                    var l = lines.Lines[i];
                    Console.WriteLine($"{i,4} p{l.Page}{(l.Delimited ? "" : "~")} " + string.Join(" │ ", l.Cells.Select(Shown)));
                }
                return ExitCodes.Ok;
            }
            catch (DocumentReadException e) { Console.Error.WriteLine(e.Message); return ExitCodes.SomeDocumentsFailed; }
        });
        return cmd;
    }

    /// <summary>A cell as printed: its text, its box's left edge, the engine's confidence when below 1, and for an OCR'd
    /// empty cell whether it was seen empty (∅) or not (?).</summary>
    private static string Shown(Cell c)
    {
        var text = c.Box is { } b ? FormattableString.Invariant($"{c.Text} @{b.X0:0}") : c.Text;
        if (c.Confidence < 1) text += FormattableString.Invariant($" ~{c.Confidence:0.00}");
        if (c.IsBlank && c.Glyphs is { } g) text += g.SeenEmpty ? " ∅" : " ?";
        return text;
    }
}
