"""The trusted test harness: runs one request against a solution process prepared by the spawner.

It runs inside the zygote, which is PID 1 of the sandbox's namespace, so the solution process can neither
kill nor stop it. The solution process was forked (by the spawner, which never holds tests) before the
tests were read, so the tests never exist in the agent's memory.

Each test has its own time limit inside the run's. A test that runs out of time (or whose solution process
dies) fails alone: the harness has everything of that solution process killed, has a fresh one forked and
the source imported again, loads the test module anew against it, and goes on with the next test.
"""
import builtins
import hashlib
import sys
import time
import traceback

import evidence
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

    def handle(self, request, tests, solution, exit_status, watch, restart=None):
        """solution = (pid, call_w, reply_r, out_r); restart() kills the run's processes and returns a fresh
        solution tuple. Returns the report dict."""
        op = request.get("op")
        timeout = _seconds(request.get("timeout"), 5.0) if op == "run" else 3.0
        output = linkmod.Output(self.limits["output_bytes"])
        link = linkmod.Link(*solution, time.monotonic() + timeout, output, exit_status, watch)
        if op == "syntax":
            try:
                return check_syntax(request["code"], link)
            finally:
                link.close()
        if op != "run":
            link.close()
            return {}
        test_timeout = min(_seconds(request.get("test_timeout"), timeout), timeout)

        def new_link(old):
            old.drain()
            old.close()
            return linkmod.Link(*restart(), old.deadline, output, exit_status, watch)

        run = TestRun(self._compile(tests["tests"]), request["solution"], link, timeout, test_timeout,
                      self._cpu(timeout), new_link if restart else None)
        try:
            report = run.execute()
        finally:
            sys.modules.pop("solution", None)
            run.link.drain()
            run.link.close()
        text, dropped = output.text()
        report["output"] = text
        report["output_dropped"] = dropped
        report["timed_out"] = run.run_timed_out
        return report

    def _cpu(self, timeout):
        return max(1, min(int(timeout + 1.5), int(self.limits["cpu_seconds"])))

    def _compile(self, tests):
        key = hashlib.sha256(tests.encode("utf-8", "surrogatepass")).digest()
        hit = self.compiled.get(key)
        if hit is None:
            if len(self.compiled) >= _CACHE_LIMIT:
                self.compiled.clear()
            hit = self.compiled[key] = rewrite.compile_tests(tests, TEST_FILE)
        return hit


def _seconds(value, default):
    return float(value) if type(value) in (int, float) and 0 < value <= 600 else default


class TestRun:
    def __init__(self, compiled, source, link, timeout, test_timeout, cpu, new_link):
        self.code, self.names = compiled
        self.source = source
        self.link = link
        self.timeout = timeout
        self.test_timeout = test_timeout
        self.cpu = cpu
        self.new_link = new_link
        self.run_deadline = link.deadline
        self.run_timed_out = False

    def execute(self):
        results = []
        remaining = list(self.names)
        fresh = True
        while remaining:
            if not fresh:
                if time.monotonic() >= self.run_deadline:
                    return {"tests": results + self._not_run(remaining)}
                self.link = self.new_link(self.link)
            fresh = False
            loaded = self._load()
            if type(loaded) is dict:
                syntax = loaded.pop("syntax", None)
                results.extend(dict(loaded, name=n) for n in remaining)
                return {"tests": results, "syntax": syntax} if syntax else {"tests": results}
            namespace, session = loaded
            while remaining:
                if time.monotonic() >= self.run_deadline:
                    return {"tests": results + self._not_run(remaining)}
                name = remaining.pop(0)
                results.append(self._run_one(name, namespace.get(name), session))
                if self.link.dead_reason is not None and remaining and self.new_link is not None:
                    break
        return {"tests": results}

    def _not_run(self, names):
        self.run_timed_out = True
        reason = "not run: the run's time limit of %g s was reached" % self.timeout
        return [_failed(n, reason) for n in names]

    def _limit(self):
        self.link.deadline = min(self.run_deadline, time.monotonic() + self.test_timeout)
        self.link.timed_out = False

    def _load(self):
        """Sends the source and loads the test module against it; a dict is the failure of every remaining test."""
        self._limit()
        try:
            self.link.send({"run": self.source, "cpu": self.cpu})
        except linkmod.SolutionGone:
            pass
        try:
            first = self.link.receive()
        except (linkmod.SolutionGone, linkmod.SolutionTimeout) as exc:
            return _failed("", self._stopped(exc, None) + " while importing solution.py")
        if type(first) is not dict:
            return _failed("", "the solution process sent a malformed message")
        if "syntax" in first:
            syntax = _syntax(first["syntax"])
            return dict(_failed("", "SyntaxError at line %d: %s" % (syntax["line"], syntax["msg"])), syntax=syntax)
        if "import_error" in first:
            exc = proxy._remote_exception(first["import_error"])
            reason = "solution.py failed to import: %s: %s" % (exc.remote_type, exc.remote_msg)
            return _failed("", reason, exc.remote_frames, exc.remote_type, exc.remote_msg)
        if first.get("ready") is not True:
            return _failed("", "the solution process sent a malformed message")
        session = proxy.Session(self.link)
        sys.modules["solution"] = proxy.solution_module(session)
        proof = evidence.Evidence(session.log)
        namespace = {
            "__name__": "test_solution", "__file__": TEST_FILE, "__builtins__": builtins,
            "_tfh_message": proof.message, "_tfh_plain_message": proof.plain, "_tfh_note": rewrite.note,
        }
        try:
            exec(self.code, namespace)
        except BaseException as exc:
            return _failed("", "the test module could not be loaded: " + self._describe(exc, session), *_remote_parts(exc))
        return namespace, session

    def _run_one(self, name, fn, session):
        if not callable(fn):
            return _failed(name, "%s is not a function" % name)
        self._limit()
        session.log.reset()
        session.lender.failure = None
        try:
            fn()
        except AssertionError as exc:
            if getattr(exc, "remote_type", None):
                return _failed(name, self._describe(exc, session), *_remote_parts(exc))
            return _failed(name, self._lent_failure(session) or str(exc) or "assertion failed", kind="assertion")
        except BaseException as exc:
            return _failed(name, self._lent_failure(session) or self._describe(exc, session), *_remote_parts(exc))
        lent = self._lent_failure(session)
        if lent:
            return _failed(name, lent, kind="assertion")
        return {"name": name, "passed": True}

    @staticmethod
    def _lent_failure(session):
        exc = session.lender.failure
        if exc is None:
            return None
        return "an assertion of the tests failed while the solution was calling their code: %s" % (str(exc) or "assertion failed")

    def _describe(self, exc, session):
        if isinstance(exc, (linkmod.SolutionGone, linkmod.SolutionTimeout)):
            return self._stopped(exc, session)
        remote_type = getattr(exc, "remote_type", None)
        if remote_type:
            raised = "%s: %s" % (remote_type, exc.remote_msg) if exc.remote_msg else remote_type
            where = getattr(exc, "tf_input", None)
            return "input=%s, raised %s" % (where, raised) if where else raised
        if isinstance(exc, wire.ProtocolError):
            return "the solution process broke the protocol: %s" % exc
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == TEST_FILE] if exc.__traceback__ else []
        where = " (test line %d)" % frames[-1].lineno if frames else ""
        text = "%s: %s%s" % (type(exc).__name__, exc, where)
        call = session.log.last() if session is not None else None
        return "input=%s, %s, test raised %s" % (call.text, evidence.outcome(call), text) if call else text

    def _stopped(self, exc, session):
        if isinstance(exc, linkmod.SolutionTimeout) or self.link.timed_out:
            if self.link.deadline >= self.run_deadline:
                self.run_timed_out = True
                return "timed out (the run is limited to %gs)" % self.timeout
            if session is None:
                return "timed out after %g s" % self.test_timeout
            return evidence.Evidence(session.log).timed_out(self.test_timeout)
        return str(exc) or "the solution process stopped"


def check_syntax(code, link):
    try:
        reply = link.request({"syntax": code})
    except (linkmod.SolutionGone, linkmod.SolutionTimeout):
        return {"syntax": {"line": 0, "msg": "the syntax check did not finish", "text": None}}
    found = reply.get("syntax") if type(reply) is dict else None
    return {"syntax": None if found is None else _syntax(found)}


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
