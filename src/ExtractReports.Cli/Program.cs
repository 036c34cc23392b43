using ExtractReports.Cli.Commands;

return RootCommandFactory.Run(args);
