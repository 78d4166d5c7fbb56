"""Single edits on whole statements: delete, duplicate, swap, move into or out of a block, unwrap a
guard, insert a statement copied from elsewhere in the function (or from __init__ for a method), and
the shapes of commonly missing statements: a final return, a base case, a mutable default's guard,
and recording an item in the container that a membership test reads."""
import ast

import tfr_source as S

_SIMPLE = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr, ast.Return, ast.Break, ast.Continue)


def _block(text, indent):
    return "".join(indent + line + "\n" for line in text.splitlines())


class StmtEdits:
    def __init__(self, source, hot):
        self.src = source
        self.hot = hot
        self.edits = []

    def add(self, kind, desc, line, prior, splices):
        self.edits.append(S.Edit(kind, desc, line, prior, splices))

    def generate(self):
        for owner, field, body in S.statement_lists(self.src.tree):
            stmts = [s for s in body if self.src.owns_lines(s)]
            for i, stmt in enumerate(body):
                if not self.src.owns_lines(stmt) or S.is_docstring(stmt) or isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)):
                    continue
                self._one(owner, body, i, stmt)
            del stmts
        for fn in self.src.functions:
            self._function(fn)
        return self.edits

    def _one(self, owner, body, i, stmt):
        src = self.src
        span = src.line_span(stmt.lineno, stmt.end_lineno)
        text = src.text[span[0]:span[1]]
        indent = src.indent(stmt.lineno)
        brief = ast.unparse(stmt).splitlines()[0]
        replacement = indent + "pass\n" if len(body) == 1 else ""
        self.add("delete", "delete `%s`" % brief, stmt.lineno, 0.5 if isinstance(stmt, _SIMPLE) else 0.3, [(span[0], span[1], replacement)])
        if isinstance(stmt, _SIMPLE):
            self.add("duplicate", "repeat `%s`" % brief, stmt.lineno, 0.15, [(span[1], span[1], text)])
        if isinstance(stmt, ast.If) and not stmt.orelse:
            inner = "".join(_block(ast.unparse(s), indent) for s in stmt.body)
            self.add("unwrap", "run the body of `if %s` unconditionally" % ast.unparse(stmt.test), stmt.lineno, 0.35, [(span[0], span[1], inner)])
        if i + 1 < len(body) and src.owns_lines(body[i + 1]):
            nxt = body[i + 1]
            nspan = src.line_span(nxt.lineno, nxt.end_lineno)
            if src.indent(nxt.lineno) == indent:
                self.add("swap", "swap `%s` with the statement after it" % brief, stmt.lineno, 0.5,
                         [(span[0], nspan[1], src.text[nspan[0]:nspan[1]] + text)])
        parent = owner
        if i == len(body) - 1 and isinstance(parent, (ast.For, ast.While, ast.If, ast.With)) and src.owns_lines(parent) and len(body) > 1 \
                and stmt is parent.body[-1]:
            pspan = src.line_span(parent.lineno, parent.end_lineno)
            moved = _block(ast.unparse(stmt), src.indent(parent.lineno))
            self.add("move", "move `%s` after the `%s` block" % (brief, ast.unparse(parent).split(":")[0]), stmt.lineno, 0.5,
                     [(span[0], span[1], ""), (pspan[1], pspan[1], moved)])
        if i > 0 and isinstance(body[i - 1], (ast.For, ast.While, ast.If, ast.With)) and src.owns_lines(body[i - 1]):
            prev = body[i - 1]
            inner_indent = src.indent(prev.body[-1].lineno)
            moved = _block(ast.unparse(stmt), inner_indent)
            self.add("move", "move `%s` into the `%s` block" % (brief, ast.unparse(prev).split(":")[0]), stmt.lineno, 0.5,
                     [(span[0], span[1], moved)])

    def _gaps(self, fn):
        """(offset, indent, line) of every place a statement can go inside a function."""
        gaps = []
        for owner, field, body in S.statement_lists(fn):
            first = body[0]
            start = 1 if S.is_docstring(first) and owner is fn else 0
            for k in range(start, len(body) + 1):
                anchor = body[k] if k < len(body) else body[-1]
                if not self.src.owns_lines(anchor):
                    continue
                indent = self.src.indent(anchor.lineno)
                if k < len(body):
                    gaps.append((self.src.line_span(anchor.lineno, anchor.lineno)[0], indent, anchor.lineno))
                else:
                    gaps.append((self.src.line_span(anchor.end_lineno, anchor.end_lineno)[1], indent, anchor.end_lineno))
        return gaps

    def _insert_all(self, fn, text, desc, prior, kind="insert", near=None):
        for offset, indent, line in self._gaps(fn):
            if near is not None and not near(line):
                continue
            hot = 1.0 if line in self.hot or line - 1 in self.hot else 0.6
            self.add(kind, "%s before line %d" % (desc, line), line, prior * hot, [(offset, offset, _block(text, indent))])

    def _function(self, fn):
        src = self.src
        donors = [s for s in ast.walk(fn) if isinstance(s, _SIMPLE) and not S.is_docstring(s) and s is not fn]
        donors += [s for s in ast.walk(fn) if isinstance(s, ast.If) and not s.orelse and len(s.body) == 1 and isinstance(s.body[0], _SIMPLE)]
        cls = src.parent(fn)
        if isinstance(cls, ast.ClassDef) and fn.name != "__init__":
            for other in cls.body:
                if isinstance(other, ast.FunctionDef) and other.name == "__init__":
                    donors += [s for s in other.body if isinstance(s, (ast.Assign, ast.AugAssign))]
        seen = set()
        for donor in donors:
            text = ast.unparse(donor)
            if text in seen or len(text) > 120:
                continue
            seen.add(text)
            self._insert_all(fn, text, "insert `%s`" % text.splitlines()[0], 0.3)
            if isinstance(donor, _SIMPLE):
                for name in sorted({n.id for n in ast.walk(donor) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)})[:3]:
                    guarded = "if %s:\n    %s" % (name, text)
                    self._insert_all(fn, guarded, "insert `if %s: %s`" % (name, text), 0.25, near=self._after_block(fn))
        self._membership(fn)
        self._loops(fn)
        self._final_return(fn)
        self._base_case(fn)
        self._mutable_defaults(fn)

    def _after_block(self, fn):
        ends = {s.end_lineno for s in ast.walk(fn) if isinstance(s, (ast.For, ast.While))}
        return lambda line: line in ends or line - 1 in ends

    def _membership(self, fn):
        made = set()
        for node in ast.walk(fn):
            if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.In, ast.NotIn)) \
                    and isinstance(node.comparators[0], (ast.Name, ast.Attribute)):
                item, box = ast.unparse(node.left), ast.unparse(node.comparators[0])
                for method in ("add", "append"):
                    text = "%s.%s(%s)" % (box, method, item)
                    if text not in made:
                        made.add(text)
                        self._insert_all(fn, text, "record `%s`" % text, 0.4, near=lambda line: line >= node.lineno)

    def _loops(self, fn):
        """An accumulator that a loop never updates, and a list that is iterated without being sorted first."""
        starts = {}
        for node in ast.walk(fn):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                    and isinstance(node.value, (ast.Constant, ast.List)) and node.targets[0].id not in starts:
                starts[node.targets[0].id] = node.value
        for loop in [n for n in ast.walk(fn) if isinstance(n, ast.For)]:
            items = [n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)]
            inside = lambda line, loop=loop: loop.lineno < line <= loop.end_lineno + 1
            for acc, start in starts.items():
                for item in items:
                    text = "%s.append(%s)" % (acc, item) if isinstance(start, ast.List) else "%s += %s" % (acc, item)
                    self._insert_all(fn, text, "accumulate `%s`" % text, 0.4, near=inside)
            if isinstance(loop.iter, ast.Name) and self.src.owns_lines(loop):
                offset = self.src.line_span(loop.lineno, loop.lineno)[0]
                indent = self.src.indent(loop.lineno)
                for text in ("%s.sort()" % loop.iter.id, "%s.reverse()" % loop.iter.id):
                    self.add("insert", "`%s` before the loop" % text, loop.lineno, 0.35, [(offset, offset, indent + text + "\n")])

    def _final_return(self, fn):
        last = fn.body[-1]
        if isinstance(last, (ast.Return, ast.Raise)) or not self.src.owns_lines(last):
            return
        offset = self.src.line_span(last.end_lineno, last.end_lineno)[1]
        indent = self.src.indent(fn.body[0].lineno)
        for name in S.scope_names(self.src, fn)[:15]:
            self.add("return", "add `return %s` at the end of `%s`" % (name, fn.name), last.end_lineno, 0.55,
                     [(offset, offset, "%sreturn %s\n" % (indent, name))])

    def _base_case(self, fn):
        calls_self = any(isinstance(n, ast.Call) and (isinstance(n.func, ast.Name) and n.func.id == fn.name
                         or isinstance(n.func, ast.Attribute) and n.func.attr == fn.name) for n in ast.walk(fn))
        if not calls_self:
            return
        params = [a.arg for a in fn.args.args if a.arg not in ("self", "cls")]
        results = list(dict.fromkeys(ast.unparse(n.value) for n in ast.walk(fn) if isinstance(n, ast.Return) and n.value is not None))
        start = 1 if S.is_docstring(fn.body[0]) and len(fn.body) > 1 else 0
        spots = [s for s in fn.body[start:start + 3] if self.src.owns_lines(s)]
        for p in params[:3]:
            tests = ["not %s" % p, "%s == 0" % p, "%s <= 0" % p, "%s <= 1" % p, "%s < 0" % p, "len(%s) <= 1" % p, "%s is None" % p]
            tests += ["%s %s %s" % (p, op, q) for q in params if q != p for op in ("in", "==")]
            values = list(dict.fromkeys([p, "0", "1", "[]", "[[]]", "''", "None", "True", "False"] + results[:4]))
            for rank, spot in enumerate(spots):
                offset = self.src.line_span(spot.lineno, spot.lineno)[0]
                indent = self.src.indent(spot.lineno)
                for t in tests:
                    for v in values:
                        self.add("base case", "base case `if %s: return %s` in `%s`" % (t, v, fn.name), spot.lineno, 0.3 - 0.05 * rank,
                                 [(offset, offset, "%sif %s:\n%s    return %s\n" % (indent, t, indent, v))])

    def _mutable_defaults(self, fn):
        args = fn.args.args[len(fn.args.args) - len(fn.args.defaults):]
        first = fn.body[1] if S.is_docstring(fn.body[0]) and len(fn.body) > 1 else fn.body[0]
        if not self.src.owns_lines(first):
            return
        for arg, default in zip(args, fn.args.defaults):
            if isinstance(default, (ast.List, ast.Dict, ast.Set)) or isinstance(default, ast.Call) and isinstance(default.func, ast.Name) \
                    and default.func.id in ("list", "dict", "set"):
                a, b = self.src.span(default)
                offset = self.src.line_span(first.lineno, first.lineno)[0]
                indent = self.src.indent(first.lineno)
                guard = "%sif %s is None:\n%s    %s = %s\n" % (indent, arg.arg, indent, arg.arg, ast.unparse(default))
                self.add("mutable default", "a fresh `%s` per call instead of one shared default" % arg.arg, fn.lineno, 0.95,
                         [(a, b, "None"), (offset, offset, guard)])
