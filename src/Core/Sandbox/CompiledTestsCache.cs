using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace TraceFix.Core.Sandbox;

/// <summary>
/// The harness's compiled form of each test module (marshalled code, produced inside the sandbox by the trusted
/// harness), keyed by the test source's hash, so later runs of the same task skip rewriting and compiling the tests.
/// It lives in the host and only ever travels to the harness, never to the solution process.
/// </summary>
internal sealed class CompiledTestsCache
{
    private const int MaxEntries = 512;
    private readonly ConcurrentDictionary<string, string> _entries = new(StringComparer.Ordinal);

    public string? Get(string testCode) => _entries.GetValueOrDefault(Key(testCode));

    public void Add(string testCode, string compiled)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }
        _entries[Key(testCode)] = compiled;
    }

    private static string Key(string testCode) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(testCode)));
}
