"""The solution process (untrusted once the agent's module starts executing).

It imports the agent's source as module `solution` and then serves the harness's requests: attribute
reads and writes, calls and a few special methods, on handles to its own objects. Nothing it sends is
believed by the harness beyond "this is the value the solution produced".
"""
import builtins
import io
import linecache
import operator
import os
import resource
import sys
import traceback
import types

import borrowed
import wire

SOLUTION_FILE = "solution.py"
def _setitem(target, key, value):
    target[key] = value


def _delitem(target, key):
    del target[key]


# Special methods the harness may ask for, applied the way the interpreter would (len() raises TypeError for an
# object without __len__, which list() relies on, and so on).
_SPECIAL = {
    "__len__": len, "__iter__": iter, "__next__": next, "__bool__": bool, "__repr__": repr, "__str__": str,
    "__contains__": lambda target, item: item in target,
    "__getitem__": operator.getitem, "__setitem__": _setitem, "__delitem__": _delitem,
    "__eq__": operator.eq, "__ne__": operator.ne, "__lt__": operator.lt, "__le__": operator.le,
    "__gt__": operator.gt, "__ge__": operator.ge,
}


def apply_limits(limits):
    mb = 1024 * 1024
    pairs = (
        (resource.RLIMIT_AS, limits["memory_mb"] * mb),
        (resource.RLIMIT_CPU, limits["cpu_seconds"]),
        (resource.RLIMIT_NPROC, limits["processes"]),
        (resource.RLIMIT_FSIZE, limits["file_size_mb"] * mb),
        (resource.RLIMIT_NOFILE, 64),
        (resource.RLIMIT_CORE, 0),
    )
    for which, value in pairs:
        resource.setrlimit(which, (value, value))


def become_solution_process(call_r, reply_w, out_w, keep_fds=()):
    """Rewires stdio to the capture pipe and closes every other descriptor (the spawner's socket included)."""
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(out_w, 1)
    os.dup2(out_w, 2)
    keep = sorted({0, 1, 2, call_r, reply_w, *keep_fds})
    low = 3
    for fd in keep:
        if fd >= low:
            os.closerange(low, fd)
            low = fd + 1
    os.closerange(low, 1 << 16)
    sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False))
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), write_through=True, errors="backslashreplace")
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), write_through=True, errors="backslashreplace")
    sys.__stdout__, sys.__stderr__, sys.__stdin__ = sys.stdout, sys.stderr, sys.stdin


def describe_exception(exc):
    frames = []
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == SOLUTION_FILE:
            frames.append([frame.lineno, frame.name, (frame.line or "").strip()])
    return {"type": type(exc).__name__, "msg": _safe_str(exc), "frames": frames[-20:]}


def _safe_str(obj):
    try:
        return str(obj)[:2000]
    except BaseException:
        return "<unprintable>"


class Server:
    def __init__(self, call_r, reply_w):
        self.call_r = call_r
        self.reply_w = reply_w
        self.handles = {}
        self.next_id = 1
        self.borrowed = {}

    def handle_of(self, obj):
        if isinstance(obj, borrowed.Borrowed):
            return ["H", object.__getattribute__(obj, "_tf_hid")]
        hid = self.next_id
        self.next_id += 1
        self.handles[hid] = obj
        return ["h", hid, type(obj).__name__[:100], callable(obj)]

    def from_handle(self, item):
        if item[0] == "H":
            stand_in = self.borrowed.get(item[1])
            if stand_in is None:
                stand_in = self.borrowed[item[1]] = borrowed.stand_in_class(item[2])(self, item[1])
            return stand_in
        return self.handles[item[1]]

    def callback(self, op, hid, fields):
        """Asks the harness to act on an object of the tests, serving its nested requests meanwhile."""
        message = {"cb": op, "h": hid}
        for key, value in fields.items():
            if key == "a":
                message[key] = [self.encode(v) for v in value]
            elif key == "k":
                message[key] = {str(k): self.encode(v) for k, v in value.items()}
            elif key == "v":
                message[key] = self.encode(value)
            else:
                message[key] = value
        self.send(message)
        while True:
            frame = wire.read_frame(self.call_r)
            if type(frame) is not dict:
                os._exit(0)
            if "op" in frame:
                self.send(self.answer(frame))
            elif "r" in frame:
                return wire.decode(frame["r"], self.from_handle)
            else:
                err = frame.get("x") or {}
                raise _test_exception(err.get("type"), err.get("msg"))

    def send(self, obj):
        wire.write_frame(self.reply_w, obj)

    def encode(self, value):
        return wire.encode(value, self.handle_of)

    def import_solution(self, source):
        linecache.cache[SOLUTION_FILE] = (len(source), None, source.splitlines(True), SOLUTION_FILE)
        code, found = compile_solution(source)
        if found is not None:
            self.send({"syntax": found})
            return False
        module = types.ModuleType("solution")
        module.__file__ = SOLUTION_FILE
        sys.modules["solution"] = module
        self.handles[0] = module
        try:
            exec(code, module.__dict__)
        except BaseException as exc:
            self.send({"import_error": describe_exception(exc)})
            return False
        self.send({"ready": True})
        return True

    def serve(self):
        while True:
            request = wire.read_frame(self.call_r)
            if request is None:
                return
            self.send(self.answer(request))

    def answer(self, request):
        args = []
        try:
            reply = {"ok": self.encode(self.dispatch(request, args))}
            mutated = request.get("mutable")
            if mutated:
                reply["mut"] = [[i, self.encode(args[i])] for i in mutated]
        except BaseException as exc:
            reply = {"err": describe_exception(exc)}
        return reply

    def dispatch(self, request, call_args):
        op = request["op"]
        target = self.handles[request["h"]]
        if op == "getattr":
            return getattr(target, request["n"])
        if op == "call":
            args = [wire.decode(a, self.from_handle) for a in request["a"]]
            kwargs = {k: wire.decode(v, self.from_handle) for k, v in request["k"].items()}
            call_args.extend(args)
            return target(*args, **kwargs)
        if op == "setattr":
            setattr(target, request["n"], wire.decode(request["v"], self.from_handle))
            return None
        if op == "delattr":
            delattr(target, request["n"])
            return None
        if op == "dunder" and request["n"] in _SPECIAL:
            args = [wire.decode(a, self.from_handle) for a in request["a"]]
            return _SPECIAL[request["n"]](target, *args)
        raise TypeError("unsupported request")


def _test_exception(name, msg):
    cls = getattr(builtins, name, None) if type(name) is str else None
    if isinstance(cls, type) and issubclass(cls, Exception):
        try:
            return cls(msg or "")
        except Exception:
            pass
    return RuntimeError("%s: %s" % (name, msg or ""))


def run(call_r, reply_w, out_w, limits):
    """Entry point of the solution process, forked ahead of time by the spawner; never returns. No agent
    code runs until the harness sends the source, which happens only after it has read the tests."""
    code = 0
    try:
        os.setpgid(0, 0)
        become_solution_process(call_r, reply_w, out_w)
        _prefer_for_oom_kill()
        apply_limits(limits)
        first = wire.read_frame(call_r)
        if type(first) is not dict:
            os._exit(0)
        server = Server(call_r, reply_w)
        if "syntax" in first:
            server.send({"syntax": compile_solution(first["syntax"])[1]})
        else:
            cpu = first["cpu"]
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
            if server.import_solution(first["run"]):
                server.serve()
    except BaseException:
        code = 70
    finally:
        os._exit(code)


def _prefer_for_oom_kill():
    """Under a cgroup memory limit the kernel's OOM killer picks a victim inside the sandbox: make it the
    solution's processes (their children inherit this), never the zygote or the spawner."""
    try:
        with open("/proc/self/oom_score_adj", "w") as f:
            f.write("1000")
    except OSError:
        pass


def compile_solution(source):
    """Returns (code, None) or (None, {line, msg, text}) the way compile() reports the first error."""
    try:
        return compile(source, SOLUTION_FILE, "exec", dont_inherit=True), None
    except SyntaxError as exc:
        return None, {"line": exc.lineno or 0, "msg": exc.msg or "invalid syntax", "text": exc.text}
    except (ValueError, MemoryError, RecursionError) as exc:
        return None, {"line": 0, "msg": "%s: %s" % (type(exc).__name__, exc), "text": None}
