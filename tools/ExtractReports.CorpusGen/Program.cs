using ExtractReports.CorpusGen.Classes;
using ExtractReports.CorpusGen.Html;
using ExtractReports.CorpusGen.Print;
using ExtractReports.CorpusGen.Text;

// Corpus generator: deterministic (fixed seeds), run by tools/make-corpus.sh.
// usage: CorpusGen <text|html|docx-src|pdf-src|scan-src|print-src|classes-src|all> <corpus-root> [<staging-dir>]
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ExtractReports.CorpusGen <text|html|docx-src|pdf-src|scan-src|print-src|classes-src|all> <corpus-root> [<staging-dir>]");
    return 2;
}
var what = args[0];
var root = args[1];
var staging = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "corpus-staging");
if (what is "text" or "all") TextCorpus.Write(root);
if (what is "html" or "all") HtmlCorpus.Write(root);
foreach (var kind in new[] { "docx", "pdf", "scan" })
    if (what == kind + "-src" || what == "all") PrintCorpus.Write(root, staging, kind);
if (what is "print-src" or "all") BrowserPrintCorpus.Write(root, staging);
if (what is "classes-src" or "all") ClassCorpus.Write(root, staging);
Console.WriteLine($"wrote {what} into {root}");
return 0;
