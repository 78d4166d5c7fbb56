namespace TraceFix.Bench;

/// <summary>`dotnet run --project bench/TraceFix.Bench -c Release -- &lt;benchmark&gt;`; each benchmark prints its figures.</summary>
public static class BenchApp
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("usage: TraceFix.Bench <benchmark>  (benchmarks are added per issue)");
        return Task.FromResult(2);
    }
}
