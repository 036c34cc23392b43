using System.Reflection;
using ExtractReports.Benchmarks;

// Benchmarks run outside `dotnet test`: `./run.sh bench [name]` runs every IBenchmark (or the named one)
// and prints its figures. Each input kind adds one class here.
var all = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name)
    .ToList();
var chosen = args.Length == 0 ? all : all.Where(b => args.Contains(b.Name, StringComparer.OrdinalIgnoreCase)).ToList();
if (chosen.Count == 0)
{
    Console.Error.WriteLine($"no benchmark named {string.Join(", ", args)}; known: {string.Join(", ", all.Select(b => b.Name))}");
    return 2;
}
var root = BenchmarkPaths.RepositoryRoot();
foreach (var b in chosen)
{
    Console.WriteLine($"== {b.Name}: {b.Description}");
    b.Run(root, Console.Out);
}
return 0;
