"""The fast translation: Python 2 syntax fixed on tokens, semantics on Python's AST.

fissix's parser is written in Python and was 78% of a cold translation. Here
one pass over the tokens (fissix's tokenizer reads Python 2 tokens) rewrites
only what Python 3 cannot parse — print and exec statements, ``except E,
e``, ``raise E, V``, backticks, ``<>``, ``10L``, ``0777``, string prefixes,
Python 3 keywords used as names — without moving a line; CPython's own
parser then builds the tree, and :class:`_Semantics` rewrites it for Python 2
semantics (``/``, ``%``, ``str()``, dict views, classes, comprehension
variables) using the tree's load/store contexts. Source this pass does not
handle (tuple parameters, anything CPython then refuses) returns ``None``,
and :mod:`.translate` (fissix) does the whole job, with its error messages.
"""

from __future__ import annotations

import ast
import io
from typing import Any

from fissix.pgen2 import token, tokenize
from fissix.refactor import _detect_future_features

from visionsim.runtime.jython.translate import (
    PY2_ATTRS,
    RENAMED,
    _expand_lines,
    _number,
    _string,
)

_COMPOUND = frozenset(
    [
        "if",
        "elif",
        "else",
        "for",
        "while",
        "try",
        "except",
        "finally",
        "with",
        "def",
        "class",
    ]
)
_SKIP = (token.COMMENT, token.NL)
_ENDS = (token.NEWLINE, token.ENDMARKER)
_STR_CALLS = {"str": "_jy_str", "unicode": "_jy_str"}


class _Unhandled(Exception):
    """Source the token pass leaves to fissix."""


def translate_tree(source: str, name: str, mode: str = "exec") -> ast.AST | None:
    """Python 3 AST for Jython ``source`` (same lines), or None to use fissix."""
    try:
        features = _detect_future_features(source)
    except tokenize.TokenError:  # an unterminated string: fissix says where
        return None
    try:
        text = _token_pass(source, "print_function" not in features)
        tree = ast.parse(text, name, mode)
        _Semantics("division" in features).visit(tree)
    except (_Unhandled, SyntaxError, tokenize.TokenError, IndentationError):
        return None
    return tree


def _token_pass(source: str, print_statement: bool) -> str:
    lines = source.splitlines(keepends=True)
    toks = list(tokenize.generate_tokens(io.StringIO(source).readline))
    pre: dict[int, str] = {}
    post: dict[int, str] = {}
    value: dict[int, str] = {}
    sig = [i for i, t in enumerate(toks) if t[0] not in _SKIP]
    statement = _Statement(toks, sig, pre, post, value, print_statement)
    statement.run()
    text = _render(lines, toks, pre, post, value)
    if "\t" in source:
        inside = {
            row
            for kind, string, (first, _), _end, _line in toks
            if kind == token.STRING and "\n" in string
            for row in range(first + 1, first + string.count("\n") + 1)
        }
        text = _expand_lines(text, inside)
    return text


class _Statement:
    """Walks the significant tokens one statement at a time, recording edits."""

    def __init__(
        self,
        toks: list[Any],
        sig: list[int],
        pre: dict[int, str],
        post: dict[int, str],
        value: dict[int, str],
        print_statement: bool,
    ) -> None:
        self.toks, self.sig = toks, sig
        self.pre, self.post, self.value = pre, post, value
        self.print_statement = print_statement

    def run(self) -> None:
        sig, toks = self.sig, self.toks
        position = 0
        while position < len(sig):
            start = position
            depth = 0
            first = toks[sig[start]][1]
            while position < len(sig):
                kind, text = toks[sig[position]][0], toks[sig[position]][1]
                if kind in (token.INDENT, token.DEDENT) and position == start:
                    start += 1
                    first = toks[sig[start]][1] if start < len(sig) else ""
                    position += 1
                    continue
                if text in "([{" and kind == token.OP:
                    depth += 1
                elif text in ")]}" and kind == token.OP:
                    depth -= 1
                if kind in _ENDS or (depth == 0 and text == ";"):
                    break
                if depth == 0 and text == ":" and first in _COMPOUND:
                    if first == "except":
                        self.except_clause(start, position)
                    self.tokens(start, position + 1)
                    start = position + 1
                    first = toks[sig[start]][1] if start < len(sig) else ""
                position += 1
            self.statement(start, position)
            position += 1

    def statement(self, start: int, end: int) -> None:
        """Simple statement ``sig[start:end]`` (``end`` is its NEWLINE or ``;``)."""
        if start >= end:
            return
        toks, sig = self.toks, self.sig
        first = toks[sig[start]]
        keyword = first[1] if first[0] == token.NAME else ""
        if keyword == "print" and self.print_statement:
            self.print_stmt(start, end)
        elif keyword == "exec":
            self.exec_stmt(start, end)
        elif keyword == "raise":
            self.raise_stmt(start, end)
        self.tokens(start if keyword not in ("print", "exec") else start + 1, end)

    def tokens(self, start: int, end: int) -> None:
        """Token-level fixes in ``sig[start:end]``."""
        toks, sig, value = self.toks, self.sig, self.value
        backtick = False
        for position in range(start, end):
            index = sig[position]
            kind, text = toks[index][0], toks[index][1]
            if kind == token.NAME:
                if text in RENAMED:
                    value[index] = text + "_"
                elif text in ("def", "lambda"):
                    self.check_parameters(position, end)
                elif text in ("print", "exec") and self.print_statement:
                    if position > start and toks[sig[position - 1]][1] == ".":
                        continue  # a Java method: System.out.print(x)
                    raise _Unhandled(text)  # not at a statement's start
            elif kind == token.NUMBER:
                value[index] = _number(text)
            elif kind == token.STRING:
                value[index] = _string(text)
            elif text == "<>":
                value[index] = "!="
            elif text == "`":
                value[index] = ")" if backtick else "repr("
                backtick = not backtick

    def check_parameters(self, position: int, end: int) -> None:
        """Tuple parameters (``def f((a, b))``) are left to fissix."""
        toks, sig = self.toks, self.sig
        depth = 0
        lambda_ = toks[sig[position]][1] == "lambda"
        for index in sig[position + 1 : end]:
            text = toks[index][1]
            if text == "(":
                depth += 1
                if depth == (1 if lambda_ else 2):
                    raise _Unhandled("tuple parameter")
            elif text == ")":
                depth -= 1
            elif text == ":" and depth == 0:
                return

    def top_commas(self, start: int, end: int) -> list[int]:
        depth = 0
        found = []
        for position in range(start, end):
            text = self.toks[self.sig[position]][1]
            if text in "([{":
                depth += 1
            elif text in ")]}":
                depth -= 1
            elif text == "," and depth == 0:
                found.append(position)
        return found

    def print_stmt(self, start: int, end: int) -> None:
        toks, sig = self.toks, self.sig
        head = sig[start]
        if start + 1 == end:
            self.value[head] = "_jy_print(print, None)"
            return
        nxt = sig[start + 1]
        if toks[nxt][1] == ">>":
            self.value[head] = "_jy_print(print"
            self.value[nxt] = ","
        else:
            self.value[head] = "_jy_print(print, None,"
        last = sig[end - 1]
        if toks[last][1] == "," and end - 1 in self.top_commas(start, end):
            self.value[last] = ", _jy_soft)"
        else:
            self.post[last] = ")" + self.post.get(last, "")

    def exec_stmt(self, start: int, end: int) -> None:
        toks, sig = self.toks, self.sig
        self.value[sig[start]] = "_jy_exec("
        depth = 0
        for position in range(start + 1, end):
            text = toks[sig[position]][1]
            if text in "([{":
                depth += 1
            elif text in ")]}":
                depth -= 1
            elif text == "in" and depth == 0:
                self.value[sig[position]] = ","
        last = sig[end - 1]
        self.post[last] = ")" + self.post.get(last, "")

    def raise_stmt(self, start: int, end: int) -> None:
        if start + 1 < end and self.top_commas(start + 1, end):
            head, last = self.sig[start + 1], self.sig[end - 1]
            self.pre[head] = self.pre.get(head, "") + "_jy_raise("
            self.post[last] = ")" + self.post.get(last, "")

    def except_clause(self, start: int, colon: int) -> None:
        commas = self.top_commas(start + 1, colon)
        if commas:
            self.value[self.sig[commas[0]]] = " as "


def _render(
    lines: list[str],
    toks: list[Any],
    pre: dict[int, str],
    post: dict[int, str],
    value: dict[int, str],
) -> str:
    """The source with the edits applied; whitespace and comments kept."""
    out: list[str] = []
    row, col = 1, 0
    for index, tok in enumerate(toks):
        (srow, scol), (erow, ecol) = tok[2], tok[3]
        out.append(_between(lines, row, col, srow, scol))
        text = value.get(index, tok[1])
        out.append(pre.get(index, "") + text + post.get(index, ""))
        row, col = erow, ecol
    out.append(_between(lines, row, col, len(lines) + 1, 0))
    return "".join(out)


def _between(lines: list[str], row: int, col: int, srow: int, scol: int) -> str:
    if (row, col) >= (srow, scol):
        return ""
    if row == srow:
        return lines[row - 1][col:scol]
    parts = [lines[row - 1][col:]] if row - 1 < len(lines) else []
    parts += lines[row : srow - 1]
    if srow - 1 < len(lines):
        parts.append(lines[srow - 1][:scol])
    return "".join(parts)


def _call(name: str, args: list[ast.expr], like: ast.AST) -> ast.Call:
    func = ast.copy_location(ast.Name(name, ast.Load()), like)
    return ast.copy_location(ast.Call(func, args, []), like)


class _Semantics(ast.NodeTransformer):
    """Python 2 semantics on the parsed tree (the edits of :mod:`.translate`)."""

    def __init__(self, true_division: bool) -> None:
        self.true_division = true_division
        self.scopes: list[str] = ["module"]
        self.counter = 0

    def visit(self, node: ast.AST) -> Any:
        """Dispatch by node type (cached: the stdlib builds a name per node)."""
        kind = type(node)
        visitor = _DISPATCH.get(kind)
        if visitor is None:
            visitor = _DISPATCH[kind] = getattr(
                type(self), "visit_" + kind.__name__, _Semantics.generic_visit
            )
        return visitor(self, node)

    def generic_visit(self, node: ast.AST) -> ast.AST:
        """Visit children in place; contexts and operators have none."""
        for field in node._fields:
            old = getattr(node, field, None)
            if type(old) is list:
                for index, item in enumerate(old):
                    if isinstance(item, ast.AST) and type(item) not in _LEAVES:
                        new = self.visit(item)
                        if new is not item:
                            old[index] = new
            elif isinstance(old, ast.AST) and type(old) not in _LEAVES:
                new = self.visit(old)
                if new is not old:
                    setattr(node, field, new)
        return node

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.op, ast.Div) and not self.true_division:
            return _call("_jy_div", [node.left, node.right], node)
        if isinstance(node.op, ast.Mod) and not (
            isinstance(node.left, ast.Constant)
            and isinstance(node.left.value, int | float)
        ):
            return _call("_jy_mod", [node.left, node.right], node)
        return node

    def visit_AugAssign(self, node: ast.AugAssign) -> ast.AST:
        self.generic_visit(node)
        if not isinstance(node.op, ast.Div) or self.true_division:
            return node
        load = _as_load(node.target)
        value = _call("_jy_div", [load, node.value], node)
        return ast.copy_location(ast.Assign([node.target], value), node)

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.ctx, ast.Load) and node.attr in PY2_ATTRS:
            name = ast.copy_location(ast.Constant(node.attr), node)
            return _call("_jy_attr", [node.value, name], node)
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        func = node.func
        if isinstance(func, ast.Name) and func.id in _STR_CALLS:
            func.id = _STR_CALLS[func.id]
        elif (
            isinstance(func, ast.Attribute)
            and func.attr == "sort"
            and (node.args or any(k.arg == "cmp" for k in node.keywords))
        ):
            name = ast.copy_location(ast.Constant("sort"), func)
            node.func = _call("_jy_attr", [func.value, name], func)
        self.generic_visit(node)
        return node

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        if not any(k.arg == "metaclass" for k in node.keywords):
            meta = ast.copy_location(ast.Name("_jy_meta", ast.Load()), node)
            keyword = ast.copy_location(ast.keyword("metaclass", meta), node)
            node.keywords.append(keyword)
        return self._scoped("class", node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        return self._scoped("function", node)

    def visit_Lambda(self, node: ast.Lambda) -> ast.AST:
        return self._scoped("lambda", node)

    def _scoped(self, kind: str, node: ast.AST) -> ast.AST:
        self.scopes.append(kind)
        try:
            self.generic_visit(node)
        finally:
            self.scopes.pop()
        return node

    def visit_ListComp(self, node: ast.ListComp) -> ast.AST:
        """The loop variable leaks into the enclosing scope, as in Python 2."""
        self.generic_visit(node)
        if self.scopes[-1] in ("class", "lambda"):
            return node
        for comp in node.generators:
            target = comp.target
            if isinstance(target, ast.Name):
                self.counter += 1
                temp = f"_jy_lc{self.counter}"
                leak = ast.NamedExpr(
                    ast.copy_location(ast.Name(target.id, ast.Store()), target),
                    ast.copy_location(ast.Name(temp, ast.Load()), target),
                )
                ast.copy_location(leak, target)
                keep = ast.copy_location(ast.Tuple([leak], ast.Load()), target)
                comp.ifs.insert(0, keep)
                target.id = temp
        return node


_DISPATCH: dict[type, Any] = {}
_LEAVES = frozenset(
    {ast.Load, ast.Store, ast.Del, ast.Constant, ast.Name}
    | {
        cls
        for cls in vars(ast).values()
        if isinstance(cls, type)
        and issubclass(cls, (ast.operator, ast.cmpop, ast.unaryop, ast.boolop))
    }
)


def _as_load(target: ast.expr) -> ast.expr:
    if isinstance(target, ast.Name):
        return ast.copy_location(ast.Name(target.id, ast.Load()), target)
    if isinstance(target, ast.Attribute):
        return ast.copy_location(
            ast.Attribute(target.value, target.attr, ast.Load()), target
        )
    if isinstance(target, ast.Subscript):
        return ast.copy_location(
            ast.Subscript(target.value, target.slice, ast.Load()), target
        )
    raise _Unhandled("augmented target")
