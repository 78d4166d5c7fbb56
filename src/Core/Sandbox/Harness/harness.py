"""The trusted test harness: runs one request against a solution process prepared by the spawner.

It runs inside the zygote, which is PID 1 of the sandbox's namespace, so the solution process can neither
kill nor stop it. The solution process was forked (by the spawner, which never holds tests) before the
tests were read, so the tests never exist in the agent's memory.
"""
import builtins
import hashlib
import sys
import time
import traceback

import link as linkmod
import proxy
import rewrite
import wire

TEST_FILE = "test_solution.py"
_CACHE_LIMIT = 64


class Harness:
    def __init__(self, limits):
        self.limits = limits
        self.compiled = {}

    def handle(self, request, tests, solution, exit_status, watch):
        """solution = (pid, call_w, reply_r, out_r); returns the report dict."""
        op = request.get("op")
        timeout = float(request.get("timeout") or 5) if op == "run" else 3.0
        output = linkmod.Output(self.limits["output_bytes"])
        link = linkmod.Link(*solution, time.monotonic() + timeout, output, exit_status, watch)
        try:
            if op == "run":
                return self.run(request["solution"], tests["tests"], link, timeout)
            if op == "syntax":
                return check_syntax(request["code"], link)
            return {}
        finally:
            link.close()

    def run(self, solution, tests, link, timeout):
        cpu = max(1, min(int(timeout + 1.5), int(self.limits["cpu_seconds"])))
        try:
            link.send({"run": solution, "cpu": cpu})
        except linkmod.SolutionGone:
            pass
        code, names = self._compile(tests)
        try:
            report = run_tests(code, names, link, timeout)
        finally:
            sys.modules.pop("solution", None)
        link.drain()
        text, dropped = link.output.text()
        report["output"] = text
        report["output_dropped"] = dropped
        report["timed_out"] = link.timed_out
        return report

    def _compile(self, tests):
        key = hashlib.sha256(tests.encode("utf-8", "surrogatepass")).digest()
        hit = self.compiled.get(key)
        if hit is None:
            if len(self.compiled) >= _CACHE_LIMIT:
                self.compiled.clear()
            hit = self.compiled[key] = rewrite.compile_tests(tests, TEST_FILE)
        return hit


def check_syntax(code, link):
    try:
        reply = link.request({"syntax": code})
    except (linkmod.SolutionGone, linkmod.SolutionTimeout):
        return {"syntax": {"line": 0, "msg": "the syntax check did not finish", "text": None}}
    found = reply.get("syntax") if type(reply) is dict else None
    return {"syntax": None if found is None else _syntax(found)}


def run_tests(code, names, link, timeout):
    try:
        first = link.receive()
    except (linkmod.SolutionGone, linkmod.SolutionTimeout) as exc:
        reason = _stopped_reason(exc, link, timeout) + " while importing solution.py"
        return {"tests": [_failed(n, reason) for n in names]}
    if type(first) is not dict:
        return {"tests": [_failed(n, "the solution process sent a malformed message") for n in names]}
    if "syntax" in first:
        syntax = _syntax(first["syntax"])
        reason = "SyntaxError at line %d: %s" % (syntax["line"], syntax["msg"])
        return {"tests": [_failed(n, reason) for n in names], "syntax": syntax}
    if "import_error" in first:
        exc = proxy._remote_exception(first["import_error"])
        reason = "solution.py failed to import: %s: %s" % (exc.remote_type, exc.remote_msg)
        return {"tests": [_failed(n, reason, exc.remote_frames, exc.remote_type, exc.remote_msg) for n in names]}
    if first.get("ready") is not True:
        return {"tests": [_failed(n, "the solution process sent a malformed message") for n in names]}

    session = proxy.Session(link)
    sys.modules["solution"] = proxy.solution_module(session)
    namespace = {
        "__name__": "test_solution", "__file__": TEST_FILE, "__builtins__": builtins,
        "_tfh_message": rewrite.message, "_tfh_plain_message": rewrite.plain_message, "_tfh_note": rewrite.note,
    }
    try:
        exec(code, namespace)
    except BaseException as exc:
        reason = "the test module could not be loaded: " + _describe(exc, link, timeout)
        return {"tests": [_failed(n, reason, *_remote_parts(exc)) for n in names]}
    results = []
    for name in names:
        results.append(_run_one(name, namespace.get(name), link, timeout))
    return {"tests": results}


def _run_one(name, fn, link, timeout):
    if not callable(fn):
        return _failed(name, "%s is not a function" % name)
    try:
        fn()
    except AssertionError as exc:
        if getattr(exc, "remote_type", None):
            return _failed(name, _describe(exc, link, timeout), *_remote_parts(exc))
        return _failed(name, str(exc) or "assertion failed", kind="assertion")
    except BaseException as exc:
        return _failed(name, _describe(exc, link, timeout), *_remote_parts(exc))
    return {"name": name, "passed": True}


def _describe(exc, link, timeout):
    if isinstance(exc, (linkmod.SolutionGone, linkmod.SolutionTimeout)):
        return _stopped_reason(exc, link, timeout)
    remote_type = getattr(exc, "remote_type", None)
    if remote_type:
        raised = "%s: %s" % (remote_type, exc.remote_msg) if exc.remote_msg else remote_type
        where = getattr(exc, "tf_input", None)
        return "input=%s, raised %s" % (where, raised) if where else raised
    if isinstance(exc, wire.ProtocolError):
        return "the solution process broke the protocol: %s" % exc
    last = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    where = " (test line %d)" % last[0].lineno if last and last[0].filename == TEST_FILE else ""
    return "%s: %s%s" % (type(exc).__name__, exc, where)


def _stopped_reason(exc, link, timeout):
    if isinstance(exc, linkmod.SolutionTimeout) or link.timed_out:
        return "timed out (the run is limited to %gs)" % timeout
    return str(exc) or "the solution process stopped"


def _remote_parts(exc):
    if getattr(exc, "remote_type", None):
        return exc.remote_frames, exc.remote_type, exc.remote_msg
    return ()


def _failed(name, message, frames=None, exc_type=None, exc_msg=None, kind="error"):
    result = {"name": name, "passed": False, "message": message[:4000], "kind": kind}
    if exc_type:
        result["exception"] = {"type": exc_type, "msg": exc_msg or "", "frames": [list(f) for f in frames or []]}
    return result


def _syntax(raw):
    if type(raw) is not dict:
        return {"line": 0, "msg": "invalid syntax", "text": None}
    line = raw.get("line") if type(raw.get("line")) is int else 0
    msg = raw.get("msg") if type(raw.get("msg")) is str else "invalid syntax"
    text = raw.get("text") if type(raw.get("text")) is str else None
    return {"line": line, "msg": msg[:500], "text": text[:500] if text else None}
