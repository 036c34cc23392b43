namespace ExtractReports.Cli.Commands;

/// <summary>Named exit codes: a nightly job tells a failed document from a failed run.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The run finished, but at least one document is an error or not a report (or a download failed).</summary>
    public const int SomeDocumentsFailed = 1;
    /// <summary>Bad command line or missing input.</summary>
    public const int UsageError = 2;
    /// <summary>Another run holds the output folder's lock; nothing was done.</summary>
    public const int FolderLocked = 3;
    /// <summary>The run itself failed (disk full, store unreadable...); see run.log.</summary>
    public const int RunFailed = 4;
}
