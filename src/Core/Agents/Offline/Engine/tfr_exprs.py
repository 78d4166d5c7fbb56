"""Single edits inside expressions: operators, comparisons, constants, names, attributes, calls,
negated conditions, off-by-one around values, and expressions copied from elsewhere in the function."""
import ast
import copy

import tfr_source as S

_ARITH = [ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow]
_BITS = [ast.BitAnd, ast.BitOr, ast.BitXor, ast.LShift, ast.RShift]
_ORDER = [ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq]
_NEAR = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq}
_CLOSE_ARITH = {(ast.Add, ast.Sub), (ast.Sub, ast.Add), (ast.Mult, ast.FloorDiv), (ast.FloorDiv, ast.Mult),
                (ast.Div, ast.FloorDiv), (ast.FloorDiv, ast.Div), (ast.Mod, ast.FloorDiv), (ast.FloorDiv, ast.Mod),
                (ast.Mult, ast.Add), (ast.Add, ast.Mult), (ast.Mult, ast.Pow), (ast.Pow, ast.Mult)}
# Builtins and methods that are commonly confused with one another (general Python knowledge).
SIBLINGS = [("min", "max"), ("any", "all"), ("sorted", "reversed"), ("int", "float"), ("list", "set"),
            ("append", "extend"), ("append", "appendleft"), ("pop", "popleft"), ("lower", "upper"),
            ("ljust", "rjust"), ("rjust", "center"), ("startswith", "endswith"), ("find", "rfind"),
            ("index", "rindex"), ("remove", "discard"), ("keys", "values"), ("values", "items"),
            ("strip", "lstrip"), ("strip", "rstrip"), ("split", "rsplit"), ("heappush", "heappop"),
            ("insert", "append"), ("isdigit", "isalpha"), ("isupper", "islower"), ("floor", "ceil"),
            ("range", "enumerate"), ("add", "append"), ("update", "add"), ("sum", "len"), ("abs", "round")]
_COMPOUND = (ast.BinOp, ast.BoolOp, ast.Compare, ast.UnaryOp, ast.IfExp, ast.Lambda, ast.NamedExpr)
_TIGHT_PARENTS = (ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.Attribute, ast.Starred)


def _text(source, node, new):
    text = ast.unparse(new)
    parent = source.parent(node)
    tight = isinstance(parent, _TIGHT_PARENTS) or (isinstance(parent, ast.Subscript) and parent.value is node) \
        or (isinstance(parent, ast.Call) and parent.func is node)
    return "(%s)" % text if tight and isinstance(new, _COMPOUND) else text


class ExprEdits:
    def __init__(self, source, hot):
        self.src = source
        self.hot = hot
        self.callables = S.callable_names(source)
        self.data_attrs, self.method_attrs = S.attribute_names(source)
        self.edits = []
        self.scopes = {}
        self.pools = {}

    def add(self, node, new, kind, desc, prior):
        a, b = self.src.span(node)
        text = _text(self.src, node, new) if isinstance(new, ast.AST) else new
        if text != self.src.text[a:b]:
            self.edits.append(S.Edit(kind, desc, node.lineno, prior, [(a, b, text)]))

    def names(self, node):
        fn = self.src.enclosing_function(node)
        key = id(fn)
        if key not in self.scopes:
            self.scopes[key] = S.scope_names(self.src, fn)
        return self.scopes[key]

    def pool(self, node):
        fn = self.src.enclosing_function(node) or self.src.tree
        key = id(fn)
        if key not in self.pools:
            seen, pool = set(), []
            for n in ast.walk(fn):
                if isinstance(n, ast.expr) and not isinstance(getattr(n, "ctx", ast.Load()), ast.Store) \
                        and not isinstance(n, (ast.Starred, ast.Lambda, ast.JoinedStr, ast.FormattedValue)) and S.size(n) <= 7:
                    text = ast.unparse(n)
                    if text not in seen and len(pool) < 60:
                        seen.add(text)
                        pool.append(n)
            self.pools[key] = pool
        return self.pools[key]

    def generate(self):
        for node in ast.walk(self.src.tree):
            if isinstance(node, ast.Expr) and S.is_docstring(node):
                node.value.tfr_docstring = True
            if not isinstance(node, ast.expr) or getattr(node, "tfr_docstring", False):
                continue
            if isinstance(getattr(node, "ctx", None), (ast.Store, ast.Del)):
                continue
            method = getattr(self, "_" + type(node).__name__, None)
            if method is not None:
                method(node)
            self._around(node)
        for node in ast.walk(self.src.tree):
            if isinstance(node, (ast.If, ast.While, ast.IfExp)):
                self.add(node.test, ast.UnaryOp(ast.Not(), copy.deepcopy(node.test)), "negate", "negate the condition `%s`" % ast.unparse(node.test), 0.7)
            if isinstance(node, ast.AugAssign):
                for op in _ARITH:
                    if op is not type(node.op):
                        new = copy.deepcopy(node)
                        new.op = op()
                        prior = 0.9 if (type(node.op), op) in _CLOSE_ARITH else 0.5
                        self.add(node, new, "operator", "`%s` instead of `%s`" % (ast.unparse(new), ast.unparse(node)), prior)
                new = ast.Assign([copy.deepcopy(node.target)], copy.deepcopy(node.value), lineno=node.lineno)
                self.add(node, new, "operator", "plain assignment instead of `%s`" % ast.unparse(node), 0.5)
            if isinstance(node, ast.Return) and node.value is None:
                for name in self.names(node)[:12]:
                    self.add(node, ast.Return(ast.Name(name, ast.Load())), "return", "return `%s`" % name, 0.5)
        return self.edits

    def _Compare(self, node):
        for k, op in enumerate(node.ops):
            options = _ORDER if type(op) in _ORDER else [ast.In, ast.NotIn] if type(op) in (ast.In, ast.NotIn) else [ast.Is, ast.IsNot, ast.Eq, ast.NotEq]
            for alt in options:
                if alt is type(op):
                    continue
                new = copy.deepcopy(node)
                new.ops[k] = alt()
                prior = 1.0 if _NEAR.get(type(op)) is alt or {type(op), alt} in ({ast.In, ast.NotIn}, {ast.Is, ast.IsNot}) else 0.75
                self.add(node, new, "comparison", "`%s` instead of `%s`" % (ast.unparse(new), ast.unparse(node)), prior)
        if len(node.ops) == 1:
            new = ast.Compare(copy.deepcopy(node.comparators[0]), [copy.deepcopy(node.ops[0])], [copy.deepcopy(node.left)])
            self.add(node, new, "swap", "`%s` with the sides swapped" % ast.unparse(new), 0.4)

    def _BinOp(self, node):
        family = _ARITH if type(node.op) in _ARITH else _BITS if type(node.op) in _BITS else []
        for alt in family:
            if alt is not type(node.op):
                new = copy.deepcopy(node)
                new.op = alt()
                prior = 0.9 if (type(node.op), alt) in _CLOSE_ARITH else 0.55
                self.add(node, new, "operator", "`%s` instead of `%s`" % (ast.unparse(new), ast.unparse(node)), prior)
        swapped = ast.BinOp(copy.deepcopy(node.right), copy.deepcopy(node.op), copy.deepcopy(node.left))
        self.add(node, swapped, "swap", "`%s` with the operands swapped" % ast.unparse(swapped), 0.6)
        for inner, outer_first in ((node.right, True), (node.left, False)):
            if isinstance(inner, ast.BinOp):
                for first_op, second_op in ((node.op, inner.op), (inner.op, node.op)):
                    if outer_first:
                        new = ast.BinOp(ast.BinOp(copy.deepcopy(node.left), copy.deepcopy(first_op), copy.deepcopy(inner.left)),
                                        copy.deepcopy(second_op), copy.deepcopy(inner.right))
                    else:
                        new = ast.BinOp(copy.deepcopy(inner.left), copy.deepcopy(first_op),
                                        ast.BinOp(copy.deepcopy(inner.right), copy.deepcopy(second_op), copy.deepcopy(node.right)))
                    self.add(node, new, "regroup", "`%s` instead of `%s`" % (ast.unparse(new), ast.unparse(node)), 0.5)
        self.add(node, copy.deepcopy(node.left), "drop", "`%s` instead of `%s`" % (ast.unparse(node.left), ast.unparse(node)), 0.55)
        self.add(node, copy.deepcopy(node.right), "drop", "`%s` instead of `%s`" % (ast.unparse(node.right), ast.unparse(node)), 0.45)

    def _BoolOp(self, node):
        new = copy.deepcopy(node)
        new.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        self.add(node, new, "boolean", "`%s` instead of `%s`" % (ast.unparse(new), ast.unparse(node)), 0.9)
        for i in range(len(node.values)):
            rest = [copy.deepcopy(v) for j, v in enumerate(node.values) if j != i]
            new = rest[0] if len(rest) == 1 else ast.BoolOp(copy.deepcopy(node.op), rest)
            self.add(node, new, "drop", "drop `%s` from the condition" % ast.unparse(node.values[i]), 0.5)

    def _UnaryOp(self, node):
        if isinstance(node.op, (ast.Not, ast.USub, ast.Invert)):
            self.add(node, copy.deepcopy(node.operand), "negate", "`%s` without the `%s`" % (ast.unparse(node.operand), ast.unparse(node)[:1]), 0.75)

    def _Constant(self, node):
        v = node.value
        if isinstance(v, bool):
            self.add(node, ast.Constant(not v), "constant", "`%s` instead of `%s`" % (not v, v), 0.8)
        elif isinstance(v, (int, float)):
            near = [v + 1, v - 1]
            far = [0, 1, -1, 2, -v, v * 2, v * 10, v // 10 if isinstance(v, int) else v / 10] + self.numbers(v)
            for alt in near + far:
                if alt != v or type(alt) is not type(v):
                    if alt == v:
                        continue
                    text = repr(type(v)(alt))
                    self.add(node, text if alt >= 0 else "(%s)" % text, "constant", "`%s` instead of `%r`" % (text, v), 0.9 if alt in near else 0.5)
        elif isinstance(v, str) and len(v) <= 20:
            others = [n.value for n in ast.walk(self.src.enclosing_function(node) or self.src.tree)
                      if isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value != v and len(n.value) <= 20]
            for alt in list(dict.fromkeys(others))[:6] + ([""] if v else []):
                self.add(node, ast.Constant(alt), "constant", "%r instead of %r" % (alt, v), 0.4)

    def module_functions(self):
        return [n.name for n in self.src.tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))][:8]

    def module_constants(self):
        return [t.id for n in self.src.tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)][:6]

    def bare_methods(self):
        return [n.func.attr for n in ast.walk(self.src.tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                and not n.args and not n.keywords][:8]

    def numbers(self, v):
        """Other numbers of the program, and products of two of them (60 and 60 suggest 3600)."""
        if not hasattr(self, "_numbers"):
            found = [n.value for n in ast.walk(self.src.tree) if isinstance(n, ast.Constant) and type(n.value) in (int, float)]
            found = list(dict.fromkeys(found))[:12]
            products = [a * b for i, a in enumerate(found) for b in found[i:] if abs(a) > 1 and abs(b) > 1]
            self._numbers = list(dict.fromkeys(found + products))[:40]
        return [n for n in self._numbers if n != v and type(n) is type(v)]

    def _Name(self, node):
        parent = self.src.parent(node)
        if isinstance(parent, ast.Call) and parent.func is node:
            for alt in self.callables + [b for a, b in SIBLINGS if a == node.id] + [a for a, b in SIBLINGS if b == node.id]:
                if alt != node.id:
                    prior = 0.7 if (node.id, alt) in SIBLINGS or (alt, node.id) in SIBLINGS else 0.4
                    self.add(node, alt, "call", "call `%s` instead of `%s`" % (alt, node.id), prior)
            return
        if node.id in ("True", "False", "None"):
            return
        for alt in self.names(node):
            if alt != node.id:
                self.add(node, alt, "name", "`%s` instead of `%s`" % (alt, node.id), 0.7)

    def _Attribute(self, node):
        parent = self.src.parent(node)
        is_method = isinstance(parent, ast.Call) and parent.func is node
        pool = self.method_attrs if is_method else self.data_attrs
        sib = [b for a, b in SIBLINGS if a == node.attr] + [a for a, b in SIBLINGS if b == node.attr]
        for alt in list(dict.fromkeys(pool + sib)):
            if alt != node.attr:
                new = copy.deepcopy(node)
                new.attr = alt
                prior = 0.7 if alt in sib else 0.5
                self.add(node, new, "attribute", "`.%s` instead of `.%s`" % (alt, node.attr), prior)

    def _Call(self, node):
        args = node.args
        for i in range(len(args)):
            for j in range(i + 1, len(args)):
                new = copy.deepcopy(node)
                new.args[i], new.args[j] = new.args[j], new.args[i]
                self.add(node, new, "arguments", "`%s` with arguments swapped" % ast.unparse(new), 0.7)
            if len(args) > 1:
                new = copy.deepcopy(node)
                del new.args[i]
                self.add(node, new, "arguments", "`%s` without argument `%s`" % (ast.unparse(new), ast.unparse(args[i])), 0.35)
        if len(args) == 1 and not node.keywords and isinstance(node.func, ast.Name):
            self.add(node, copy.deepcopy(args[0]), "call", "`%s` without the call to `%s`" % (ast.unparse(args[0]), node.func.id), 0.35)

    def _Subscript(self, node):
        self.add(node, copy.deepcopy(node.value), "subscript", "`%s` instead of `%s`" % (ast.unparse(node.value), ast.unparse(node)), 0.3)
        if isinstance(node.slice, ast.Slice):
            for field in ("lower", "upper", "step"):
                if getattr(node.slice, field) is not None:
                    new = copy.deepcopy(node)
                    setattr(new.slice, field, None)
                    self.add(node, new, "slice", "`%s` instead of `%s`" % (ast.unparse(new), ast.unparse(node)), 0.5)

    def _around(self, node):
        """Off by one around a value, and replacement by a like expression from the same function."""
        parent = self.src.parent(node)
        valued = isinstance(node, (ast.Name, ast.Call, ast.Subscript, ast.Attribute, ast.BinOp))
        if valued and isinstance(parent, (ast.Compare, ast.BinOp, ast.Subscript, ast.Slice, ast.Call, ast.Return, ast.keyword)) \
                and not (isinstance(parent, ast.Call) and parent.func is node) and not (isinstance(parent, ast.Subscript) and parent.value is node):
            for op, sign in ((ast.Add(), "+"), (ast.Sub(), "-")):
                new = ast.BinOp(copy.deepcopy(node), op, ast.Constant(1))
                self.add(node, new, "off-by-one", "`%s` instead of `%s`" % (ast.unparse(new), ast.unparse(node)), 0.6)
        if isinstance(parent, ast.Call) and parent.func is node or isinstance(node, ast.Lambda) or node.lineno not in self.hot \
                or isinstance(node, ast.Constant) and not isinstance(parent, (ast.Return, ast.Assign, ast.Compare, ast.BoolOp)):
            return
        loaded = isinstance(getattr(node, "ctx", ast.Load()), ast.Load)
        if isinstance(node, (ast.Name, ast.Attribute, ast.Call, ast.Subscript)) and loaded:
            for method in list(dict.fromkeys(self.bare_methods() + ["values", "items", "keys", "copy", "lower", "strip"])):
                new = ast.Call(ast.Attribute(copy.deepcopy(node), method, ast.Load()), [], [])
                self.add(node, new, "call", "`%s` instead of `%s`" % (ast.unparse(new), ast.unparse(node)), 0.3)
        if isinstance(node, (ast.Name, ast.Attribute)) and loaded:
            for method in ("strip", "lstrip", "rstrip", "split"):
                for constant in self.module_constants():
                    new = ast.Call(ast.Attribute(copy.deepcopy(node), method, ast.Load()), [ast.Name(constant, ast.Load())], [])
                    self.add(node, new, "call", "`%s` instead of `%s`" % (ast.unparse(new), ast.unparse(node)), 0.3)
        if isinstance(node, (ast.Name, ast.Subscript, ast.Attribute)) and isinstance(getattr(node, "ctx", None), ast.Load):
            inner = [node] + ([node.value] if isinstance(node, ast.Subscript) else [])
            for fn in self.module_functions() + ["len", "sorted", "list", "abs", "int", "str"]:
                for arg in inner:
                    new = ast.Call(ast.Name(fn, ast.Load()), [copy.deepcopy(arg)], [])
                    self.add(node, new, "call", "`%s` instead of `%s`" % (ast.unparse(new), ast.unparse(node)), 0.35)
        mine = ast.unparse(node)
        names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        for other in self.pool(node):
            text = ast.unparse(other)
            if text == mine or mine in text and S.size(other) > S.size(node) + 4:
                continue
            shared = names & {n.id for n in ast.walk(other) if isinstance(n, ast.Name)}
            self.add(node, copy.deepcopy(other), "copy", "`%s` instead of `%s`" % (text, mine), 0.45 if shared else 0.25)
