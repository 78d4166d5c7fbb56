"""Stand-ins, inside the trusted harness, for the agent's module and its objects.

Every operation becomes a request to the solution process; results come back as genuine builtin values or
as further proxies. Equality between a proxy and a plain value is decided here (never equal), so an object
that claims to equal everything cannot satisfy `assert f(x) == expected`; the expected value is never sent.
"""
import builtins
import types

import wire

_MUTABLE = (list, dict, set, bytearray)


class RemoteError(Exception):
    """An exception raised inside the agent's code that has no builtin counterpart here."""


def _remote_exception(err):
    if type(err) is not dict:
        return RemoteError("the solution process sent a malformed error")
    name = err.get("type") if type(err.get("type")) is str else "Exception"
    msg = err.get("msg") if type(err.get("msg")) is str else ""
    frames = []
    for item in err.get("frames") or []:
        if type(item) is list and len(item) == 3 and type(item[0]) is int and type(item[1]) is str and type(item[2]) is str:
            frames.append((item[0], item[1][:200], item[2][:300]))
    cls = getattr(builtins, name, None)
    safe = isinstance(cls, type) and issubclass(cls, Exception) and cls.__module__ == "builtins"
    if safe:
        try:
            exc = cls(msg)
        except Exception:
            exc = RemoteError(msg)
    else:
        exc = RemoteError(msg)
    exc.remote_type = name[:100]
    exc.remote_msg = msg[:2000]
    exc.remote_frames = frames[-20:]
    return exc


class Session:
    """Owns the link and turns requests/replies into values, proxies or raised exceptions."""

    def __init__(self, link):
        self.link = link

    def from_handle(self, item):
        if len(item) != 4 or type(item[1]) is not int or type(item[2]) is not str or type(item[3]) is not bool:
            raise wire.ProtocolError("malformed handle")
        cls = CallableProxy if item[3] else Proxy
        return cls(self, item[1], item[2])

    def to_wire(self, value):
        return wire.encode(value, _refuse_local)

    def request(self, message, mutable_args=None):
        reply = self.link.request(message)
        if type(reply) is not dict:
            raise wire.ProtocolError("malformed reply")
        if "err" in reply:
            raise _remote_exception(reply["err"])
        if "ok" not in reply:
            raise wire.ProtocolError("malformed reply")
        value = wire.decode(reply["ok"], self.from_handle)
        if mutable_args:
            self._apply_mutations(reply.get("mut"), mutable_args)
        return value

    def _apply_mutations(self, mutations, originals):
        if type(mutations) is not list:
            return
        for item in mutations:
            if type(item) is not list or len(item) != 2 or item[0] not in originals:
                continue
            target = originals[item[0]]
            new = wire.decode(item[1], self.from_handle)
            if type(new) is not type(target):
                continue
            if isinstance(target, (list, bytearray)):
                target[:] = new
            else:
                target.clear()
                target.update(new)


def _refuse_local(value):
    if isinstance(value, Proxy):
        return ["h", object.__getattribute__(value, "_hid")]
    raise TypeError("cannot pass a %s to the solution (only plain data and the solution's own objects)" % type(value).__name__)


def _op(proxy, op, **fields):
    session = object.__getattribute__(proxy, "_session")
    fields["op"] = op
    fields["h"] = object.__getattribute__(proxy, "_hid")
    return session, fields


class Proxy:
    __slots__ = ("_session", "_hid", "_type")

    def __init__(self, session, hid, type_name):
        object.__setattr__(self, "_session", session)
        object.__setattr__(self, "_hid", hid)
        object.__setattr__(self, "_type", type_name)

    def __getattr__(self, name):
        session, msg = _op(self, "getattr", n=name)
        return session.request(msg)

    def __setattr__(self, name, value):
        session, msg = _op(self, "setattr", n=name, v=None)
        msg["v"] = session.to_wire(value)
        session.request(msg)

    def __delattr__(self, name):
        session, msg = _op(self, "delattr", n=name)
        session.request(msg)

    def _dunder(self, name, *args):
        session, msg = _op(self, "dunder", n=name, a=[])
        msg["a"] = [session.to_wire(a) for a in args]
        return session.request(msg)

    def __repr__(self):
        try:
            text = self._dunder("__repr__")
        except Exception:
            text = None
        if type(text) is not str:
            return "<%s object>" % object.__getattribute__(self, "_type")
        return text[:300]

    def __str__(self):
        text = self._dunder("__str__")
        return text if type(text) is str else repr(self)

    def __len__(self):
        n = self._dunder("__len__")
        if type(n) is not int:
            raise TypeError("__len__ returned a non-integer")
        return n

    def __bool__(self):
        return self._dunder("__bool__") is True

    def __iter__(self):
        return self._dunder("__iter__")

    def __next__(self):
        return self._dunder("__next__")

    def __contains__(self, item):
        return self._dunder("__contains__", item) is True

    def __getitem__(self, key):
        return self._dunder("__getitem__", key)

    def __setitem__(self, key, value):
        self._dunder("__setitem__", key, value)

    def __delitem__(self, key):
        self._dunder("__delitem__", key)

    def __hash__(self):
        return hash(("proxy", object.__getattribute__(self, "_hid")))

    def _compare(self, name, other):
        if not isinstance(other, Proxy):
            return NotImplemented
        result = self._dunder(name, other)
        return result if type(result) is bool else NotImplemented

    def __eq__(self, other):
        if other is self:
            return True
        result = self._compare("__eq__", other)
        return False if result is NotImplemented else result

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        return self._compare("__lt__", other)

    def __le__(self, other):
        return self._compare("__le__", other)

    def __gt__(self, other):
        return self._compare("__gt__", other)

    def __ge__(self, other):
        return self._compare("__ge__", other)


class CallableProxy(Proxy):
    __slots__ = ()

    def __call__(self, *args, **kwargs):
        session, msg = _op(self, "call", a=None, k=None)
        msg["a"] = [session.to_wire(a) for a in args]
        msg["k"] = {str(k): session.to_wire(v) for k, v in kwargs.items()}
        mutable = {i: a for i, a in enumerate(args) if type(a) in _MUTABLE}
        if mutable:
            msg["mutable"] = list(mutable)
        return session.request(msg, mutable)


def solution_module(session):
    """A module object whose attributes are fetched from the solution process on demand."""
    module = types.ModuleType("solution")
    root = Proxy(session, 0, "module")

    def __getattr__(name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        try:
            return getattr(root, name)
        except AttributeError:
            raise AttributeError("module 'solution' has no attribute '%s'" % name) from None

    module.__getattr__ = __getattr__
    module.__file__ = "solution.py"
    return module
