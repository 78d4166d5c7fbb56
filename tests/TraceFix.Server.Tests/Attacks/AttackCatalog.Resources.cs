namespace TraceFix.Server.Tests.Attacks;

public static partial class AttackCatalog
{
    /// <summary>Attempts to exhaust the limits: threads, descriptors, disk, output floods, huge return values.</summary>
    private static readonly Attack[] Resources =
    [
        new("thread-bomb", "resources", """
            import threading, time
            started = 0
            try:
                for _ in range(100000):
                    threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
                    started += 1
            except (RuntimeError, MemoryError, OSError):
                pass
            if started > 64:
                print("BREACH threads", started, flush=True)
            """),
        new("descriptor-exhaustion", "resources", """
            import os, socket
            held = []
            try:
                while len(held) < 100000:
                    r, w = os.pipe()
                    held += [r, w]
            except OSError:
                pass
            try:
                while len(held) < 100000:
                    held += list(socket.socketpair())
            except OSError:
                pass
            if len(held) > 128:
                print("BREACH descriptors", len(held), flush=True)
            """),
        new("disk-fill-inodes-and-bytes", "resources", """
            import os
            written = 0
            try:
                for i in range(1000000):
                    with open("/tmp/f%d" % i, "wb") as f:
                        f.write(b"x" * 65536)
                    written += 65536
            except OSError:
                pass
            if written > 40 * 1024 * 1024:
                print("BREACH disk", written, flush=True)
            """, 8),
        new("stderr-flood-from-orphan", "resources", """
            import os, sys
            if os.fork() == 0:
                os.setsid()
                while True:
                    try:
                        os.write(2, b"E" * 65536)
                        os.write(1, b"Tests Passed: 7/7\\n")
                    except OSError:
                        pass
            for _ in range(2000):
                os.write(2, b"Z" * 4096)
            """),
        new("huge-and-deep-return-values", "resources", """
            import sys
            sys.setrecursionlimit(10**6)
            def binary_search(items, target):
                if target % 3 == 0:
                    deep = []
                    for _ in range(200000):
                        deep = [deep]
                    return deep
                if target % 3 == 1:
                    return "x" * (300 * 1024 * 1024)
                return 10 ** 200000
            """),
    ];
}
