"""In the solution process: stand-ins for objects the tests built and passed in (see lending.py).

Every use becomes a callback to the harness, which owns the real object; the same object always arrives as
the same stand-in, so identity, `is`, sets and dicts keyed by nodes behave as with the real thing.
"""

_classes = {}


def stand_in_class(type_name):
    """A subclass named like the test's class, so type(node).__name__ and reprs read naturally."""
    cls = _classes.get(type_name)
    if cls is None:
        cls = _classes[type_name] = type(type_name, (Borrowed,), {"__slots__": ()})
    return cls


def _ask(obj, op, **fields):
    server = object.__getattribute__(obj, "_tf_server")
    return server.callback(op, object.__getattribute__(obj, "_tf_hid"), fields)


def _special(obj, name, *args):
    return _ask(obj, "dunder", n=name, a=list(args))


class Borrowed:
    __slots__ = ("_tf_server", "_tf_hid", "__weakref__")

    def __init__(self, server, hid):
        object.__setattr__(self, "_tf_server", server)
        object.__setattr__(self, "_tf_hid", hid)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return _ask(self, "getattr", n=name)

    def __setattr__(self, name, value):
        _ask(self, "setattr", n=name, v=value)

    def __delattr__(self, name):
        _ask(self, "delattr", n=name)

    def __call__(self, *args, **kwargs):
        return _ask(self, "call", a=list(args), k=kwargs)

    def __repr__(self):
        text = _special(self, "__repr__")
        return text if type(text) is str else "<%s object>" % type(self).__name__

    def __str__(self):
        text = _special(self, "__str__")
        return text if type(text) is str else repr(self)

    def __len__(self):
        return _special(self, "__len__")

    def __bool__(self):
        return _special(self, "__bool__") is True

    def __iter__(self):
        return iter(_special(self, "__iter__"))

    def __contains__(self, item):
        return _special(self, "__contains__", item) is True

    def __getitem__(self, key):
        return _special(self, "__getitem__", key)

    def __setitem__(self, key, value):
        _special(self, "__setitem__", key, value)

    def __delitem__(self, key):
        _special(self, "__delitem__", key)

    def __hash__(self):
        return _special(self, "__hash__")

    def __eq__(self, other):
        return True if other is self else _special(self, "__eq__", other)

    def __ne__(self, other):
        return False if other is self else _special(self, "__ne__", other)

    def __lt__(self, other):
        return _special(self, "__lt__", other)

    def __le__(self, other):
        return _special(self, "__le__", other)

    def __gt__(self, other):
        return _special(self, "__gt__", other)

    def __ge__(self, other):
        return _special(self, "__ge__", other)

    def __add__(self, other):
        return _special(self, "__add__", other)

    def __radd__(self, other):
        return _special(self, "__radd__", other)
