"""Forks solution processes for the zygote.

It is started with exec (never forked from the zygote, whose memory holds tests), so nothing a solution
process inherits from it has ever seen a test. Protocol on a SEQPACKET socket: the zygote sends b"prep";
the spawner forks a solution process and answers b"B <pid>" with the harness ends of its three pipes
attached; whenever one of its children exits it sends b"exit <pid> <wait status>".

Run as: python3 -I -S -B /harness/spawner.py <socket fd> '<limits json>'
"""
import ctypes
import json
import os
import select
import signal
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import agent  # noqa: E402

_CATCHABLE = [s for s in signal.Signals if s not in (signal.SIGKILL, signal.SIGSTOP, signal.SIGCHLD)]


def main():
    # Non-dumpable, like the zygote: exec made us dumpable again, and a solution process of the same uid must not
    # ptrace or read the one process that outlives every run besides the zygote (it would tamper with later runs).
    ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE
    sock = socket.socket(fileno=int(sys.argv[1]))
    limits = json.loads(sys.argv[2])
    # Solution processes share our uid and may signal us; only SIGKILL/SIGSTOP still work, and the zygote
    # notices and recovers from both.
    original = {}
    for sig in _CATCHABLE:
        try:
            original[sig] = signal.signal(sig, signal.SIG_IGN)
        except (OSError, ValueError, RuntimeError):
            pass
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    os.set_blocking(wake_r, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    poller = select.poll()
    poller.register(sock.fileno(), select.POLLIN)
    poller.register(wake_r, select.POLLIN)
    while True:
        for fd, _ in poller.poll():
            if fd == wake_r:
                _drain(wake_r)
                _report_exits(sock)
            else:
                try:
                    message = sock.recv(64)
                except OSError:
                    return
                if not message:
                    return
                if message == b"prep":
                    _spawn(sock, limits, original)


def _spawn(sock, limits, original):
    call_r, call_w = os.pipe()
    reply_r, reply_w = os.pipe()
    out_r, out_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        # Back to a normal interpreter's dispositions (Python itself ignores SIGPIPE and SIGXFSZ).
        signal.set_wakeup_fd(-1)
        for sig, handler in original.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        agent.run(call_r, reply_w, out_w, limits)
    for fd in (call_r, reply_w, out_w):
        os.close(fd)
    socket.send_fds(sock, [b"B %d" % pid], [call_w, reply_r, out_r])
    for fd in (call_w, reply_r, out_r):
        os.close(fd)


def _report_exits(sock):
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        sock.send(b"exit %d %d" % (pid, status))


def _drain(fd):
    try:
        while os.read(fd, 256):
            pass
    except BlockingIOError:
        pass


if __name__ == "__main__":
    main()
