namespace ExtractReports.Documents;

/// <summary>Decides a document's kind from its leading bytes; the extension only breaks ties among texts.</summary>
public static class DocumentSniffer
{
    public static DocumentKind Sniff(ReadOnlySpan<byte> bytes, string extension)
    {
        if (bytes.Length == 0 || IsAllWhitespace(bytes)) return DocumentKind.Empty;
        if (StartsWith(bytes, "%PDF-"u8) || IndexOf(bytes[..Math.Min(bytes.Length, 1024)], "%PDF-"u8) >= 0)
            return DocumentKind.PdfText; // a PDF reader may find it has no text layer and re-classify it
        if (StartsWith(bytes, [0x89, 0x50, 0x4E, 0x47]) || StartsWith(bytes, [0xFF, 0xD8, 0xFF])
            || StartsWith(bytes, "II*\0"u8) || StartsWith(bytes, "MM\0*"u8) || StartsWith(bytes, "BM"u8) && extension == ".bmp")
            return DocumentKind.Image;
        if (StartsWith(bytes, "PK\x03\x04"u8))
            return extension is ".docx" or "" || ContainsAscii(bytes, "word/") ? DocumentKind.Docx : DocumentKind.Binary;
        if (StartsWith(bytes, [0xD0, 0xCF, 0x11, 0xE0])) return DocumentKind.Binary; // .doc/.wps: OLE2 compound file
        if (LooksBinary(bytes)) return DocumentKind.Binary;
        var head = bytes[..Math.Min(bytes.Length, 4096)];
        if (extension is ".html" or ".htm" or ".shtml" or ".mht" or ".mhtml" || LooksHtml(head)) return DocumentKind.Html;
        return DocumentKind.Text;
    }

    private static bool LooksHtml(ReadOnlySpan<byte> head)
    {
        // As ASCII (other bytes read as '?'), in a buffer on the stack (the head is at most 4 KiB): every input is sniffed.
        Span<char> chars = stackalloc char[head.Length];
        System.Text.Encoding.ASCII.GetChars(head, chars);
        ReadOnlySpan<char> text = chars;
        const StringComparison ignoreCase = StringComparison.OrdinalIgnoreCase;
        return text.Contains("<html", ignoreCase) || text.Contains("<!doctype html", ignoreCase) || text.Contains("<table", ignoreCase)
            || text.Contains("mime-version:", ignoreCase) && text.Contains("text/html", ignoreCase);
    }

    /// <summary>Control bytes other than tab, CR, LF, FF and ESC in the first 8 KiB mean it is not text.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.Length >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF))
            return false; // UTF-16 with BOM
        int control = 0;
        foreach (var b in head)
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C or 0x1B)) control++;
        return control > head.Length / 100 + 1;
    }

    private static bool IsAllWhitespace(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) if (b is not (0x20 or 0x09 or 0x0A or 0x0D or 0x00)) return false;
        return true;
    }

    private static bool StartsWith(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> prefix) => bytes.StartsWith(prefix);
    private static int IndexOf(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> needle) => bytes.IndexOf(needle);
    private static bool ContainsAscii(ReadOnlySpan<byte> bytes, string s) => bytes.IndexOf(System.Text.Encoding.ASCII.GetBytes(s)) >= 0;
}
