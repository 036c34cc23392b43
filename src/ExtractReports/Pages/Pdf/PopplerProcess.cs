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

        // The standard output is read on this thread, the PDF written and the messages read beside it
        // (a tool writes while it reads, so neither pipe may wait on the other). A plain read here
        // costs less CPU than async copies and a wait (2.3 against 3.0 ms a document, see
        // docs/pdf-reader.md). The time limit and a cancellation kill the tool, which ends the read.
        var readErr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var write = Task.Run(() =>
        {
            // A tool that fails early stops reading; the broken pipe is not the error to report.
            try { process.StandardInput.BaseStream.Write(pdf); process.StandardInput.Close(); }
            catch (IOException) { }
        }, CancellationToken.None);

        int stopped = 0; // 1: the time limit passed, 2: cancelled
        void Stop(int why) { if (Interlocked.CompareExchange(ref stopped, why, 0) == 0) Kill(process); }
        using var timer = new Timer(_ => Stop(1), null, options.Timeout, Timeout.InfiniteTimeSpan);
        using var cancelled = cancellation.Register(() => Stop(2));
        var output = new MemoryStream();
        try { process.StandardOutput.BaseStream.CopyTo(output); }
        catch (IOException) when (stopped != 0) { }
        process.WaitForExit();
        timer.Dispose();
        try { Task.WaitAll(readErr, write); }
        catch (AggregateException) when (stopped != 0) { }
        if (stopped == 2) cancellation.ThrowIfCancellationRequested();
        if (stopped == 1)
            throw new PdfReadException(PdfFailure.Timeout,
                $"poppler's {tool} did not finish within {options.Timeout.TotalSeconds:0} s and was stopped; the PDF may be damaged");
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
