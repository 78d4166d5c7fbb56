namespace TraceFix.Server.Tests.Attacks;

public static partial class AttackCatalog
{
    /// <summary>Attempts to leave the sandbox: symlinks, host and harness files, /proc tricks, namespaces, ptrace, signals, /proc/sys.</summary>
    private static readonly Attack[] Escapes =
    [
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
    ];
}
