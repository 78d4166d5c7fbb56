"""What a test saw of the solution, for its failure message: every call into the solution with the arguments
as the harness sent them, and what came back (a value or an exception).

Message format (documented in docs/environment.md, parsed by agents): the first line is one of
  input=CALL, expected=E, got=G
  input=CALL, expected OP E, got=G
  input=CALL, returned=R, assert SRC failed
  input=CALL, raised TYPE: MSG
  input=CALL, timed out after N s
  input=CALL, returned=R, test raised TYPE: MSG (test line N)
optionally followed by a line `returned=R` when the compared value was derived from what CALL returned.
"""

# Filled in by proxy.py: the classes whose instances stand for the solution's objects (shown by label, since
# asking the solution for a repr is a round trip into untrusted code).
PROXY_TYPES = ()

_ARG_CHARS = 80
_CALL_CHARS = 300
_VALUE_CHARS = 300
_MAX_CALLS = 256
_REMOTE_REPRS = 4


class Call:
    __slots__ = ("text", "result", "raised", "done")

    def __init__(self, text):
        self.text = text
        self.result = None
        self.raised = None
        self.done = False


class CallLog:
    """The calls of the current test, oldest first (the oldest are dropped beyond a bound)."""

    def __init__(self):
        self.calls = []

    def reset(self):
        self.calls = []

    def begin(self, text):
        call = Call(text)
        self.calls.append(call)
        if len(self.calls) > _MAX_CALLS:
            del self.calls[: _MAX_CALLS // 2]
        return call

    def pending(self):
        """The call still waiting for its answer (the one a timeout interrupted)."""
        for call in reversed(self.calls):
            if not call.done:
                return call
        return None

    def producing(self, value):
        """The latest call that returned exactly this object, if any."""
        for call in reversed(self.calls):
            if call.done and call.raised is None and call.result is value:
                return call
        return None

    def last(self):
        return self.calls[-1] if self.calls else None


def label(value):
    """How an argument is shown in a call: plain values by repr, the solution's objects by their label."""
    return _describe(value, [_ARG_CHARS * 4], remote=False)[:_ARG_CHARS * 4]


def call_text(name, args, kwargs):
    parts = [_clip(label(a), _ARG_CHARS) for a in args]
    parts += ["%s=%s" % (k, _clip(label(v), _ARG_CHARS)) for k, v in kwargs.items()]
    return _clip("%s(%s)" % (name, ", ".join(parts)), _CALL_CHARS)


def show(value):
    """A compared or returned value; a few of the solution's objects may be asked for their repr."""
    return _clip(_describe(value, [_VALUE_CHARS * 2], remote=True), _VALUE_CHARS)


def _describe(value, budget, remote, depth=0):
    if budget[0] <= 0 or depth > 20:
        return "..."
    kind = type(value)
    if isinstance(value, PROXY_TYPES):
        text = None
        if remote and budget[0] > 0 and len(budget) < 1 + _REMOTE_REPRS:
            budget.append(None)
            text = repr(value)
        text = text or object.__getattribute__(value, "_label")
        budget[0] -= len(text)
        return text
    if kind in (list, tuple, set, frozenset):
        items = []
        for item in value:
            if budget[0] <= 0:
                items.append("...")
                break
            items.append(_describe(item, budget, remote, depth + 1))
        inner = ", ".join(items)
        if kind is list:
            return "[%s]" % inner
        if kind is tuple:
            return "(%s,)" % inner if len(items) == 1 else "(%s)" % inner
        if not items:
            return "set()" if kind is set else "frozenset()"
        return "{%s}" % inner if kind is set else "frozenset({%s})" % inner
    if kind is dict:
        items = []
        for key, item in value.items():
            if budget[0] <= 0:
                items.append("...")
                break
            items.append("%s: %s" % (_describe(key, budget, remote, depth + 1), _describe(item, budget, remote, depth + 1)))
        return "{%s}" % ", ".join(items)
    try:
        text = repr(value)
    except Exception as exc:
        text = "<repr failed: %s>" % type(exc).__name__
    text = _clip(text, _VALUE_CHARS)
    budget[0] -= len(text)
    return text


def _clip(text, limit):
    return text if len(text) <= limit else text[: limit - 3] + "..."


class Evidence:
    """The failure-message builders the rewritten asserts call (`_tfh_message`, `_tfh_plain_message`)."""

    def __init__(self, log):
        self.log = log

    def message(self, src, opname, got, expected, user_msg):
        call = self.log.producing(got)
        derived = call is None
        call = call or self.log.last()
        head = "input=%s" % (call.text if call else src)
        if opname == "==":
            text = "%s, expected=%s, got=%s" % (head, show(expected), show(got))
        else:
            text = "%s, expected %s %s, got=%s" % (head, opname, show(expected), show(got))
        extra = ""
        if call is not None and derived:
            extra = "\n" + outcome(call)
        return (text if user_msg is None else "%s (%s)" % (user_msg, text)) + extra

    def plain(self, src, value, user_msg):
        call = self.log.producing(value) or self.log.last()
        if call is None:
            text = "assert %s failed (value was %s)" % (src, show(value))
        else:
            text = "input=%s, %s, assert %s failed" % (call.text, outcome(call), src)
        return text if user_msg is None else "%s (%s)" % (user_msg, text)

    def timed_out(self, seconds):
        call = self.log.pending() or self.log.last()
        text = "timed out after %g s" % seconds
        return "input=%s, %s" % (call.text, text) if call else text


def outcome(call):
    if call.raised is not None:
        return "raised %s" % call.raised
    if not call.done:
        return "did not return"
    return "returned=%s" % show(call.result)
