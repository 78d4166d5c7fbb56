"""Objects the tests build themselves (nodes, fakes, records, callbacks), lent to the solution by handle.

They stay in the harness; the solution process gets a stand-in (borrowed.py) whose every use is a callback
served here. Only objects of the test module's own classes, its functions and their bound methods are ever
lent, and no name of the form __x__ can be read or written through a handle, so the solution cannot reach the
test module's globals, the harness or the verdicts. An assertion of the tests that fails while the solution is
calling test code fails the test, whatever the solution does with the exception.
"""
import itertools
import operator
import types

import link as linkmod
import wire

TEST_MODULE = "test_solution"
MAX_DEPTH = 40
_MAX_ITEMS = 100000

_SPECIAL = {
    "__len__": len, "__bool__": bool, "__repr__": repr, "__str__": str, "__hash__": hash,
    "__iter__": lambda target: list(itertools.islice(iter(target), _MAX_ITEMS)),
    "__contains__": lambda target, item: item in target,
    "__getitem__": operator.getitem, "__setitem__": operator.setitem, "__delitem__": operator.delitem,
    "__eq__": operator.eq, "__ne__": operator.ne, "__lt__": operator.lt, "__le__": operator.le,
    "__gt__": operator.gt, "__ge__": operator.ge, "__add__": operator.add, "__radd__": lambda target, other: other + target,
}
# Lists, dicts and sets held by the tests' objects are lent by handle, not copied, so that the solution's
# node.children.append(x) changes the test's own list; their methods' views come back as plain lists.
_CONTAINERS = (list, dict, set, bytearray)
_VIEWS = (type({}.keys()), type({}.values()), type({}.items()))
_PASS_THROUGH = (linkmod.SolutionGone, linkmod.SolutionTimeout, linkmod.LimitExceeded, wire.ProtocolError)


def lendable(value, lent=()):
    if id(value) in lent:
        return True
    if isinstance(value, type):
        return value.__module__ == TEST_MODULE
    kind = type(value)
    if kind is types.FunctionType:
        return value.__module__ == TEST_MODULE
    if kind is types.MethodType:
        return getattr(value.__func__, "__module__", None) == TEST_MODULE and lendable(value.__self__, lent)
    if kind is types.BuiltinMethodType:
        # e.g. .get of a test class that subclasses dict; builtins' own functions have a module as __self__.
        owner = value.__self__
        return not isinstance(owner, types.ModuleType) and lendable(owner, lent)
    return kind.__module__ == TEST_MODULE


class Lender:
    def __init__(self):
        self.objects = {}
        self.ids = {}
        self.failure = None
        self.depth = 0

    def lend(self, value, owned=False):
        if not owned and not lendable(value, self.ids):
            raise TypeError(
                "cannot pass a %s to the solution (only plain data, the solution's own objects, and objects, classes "
                "and functions defined in the tests)" % type(value).__name__)
        hid = self.ids.get(id(value))
        if hid is None:
            hid = len(self.objects) + 1
            self.objects[hid] = value
            self.ids[id(value)] = hid
        name = value.__name__ if isinstance(value, type) else type(value).__name__
        return ["H", hid, str(name)[:100], callable(value)]

    def get(self, item):
        if len(item) != 2 or type(item[1]) is not int or item[1] not in self.objects:
            raise wire.ProtocolError("unknown test object handle")
        return self.objects[item[1]]

    def serve(self, request, session):
        """Answers one callback from the solution: {"r": value} or {"x": {"type", "msg"}}."""
        if self.depth >= MAX_DEPTH:
            return _error("RecursionError", "calls between the solution and the tests are nested too deeply")
        self.depth += 1
        try:
            value = self._apply(request, session)
            if type(value) in _CONTAINERS and request.get("cb") == "getattr":
                return {"r": self.lend(value, owned=True)}
            if type(value) in _VIEWS:
                value = list(value)
            return {"r": session.to_wire(value)}
        except _PASS_THROUGH:
            raise
        except BaseException as exc:  # the tests' own code raised: hand the solution the exception's type
            if isinstance(exc, AssertionError) and getattr(exc, "remote_type", None) is None:
                if self.failure is None:
                    self.failure = exc
                return _error("AssertionError", "")  # never the message: it may name expected values
            if getattr(exc, "remote_type", None):
                return _error(exc.remote_type, exc.remote_msg)
            return _error(type(exc).__name__, _safe_str(exc))
        finally:
            self.depth -= 1

    def _apply(self, request, session):
        op = request.get("cb")
        target = self.get(["H", request.get("h")])
        name = request.get("n")
        if op in ("getattr", "setattr", "delattr"):
            if type(name) is not str or name.startswith("__"):
                raise AttributeError("the solution cannot reach %r of an object of the tests" % (name,))
            if op == "getattr":
                return getattr(target, name)
            if op == "setattr":
                setattr(target, name, session.from_wire(request.get("v")))
            else:
                delattr(target, name)
            return None
        if op == "call":
            args, kwargs = request.get("a"), request.get("k")
            if type(args) is not list or type(kwargs) is not dict:
                raise wire.ProtocolError("malformed callback")
            return target(*[session.from_wire(a) for a in args], **{str(k): session.from_wire(v) for k, v in kwargs.items()})
        if op == "dunder" and name in _SPECIAL:
            args = request.get("a")
            if type(args) is not list:
                raise wire.ProtocolError("malformed callback")
            return _SPECIAL[name](target, *[session.from_wire(a) for a in args])
        raise wire.ProtocolError("unsupported callback")


def _error(name, msg):
    return {"x": {"type": str(name)[:100], "msg": str(msg)[:500]}}


def _safe_str(exc):
    try:
        return str(exc)
    except Exception:
        return ""
