using System.Security.Cryptography;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace ExtractReports.Pages.Pdf;

/// <summary>
/// Keeps PdfPig from parsing the embedded Type1 font programs that the reader has no use for.
/// PdfPig 0.1.16 parses every embedded Type1 program (eexec decryption, charstrings) when a page
/// loads its fonts and runs a glyph's outline for every letter's <c>GlyphRectangle</c>: measured with
/// <c>dotnet-trace</c> on corpus/pdf, about half of its page time. The reader needs neither: a
/// letter's text comes from the font's <c>/ToUnicode</c> map, its advance from the font
/// dictionary's <c>/Widths</c>, its box from the baseline and font size. PdfPig has no switch for
/// it; its one hook on the way is the stream filters, which see the stream's dictionary. So a
/// document's Type1 fonts are looked up before its pages are read, and the font file of each font
/// that has a <c>/ToUnicode</c> map and <c>/Widths</c> decodes to nothing: PdfPig then keeps the
/// font without its program (as for a font that is not embedded), takes widths from the dictionary
/// and text from the map. A Type1 font without a map (text from the program's built-in encoding)
/// keeps its program. One instance per document (the set of font files is that document's).
/// </summary>
internal sealed class UnparsedFontPrograms : IFilterProvider
{
    // PdfPig parses a stream object again each time it is asked for it (streams are not cached), so
    // a font file is known by its bytes as stored: the same bytes are the same program.
    private readonly HashSet<string> skipped = [];
    private readonly Dictionary<IFilter, IFilter> wrapped = new(ReferenceEqualityComparer.Instance);

    /// <summary>How many font programs the last <see cref="LookUp"/> found to skip (tests and benchmarks).</summary>
    public int Count => skipped.Count;

    /// <summary>
    /// Finds the Type1 font files of the document's pages that need not be parsed. Call after
    /// opening the document and before reading any page: PdfPig loads a page's fonts with the page
    /// and caches parsed objects, so the dictionaries found here are the ones its filters are handed.
    /// </summary>
    public void LookUp(PdfDocument document)
    {
        var scanner = document.Structure.TokenScanner;
        var root = Resolve<DictionaryToken>(document.Structure.Catalog.CatalogDictionary.Data.GetValueOrDefault(NameToken.Pages.Data), scanner);
        var fonts = new HashSet<IndirectReference>();
        var nodes = new HashSet<IndirectReference>();
        var pending = new Stack<(DictionaryToken Node, IToken? Resources)>();
        if (root is not null) pending.Push((root, null));
        while (pending.TryPop(out var item))
        {
            var resources = item.Node.Data.GetValueOrDefault(NameToken.Resources.Data) ?? item.Resources;
            if (Resolve<DictionaryToken>(Resolve<DictionaryToken>(resources, scanner)?.Data.GetValueOrDefault(NameToken.Font.Data), scanner) is { } dictionary)
                foreach (var entry in dictionary.Data.Values)
                {
                    if (entry is IndirectReferenceToken r && !fonts.Add(r.Data)) continue;
                    if (Resolve<DictionaryToken>(entry, scanner) is { } font) Consider(font, scanner);
                }
            // Kids of a page tree node (a loop in a damaged tree is walked once).
            if (Resolve<ArrayToken>(item.Node.Data.GetValueOrDefault(NameToken.Kids.Data), scanner) is not { } kids) continue;
            foreach (var kid in kids.Data)
            {
                if (kid is IndirectReferenceToken r && !nodes.Add(r.Data)) continue;
                if (Resolve<DictionaryToken>(kid, scanner) is { } node) pending.Push((node, resources));
            }
        }
    }

    private void Consider(DictionaryToken font, IPdfTokenScanner scanner)
    {
        if (Resolve<NameToken>(font.Data.GetValueOrDefault(NameToken.Subtype.Data), scanner) is not { } subtype || !subtype.Equals(NameToken.Type1)) return;
        if (!font.ContainsKey(NameToken.ToUnicode) || !font.ContainsKey(NameToken.Widths) || !font.ContainsKey(NameToken.FirstChar)) return;
        if (Resolve<DictionaryToken>(font.Data.GetValueOrDefault(NameToken.FontDescriptor.Data), scanner) is not { } descriptor) return;
        // FontFile is a Type1 program (FontFile3 is CFF, parsed quickly and left alone).
        if (Resolve<StreamToken>(descriptor.Data.GetValueOrDefault(NameToken.FontFile.Data), scanner) is { } program)
            skipped.Add(Key(program.Data.Span));
    }

    private static T? Resolve<T>(IToken? token, IPdfTokenScanner scanner) where T : class, IToken
    {
        for (int depth = 0; depth < 8 && token is IndirectReferenceToken r; depth++)
            token = scanner.Get(r.Data)?.Data;
        return token as T;
    }

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(DefaultFilterProvider.Instance.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(DefaultFilterProvider.Instance.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(DefaultFilterProvider.Instance.GetAllFilters());

    private IReadOnlyList<IFilter> Wrap(IReadOnlyList<IFilter> filters)
    {
        var result = new IFilter[filters.Count];
        for (int i = 0; i < filters.Count; i++)
        {
            if (!wrapped.TryGetValue(filters[i], out var w)) wrapped[filters[i]] = w = new Skipping(filters[i], skipped);
            result[i] = w;
        }
        return result;
    }

    private static string Key(ReadOnlySpan<byte> stored) => Convert.ToBase64String(SHA256.HashData(stored));

    /// <summary>
    /// A filter that decodes as the library's does, except a skipped font file (a Type1 program
    /// has <c>/Length1</c>; checked first, so other streams are never hashed), which decodes to nothing.
    /// </summary>
    private sealed class Skipping(IFilter inner, HashSet<string> skipped) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex) =>
            filterIndex == 0 && skipped.Count > 0 && streamDictionary.ContainsKey(NameToken.Length1) && skipped.Contains(Key(input.Span))
                ? Memory<byte>.Empty
                : inner.Decode(input, streamDictionary, filterProvider, filterIndex);
    }
}
