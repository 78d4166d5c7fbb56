"""Framing and the plain-data value codec shared by the zygote, the harness and the solution server.

A frame is a 4-byte big-endian length followed by UTF-8 JSON. Values cross process boundaries in a
tagged form: JSON scalars stand for themselves, everything else is a list whose first item is a tag.
The decoder is strict because the solution process is untrusted: whatever it sends either becomes a
genuine builtin value (or a handle) or is rejected.
"""
import json
import os
import struct

MAX_FRAME = 8 * 1024 * 1024

_HEADER = struct.Struct(">I")
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
_loads = json.loads


class ProtocolError(Exception):
    pass


def pack(obj):
    body = _dumps(obj).encode("utf-8", "surrogatepass")
    return _HEADER.pack(len(body)) + body


def write_frame(fd, obj):
    data = memoryview(pack(obj))
    while data:
        n = os.write(fd, data)
        data = data[n:]


def read_exact(fd, n):
    """Reads exactly n bytes (never more, so a following frame stays in the pipe); None at a clean EOF."""
    chunks = []
    remaining = n
    while remaining:
        chunk = os.read(fd, remaining)
        if not chunk:
            if remaining == n:
                return None
            raise ProtocolError("truncated frame")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_frame(fd, limit=MAX_FRAME):
    header = read_exact(fd, 4)
    if header is None:
        return None
    (length,) = _HEADER.unpack(header)
    if length > limit:
        raise ProtocolError("frame too large")
    body = read_exact(fd, length) if length else b""
    if body is None:
        raise ProtocolError("truncated frame")
    return loads(body)


def loads(body):
    try:
        return _loads(body.decode("utf-8", "surrogatepass"))
    except (ValueError, RecursionError) as exc:
        raise ProtocolError("malformed frame: %s" % exc) from None


_SCALARS = (str, bool, int, float, type(None))


def encode(value, handle_of, depth=0):
    """Plain builtin data becomes tagged JSON; anything else becomes a handle via handle_of(value)."""
    kind = type(value)
    if kind is str or kind is bool or kind is int or kind is float or value is None:
        return value
    if depth > 200:
        raise ValueError("value nested too deeply")
    plain = _plain_kind(value)
    d = depth + 1
    if plain == "l":
        return ["l", [encode(v, handle_of, d) for v in value]]
    if plain == "t":
        return ["t", [encode(v, handle_of, d) for v in value]]
    if plain == "d":
        return ["d", [[encode(k, handle_of, d), encode(v, handle_of, d)] for k, v in value.items()]]
    if plain == "s":
        return ["s", [encode(v, handle_of, d) for v in value]]
    if plain == "f":
        return ["f", [encode(v, handle_of, d) for v in value]]
    if plain == "b":
        return ["b", bytes(value).decode("latin-1")]
    if plain == "y":
        return ["y", bytes(value).decode("latin-1")]
    if plain == "c":
        return ["c", value.real, value.imag]
    if plain == "S":
        return str.__str__(value)
    if plain == "I":
        return int(value) if not isinstance(value, bool) else bool(value)
    if plain == "F":
        return float(value)
    return handle_of(value)


_BUILTIN_MODULES = ("builtins", "collections")


def _plain_kind(value):
    kind = type(value)
    user_defined = kind.__module__ not in _BUILTIN_MODULES
    if isinstance(value, tuple) and (not user_defined or hasattr(kind, "_fields")):
        return "t"
    if user_defined:
        return None
    if isinstance(value, bool):
        return "I"
    if isinstance(value, dict):
        return "d"
    if isinstance(value, list):
        return "l"
    if isinstance(value, str):
        return "S"
    if isinstance(value, int):
        return "I"
    if isinstance(value, float):
        return "F"
    if isinstance(value, frozenset):
        return "f"
    if isinstance(value, set):
        return "s"
    if isinstance(value, bytes):
        return "b"
    if isinstance(value, bytearray):
        return "y"
    if isinstance(value, complex):
        return "c"
    return None


def decode(data, from_handle, depth=0):
    """Strict inverse of encode; from_handle(item) turns a ["h", ...] item into a local object."""
    kind = type(data)
    if kind is str or kind is bool or kind is int or kind is float or data is None:
        return data
    if kind is not list or not data or type(data[0]) is not str or depth > 200:
        raise ProtocolError("malformed value")
    tag = data[0]
    d = depth + 1
    try:
        if tag == "h" or tag == "H":
            return from_handle(data)
        if tag == "c" and len(data) == 3:
            return complex(_number(data[1]), _number(data[2]))
        if len(data) != 2:
            raise ProtocolError("malformed value")
        body = data[1]
        if tag in ("b", "y"):
            if type(body) is not str:
                raise ProtocolError("malformed bytes")
            raw = body.encode("latin-1")
            return raw if tag == "b" else bytearray(raw)
        if type(body) is not list:
            raise ProtocolError("malformed container")
        if tag == "l":
            return [decode(v, from_handle, d) for v in body]
        if tag == "t":
            return tuple(decode(v, from_handle, d) for v in body)
        if tag == "s":
            return {decode(v, from_handle, d) for v in body}
        if tag == "f":
            return frozenset(decode(v, from_handle, d) for v in body)
        if tag == "d":
            out = {}
            for pair in body:
                if type(pair) is not list or len(pair) != 2:
                    raise ProtocolError("malformed dict")
                out[decode(pair[0], from_handle, d)] = decode(pair[1], from_handle, d)
            return out
    except (TypeError, UnicodeError, ValueError, OverflowError) as exc:
        raise ProtocolError("malformed value: %s" % exc) from None
    raise ProtocolError("unknown value tag")


def _number(x):
    if type(x) not in (int, float):
        raise ProtocolError("malformed number")
    return x
