namespace ExtractReports.Pages.Pdf;

/// <summary>Why poppler could not read a PDF.</summary>
public enum PdfFailure { PasswordRequired, Damaged, Timeout, Crashed, ToolMissing }

/// <summary>A PDF poppler could not read, with a message a person understands.</summary>
public sealed class PdfReadException(PdfFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public PdfFailure Failure { get; } = failure;
}
