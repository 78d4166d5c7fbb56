"""A warm interpreter inside the sandbox (PID 1 of its namespace).

It keeps one harness child forked ahead of time (which in turn has forked its solution process), so a
request costs no interpreter start and no fork on the critical path. Protocol on stdin/stdout: the host
waits for {"ready": true}, sends a request, gets exactly one reply frame, then waits for ready again;
between the two the zygote kills everything else in the namespace and empties /tmp.

Run as: python3 -I -S -B /harness/zygote.py '<limits json>'
"""
import ctypes
import gc
import json
import os
import select
import shutil
import signal
import struct
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import agent  # noqa: E402,F401  (warm imports: forked children find them loaded)
import harness  # noqa: E402
import wire  # noqa: E402

PR_SET_DUMPABLE = 4
RESULT_LIMIT = 4 * 1024 * 1024


def main():
    # Non-dumpable (inherited by the children): a process of the same uid, i.e. the agent's, can neither
    # ptrace us nor open /proc/<pid>/fd or /proc/<pid>/mem of the zygote or the harness.
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limits = json.loads(sys.argv[1])
    gc.collect()
    gc.freeze()
    while True:
        pid, result_r = fork_harness(limits)
        wire.write_frame(1, {"ready": True})
        reply, in_sync = await_reply(pid, result_r, limits)
        os.close(result_r)
        kill_group(pid)
        if reply is None:
            return
        if isinstance(reply, bytes):
            wire.write_raw(1, reply)
        else:
            wire.write_frame(1, reply)
        if not (sweep() and in_sync):
            return


def fork_harness(limits):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            os.close(r)
            os.setpgid(0, 0)
            harness.serve(w, limits)
        except BaseException:
            code = 70
        finally:
            os._exit(code)
    os.close(w)
    return pid, r


class MemoryExceeded(Exception):
    pass


def await_reply(pid, fd, limits):
    """Waits (without limit) for the harness to take a request, then (with its deadline) for the reply.
    Returns (reply, in_sync); reply None means the host closed the channel."""
    head = read_some(fd, 9, None)
    if len(head) < 9 or head[:1] != b"T":
        return None, False
    (timeout,) = struct.unpack(">d", head[1:])
    deadline = time.monotonic() + timeout + 1.0
    watch = _memory_watch(limits["sandbox_memory_mb"] * 1024 * 1024) if os.getpid() == 1 else None
    try:
        header = read_some(fd, 4, deadline, watch)
        if len(header) < 4:
            return {"status": "timeout" if time.monotonic() >= deadline else "crashed"}, True
        length = int.from_bytes(header, "big")
        if length > RESULT_LIMIT:
            return {"status": "crashed"}, True
        body = read_some(fd, length, deadline, watch)
    except MemoryExceeded:
        return {"status": "memory"}, True
    if len(body) < length:
        return {"status": "timeout" if time.monotonic() >= deadline else "crashed"}, True
    # The harness is trusted and wrote a complete frame: forward it without re-parsing.
    return b'{"status":"ok","result":' + body + b"}", True


def _memory_watch(limit_bytes):
    """Rlimits are per process; this bounds the whole namespace (say, a fork bomb of big allocations)."""
    page = os.sysconf("SC_PAGE_SIZE")
    me = str(os.getpid())

    def exceeded():
        total = 0
        for name in os.listdir("/proc"):
            if name.isdigit() and name != me:
                try:
                    with open("/proc/%s/statm" % name, "rb") as f:
                        total += int(f.read().split()[1]) * page
                except (OSError, ValueError, IndexError):
                    pass
        if total > limit_bytes:
            os.kill(-1, signal.SIGKILL)
            raise MemoryExceeded()

    return exceeded


WATCH_INTERVAL_MS = 25


def read_some(fd, n, deadline, watch=None):
    """Reads up to n bytes, stopping early at EOF or the deadline (None = no deadline); calls watch() while waiting."""
    chunks = []
    remaining = n
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    while remaining:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            if not poller.poll(min(left * 1000, WATCH_INTERVAL_MS) if watch else left * 1000):
                if watch:
                    watch()
                continue
        chunk = os.read(fd, remaining)
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def sweep():
    """Kills every other process in this PID namespace, reaps them, and empties /tmp."""
    if os.getpid() != 1:
        # Unconfined development mode: not alone in a namespace, so only our own children may be touched.
        return _reap(block=True)
    for _ in range(100):
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if _reap() and not _others_alive():
            break
    else:
        return False
    try:
        for entry in os.scandir("/tmp"):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, onerror=_force_remove)
            else:
                os.unlink(entry.path)
        return not os.listdir("/tmp")
    except OSError:
        return False


def _reap(block=False):
    for _ in range(4000):
        try:
            pid, _ = os.waitpid(-1, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return True
        if pid == 0:
            time.sleep(0.0002)
    return False


def _others_alive():
    me = str(os.getpid())
    return any(name.isdigit() and name != me for name in os.listdir("/proc"))


def _force_remove(func, path, _exc):
    try:
        os.chmod(os.path.dirname(path), 0o700)
        os.chmod(path, 0o700)
    except OSError:
        pass
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            os.unlink(path)
        except OSError:
            pass


if __name__ == "__main__":
    main()
