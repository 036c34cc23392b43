using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ExtractReports.Pages.Pdf;

/// <summary>What a poppler tool gave back.</summary>
internal sealed record ToolResult(int ExitCode, byte[] Output, string Errors);

/// <summary>
/// Runs one poppler tool as a child process, the PDF piped to its standard input ("-"), with a
/// time limit. A crash or a hang costs this document only: the process is killed (with its
/// children) and a <see cref="PdfReadException"/> says what happened.
/// </summary>
internal static class PopplerProcess
{
    public static ToolResult Run(PdfOptions options, string tool, IEnumerable<string> arguments, byte[] pdf, CancellationToken cancellation)
    {
        var info = new ProcessStartInfo(ToolPath(options, tool))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);

        using var process = new Process { StartInfo = info };
        try { process.Start(); }
        catch (Win32Exception e)
        {
            throw new PdfReadException(PdfFailure.ToolMissing,
                $"poppler's {tool} could not be started ({e.Message}); install poppler-utils or set the poppler folder", e);
        }

        var output = new MemoryStream();
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(output, cancellation);
        var readErr = process.StandardError.ReadToEndAsync(cancellation);
        var write = Task.Run(() =>
        {
            // A tool that fails early stops reading; the broken pipe is not the error to report.
            try { process.StandardInput.BaseStream.Write(pdf); process.StandardInput.Close(); }
            catch (IOException) { }
        }, CancellationToken.None);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(options.Timeout);
        try
        {
            process.WaitForExitAsync(timeout.Token).GetAwaiter().GetResult();
            Task.WaitAll(copyOut, readErr, write);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellation.ThrowIfCancellationRequested();
            throw new PdfReadException(PdfFailure.Timeout,
                $"poppler's {tool} did not finish within {options.Timeout.TotalSeconds:0} s and was stopped; the PDF may be damaged");
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            Kill(process);
            cancellation.ThrowIfCancellationRequested();
            throw;
        }
        return new ToolResult(process.ExitCode, output.ToArray(), readErr.Result);
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); process.WaitForExit(5000); }
        catch (InvalidOperationException) { } // already exited
    }

    private static string ToolPath(PdfOptions options, string tool)
    {
        var exe = OperatingSystem.IsWindows() ? tool + ".exe" : tool;
        return options.ToolsFolder is null ? exe : Path.Combine(options.ToolsFolder, exe);
    }
}
