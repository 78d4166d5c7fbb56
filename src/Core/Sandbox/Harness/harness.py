"""The trusted test harness of one run (a fresh fork of the zygote).

It forks the solution process before it has read the tests, so the tests never exist in the agent's
memory, then reads the tests, runs every test_* function against a proxy of the agent's module, and
writes the one and only verdict frame to the zygote.
"""
import base64
import builtins
import marshal
import os
import signal
import struct
import sys
import time
import traceback
import types

import agent
import link as linkmod
import proxy
import rewrite
import wire

TEST_FILE = "test_solution.py"


def serve(result_fd, limits):
    """Runs in a child the zygote forks ahead of time; handles exactly one request, then exits."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    call_r, call_w = os.pipe()
    reply_r, reply_w = os.pipe()
    out_r, out_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        agent.run(call_r, reply_w, out_w, limits)
    for fd in (call_r, reply_w, out_w):
        os.close(fd)
    request = wire.read_frame(0)
    if request is None:
        return
    op = request.get("op")
    tests = wire.read_frame(0) if op == "run" else None
    devnull = os.open("/dev/null", os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    timeout = float(request.get("timeout") or 5) if op == "run" else 3.0
    os.write(result_fd, b"T" + struct.pack(">d", timeout))
    output = linkmod.Output(limits["output_bytes"])
    link = linkmod.Link(pid, call_w, reply_r, out_r, time.monotonic() + timeout, output)
    link.cpu_ceiling = int(limits["cpu_seconds"])
    try:
        if op == "run":
            report = run(request["solution"], tests, link, timeout)
        elif op == "syntax":
            report = check_syntax(request["code"], link)
        else:
            report = {}
    except BaseException as exc:
        report = {"tests": [], "harness_error": "%s: %s" % (type(exc).__name__, exc)}
    wire.write_frame(result_fd, report)
    os.close(result_fd)
    link.finish()


def check_syntax(code, link):
    try:
        reply = link.request({"syntax": code})
    except (linkmod.SolutionGone, linkmod.SolutionTimeout):
        return {"syntax": {"line": 0, "msg": "the syntax check did not finish", "text": None}}
    found = reply.get("syntax") if type(reply) is dict else None
    return {"syntax": None if found is None else _syntax(found)}


def run(solution, tests, link, timeout):
    try:
        link.send({"run": solution, "cpu": max(1, min(int(timeout + 1.5), link.cpu_ceiling))})
    except linkmod.SolutionGone:
        pass
    code, names = _cached_tests(tests.get("compiled"))
    fresh = code is None
    if fresh:
        code, names = rewrite.compile_tests(tests["tests"], TEST_FILE)
    report = run_tests(code, names, link, timeout)
    if fresh:
        # The host keeps this (keyed by the test source) and sends it back next time: rewriting and compiling
        # the tests is most of a run's cost, and the harness itself is fresh on every run.
        report["compiled"] = base64.b64encode(marshal.dumps((names, code))).decode("ascii")
    link.drain()
    text, dropped = link.output.text()
    report["output"] = text
    report["output_dropped"] = dropped
    report["timed_out"] = link.timed_out
    return report


def _cached_tests(blob):
    if type(blob) is not str:
        return None, None
    try:
        names, code = marshal.loads(base64.b64decode(blob))
    except Exception:
        return None, None
    if type(code) is not types.CodeType or type(names) is not list:
        return None, None
    return code, names


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
