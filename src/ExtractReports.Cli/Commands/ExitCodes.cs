namespace ExtractReports.Cli.Commands;

/// <summary>Named exit codes: a nightly job tells a failed document from a failed run.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The run finished, but at least one document is an error or not a report.</summary>
    public const int SomeDocumentsFailed = 1;
    /// <summary>Bad command line or missing input.</summary>
    public const int UsageError = 2;
}
