using System.CommandLine;
using ExtractReports.Pipeline;
using ExtractReports.Review;

namespace ExtractReports.Cli.Commands;

/// <summary>`review serve out/`: the review web app on an output folder (see ExtractReports.Review).</summary>
public static class ReviewServeCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("output-folder") { Description = "The folder extract wrote (documents.csv, extractreports.db)." };
        var port = new Option<int>("--port", "-p") { Description = "The port to listen on.", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--host") { Description = "The address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 lets others connect).", DefaultValueFactory = _ => "127.0.0.1" };
        var reviewer = new Option<string>("--reviewer") { Description = "Your name, kept with each correction (default: the login name).", DefaultValueFactory = _ => Environment.UserName };
        var threshold = new Option<double>("--review-threshold") { Description = "Fields below this confidence are in the queue.", DefaultValueFactory = _ => 0.9 };
        var excel = new Option<bool>("--excel") { Description = "Rewrite the CSVs with a UTF-8 byte-order mark." };
        var tessdata = new Option<string?>("--tessdata") { Description = "Folder holding chi_sim.traineddata (only to read documents' lines again)." };
        var cmd = new Command("serve", "Review doubtful fields in a browser: the cell on the page, the row, its identities; corrections kept at once.")
            { folder, port, host, reviewer, threshold, excel, tessdata };
        cmd.SetAction(async (parse, cancellation) =>
        {
            var options = new ReviewServerOptions
            {
                OutputFolder = parse.GetValue(folder)!, Port = parse.GetValue(port), Host = parse.GetValue(host)!,
                Reviewer = parse.GetValue(reviewer)!, ReviewThreshold = parse.GetValue(threshold), ExcelBom = parse.GetValue(excel),
            };
            try { options.Validate(); }
            catch (ArgumentException e) { Console.Error.WriteLine(e.Message); return ExitCodes.UsageError; }
            var pipeline = Readers.Configure(PipelineBuilder.CreateDefault(), parse.GetValue(tessdata)).Build();
            await using var server = ReviewServer.Create(options, doc => pipeline.Lines(doc));
            try { await server.StartAsync(cancellation); }
            catch (IOException e)
            {
                Console.Error.WriteLine($"cannot listen on {options.Host}:{options.Port} ({e.Message}); choose another port with --port");
                return ExitCodes.UsageError;
            }
            Console.Error.WriteLine($"reviewing {Path.GetFullPath(options.OutputFolder)} as {options.Reviewer}: open {server.Address} (Ctrl+C stops and rewrites the CSVs)");
            // Ctrl+C cancels the command; a SIGTERM may stop the server's host first. Either way the server stops
            // (and rewrites the CSVs) once.
            await server.WaitForShutdownAsync(cancellation);
            await server.StopAsync();
            Console.Error.WriteLine($"CSVs in {Path.GetFullPath(options.OutputFolder)} rewritten");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
