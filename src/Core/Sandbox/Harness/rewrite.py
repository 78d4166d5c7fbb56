"""Rewrites the asserts of the trusted test module so a failure says what was called, what was expected and
what came back ("input=f(1), expected=2, got=3"), the way pytest's assertion rewriting does. The messages
themselves are built by evidence.py from the calls the test made into the solution."""
import ast

_OPS = {
    ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
    ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not",
}


def _has_call(node):
    return any(isinstance(n, ast.Call) for n in ast.walk(node))


class _Rewriter:
    """Walks statement lists only (asserts are statements), building replacement nodes by hand: the
    harness does this on every run, so it avoids a full NodeTransformer pass and template parsing."""

    def __init__(self, source):
        self.lines = source.splitlines(True)

    def segment(self, node):
        try:
            if node.lineno == node.end_lineno:
                return self.lines[node.lineno - 1].encode()[node.col_offset: node.end_col_offset].decode()
        except (IndexError, UnicodeError, TypeError):
            pass
        return ast.unparse(node)

    def block(self, statements):
        out = []
        for stmt in statements:
            if isinstance(stmt, ast.Assert):
                out.extend(self.rewrite(stmt))
                continue
            for field in ("body", "orelse", "finalbody"):
                inner = getattr(stmt, field, None)
                if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt):
                    setattr(stmt, field, self.block(inner))
            for handler in getattr(stmt, "handlers", ()) or ():
                handler.body = self.block(handler.body)
            for case in getattr(stmt, "cases", ()) or ():
                case.body = self.block(case.body)
            out.append(stmt)
        return out

    def rewrite(self, node):
        at = _Locator(node)
        test = node.test
        msg = node.msg if node.msg is not None else at(ast.Constant(None))
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and type(test.ops[0]) in _OPS:
            op = test.ops[0]
            left, right = test.left, test.comparators[0]
            swapped = isinstance(op, ast.Eq) and _has_call(right) and not _has_call(left)
            src = at(ast.Constant(self.segment(right if swapped else left)))
            a, b = at.load("_tfh_a"), at.load("_tfh_b")
            got, expected = (b, a) if swapped else (a, b)
            guarded = [at.assign("_tfh_a", left), at.assign("_tfh_b", right)]
            check = at(ast.Compare(a, [op], [b]))
            fail = at.call("_tfh_message", [src, at(ast.Constant(_OPS[type(op)])), got, expected, msg])
        else:
            src = at(ast.Constant(self.segment(test)))
            guarded = [at.assign("_tfh_v", test)]
            check = at.load("_tfh_v")
            fail = at.call("_tfh_plain_message", [src, at.load("_tfh_v"), msg])
        handler = at(ast.ExceptHandler(
            at.load("Exception"), "_tfh_e",
            [at(ast.Expr(at.call("_tfh_note", [at.load("_tfh_e"), src]))), at(ast.Raise(None, None))]))
        guard = at(ast.Try(guarded, [handler], [], []))
        raise_ = at(ast.Raise(at.call("AssertionError", [fail]), None))
        return [guard, at(ast.If(at(ast.UnaryOp(ast.Not(), check)), [raise_], []))]


class _Locator:
    def __init__(self, node):
        self.node = node

    def __call__(self, new):
        new.lineno, new.col_offset = self.node.lineno, self.node.col_offset
        new.end_lineno, new.end_col_offset = self.node.end_lineno, self.node.end_col_offset
        return new

    def load(self, name):
        return self(ast.Name(name, ast.Load()))

    def assign(self, name, value):
        return self(ast.Assign([self(ast.Name(name, ast.Store()))], value))

    def call(self, name, args):
        return self(ast.Call(self.load(name), args, []))


def compile_tests(source, filename):
    """Returns the rewritten module's code and its top-level test function names in definition order."""
    tree = ast.parse(source, filename)
    names = [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name.startswith("test")]
    tree.body = _Rewriter(source).block(tree.body)
    return compile(tree, filename, "exec", dont_inherit=True), names


def note(exc, src):
    """Remembers which call of the test raised inside the solution, for the failure message."""
    if getattr(exc, "remote_type", None) and not getattr(exc, "tf_input", None):
        exc.tf_input = src
