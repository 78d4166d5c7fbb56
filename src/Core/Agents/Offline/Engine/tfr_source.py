"""The program being repaired: its text, syntax tree, scopes, and edits as text splices on it."""
import ast


class Edit:
    """One candidate change: text splices on the base source, with what it is and where."""

    def __init__(self, kind, desc, line, prior, splices):
        self.kind, self.desc, self.line, self.prior = kind, desc, line, prior
        self.splices = splices
        self.score = 0.0

    def overlaps(self, other):
        for a0, a1, _ in self.splices:
            for b0, b1, _ in other.splices:
                if a0 < b1 and b0 < a1 or a0 == b0:
                    return True
        return False


class Source:
    def __init__(self, text):
        self.text = text
        self.tree = ast.parse(text, "solution.py")
        self.lines = text.splitlines(True)
        self.starts = []
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line)
        self.starts.append(offset)
        self.parents = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[id(child)] = node
        self.functions = [n for n in ast.walk(self.tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]

    def offset(self, lineno, col):
        line = self.lines[lineno - 1] if lineno - 1 < len(self.lines) else ""
        return self.starts[lineno - 1] + len(line.encode("utf-8")[:col].decode("utf-8", "ignore"))

    def span(self, node):
        return self.offset(node.lineno, node.col_offset), self.offset(node.end_lineno, node.end_col_offset)

    def segment(self, node):
        a, b = self.span(node)
        return self.text[a:b]

    def line_span(self, first, last):
        return self.starts[first - 1], self.starts[min(last, len(self.lines))]

    def indent(self, lineno):
        line = self.lines[lineno - 1]
        return line[: len(line) - len(line.lstrip(" \t"))]

    def owns_lines(self, stmt):
        """Whether the statement alone occupies its lines (no ``a = 1; b = 2``, no trailing code)."""
        first = self.lines[stmt.lineno - 1]
        if len(first.encode("utf-8")) - len(first.lstrip(" \t").encode("utf-8")) != stmt.col_offset:
            return False
        last = self.lines[stmt.end_lineno - 1].rstrip("\r\n")
        tail = last.encode("utf-8")[stmt.end_col_offset:].decode("utf-8", "ignore").strip()
        return tail == "" or tail.startswith("#")

    def apply(self, splices):
        text = self.text
        for a, b, new in sorted(splices, key=lambda s: (s[0], s[1]), reverse=True):
            text = text[:a] + new + text[b:]
        return text

    def parent(self, node):
        return self.parents.get(id(node))

    def enclosing_function(self, node):
        while node is not None and not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            node = self.parents.get(id(node))
        return node


def statement_lists(node):
    """Every (owner, field, list) of statements below ``node``."""
    found = []
    for inner in ast.walk(node):
        for field in ("body", "orelse", "finalbody"):
            value = getattr(inner, field, None)
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                found.append((inner, field, value))
        for handler in getattr(inner, "handlers", ()) or ():
            found.append((handler, "body", handler.body))
    return found


def is_docstring(stmt):
    return isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str)


def scope_names(source, function):
    """Variables visible in a function: its parameters and locals, then module-level variables."""
    names = []
    if function is not None:
        args = function.args
        for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
            if a is not None and a.arg not in names:
                names.append(a.arg)
        for node in ast.walk(function):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id not in names:
                names.append(node.id)
    for stmt in source.tree.body:
        for node in ast.walk(stmt) if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)) else ():
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id not in names:
                names.append(node.id)
    return names


def callable_names(source):
    names = []
    for node in source.tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
    for node in ast.walk(source.tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id not in names:
            names.append(node.func.id)
    return names


def attribute_names(source):
    data, methods = [], []
    for node in ast.walk(source.tree):
        if isinstance(node, ast.Attribute):
            parent = source.parent(node)
            target = methods if isinstance(parent, ast.Call) and parent.func is node else data
            if node.attr not in target:
                target.append(node.attr)
    return data, methods


def size(node):
    return sum(1 for _ in ast.walk(node))
