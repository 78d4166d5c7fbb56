"""Fault localisation: which lines of the program are most likely wrong.

Spectrum-based (Ochiai) over the per-example line coverage of the local runs, plus the lines that the
tracebacks of the environment's run name (the innermost frame most), plus the definitions of the
functions and methods that the failing inputs call by name. Every line inside a function keeps a small
floor so that the search can still reach a fault the evidence does not point at."""
import ast
import math
import re

_FRAME = re.compile(r'File "solution\.py", line (\d+)')


def traceback_lines(texts):
    """Lines of solution.py named by tracebacks, innermost frames (last in each text) weighted most."""
    weights = {}
    for text in texts:
        found = [int(m.group(1)) for m in _FRAME.finditer(text or "")]
        for depth, line in enumerate(reversed(found)):
            weights[line] = max(weights.get(line, 0.0), 1.0 if depth == 0 else 0.5)
    return weights


def function_spans(tree):
    """(name, first line, last line) of every function and method."""
    spans = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            spans.append((node.name, node.lineno, node.end_lineno))
    return spans


def ochiai(covered, failing):
    """covered: per usable example its line set; failing: per usable example whether it fails now."""
    total_failed = sum(1 for f in failing if f)
    if total_failed == 0:
        return {}
    ef, ep = {}, {}
    for lines, failed in zip(covered, failing):
        for line in lines:
            if failed:
                ef[line] = ef.get(line, 0) + 1
            else:
                ep[line] = ep.get(line, 0) + 1
    scores = {}
    for line, f in ef.items():
        scores[line] = f / math.sqrt(total_failed * (f + ep.get(line, 0)))
    return scores


def rank(tree, line_count, covered, failing, trace_texts, input_names):
    """Suspiciousness per line (1-based) in [0, ~2.3]."""
    scores = {line: 0.0 for line in range(1, line_count + 1)}
    spans = function_spans(tree)
    for _, first, last in spans:
        for line in range(first, last + 1):
            scores[line] = max(scores[line], 0.05)
    for line, value in ochiai(covered, failing).items():
        if line in scores:
            scores[line] += value
    for line, value in traceback_lines(trace_texts).items():
        if line in scores:
            scores[line] += value
    if not any(covered):
        called = set(input_names)
        for name, first, last in spans:
            if name in called:
                for line in range(first, last + 1):
                    scores[line] += 0.3
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and (node.name in called or any(
                    isinstance(m, ast.FunctionDef) and m.name in called for m in node.body)):
                for line in range(node.lineno, node.end_lineno + 1):
                    scores[line] += 0.15
    return scores
