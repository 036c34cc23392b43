using ExtractReports.Documents;

namespace ExtractReports.Crawl;

/// <summary>What the bytes of a download are, checked against what the server and the link said they would be.</summary>
public sealed record CheckedContent(bool Accepted, string Extension, string Reason);

/// <summary>
/// Checks a download's bytes against its Content-Type and its link: a link or header promising a
/// PDF, DOCX or image that brings an HTML or text page is a removed file or an error page served
/// with status 200, never a report; a header promising one binary kind that brings another is
/// refused too. The extension the document is kept under comes from the bytes.
/// </summary>
public static class ContentCheck
{
    private static readonly HashSet<string> ImageExtensions = [".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"];
    private static readonly HashSet<string> HtmlExtensions = [".html", ".htm", ".shtml", ".mht", ".mhtml"];

    public static CheckedContent Check(byte[] body, string? contentType, Uri url)
    {
        var urlExt = Path.GetExtension(url.AbsolutePath).ToLowerInvariant();
        var kind = DocumentSniffer.Sniff(body, urlExt);
        var mime = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var promised = Promised(mime) ?? Promised(urlExt);
        if (kind == DocumentKind.Empty) return new(false, urlExt, "the server sent an empty file");
        if (promised is { } p && kind is DocumentKind.Html or DocumentKind.Text)
            return new(false, urlExt, $"a {p} was expected ({Describe(mime, urlExt)}) but the server sent a {(kind == DocumentKind.Html ? "web page" : "text")}: an error page or a removed file");
        if (Promised(mime) is { } declared && kind is DocumentKind.PdfText or DocumentKind.Docx or DocumentKind.Image && declared != Name(kind))
            return new(false, urlExt, $"the server said {mime} but the bytes are a {Name(kind)}");
        var ext = kind switch
        {
            DocumentKind.PdfText => ".pdf",
            DocumentKind.Docx => ".docx",
            DocumentKind.Image => ImageExtensions.Contains(urlExt) ? urlExt : body.Length > 1 && body[0] == 0x89 ? ".png" : ".jpg",
            DocumentKind.Html => HtmlExtensions.Contains(urlExt) ? urlExt : ".html",
            DocumentKind.Text => ".txt",
            _ => urlExt.Length > 0 ? urlExt : ".bin",
        };
        return new(true, ext, "");
    }

    private static string? Promised(string typeOrExtension) => typeOrExtension switch
    {
        "application/pdf" or ".pdf" => "PDF",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" or ".docx" => "DOCX",
        var t when t.StartsWith("image/", StringComparison.Ordinal) || ImageExtensions.Contains(t) => "image",
        _ => null,
    };

    private static string Name(DocumentKind kind) => kind switch { DocumentKind.PdfText => "PDF", DocumentKind.Docx => "DOCX", DocumentKind.Image => "image", _ => kind.Name() };

    private static string Describe(string mime, string ext) => mime.Length > 0 ? $"Content-Type {mime}, link {ext}" : $"link {ext}";
}
