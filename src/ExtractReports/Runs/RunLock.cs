namespace ExtractReports.Runs;

/// <summary>Another run holds the output folder.</summary>
public sealed class FolderLockedException(string message) : Exception(message);

/// <summary>
/// Keeps two runs (cron firing while last night's run is still going) from writing one output
/// folder at once. The lock is an exclusively opened file (<c>.lock</c>): the operating system
/// releases it when the process ends, however it ends, so a killed run never leaves it stuck.
/// </summary>
public sealed class RunLock : IDisposable
{
    public const string FileName = ".lock";
    private readonly FileStream _file;

    private RunLock(FileStream file) => _file = file;

    /// <summary>Takes the folder's lock, or throws <see cref="FolderLockedException"/> naming the run that holds it.</summary>
    public static RunLock Acquire(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            using (var writer = new StreamWriter(file, leaveOpen: true))
                writer.Write($"pid {Environment.ProcessId} since {DateTime.UtcNow:O}");
            file.Flush();
            return new RunLock(file);
        }
        catch (IOException)
        {
            string holder;
            try { holder = File.ReadAllText(path); }
            catch (IOException) { holder = "unknown run"; }
            throw new FolderLockedException($"another run is using {Path.GetFullPath(folder)} ({holder}); try again when it ends");
        }
    }

    public void Dispose() => _file.Dispose();
}
