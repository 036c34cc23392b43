namespace ExtractReports.Runs;

/// <summary>
/// The output folder's log (<c>run.log</c>): one timestamped line per event, appended run after
/// run, so a nightly job's history can be read after the fact. Safe to call from parallel workers.
/// </summary>
public sealed class RunLog : IDisposable
{
    public const string FileName = "run.log";
    private readonly StreamWriter _writer;
    private readonly Lock _lock = new();

    public RunLog(string folder)
    {
        Directory.CreateDirectory(folder);
        _writer = new StreamWriter(new FileStream(Path.Combine(folder, FileName), FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = false };
    }

    public void Write(string message)
    {
        lock (_lock)
        {
            _writer.Write(DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));
            _writer.Write(' ');
            _writer.WriteLine(message);
        }
    }

    public void Flush() { lock (_lock) _writer.Flush(); }

    public void Dispose() { lock (_lock) _writer.Dispose(); }
}
