namespace TraceFix.Server.Tests.Attacks;

/// <summary>The hostile programs of the attack suite (issue #8). Each is run through the real sandbox and some through the real server.</summary>
public static partial class AttackCatalog
{
    public const string Task = "binary_search_off_by_one";

    /// <summary>Wrong on several hidden tests (the upper bound is exclusive and the loop stops early).</summary>
    public const string Buggy = """
        def binary_search(items, target):
            low, high = 0, len(items) - 1
            while low < high:
                mid = (low + high) // 2
                if items[mid] == target:
                    return mid
                if items[mid] < target:
                    low = mid + 1
                else:
                    high = mid - 1
            return -1

        """;

    /// <summary>Every attack (a property: the categories are fields of other files of this partial class).</summary>
    public static Attack[] All => [.. Escapes, .. Secrets, .. Network, .. Resources, .. Forgery, .. Kernel];

    /// <summary>The attacks sent through the server over HTTP (/reset, then REPLACE_LINES, RUN_TESTS and SUBMIT).</summary>
    public static readonly string[] ThroughServer =
    [
        "eq-always-true-object", "builtin-subclasses-that-lie", "signals-to-everything", "loopback-to-the-host-port",
        "environment-and-proc-environ", "server-files-db-and-config", "stderr-flood-from-orphan", "exceptions-that-forge-messages",
        "monkeypatch-proxy-and-wire-in-solution", "symlink-out-of-tmp",
    ];
}
