using System.CommandLine;

namespace ExtractReports.Cli.Commands;

public static class RootCommandFactory
{
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
        return root;
    }
}
