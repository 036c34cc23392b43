using ExtractReports.Documents;

namespace ExtractReports.Lines;

/// <summary>Turns one kind of input into lines of cells. A reader claims the kinds it can read.</summary>
public interface ILineReader
{
    bool CanRead(SourceDocument document);

    /// <summary>
    /// Reads the document. Bad input is reported by throwing <see cref="DocumentReadException"/>
    /// with a message a person understands; the pipeline turns it into an error row.
    /// </summary>
    LineDocument Read(SourceDocument document, CancellationToken cancellation);
}

/// <summary>A document that cannot be read, with a reason for documents.csv.</summary>
public class DocumentReadException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Thrown by a PDF reader whose document has no usable text layer, so that OCR takes over.</summary>
public sealed class NeedsOcrException(string reason) : DocumentReadException(reason);
