using System.Security.Cryptography;

namespace ExtractReports.Documents;

/// <summary>What an input file holds, decided from its bytes, not its extension.</summary>
public enum DocumentKind { Unknown, PdfText, PdfScan, Image, Html, Docx, Text, Binary, Empty }

public static class DocumentKindNames
{
    /// <summary>The names documents.csv uses.</summary>
    public static string Name(this DocumentKind kind) => kind switch
    {
        DocumentKind.PdfText => "pdf-text",
        DocumentKind.PdfScan => "pdf-scan",
        DocumentKind.Image => "image",
        DocumentKind.Html => "html",
        DocumentKind.Docx => "docx",
        DocumentKind.Text => "text",
        DocumentKind.Empty => "empty",
        DocumentKind.Binary => "binary",
        _ => "unknown",
    };
}

/// <summary>An input file, read once: its name (file name without folder and extension), bytes and hash.</summary>
public sealed record SourceDocument(string Path, string Name, string Extension, byte[] Bytes, string Sha256, DocumentKind Kind)
{
    public static SourceDocument FromFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return FromBytes(path, bytes);
    }

    public static SourceDocument FromBytes(string path, byte[] bytes)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return new SourceDocument(path, name, ext, bytes, sha, DocumentSniffer.Sniff(bytes, ext));
    }
}
