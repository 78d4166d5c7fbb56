"""Entry point of the repair engine. The agent sends one JSON request on stdin; the engine answers with
one line "TFR <json>" on stdout. It only ever sees what the agent saw: the code and the test output."""
import json
import sys
import time

import tfr_examples
import tfr_search
import tfr_source


def _examples(messages):
    found, keys = [], {}
    for entry in messages:
        try:
            example = tfr_examples.parse(entry["test"], entry["message"])
        except Exception:
            example = None
        if example is None:
            continue
        if example.key() in keys:
            # Seen from several versions: the base's own report decides whether the example reproduces.
            if entry.get("from_base"):
                found[keys[example.key()]] = example
                example.from_base = True
            continue
        keys[example.key()] = len(found)
        example.from_base = bool(entry.get("from_base"))
        found.append(example)
    return found


def solve(request):
    started = time.monotonic()
    deadline = started + float(request.get("seconds", 1.5))
    source = tfr_source.Source(request["source"])
    examples = _examples(request.get("messages", []))
    search = tfr_search.Search(source, examples, request.get("traces", []), deadline, request.get("tried", []),
                               int(request.get("limit", 6)), int(request.get("budget", 500)))
    suspicious = search.prepare()
    key = tfr_search.digest(request["source"] + "\0" + "\0".join(repr(e.key()) for e in examples))
    state = request.get("state") or {}
    if state.get("key") != key:
        state = {"key": key, "single": 0, "pair": 0, "movers": []}
    reply = {"examples": len(examples), "usable": len(search.usable), "failing": len(search.failing),
             "passing": len(search.passing), "edits": len(search.edits),
             "suspicious": [[line, round(score, 3)] for line, score in suspicious],
             "evidence": [e.describe() for e in search.failing[:3]]}
    if not search.oracle:
        reply.update(mode="blind", candidates=search.blind(), exhausted=False, state=None)
    else:
        movers = list(state["movers"])
        state["single"] = search.singles(state["single"], movers)
        state["movers"] = movers
        exhausted = False
        if state["single"] >= len(search.edits) and not search.found:
            state["pair"], total = search.pairs(movers, state["pair"])
            exhausted = state["pair"] >= total
        partial = sorted(search.partial, key=lambda r: -r["fixed"])[:4]
        reply.update(mode="oracle", candidates=search.found + partial, exhausted=exhausted, state=state)
    reply["evaluated"] = search.evaluated
    reply["elapsed_ms"] = int((time.monotonic() - started) * 1000)
    return reply


def main(request):
    out = sys.stdout
    try:
        reply = solve(request)
    except SyntaxError as exc:
        reply = {"error": "the code does not parse: %s" % exc.msg, "candidates": []}
    except BaseException as exc:
        reply = {"error": "%s: %s" % (type(exc).__name__, exc), "candidates": []}
    out.write("TFR " + json.dumps(reply) + "\n")
    out.flush()
