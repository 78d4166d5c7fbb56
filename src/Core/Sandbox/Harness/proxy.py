"""Stand-ins, inside the trusted harness, for the agent's module and its objects.

Every operation becomes a request to the solution process; results come back as genuine builtin values or
as further proxies. Equality between a proxy and a plain value is decided here (never equal), so an object
that claims to equal everything cannot satisfy `assert f(x) == expected`; the expected value is never sent.
"""
import builtins
import types

import evidence
import lending
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
    """Owns the link and turns requests/replies into values, proxies or raised exceptions. While it waits for a
    reply it serves the solution's callbacks on objects the tests lent it (lending.py), and it logs every call
    into the solution for the failure messages (evidence.py)."""

    def __init__(self, link):
        self.link = link
        self.lender = lending.Lender()
        self.log = evidence.CallLog()

    def from_handle(self, item):
        if item[0] == "H":
            return self.lender.get(item)
        if len(item) != 4 or type(item[1]) is not int or type(item[2]) is not str or type(item[3]) is not bool:
            raise wire.ProtocolError("malformed handle")
        cls = CallableProxy if item[3] else Proxy
        return cls(self, item[1], item[2])

    def to_wire(self, value):
        return wire.encode(value, self._handle_out)

    def from_wire(self, data):
        return wire.decode(data, self.from_handle)

    def _handle_out(self, value):
        if isinstance(value, Proxy):
            if object.__getattribute__(value, "_session") is not self:
                raise TypeError("an object of an earlier solution process cannot be passed to this one")
            return ["h", object.__getattribute__(value, "_hid")]
        return self.lender.lend(value)

    def request(self, message, mutable_args=None, call=None):
        reply = self.link.request(message)
        while type(reply) is dict and "cb" in reply:
            self.link.send(self.lender.serve(reply, self))
            reply = self.link.receive()
        if type(reply) is not dict:
            raise wire.ProtocolError("malformed reply")
        if "err" in reply:
            exc = _remote_exception(reply["err"])
            if call is not None:
                call.done = True
                call.raised = "%s: %s" % (exc.remote_type, exc.remote_msg) if exc.remote_msg else exc.remote_type
                exc.tf_input = call.text
            raise exc
        if "ok" not in reply:
            raise wire.ProtocolError("malformed reply")
        value = wire.decode(reply["ok"], self.from_handle)
        if mutable_args:
            self._apply_mutations(reply.get("mut"), mutable_args)
        if call is not None:
            call.done = True
            call.result = value
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


def _op(proxy, op, **fields):
    session = object.__getattribute__(proxy, "_session")
    fields["op"] = op
    fields["h"] = object.__getattribute__(proxy, "_hid")
    return session, fields


class Proxy:
    __slots__ = ("_session", "_hid", "_type", "_label")

    def __init__(self, session, hid, type_name, label=None):
        object.__setattr__(self, "_session", session)
        object.__setattr__(self, "_hid", hid)
        object.__setattr__(self, "_type", type_name)
        object.__setattr__(self, "_label", label or "<%s>" % type_name)

    def __getattr__(self, name):
        session, msg = _op(self, "getattr", n=name)
        value = session.request(msg)
        if isinstance(value, Proxy):
            owner = object.__getattribute__(self, "_hid")
            prefix = "" if owner == 0 else object.__getattribute__(self, "_label") + "."
            object.__setattr__(value, "_label", (prefix + name)[:200])
        return value

    def __setattr__(self, name, value):
        session, msg = _op(self, "setattr", n=name, v=None)
        msg["v"] = session.to_wire(value)
        session.request(msg)

    def __delattr__(self, name):
        session, msg = _op(self, "delattr", n=name)
        session.request(msg)

    def _dunder(self, name, *args, logged=None):
        session, msg = _op(self, "dunder", n=name, a=[])
        msg["a"] = [session.to_wire(a) for a in args]
        call = session.log.begin(logged) if logged else None
        return session.request(msg, call=call)

    def _logged(self, template, *args):
        return template % ((object.__getattribute__(self, "_label"),) + tuple(evidence.label(a)[:80] for a in args))

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
        n = self._dunder("__len__", logged=self._logged("len(%s)"))
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
        text = "%s in %s" % (evidence.label(item)[:80], object.__getattribute__(self, "_label"))
        return self._dunder("__contains__", item, logged=text) is True

    def __getitem__(self, key):
        return self._dunder("__getitem__", key, logged=self._logged("%s[%s]", key))

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
        call = session.log.begin(evidence.call_text(object.__getattribute__(self, "_label"), args, kwargs))
        value = session.request(msg, mutable, call)
        if isinstance(value, Proxy):
            object.__setattr__(value, "_label", call.text)
        return value


def solution_module(session):
    """A module object whose attributes are fetched from the solution process on demand."""
    module = types.ModuleType("solution")
    root = Proxy(session, 0, "module", "solution")

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


evidence.PROXY_TYPES = (Proxy,)
