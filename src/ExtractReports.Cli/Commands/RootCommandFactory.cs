using System.CommandLine;

namespace ExtractReports.Cli.Commands;

public static class RootCommandFactory
{
    /// <summary>Parses and runs a command line; a malformed one exits with <see cref="ExitCodes.UsageError"/>.</summary>
    public static int Run(string[] args)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count == 0) return parse.Invoke();
        foreach (var error in parse.Errors) Console.Error.WriteLine(error.Message);
        Console.Error.WriteLine("run with --help for the commands and their options");
        return ExitCodes.UsageError;
    }

    public static RootCommand Create()
    {
        var root = new RootCommand(
            "ExtractReports: reads 政府信息公开工作年度报告 (text PDFs, scans, images, HTML, DOCX, text dumps) and writes " +
            "every field of the standard schema with a value, a confidence, its evidence and flags, to CSV.\n\n" +
            "  extract corpus --out out        extract every report under corpus/ into out/\n" +
            "  eval out --truth corpus         score out/fields.csv against the truth files under corpus/");
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(ReviewCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(CrawlCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        return root;
    }
}
