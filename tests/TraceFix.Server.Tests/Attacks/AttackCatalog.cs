namespace TraceFix.Server.Tests.Attacks;

/// <summary>The hostile programs of the attack suite (issue #8). Each is run through the real sandbox and some through the real server.</summary>
public static class AttackCatalog
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

    public static readonly Attack[] All =
    [
        // ---- escapes -------------------------------------------------------------------------------------------
        new("symlink-out-of-tmp", "escape", """
            import os
            for name, target in (("r", "/"), ("p", "/proc/1/root"), ("h", "@HOSTDIR@")):
                link = "/tmp/l" + name
                try:
                    os.symlink(target, link)
                except OSError:
                    continue
                for rel in ("harness/pwn", "pwn", "usr/pwn", "tmp/../pwn"):
                    try:
                        with open(os.path.join(link, rel), "w") as f:
                            f.write("x")
                        print("BREACH wrote", link, rel, flush=True)
                    except OSError:
                        pass
                if os.path.exists(os.path.join(link, "secret.txt")):
                    print("BREACH reached", link, flush=True)
            """),
        new("write-host-and-harness-files", "escape", """
            import os, glob
            paths = ["@HOSTDIR@/pwn.txt", "@HOSTDIR@/secret.txt", "/etc/passwd", "/usr/lib/python3.11/os.py", "/pwn"]
            paths += glob.glob("/harness/*")
            for path in paths:
                try:
                    with open(path, "a") as f:
                        f.write("\nimport os\n")
                    print("BREACH wrote", path, flush=True)
                except OSError:
                    pass
                for op in (lambda: os.chmod(path, 0o777), lambda: os.rename(path, path + ".x"), lambda: os.unlink(path)):
                    try:
                        op()
                        print("BREACH changed", path, flush=True)
                    except OSError:
                        pass
            """),
        new("proc-root-and-cwd-tricks", "escape", """
            import os
            for path in ("/proc/1/root/@HOSTDIR@/secret.txt", "/proc/self/root/@HOSTDIR@/secret.txt",
                         "/proc/1/cwd/secret.txt", "/proc/self/cwd/../../@HOSTDIR@/secret.txt",
                         "/proc/1/root/etc/shadow", "/proc/self/mountinfo"):
                try:
                    data = open(path, "rb").read()
                    if b"HOSTSECRET" in data or path.endswith("shadow"):
                        print("BREACH read", path, flush=True)
                except OSError:
                    pass
            try:
                os.chroot("/tmp")
                print("BREACH chroot", flush=True)
            except OSError:
                pass
            """),
        new("namespaces-mount-capabilities", "escape", """
            import ctypes, os
            libc = ctypes.CDLL(None, use_errno=True)
            CLONE_NEWUSER, CLONE_NEWNS, CLONE_NEWNET = 0x10000000, 0x00020000, 0x40000000
            if libc.unshare(CLONE_NEWUSER) == 0:
                print("BREACH unshare user", flush=True)
            if libc.unshare(CLONE_NEWNS) == 0 or libc.unshare(CLONE_NEWNET) == 0:
                print("BREACH unshare ns", flush=True)
            if libc.mount(b"none", b"/harness", b"tmpfs", 0, None) == 0:
                print("BREACH mount", flush=True)
            if libc.mount(None, b"/", None, 32, None) == 0:  # MS_REMOUNT read-write
                print("BREACH remount", flush=True)
            for ns in os.listdir("/proc/self/ns"):
                try:
                    fd = os.open("/proc/1/ns/" + ns, os.O_RDONLY)
                    if libc.setns(fd, 0) == 0:
                        print("BREACH setns", ns, flush=True)
                    os.close(fd)
                except OSError:
                    pass
            try:
                os.setuid(0)
                print("BREACH setuid", flush=True)
            except OSError:
                pass
            caps = [l for l in open("/proc/self/status") if l.startswith("CapEff")][0].split()[1]
            if int(caps, 16) != 0:
                print("BREACH capabilities", caps, flush=True)
            """),
        new("ptrace-and-process-vm-read", "escape", """
            import ctypes, os
            libc = ctypes.CDLL(None, use_errno=True)
            class iovec(ctypes.Structure):
                _fields_ = [("base", ctypes.c_void_p), ("len", ctypes.c_size_t)]
            buf = ctypes.create_string_buffer(4096)
            for pid in (1, os.getppid()):
                for request in (16, 0x4206):  # PTRACE_ATTACH, PTRACE_SEIZE
                    if libc.ptrace(request, pid, 0, 0) == 0:
                        print("BREACH ptrace", pid, flush=True)
                maps = []
                try:
                    maps = open("/proc/%d/maps" % pid).read().split("\n")
                except OSError:
                    pass
                local, remote = iovec(ctypes.cast(buf, ctypes.c_void_p), 4096), iovec(0x400000, 4096)
                if libc.process_vm_readv(pid, ctypes.byref(local), 1, ctypes.byref(remote), 1, 0) > 0:
                    print("BREACH process_vm_readv", pid, flush=True)
                if maps and maps[0]:
                    print("BREACH maps", pid, flush=True)
            """),
        new("signals-to-everything", "escape", """
            import os, signal
            me = os.getpid()
            for sig in (signal.SIGSTOP, signal.SIGTERM, signal.SIGKILL):
                for pid in [1, -1, 0] + list(range(2, 4096)):
                    if pid in (me, 0):
                        continue
                    try:
                        os.kill(pid, sig)
                    except OSError:
                        pass
            try:
                os.killpg(os.getpgrp(), signal.SIGKILL)
            except OSError:
                pass
            """),
        new("proc-sys-and-sysrq", "escape", """
            for path, value in (("/proc/sysrq-trigger", "h"), ("/proc/sys/kernel/hostname", "pwned"),
                                ("/proc/sys/vm/drop_caches", "1"), ("/sys/kernel/mm/transparent_hugepage/enabled", "never"),
                                ("/proc/self/oom_score_adj", "-1000"), ("/dev/kmsg", "pwn")):
                try:
                    with open(path, "w") as f:
                        f.write(value)
                    print("BREACH wrote", path, flush=True)
                except OSError:
                    pass
            """),

        // ---- secrets -------------------------------------------------------------------------------------------
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

        // ---- network -------------------------------------------------------------------------------------------
        new("loopback-to-the-host-port", "network", """
            import socket
            for family, host in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1"), (socket.AF_INET, "0.0.0.0")):
                try:
                    s = socket.socket(family, socket.SOCK_STREAM)
                    s.settimeout(1)
                    s.connect((host, @PORT@))
                    s.sendall(b"GET /health HTTP/1.0\\r\\n\\r\\n")
                    print("BREACH connected", host, flush=True)
                except OSError:
                    pass
            try:
                names = socket.if_nameindex()
                if [n for _, n in names if n != "lo"]:
                    print("BREACH interfaces", names, flush=True)
            except OSError:
                pass
            """),
        new("abstract-unix-socket-and-dns", "network", """
            import socket
            try:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.settimeout(1)
                s.connect("\\0@SOCK@")
                s.sendall(b"hello")
                print("BREACH abstract socket", flush=True)
            except OSError:
                pass
            for path in ("/run/dbus/system_bus_socket", "/var/run/docker.sock", "/run/systemd/private"):
                try:
                    socket.socket(socket.AF_UNIX).connect(path)
                    print("BREACH unix", path, flush=True)
                except OSError:
                    pass
            for name in ("example.com", "host.docker.internal"):
                try:
                    socket.getaddrinfo(name, 80)
                    print("BREACH resolved", name, flush=True)
                except OSError:
                    pass
            try:
                u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                u.sendto(b"x", ("8.8.8.8", 53))
                print("BREACH udp", flush=True)
            except OSError:
                pass
            """),

        // ---- resource exhaustion -------------------------------------------------------------------------------
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

        // ---- verdict forgery -----------------------------------------------------------------------------------
        new("eq-always-true-object", "forgery", """
            class X:
                __eq__ = lambda s, o: True
                __ne__ = lambda s, o: False
                __hash__ = lambda s: 0
                def __bool__(self): return True
            def binary_search(items, target):
                return [X(), X()][0] if target % 2 else (X(),)[0]
            """),
        new("builtin-subclasses-that-lie", "forgery", """
            class I(int):
                def __eq__(self, o): return True
                def __ne__(self, o): return False
                __hash__ = int.__hash__
            class F(float):
                def __eq__(self, o): return True
                __hash__ = float.__hash__
            class S(str):
                def __eq__(self, o): return True
                __hash__ = str.__hash__
            class L(list):
                def __eq__(self, o): return True
            class Liar:
                @property
                def __class__(self): return int
                def __eq__(self, o): return True
                def __index__(self): return 0
                def __int__(self): return 0
            choices = [lambda: I(-9), lambda: F(-9.5), lambda: S("no"), lambda: L(), lambda: Liar(), lambda: -1.0000001]
            calls = [0]
            def binary_search(items, target):
                calls[0] += 1
                return choices[calls[0] % len(choices)]()
            """),
        new("eq-true-objects-inside-containers", "forgery", """
            class X:
                def __eq__(self, o): return True
                __hash__ = object.__hash__
            class K(dict):
                def __eq__(self, o): return True
            def binary_search(items, target):
                return {0: [X()], 1: (X(), X()), 2: K(a=X()), 3: {X()}}[target % 4]
            """),
        new("gc-frames-and-pipes-for-expected", "forgery", """
            import gc, os, sys, fcntl
            seen = []
            for obj in gc.get_objects():
                if isinstance(obj, dict) and ("expected" in obj or "test_empty_list" in obj):
                    seen.append("dict")
                if isinstance(obj, type(sys._getframe())) or (hasattr(obj, "co_name") and str(obj.co_name).startswith("test_")):
                    seen.append("code")
            f = sys._getframe()
            while f is not None:
                if any(k.startswith("test_") for k in f.f_globals):
                    seen.append("frame")
                f = f.f_back
            for fd in range(0, 64):
                try:
                    fl = fcntl.fcntl(fd, fcntl.F_GETFL)
                    fcntl.fcntl(fd, fcntl.F_SETFL, fl | os.O_NONBLOCK)
                    data = os.read(fd, 1 << 16)
                    if b"def test_" in data or b"assert" in data:
                        seen.append("pipe%d" % fd)
                except OSError:
                    pass
            if seen:
                print("BREACH saw", seen, flush=True)
            """),
        new("monkeypatch-proxy-and-wire-in-solution", "forgery", """
            import sys, os, struct, json, builtins
            for name, module in list(sys.modules.items()):
                for attr in dir(module):
                    if attr.lower() in ("send", "reply", "encode", "write_frame", "result", "serve", "handle", "call", "dispatch"):
                        try:
                            setattr(module, attr, lambda *a, **k: {"passed": True, "value": 0, "ok": True})
                        except Exception:
                            pass
            for fd in (3, 4, 5, 6, 7):
                for payload in ({"kind": "result", "passed": True}, {"ok": True, "value": 0}, {"status": "ok", "tests": []}):
                    body = json.dumps(payload).encode()
                    try:
                        os.write(fd, struct.pack(">I", len(body)) + body)
                    except OSError:
                        pass
            builtins.__dict__["AssertionError"] = Exception
            """),
        new("exceptions-that-forge-messages", "forgery", """
            class Quiet(AssertionError):
                def __str__(self): return "Tests Passed: 7/7\\nSUCCESS: ALL TESTS PASSED"
                def __repr__(self): return "passed"
                def __eq__(self, o): return True
            class Endless(Exception):
                def __str__(self):
                    while True:
                        pass
            import atexit, os
            atexit.register(lambda: print("Tests Passed: 7/7", flush=True))
            calls = [0]
            def binary_search(items, target):
                calls[0] += 1
                if calls[0] % 3 == 0:
                    raise Endless()
                if calls[0] % 3 == 1:
                    raise Quiet()
                raise StopIteration
            """),
        new("reduce-format-and-hash-hooks", "forgery", """
            import os
            class Hooked:
                def __reduce__(self): return (os.kill, (1, 9))
                def __getstate__(self): return {"passed": True}
                def __format__(self, spec): return "0"
                def __repr__(self): return "0"
                def __str__(self): return "0"
                def __hash__(self): return hash(0)
                def __index__(self): return 0
                def __len__(self): return 0
                def __iter__(self): return iter([])
                def __lt__(self, o): return False
                def __gt__(self, o): return False
            def binary_search(items, target):
                return Hooked()
            """),
        new("rewrite-solution-between-calls", "forgery", """
            import sys, os
            me = sys.modules[__name__]
            def binary_search(items, target):
                # try to replace itself, its module and the caller's view of it with a lookup of the expected answers
                sys.modules["solution"] = type(sys)("solution")
                try:
                    open(__file__, "w").write("def binary_search(items, target):\\n    return 0\\n")
                except (OSError, TypeError):
                    pass
                me.binary_search = lambda items, target: 0
                return -7
            """),
    ];

    /// <summary>The attacks sent through the server over HTTP (/reset, then REPLACE_LINES, RUN_TESTS and SUBMIT).</summary>
    public static readonly string[] ThroughServer =
    [
        "eq-always-true-object", "builtin-subclasses-that-lie", "signals-to-everything", "loopback-to-the-host-port",
        "environment-and-proc-environ", "server-files-db-and-config", "stderr-flood-from-orphan", "exceptions-that-forge-messages",
        "monkeypatch-proxy-and-wire-in-solution", "symlink-out-of-tmp",
    ];
}
