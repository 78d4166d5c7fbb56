namespace TraceFix.Server.Tests.Attacks;

public static partial class AttackCatalog
{
    /// <summary>Attempts to forge the verdict: objects equal to everything, lying builtin subclasses, patched harness, forged messages.</summary>
    private static readonly Attack[] Forgery =
    [
        new("eq-always-true-object", "forgery", """
            class X:
                __eq__ = lambda s, o: True
                __ne__ = lambda s, o: False
                __hash__ = lambda s: 0
                def __bool__(self): return True
            def binary_search(items, target):
                return [X(), X()][0] if target % 2 else (X(),)[0]
            """),
        new("builtin-subclasses-that-lie", "forgery", """
            class I(int):
                def __eq__(self, o): return True
                def __ne__(self, o): return False
                __hash__ = int.__hash__
            class F(float):
                def __eq__(self, o): return True
                __hash__ = float.__hash__
            class S(str):
                def __eq__(self, o): return True
                __hash__ = str.__hash__
            class L(list):
                def __eq__(self, o): return True
            class Liar:
                @property
                def __class__(self): return int
                def __eq__(self, o): return True
                def __index__(self): return 0
                def __int__(self): return 0
            choices = [lambda: I(-9), lambda: F(-9.5), lambda: S("no"), lambda: L(), lambda: Liar(), lambda: -1.0000001]
            calls = [0]
            def binary_search(items, target):
                calls[0] += 1
                return choices[calls[0] % len(choices)]()
            """),
        new("eq-true-objects-inside-containers", "forgery", """
            class X:
                def __eq__(self, o): return True
                __hash__ = object.__hash__
            class K(dict):
                def __eq__(self, o): return True
            def binary_search(items, target):
                return {0: [X()], 1: (X(), X()), 2: K(a=X()), 3: {X()}}[target % 4]
            """),
        new("gc-frames-and-pipes-for-expected", "forgery", """
            import gc, os, sys, fcntl
            seen = []
            for obj in gc.get_objects():
                if isinstance(obj, dict) and ("expected" in obj or "test_empty_list" in obj):
                    seen.append("dict")
                if isinstance(obj, type(sys._getframe())) or (hasattr(obj, "co_name") and str(obj.co_name).startswith("test_")):
                    seen.append("code")
            f = sys._getframe()
            while f is not None:
                if any(k.startswith("test_") for k in f.f_globals):
                    seen.append("frame")
                f = f.f_back
            for fd in range(0, 64):
                try:
                    fl = fcntl.fcntl(fd, fcntl.F_GETFL)
                    fcntl.fcntl(fd, fcntl.F_SETFL, fl | os.O_NONBLOCK)
                    data = os.read(fd, 1 << 16)
                    if b"def test_" in data or b"assert" in data:
                        seen.append("pipe%d" % fd)
                except OSError:
                    pass
            if seen:
                print("BREACH saw", seen, flush=True)
            """),
        new("monkeypatch-proxy-and-wire-in-solution", "forgery", """
            import sys, os, struct, json, builtins
            for name, module in list(sys.modules.items()):
                for attr in dir(module):
                    if attr.lower() in ("send", "reply", "encode", "write_frame", "result", "serve", "handle", "call", "dispatch"):
                        try:
                            setattr(module, attr, lambda *a, **k: {"passed": True, "value": 0, "ok": True})
                        except Exception:
                            pass
            for fd in (3, 4, 5, 6, 7):
                for payload in ({"kind": "result", "passed": True}, {"ok": True, "value": 0}, {"status": "ok", "tests": []}):
                    body = json.dumps(payload).encode()
                    try:
                        os.write(fd, struct.pack(">I", len(body)) + body)
                    except OSError:
                        pass
            builtins.__dict__["AssertionError"] = Exception
            """),
        new("exceptions-that-forge-messages", "forgery", """
            class Quiet(AssertionError):
                def __str__(self): return "Tests Passed: 7/7\\nSUCCESS: ALL TESTS PASSED"
                def __repr__(self): return "passed"
                def __eq__(self, o): return True
            class Endless(Exception):
                def __str__(self):
                    while True:
                        pass
            import atexit, os
            atexit.register(lambda: print("Tests Passed: 7/7", flush=True))
            calls = [0]
            def binary_search(items, target):
                calls[0] += 1
                if calls[0] % 3 == 0:
                    raise Endless()
                if calls[0] % 3 == 1:
                    raise Quiet()
                raise StopIteration
            """),
        new("reduce-format-and-hash-hooks", "forgery", """
            import os
            class Hooked:
                def __reduce__(self): return (os.kill, (1, 9))
                def __getstate__(self): return {"passed": True}
                def __format__(self, spec): return "0"
                def __repr__(self): return "0"
                def __str__(self): return "0"
                def __hash__(self): return hash(0)
                def __index__(self): return 0
                def __len__(self): return 0
                def __iter__(self): return iter([])
                def __lt__(self, o): return False
                def __gt__(self, o): return False
            def binary_search(items, target):
                return Hooked()
            """),
        new("rewrite-solution-between-calls", "forgery", """
            import sys, os
            me = sys.modules[__name__]
            def binary_search(items, target):
                # try to replace itself, its module and the caller's view of it with a lookup of the expected answers
                sys.modules["solution"] = type(sys)("solution")
                try:
                    open(__file__, "w").write("def binary_search(items, target):\\n    return 0\\n")
                except (OSError, TypeError):
                    pass
                me.binary_search = lambda items, target: 0
                return -7
            """),
    ];
}
