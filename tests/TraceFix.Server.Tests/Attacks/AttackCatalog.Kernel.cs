namespace TraceFix.Server.Tests.Attacks;

public static partial class AttackCatalog
{
    /// <summary>
    /// Attacks on the kernel surface behind the namespaces (issue #13): the system calls the seccomp filter denies, other
    /// ABIs, sockets other than AF_UNIX, a fork bomb against the process limit, and IPC objects left for the next run.
    /// </summary>
    private static readonly Attack[] Kernel =
    [
        new("denied-system-calls", "kernel", """
            import ctypes, socket
            libc = ctypes.CDLL(None, use_errno=True)
            libc.syscall.restype = ctypes.c_long
            def call(nr, *args):
                return libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) for a in args])
            # Calls that succeed for an unprivileged process when nothing filters them.
            probes = {
                "unshare(0)": (272, 0), "ptrace(TRACEME)": (101, 0, 0, 0, 0),
                "keyctl(GET_KEYRING_ID, session)": (250, 0, -3, 1), "add_key(user)": None,
                "perf_event_open": None, "bpf(MAP_CREATE)": None, "userfaultfd(0)": (323, 0),
                "x32 getpid": (0x40000000 | 39,), "io_uring_setup": None,
                "clone(CLONE_NEWUSER)": (56, 0x10000000 | 17, 0, 0, 0, 0),
            }
            for name, args in probes.items():
                if args is None:
                    continue
                result = call(*args)
                if result >= 0:
                    if result == 0 and name.startswith("clone"):
                        import os
                        os._exit(0)
                    print("BREACH", name, "returned", result, flush=True)
            for family in (socket.AF_INET, socket.AF_INET6, socket.AF_NETLINK):
                try:
                    socket.socket(family, socket.SOCK_DGRAM).close()
                    print("BREACH opened a socket of family", family, flush=True)
                except OSError:
                    pass
            """),
        new("fork-bomb-against-the-process-limit", "kernel", """
            import os, time
            children = 0
            try:
                for _ in range(10000):
                    pid = os.fork()
                    if pid == 0:
                        time.sleep(30)
                        os._exit(0)
                    children += 1
            except OSError:
                pass
            if children > 64:
                print("BREACH forked", children, flush=True)
            """),
        new("message-queue-for-the-next-run", "kernel", """
            import ctypes, os
            libc = ctypes.CDLL(None, use_errno=True)
            libc.mq_open.restype = ctypes.c_int
            found = libc.mq_open(b"/tracefix-attack-queue", os.O_RDONLY, 0, None)
            if found >= 0:
                print("BREACH a queue of an earlier run survived", flush=True)
            mq = libc.mq_open(b"/tracefix-attack-queue", os.O_CREAT | os.O_RDWR, 0o666, None)
            libc.mq_send(mq, b"left for the next run", 21, 0)
            if libc.msgget(0x7AC0, 0) >= 0:
                print("BREACH a SysV queue of an earlier run survived", flush=True)
            libc.msgget(0x7AC0, 0o1666)
            """, Repeat: 8),
    ];
}
