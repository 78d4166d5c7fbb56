namespace TraceFix.Server.Tests.Attacks;

public static partial class AttackCatalog
{
    /// <summary>Attempts to read the host's secrets: environment variables, the server's files, database and configuration.</summary>
    private static readonly Attack[] Secrets =
    [
        new("environment-and-proc-environ", "secrets", """
            import os
            allowed = {"PATH", "HOME", "LANG", "LC_CTYPE", "PWD"}
            extra = set(os.environ) - allowed
            if extra:
                print("BREACH env", sorted(extra), flush=True)
            for pid in [p for p in os.listdir("/proc") if p.isdigit()] + ["self", "thread-self"]:
                for part in ("environ", "cmdline", "comm"):
                    try:
                        data = open("/proc/%s/%s" % (pid, part), "rb").read()
                    except OSError:
                        continue
                    for word in (b"dotnet", b"TraceFix", b"HOSTSECRET", b"OperatorKey", b"HF_TOKEN", b"API_KEY"):
                        if word.lower() in data.lower():
                            print("BREACH", pid, part, word, flush=True)
            """),
        new("server-files-db-and-config", "secrets", """
            import os, glob
            targets = ["@HOSTDIR@/secret.txt", "@HOSTDIR@/tracefix.db", "/work", "/root", "/home", "/etc/shadow"]
            targets += glob.glob("/**/appsettings*.json", recursive=False) + glob.glob("/**/*.db")
            for path in targets:
                try:
                    if os.path.isdir(path):
                        print("BREACH listed", path, os.listdir(path)[:3], flush=True)
                    else:
                        data = open(path, "rb").read()
                        print("BREACH read", path, len(data), flush=True)
                except OSError:
                    pass
            for root, dirs, files in os.walk("/", onerror=lambda e: None):
                if root.startswith(("/proc", "/sys", "/usr")):
                    dirs[:] = []
                    continue
                for f in files:
                    if f.endswith((".db", ".db-wal", ".json")) or f.startswith("appsettings"):
                        print("BREACH found", os.path.join(root, f), flush=True)
            """),
    ];
}
