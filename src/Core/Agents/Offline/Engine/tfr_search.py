"""The local search: rank every single edit by suspiciousness x prior, check them against the examples
in order until the time limit, then pairs of the edits that fixed or changed something. A search cut
off by its time limit returns a cursor so the next step can carry on where this one stopped."""
import ast
import hashlib
import time

import tfr_exec as X
import tfr_exprs
import tfr_locate
import tfr_stmts


def digest(text):
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class Search:
    def __init__(self, source, examples, traces, deadline, tried, limit, budget):
        self.src, self.examples, self.deadline, self.budget = source, examples, deadline, budget
        self.traces, self.tried, self.limit = traces, set(tried), limit
        self.seen = set(tried) | {digest(source.text)}
        self.found, self.partial, self.movers = [], [], []
        self.evaluated = 0

    def prepare(self):
        """Runs the current code on every example, decides which examples the oracle uses, and ranks edits."""
        module_names = set()
        try:
            with X.Limit(1.0):
                module_names = set(vars(X.load(self.src.text)))
        except BaseException:
            pass
        finally:
            X.sys.modules.pop("solution", None)
        import builtins
        known = module_names | set(dir(builtins)) | {"solution"}
        candidates = [e for e in self.examples if e.names <= known]
        started = time.monotonic()
        outcomes, _ = X.run(self.src.text, candidates, 1.0)
        self.base_seconds = time.monotonic() - started
        self.usable = []
        for example, outcome in zip(candidates, outcomes):
            if outcome is None:
                if example.from_base:
                    example.usable = True
                    self.usable.append((example, False))
                continue
            if example.from_base and not X_reproduces(example, outcome):
                continue
            example.usable = True
            self.usable.append((example, X_holds(example, outcome)))
        self.failing = [e for e, ok in self.usable if not ok]
        self.passing = [e for e, ok in self.usable if ok]
        covered = X.coverage(self.src.text, [e for e, _ in self.usable], 0.5) if self.usable else []
        input_names = set()
        for e in self.examples:
            input_names |= e.names
            input_names |= {n.attr for n in ast.walk(ast.parse(e.src, mode="eval")) if isinstance(n, ast.Attribute)}
        self.scores = tfr_locate.rank(self.src.tree, len(self.src.lines), covered, [not ok for _, ok in self.usable],
                                      self.traces, input_names)
        ranked = sorted(self.scores.items(), key=lambda kv: (-kv[1], kv[0]))
        hot = {line for line, score in ranked[:8] if score > 0.05}
        edits = tfr_exprs.ExprEdits(self.src, hot).generate() + tfr_stmts.StmtEdits(self.src, hot).generate()
        boost = kind_boosts(self.examples, self.traces)
        for edit in edits:
            edit.score = self.scores.get(edit.line, 0.0) * edit.prior * boost.get(edit.kind, 1.0)
        edits.sort(key=lambda e: -e.score)
        self.edits = edits
        return ranked[:5]

    @property
    def oracle(self):
        return bool(self.failing)

    def out_of_time(self):
        """The search stops after a fixed number of checks (so that the same evidence gives the same answer); the
        deadline only guards against a machine too slow to finish them in the step's time limit."""
        return self.evaluated >= self.budget or time.monotonic() >= self.deadline

    def check(self, edit_list):
        """Evaluates one candidate made of one or more edits; records it when it fixes something."""
        text = self.src.apply([s for e in edit_list for s in e.splices])
        h = digest(text)
        if h in self.seen:
            return
        self.seen.add(h)
        try:
            compile(text, "solution.py", "exec", dont_inherit=True)
        except Exception:
            return
        self.evaluated += 1
        order = self.failing + self.passing
        limit = min(0.5, max(0.03, self.base_seconds * 4 + 0.02))
        outcomes, _ = X.run(text, order, limit)
        fixed = sum(1 for e, o in zip(self.failing, outcomes) if o is not None and X_holds(e, o))
        kept = all(o is not None and X_holds(e, o) for e, o in zip(self.passing, outcomes[len(self.failing):]))
        record = {"source": text, "hash": h, "desc": "; ".join(e.desc for e in edit_list), "kind": "+".join(e.kind for e in edit_list),
                  "line": min(e.line for e in edit_list), "fixed": fixed, "failing": len(self.failing), "kept": kept}
        if fixed == len(self.failing) and kept:
            record["plausible"] = True
            self.found.append(record)
        elif fixed > 0 and kept:
            record["plausible"] = False
            self.partial.append(record)
        return fixed, outcomes

    def singles(self, skip, movers):
        index = skip
        while index < len(self.edits) and len(self.found) < self.limit and not self.out_of_time():
            result = self.check([self.edits[index]])
            if result is not None and result[0] > 0 and len(movers) < 40:
                movers.append(index)
            index += 1
        return index

    def pairs(self, movers, skip):
        pool = movers[:25]
        combos = [(i, j) for a, i in enumerate(pool) for j in pool[a + 1:] if not self.edits[i].overlaps(self.edits[j])]
        index = skip
        while index < len(combos) and len(self.found) < self.limit and not self.out_of_time():
            i, j = combos[index]
            self.check([self.edits[i], self.edits[j]])
            index += 1
        return index, len(combos)

    def blind(self):
        """No example can be replayed here: the best-ranked candidates that still import cleanly."""
        picked = []
        for edit in self.edits:
            if len(picked) >= self.limit or time.monotonic() >= self.deadline:
                break
            text = self.src.apply(edit.splices)
            h = digest(text)
            if h in self.seen:
                continue
            self.seen.add(h)
            outcomes, error = X.run(text, [], 0.2)
            if error is None:
                picked.append({"source": text, "hash": h, "desc": edit.desc, "kind": edit.kind, "line": edit.line,
                               "fixed": 0, "failing": 0, "kept": True, "plausible": False, "blind": True})
        return picked


# What an exception usually says about the kind of fault (general Python knowledge, not about any task).
_BY_EXCEPTION = {
    "RecursionError": {"base case": 3.0, "comparison": 1.5, "negate": 1.5, "arguments": 1.3},
    "IndexError": {"off-by-one": 2.0, "comparison": 1.5, "constant": 1.5, "slice": 1.5},
    "ZeroDivisionError": {"base case": 2.0, "comparison": 1.5, "constant": 1.5},
    "KeyError": {"insert": 1.5, "name": 1.3},
    "NameError": {"name": 2.0},
    "UnboundLocalError": {"name": 2.0, "insert": 1.5, "move": 1.5},
    "TypeError": {"return": 1.5, "operator": 1.3, "call": 1.3, "mutable default": 1.5},
    "AttributeError": {"attribute": 1.5, "return": 1.5, "call": 1.3},
    "timed out": {"comparison": 1.5, "negate": 1.5, "insert": 1.5, "operator": 1.3},
}


def kind_boosts(examples, traces):
    text = " ".join(traces) + " " + " ".join(e.raised or "" for e in examples)
    boosts = {}
    for name, kinds in _BY_EXCEPTION.items():
        if name in text:
            for kind, factor in kinds.items():
                boosts[kind] = max(boosts.get(kind, 1.0), factor)
    return boosts


def X_holds(example, outcome):
    import tfr_examples
    return tfr_examples.holds(example, outcome)


def X_reproduces(example, outcome):
    import tfr_examples
    return tfr_examples.reproduces(example, outcome)
