namespace ExtractReports.Benchmarks;

/// <summary>
/// CPU time from /proc/self/stat (Linux; clock ticks of 10 ms): this process's own, and that of its
/// finished child processes (poppler's tools, which the runtime reaps). On a shared machine wall time
/// varies with the other users' load; CPU time much less.
/// </summary>
public static class CpuTime
{
    /// <summary>Seconds of CPU of this process (all threads) and of its reaped children; NaN where /proc is missing.</summary>
    public static (double Own, double Children) Now()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the command name, field 3 is index 0: utime 14, stime 15, cutime 16, cstime 17.
            double T(int field) => long.Parse(f[field - 3], System.Globalization.CultureInfo.InvariantCulture) / 100.0;
            return (T(14) + T(15), T(16) + T(17));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return (double.NaN, double.NaN);
        }
    }

    /// <summary>Children's CPU seconds alone (see <see cref="Now"/>).</summary>
    public static double Children() => Now().Children;
}
