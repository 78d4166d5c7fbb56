"""The sandbox's long-lived interpreter: PID 1 of its namespace, warm, and the trusted test harness.

Protocol on stdin/stdout (4-byte length + JSON frames): the zygote announces {"ready": true}; the host sends
a request (a run request is followed by a tests frame) and gets exactly one reply frame; then the zygote
cleans up (every other process in the namespace except the spawner is killed, /tmp emptied), has the next
solution process forked, and announces ready again. If cleaning up fails it exits and the host replaces it.

Run as: python3 -I -S -B /harness/zygote.py '<limits json>'
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import harness  # noqa: E402
import ipc  # noqa: E402
import link as linkmod  # noqa: E402
import wire  # noqa: E402

PR_SET_DUMPABLE = 4


class Spawner:
    """The exec'd helper that forks solution processes (see spawner.py)."""

    def __init__(self, limits):
        self.limits = limits
        self.pid = None
        self.sock = None
        self.start()

    def start(self):
        if self.sock is not None:
            self.sock.close()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        child = subprocess.Popen(
            [sys.executable, "-I", "-S", "-B", os.path.join(HERE, "spawner.py"), str(theirs.fileno()), json.dumps(self.limits)],
            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, close_fds=True)
        theirs.close()
        child.returncode = 0  # we reap it ourselves (sweep); stop Popen from trying later
        self.pid = child.pid
        self.sock = ours

    def alive(self):
        return os.path.exists("/proc/%d" % self.pid)

    def prepare(self):
        """Asks for a fresh solution process; returns (pid, call_w, reply_r, out_r)."""
        for _ in range(2):
            try:
                self.sock.send(b"prep")
                while True:
                    message, fds, _, _ = socket.recv_fds(self.sock, 64, 3)
                    if not message:
                        break
                    if message.startswith(b"B ") and len(fds) == 3:
                        return (int(message[2:]), *fds)
                    for fd in fds:
                        os.close(fd)
            except OSError:
                pass
            self.start()
        raise RuntimeError("the spawner does not answer")

    def exit_status(self, pid, wait=0.3):
        """The wait status of a solution process that went away, if it can be learnt quickly."""
        try:
            found, status = os.waitpid(pid, os.WNOHANG)  # ours if the spawner died and it was re-parented
            if found:
                return status
        except ChildProcessError:
            pass
        self.sock.settimeout(wait)
        try:
            while True:
                message = self.sock.recv(64)
                if not message:
                    return None
                parts = message.split()
                if len(parts) == 3 and parts[0] == b"exit" and int(parts[1]) == pid:
                    return int(parts[2])
        except (OSError, ValueError):
            return None
        finally:
            self.sock.settimeout(None)


def main():
    # Non-dumpable: a process of the same uid (the agent's) can neither ptrace us nor open /proc/1/fd or mem.
    ipc.libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limits = json.loads(sys.argv[1])
    confined = os.getpid() == 1
    spawner = Spawner(limits)
    runner = harness.Harness(limits)
    # 0 = a cgroup memory limit is in force, so the watchdog need not poll.
    watch = _memory_watch(limits["sandbox_memory_mb"] * 1024 * 1024, spawner) if confined and limits["sandbox_memory_mb"] else None
    while True:
        solution = spawner.prepare()
        wire.write_frame(1, {"ready": True})
        request = wire.read_frame(0)
        if request is None:
            return
        tests = wire.read_frame(0) if request.get("op") == "run" else None
        pids = [solution[0]]

        def restart():
            # A test ran out of time or its solution process died: nothing of it may live on into the next test.
            if confined:
                if not _kill_all_but_spawner(spawner):
                    raise RuntimeError("could not stop the solution's processes")
                if not spawner.alive():
                    spawner.start()
            else:
                _kill_group(pids[-1])
            fresh = spawner.prepare()
            pids.append(fresh[0])
            return fresh

        try:
            reply = {"status": "ok", "result": runner.handle(request, tests, solution, spawner.exit_status, watch, restart)}
        except Exception as exc:
            reply = {"status": "ok", "result": {"tests": [], "harness_error": "%s: %s" % (type(exc).__name__, exc)}}
        wire.write_frame(1, reply)
        if not sweep(spawner, pids[-1], confined):
            return


def sweep(spawner, solution_pid, confined):
    """Stops and kills every process of the run, waits until they are gone, and empties /tmp."""
    if not confined:
        # Development mode: not alone in a namespace, so only the run's own process group may be touched.
        _kill_group(solution_pid)
        return True
    if not _kill_all_but_spawner(spawner):
        return False
    if not ipc.remove_sysv() or not ipc.remove_posix_queues():
        return False
    if not spawner.alive():
        spawner.start()
    try:
        for entry in os.scandir("/tmp"):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, onerror=_force_remove)
            else:
                os.unlink(entry.path)
        return not os.listdir("/tmp")
    except OSError:
        return False


def _kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _kill_all_but_spawner(spawner):
    # SIGSTOP to everything first (kill(-1) from PID 1 reaches all others atomically, and a stopped process
    # cannot fork), so the list of pids below cannot grow while we kill them.
    os.kill(-1, signal.SIGSTOP)
    keep = {os.getpid(), spawner.pid}
    for attempt in range(2000):
        others = [int(p) for p in os.listdir("/proc") if p.isdigit() and int(p) not in keep]
        if not others:
            _continue(spawner.pid)
            return True
        for pid in others:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        _continue(spawner.pid)
        _reap()
        if attempt:
            time.sleep(0.0002)
    return False


def _continue(pid):
    try:
        os.kill(pid, signal.SIGCONT)
    except ProcessLookupError:
        pass


def _reap():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _memory_watch(limit_bytes, spawner):
    """Rlimits are per process; this bounds the whole namespace (say, a fork bomb of big allocations)."""
    page = os.sysconf("SC_PAGE_SIZE")
    me = str(os.getpid())

    def check():
        total = 0
        for name in os.listdir("/proc"):
            if name.isdigit() and name != me:
                try:
                    with open("/proc/%s/statm" % name, "rb") as f:
                        total += int(f.read().split()[1]) * page
                except (OSError, ValueError, IndexError):
                    pass
        total += ipc.sysv_shm_bytes()
        if total > limit_bytes:
            _kill_all_but_spawner(spawner)
            ipc.remove_sysv()
            raise linkmod.LimitExceeded(
                "the sandbox ran out of memory (its processes together exceeded %d MB)" % (limit_bytes >> 20))

    return check


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
