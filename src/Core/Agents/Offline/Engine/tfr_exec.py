"""Runs candidate programs in this (sandboxed) process under a timer, with their output swallowed.

A candidate is imported as module ``solution`` from its source and each example's input expression is
evaluated against a copy of its globals. A candidate that loops is stopped by an interval timer whose
exception is not an ``Exception`` (so ``except Exception`` in the candidate cannot swallow it), and the
timer keeps firing until it is disarmed, so a bare ``except:`` cannot either. Whatever escapes (a hard
exit, a crash) ends the engine, and the host then treats the step as having no local evidence."""
import signal
import sys
import types

FILE = "solution.py"


class Timeout(BaseException):
    pass


class _Sink:
    def __init__(self):
        self.size = 0

    def write(self, text):
        self.size += len(text)
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False


def _alarm(signum, frame):
    raise Timeout()


signal.signal(signal.SIGALRM, _alarm)


class Limit:
    """Arms the timer for ``seconds``; it re-fires every 10 ms until the block ends."""

    def __init__(self, seconds):
        self.seconds = max(0.001, seconds)

    def __enter__(self):
        self.out, self.err = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = _Sink()
        signal.setitimer(signal.ITIMER_REAL, self.seconds, 0.01)
        return self

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_REAL, 0)
        sys.stdout, sys.stderr = self.out, self.err
        return False


def load(source):
    """The candidate as a fresh module, or raises what importing it raised."""
    code = compile(source, FILE, "exec", dont_inherit=True)
    module = types.ModuleType("solution")
    module.__file__ = FILE
    sys.modules["solution"] = module
    exec(code, module.__dict__)
    return module


def evaluate(module, example):
    """("ok", value) or ("raised", exception type name); Timeout propagates."""
    try:
        scope = dict(module.__dict__)
        scope["solution"] = module
        return ("ok", eval(example.code, scope))
    except Timeout:
        raise
    except RecursionError:
        return ("raised", "RecursionError")
    except BaseException as exc:
        return ("raised", type(exc).__name__)


def run(source, examples, seconds):
    """Outcomes of every example on one candidate; None for the ones the time limit cut off.
    Returns (outcomes, load_error) where load_error names an exception raised while importing."""
    outcomes = [None] * len(examples)
    try:
        with Limit(seconds):
            try:
                module = load(source)
            except Timeout:
                raise
            except BaseException as exc:
                return outcomes, type(exc).__name__
            for i, example in enumerate(examples):
                outcomes[i] = evaluate(module, example)
    except Timeout:
        pass
    finally:
        sys.modules.pop("solution", None)
    return outcomes, None


def coverage(source, examples, seconds):
    """Per example, the set of solution.py lines it executed (empty when it could not run)."""
    lines = [set() for _ in examples]
    current = [None]

    def local(frame, event, arg):
        if event == "line":
            current[0].add(frame.f_lineno)
        return local

    def tracer(frame, event, arg):
        if frame.f_code.co_filename == FILE:
            current[0].add(frame.f_lineno)
            return local
        return None

    try:
        with Limit(seconds):
            module = load(source)
            for i, example in enumerate(examples):
                current[0] = lines[i]
                sys.settrace(tracer)
                try:
                    evaluate(module, example)
                finally:
                    sys.settrace(None)
    except BaseException:
        sys.settrace(None)
    finally:
        sys.modules.pop("solution", None)
    return lines
