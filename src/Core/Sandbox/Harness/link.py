"""The harness's end of the pipes to the solution process: request/reply with a deadline, while the
solution's stdout/stderr are drained (so it can never block on a full pipe) into a bounded buffer."""
import os
import select
import signal
import time

import wire


class SolutionGone(Exception):
    """The solution process exited, was killed, or broke the protocol."""


class SolutionTimeout(Exception):
    pass


class LimitExceeded(Exception):
    """Raised by a watch callback: the run broke a sandbox-wide limit and has been stopped."""


class Output:
    """Keeps the last `keep` bytes the solution printed and counts the rest."""

    def __init__(self, keep):
        self.keep = keep
        self.buf = bytearray()
        self.total = 0

    def add(self, data):
        self.total += len(data)
        self.buf += data
        if len(self.buf) > 2 * self.keep:
            del self.buf[: len(self.buf) - self.keep]

    def text(self):
        data = bytes(self.buf[-self.keep:])
        return data.decode("utf-8", "replace"), self.total - len(data)


WATCH_INTERVAL = 0.025


class Link:
    """exit_status(pid) returns the solution's wait status (or None); watch() is called every 25 ms while
    waiting and may raise to abort the run (the zygote's memory watchdog)."""

    def __init__(self, pid, call_w, reply_r, out_r, deadline, output, exit_status=None, watch=None):
        self.pid = pid
        self.exit_status = exit_status
        self.watch = watch
        self.call_w = call_w
        self.reply_r = reply_r
        self.out_r = out_r
        self.deadline = deadline
        self.output = output
        self.inbox = bytearray()
        self.dead_reason = None
        self.timed_out = False
        os.set_blocking(reply_r, False)
        os.set_blocking(out_r, False)
        self.poller = select.poll()
        self.poller.register(reply_r, select.POLLIN)
        self.poller.register(out_r, select.POLLIN)
        self.out_open = True

    def request(self, message):
        self.send(message)
        return self.receive()

    def send(self, message):
        if self.dead_reason:
            raise SolutionGone(self.dead_reason)
        try:
            wire.write_frame(self.call_w, message)
        except OSError:
            self._gone()

    def receive(self):
        while True:
            frame = self._take_frame()
            if frame is not None:
                return frame
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                self.timed_out = True
                self.kill("the run timed out")
                raise SolutionTimeout()
            events = self.poller.poll(min(remaining, WATCH_INTERVAL) * 1000 if self.watch else remaining * 1000)
            if not events and self.watch:
                try:
                    self.watch()
                except LimitExceeded as exc:
                    self.kill(str(exc))
                    raise SolutionGone(self.dead_reason) from None
            for fd, _ in events:
                if fd == self.out_r:
                    self._drain_output()
                else:
                    self._read_reply()

    def _take_frame(self):
        if len(self.inbox) < 4:
            return None
        length = int.from_bytes(self.inbox[:4], "big")
        if length > wire.MAX_FRAME:
            self.kill("the solution process sent an oversized message")
            raise SolutionGone(self.dead_reason)
        if len(self.inbox) < 4 + length:
            return None
        body = bytes(self.inbox[4: 4 + length])
        del self.inbox[: 4 + length]
        try:
            return wire.loads(body)
        except wire.ProtocolError:
            self.kill("the solution process sent a malformed message")
            raise SolutionGone(self.dead_reason) from None

    def _read_reply(self):
        try:
            chunk = os.read(self.reply_r, 1 << 16)
        except BlockingIOError:
            return
        if not chunk:
            self._gone()
        self.inbox += chunk
        if len(self.inbox) > wire.MAX_FRAME + 4:
            self.kill("the solution process sent an oversized message")
            raise SolutionGone(self.dead_reason)

    def _drain_output(self):
        while self.out_open:
            try:
                chunk = os.read(self.out_r, 1 << 16)
            except BlockingIOError:
                return
            if not chunk:
                self.out_open = False
                self.poller.unregister(self.out_r)
                return
            self.output.add(chunk)

    def _gone(self):
        status = self.exit_status(self.pid) if self.exit_status and self.pid else None
        self.kill(_describe_status(status))
        raise SolutionGone(self.dead_reason)

    def kill(self, reason):
        if self.dead_reason is None:
            self.dead_reason = reason
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.pid = None

    def drain(self):
        """Collects what the solution printed so far (all of it up to its last reply is already in the pipe)."""
        if self.out_open:
            self._drain_output()

    def close(self):
        """Stops the solution process (without waiting: the zygote's sweep reaps everything) and closes the pipes."""
        self.kill("the solution process was stopped")
        for fd in (self.call_w, self.reply_r, self.out_r):
            try:
                os.close(fd)
            except OSError:
                pass


def _describe_status(status):
    if status is None:
        return "the solution process closed its channel"
    if os.WIFEXITED(status):
        return "the solution process exited with code %d" % os.WEXITSTATUS(status)
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = str(sig)
        hint = {"SIGXCPU": " (CPU time limit)", "SIGKILL": " (killed, possibly by a resource limit)"}.get(name, "")
        return "the solution process was killed by %s%s" % (name, hint)
    return "the solution process stopped"
