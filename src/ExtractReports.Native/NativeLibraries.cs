using System.Reflection;
using System.Runtime.InteropServices;

namespace ExtractReports.Native;

/// <summary>
/// Maps the library names used in [DllImport] to the files each platform installs, and sets
/// OMP_THREAD_LIMIT=1 before Tesseract (and the OpenMP runtime it links) is loaded: on 2 cores
/// Tesseract's own threads make a page about 6x slower, so the program runs one engine per core instead.
/// </summary>
public static partial class NativeLibraries
{
    internal const string Tesseract = "tesseract";
    internal const string Leptonica = "lept";
    private const string LibC = "libc";

    private static int _registered;

    private static readonly Dictionary<string, string[]> Candidates = new()
    {
        [Tesseract] = OperatingSystem.IsWindows()
            ? ["tesseract53.dll", "libtesseract-5.dll", "tesseract50.dll", "libtesseract-5.3.dll"]
            : OperatingSystem.IsMacOS() ? ["libtesseract.5.dylib", "libtesseract.dylib"] : ["libtesseract.so.5", "libtesseract.so"],
        [Leptonica] = OperatingSystem.IsWindows()
            ? ["leptonica-1.82.0.dll", "libleptonica-6.dll", "leptonica-1.83.1.dll", "libleptonica-1.82.0.dll", "liblept-5.dll"]
            : OperatingSystem.IsMacOS() ? ["libleptonica.6.dylib", "liblept.5.dylib", "libleptonica.dylib"] : ["liblept.so.5", "libleptonica.so.6", "liblept.so"],
    };

    /// <summary>Registers the resolver and the thread limit; every entry point of this assembly calls it first.</summary>
    public static void EnsureInitialized()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        LimitOpenMpThreads();
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
    }

    /// <summary>True when both Tesseract and leptonica can be loaded (tests skip otherwise).</summary>
    public static bool TryLoadOcr(out string reason)
    {
        EnsureInitialized();
        foreach (var name in new[] { Tesseract, Leptonica })
        {
            if (Resolve(name, typeof(NativeLibraries).Assembly, null) == IntPtr.Zero)
            {
                reason = $"cannot load {name} (tried {string.Join(", ", Candidates[name])})";
                return false;
            }
        }
        reason = "";
        return true;
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (!Candidates.TryGetValue(name, out var files)) return IntPtr.Zero;
        foreach (var file in files)
            if (NativeLibrary.TryLoad(file, assembly, path, out var handle)) return handle;
        return IntPtr.Zero;
    }

    /// <summary>
    /// OpenMP reads OMP_THREAD_LIMIT when it is loaded, from the native environment: .NET's
    /// Environment.SetEnvironmentVariable does not reach that on Unix, so libc setenv is used there.
    /// A value the user set is kept.
    /// </summary>
    private static void LimitOpenMpThreads()
    {
        if (Environment.GetEnvironmentVariable("OMP_THREAD_LIMIT") is { Length: > 0 }) return;
        if (OperatingSystem.IsWindows()) Environment.SetEnvironmentVariable("OMP_THREAD_LIMIT", "1");
        else SetEnv("OMP_THREAD_LIMIT", "1", 0);
    }

    [LibraryImport(LibC, EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
