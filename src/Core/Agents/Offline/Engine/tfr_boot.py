"""Loads the engine's modules from the request (nothing is read from disk) and runs it."""
import json
import resource
import sys
import types


def boot():
    data = json.loads(sys.stdin.buffer.read().decode("utf-8", "surrogatepass"))
    limit = int(data.get("memory_mb", 512)) * 1024 * 1024
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        pass
    for name in data["modules"]:
        sys.modules[name] = types.ModuleType(name)
    for name, text in data["modules"].items():
        exec(compile(text, name + ".py", "exec"), sys.modules[name].__dict__)
    sys.setrecursionlimit(2000)
    sys.modules["tfr_main"].main(data["request"])


boot()
