"""Turns the failure messages a test run shows into examples the engine can check locally.

A message reads "input=SRC, expected=EXP, got=GOT", "input=SRC, expected OP EXP, got=GOT",
"input=SRC, raised TYPE: MSG" or "assert SRC failed (value was V)". SRC is the expression the hidden
test evaluated; it can be re-evaluated against a candidate module when it only names the module's
own globals. An example whose re-evaluation on the current code does not reproduce what the
environment reported is kept out of the oracle (it depends on state the message does not show)."""
import ast

_OPS = ["not in", "is not", "<=", ">=", "!=", "==", "<", ">", "in", "is"]
_NOLIT = object()


class Example:
    def __init__(self, test, src, kind, op=None, expected_text=None, got_text=None, raised=None):
        self.test, self.src, self.kind, self.op = test, src, kind, op
        self.expected_text, self.got_text, self.raised = expected_text, got_text, raised
        self.expected = _literal(expected_text) if expected_text is not None else _NOLIT
        self.code = compile(src, "<test input>", "eval")
        self.names = {n.id for n in ast.walk(ast.parse(src, mode="eval")) if isinstance(n, ast.Name)}
        self.usable = False

    def key(self):
        return (self.src, self.kind, self.op, self.expected_text)

    def describe(self):
        if self.kind == "eq":
            return "%s should be %s" % (self.src, self.expected_text)
        if self.kind == "cmp":
            return "%s should be %s %s" % (self.src, self.op, self.expected_text)
        if self.kind == "truthy":
            return "%s should hold" % self.src
        return "%s should not raise %s" % (self.src, self.raised)


def _literal(text):
    try:
        return ast.literal_eval(text)
    except Exception:
        return _NOLIT


def _expr(text):
    try:
        ast.parse(text, mode="eval")
        return True
    except Exception:
        return False


def _occurrences(text, needle):
    i = text.find(needle)
    while i >= 0:
        yield i
        i = text.find(needle, i + 1)


def parse(test, message):
    """The examples one failure message holds (zero or one)."""
    message = message.strip()
    if message.startswith("assert ") and " failed (value was " in message:
        cut = message.rfind(" failed (value was ")
        src = message[7:cut]
        value = message[cut + len(" failed (value was "):]
        if value.endswith(")"):
            value = value[:-1]
        return Example(test, src, "truthy", got_text=value) if _expr(src) else None
    start = message.find("input=")
    if start < 0:
        return None
    body = message[start + 6:]
    wrapped = start > 0 and message[start - 1] == "("
    for i in _occurrences(body, ", "):
        src, rest = body[:i], body[i + 2:]
        if not (rest.startswith("expected") or rest.startswith("raised ")) or not _expr(src):
            continue
        if rest.startswith("raised "):
            raised = rest[7:].split(":", 1)[0].strip()
            return Example(test, src, "noraise", raised=raised)
        found = _expected(test, src, rest, wrapped)
        if found is not None:
            return found
    return None


def _expected(test, src, rest, wrapped):
    op = "=="
    if rest.startswith("expected="):
        tail = rest[9:]
    else:
        tail = rest[9:]
        for candidate in _OPS:
            if tail.startswith(candidate + " "):
                op, tail = candidate, tail[len(candidate) + 1:]
                break
        else:
            return None
    for j in reversed(list(_occurrences(tail, ", got="))):
        exp, got = tail[:j], tail[j + 6:]
        if wrapped and got.endswith(")"):
            got = got[:-1]
        if _expr(exp) or exp.endswith("..."):
            return Example(test, src, "eq" if op == "==" else "cmp", op, exp, got)
    return None


def short_repr(value, limit=300):
    try:
        text = repr(value)
    except Exception as exc:
        text = "<repr failed: %s>" % type(exc).__name__
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _same_text(value, text):
    shown = short_repr(value)
    if text.endswith("...") and len(text) >= 300:
        return shown.startswith(text[:-3])
    return shown == text


def _compare(value, op, expected):
    if op == "==":
        return value == expected
    if op == "!=":
        return value != expected
    if op == "<":
        return value < expected
    if op == "<=":
        return value <= expected
    if op == ">":
        return value > expected
    if op == ">=":
        return value >= expected
    if op == "in":
        return value in expected
    if op == "not in":
        return value not in expected
    if op == "is":
        return value is expected
    return value is not expected


def holds(example, outcome):
    """Whether an outcome ("ok", value) / ("raised", type name) satisfies the example."""
    status, value = outcome
    if example.kind == "noraise":
        return status == "ok"
    if status != "ok":
        return False
    try:
        if example.kind == "truthy":
            return bool(value)
        if example.expected is _NOLIT:
            return example.op == "==" and _same_text(value, example.expected_text)
        return bool(_compare(value, example.op, example.expected))
    except Exception:
        return False


def reproduces(example, outcome):
    """Whether the current code, run locally, gives what the environment reported for this example."""
    status, value = outcome
    if example.kind == "noraise":
        return status == "raised" and value == example.raised
    if status != "ok" or example.got_text is None:
        return False
    return _same_text(value, example.got_text)
