namespace TraceFix.Bench;

/// <summary>One benchmark: `TraceFix.Bench &lt;name&gt; [args]` runs it and it prints its figures.</summary>
public interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task<int> RunAsync(string[] args);
}
