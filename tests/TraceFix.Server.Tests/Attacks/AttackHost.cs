using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace TraceFix.Server.Tests.Attacks;

/// <summary>
/// The host-side bait an attack aims at: a folder with a secret and a database file, a listening TCP port on loopback
/// and an abstract unix socket. <see cref="AssertUntouched"/> checks none of them was reached.
/// </summary>
public sealed partial class AttackHost : IDisposable
{
    public const string Secret = "HOSTSECRET-7d41f0c2";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Socket _unix = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly string _socketName = "tracefix-bait-" + Guid.NewGuid().ToString("N");

    public AttackHost()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("tracefix-bait-").FullName;
        File.WriteAllText(Path.Combine(Directory, "secret.txt"), Secret);
        File.WriteAllText(Path.Combine(Directory, "tracefix.db"), "SQLite format 3\0" + Secret);
        _listener.Start();
        _unix.Bind(new UnixDomainSocketEndPoint("\0" + _socketName));
        _unix.Listen();
    }

    public string Directory { get; }

    public string Render(Attack attack) => AttackCatalog.Buggy + attack.Code
        .Replace("@PORT@", ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Replace("@SOCK@", _socketName)
        .Replace("@HOSTDIR@", Directory);

    /// <summary>No breach printed, no pass marker forged, no connection arrived, no file changed.</summary>
    public void AssertUntouched(string everything)
    {
        Assert.DoesNotContain("BREACH", everything);
        Assert.DoesNotContain(Secret, everything);
        Assert.DoesNotContain("SUCCESS: ALL TESTS PASSED", everything, StringComparison.OrdinalIgnoreCase);
        // The environment writes the real count ("Tests Passed: 3/8"); a full count must never appear.
        foreach (Match marker in PassMarker().Matches(everything))
        {
            Assert.NotEqual(marker.Groups[1].Value, marker.Groups[2].Value);
        }
        Assert.False(_listener.Pending(), "a connection reached the host's loopback port");
        Assert.False(_unix.Poll(0, SelectMode.SelectRead), "a connection reached the host's abstract unix socket");
        Assert.Equal(["secret.txt", "tracefix.db"], System.IO.Directory.GetFiles(Directory).Select(Path.GetFileName).Order());
        Assert.Equal(Secret, File.ReadAllText(Path.Combine(Directory, "secret.txt")));
    }

    public void Dispose()
    {
        _listener.Stop();
        _unix.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    [GeneratedRegex(@"Tests Passed:\s*(\d+)\s*/\s*(\d+)")]
    internal static partial Regex PassMarker();
}
