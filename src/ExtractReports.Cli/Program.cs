using ExtractReports.Cli.Commands;

return RootCommandFactory.Create().Parse(args).Invoke();
