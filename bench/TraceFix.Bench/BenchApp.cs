using System.Reflection;

namespace TraceFix.Bench;

/// <summary>`dotnet run --project bench/TraceFix.Bench -c Release -- &lt;benchmark&gt;`; every IBenchmark in this assembly is listed.</summary>
public static class BenchApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var benchmarks = typeof(BenchApp).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
            .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        var chosen = args.Length > 0 ? benchmarks.FirstOrDefault(b => b.Name == args[0]) : null;
        if (chosen is null)
        {
            Console.Error.WriteLine("usage: TraceFix.Bench <benchmark> [args]\n\nbenchmarks:");
            foreach (var b in benchmarks)
            {
                Console.Error.WriteLine($"  {b.Name,-24} {b.Description}");
            }
            return 2;
        }
        return await chosen.RunAsync(args[1..]);
    }
}
