"""Jython 2.7 source to Python 3 source, line for line (DESIGN.md section 9).

fissix (the maintained lib2to3) parses the Python 2 source into a concrete
tree that keeps every space, comment and newline. One walk over the tree
records small text edits on its leaves (a prefix, a replacement, a suffix);
nothing ever adds or removes a newline, so the translated text has the same
lines as the original and every error, stack and report names the user's
line. fissix's own fixers are not used: matching each of their patterns over
the tree cost several times what one walk with direct edits costs.

The edits call helpers named ``_jy_*`` (:mod:`.semantics`), which a
Jython-dialect scope puts into its builtins. :mod:`.fast` translates most
scripts faster; this module is the complete translation it falls back on.
Over 400 lines: one visitor per Python 2 construct, kept with the walk that
calls them (the edits only make sense together).
"""

from __future__ import annotations

import re
from typing import Any

from fissix import pygram, pytree
from fissix.pgen2 import driver, parse, token, tokenize
from fissix.refactor import _detect_future_features

#: A fissix tree node or leaf (fissix has no type hints).
NL = Any

SYMS = pygram.python_symbols
#: Python 3 keywords that are plain names in Jython 2.7: renamed with a ``_``.
RENAMED = frozenset({"async", "await", "nonlocal"})
#: Attributes whose Python 2 meaning differs: ``x.name`` becomes
#: ``_jy_attr(x, "name")`` (dict views as lists, ``has_key``, ``next``...).
PY2_ATTRS = frozenset(
    {
        "has_key",
        "iteritems",
        "iterkeys",
        "itervalues",
        "viewitems",
        "viewkeys",
        "viewvalues",
        "keys",
        "values",
        "items",
        "next",
        "isAlive",
        "message",
        "decode",
    }
)
_STR_CALLS = {"str": "_jy_str", "unicode": "_jy_str"}
_ESCAPE = re.compile(r"\\(\\|u|U|N)")
_OCTAL = re.compile(r"0[0-7]+")


def _grammar(with_print: bool) -> object:
    base = (
        pygram.python_grammar
        if with_print
        else (pygram.python_grammar_no_print_statement)
    )
    grammar = base.copy()
    grammar.keywords.pop("nonlocal", None)  # a plain name in Python 2
    return grammar


_DRIVERS: dict[bool, driver.Driver] = {}


def _driver(with_print: bool) -> driver.Driver:
    found = _DRIVERS.get(with_print)
    if found is None:
        found = _DRIVERS[with_print] = driver.Driver(
            _grammar(with_print), convert=pytree.convert
        )
    return found


def translate(source: str, name: str) -> str:
    """Python 3 text for the Jython 2.7 ``source`` (same lines).

    Raises :class:`SyntaxError` naming ``name`` and the original line for
    source that is not valid Python 2.
    """
    try:
        features = _detect_future_features(source)
    except tokenize.TokenError:
        features = frozenset()  # the parse below reports where it breaks
    text = source if source.endswith("\n") else source + "\n"
    try:
        tree = _driver("print_function" not in features).parse_string(text)
    except parse.ParseError as exc:
        _prefix, (line, column) = exc.context
        raise _python_says(source, name, line) or _syntax_error(
            source, name, "invalid syntax", line, column
        ) from None
    except (tokenize.TokenError, IndentationError) as exc:
        message, (line, column) = _token_error(exc)
        raise _syntax_error(source, name, message, line, column) from None
    edits = _Edits("division" in features, "print_function" not in features)
    try:
        edits.walk(tree)
    except _Unsupported as exc:
        raise _syntax_error(source, name, exc.args[0], exc.args[1], 0) from None
    out = edits.render(tree)
    if "\t" in source:
        out = _expand_indentation(out, tree)
    return out if source.endswith("\n") else out[:-1]


def _expand_indentation(text: str, tree: NL) -> str:
    """Tabs in indentation as Python 2 reads them (to 8 columns).

    Python 3 refuses indentation that mixes tabs and spaces inconsistently;
    Jython accepts it. Lines inside a multi-line string keep their text.
    """
    inside: set[int] = set()
    for leaf in tree.leaves():
        if leaf.type == token.STRING and "\n" in leaf.value:
            first = leaf.get_lineno()
            inside.update(range(first + 1, first + leaf.value.count("\n") + 1))
    return _expand_lines(text, inside)


def _expand_lines(text: str, inside: set[int]) -> str:
    """Expand leading tabs of every line except those numbered in ``inside``."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if "\t" in line and index + 1 not in inside:
            body = line.lstrip(" \t")
            indent = line[: len(line) - len(body)]
            lines[index] = indent.expandtabs(8) + body
    return "\n".join(lines)


def _python_says(source: str, name: str, line: int) -> SyntaxError | None:
    """Python 3's own error for the same line, when it has one (better words)."""
    try:
        compile(source, name, "exec", dont_inherit=True)
    except SyntaxError as exc:
        if exc.lineno == line and "print" not in (exc.msg or ""):
            return exc
    return None


def _token_error(exc: Exception) -> tuple[str, tuple[int, int]]:
    args = exc.args
    if isinstance(exc, IndentationError):
        return exc.msg, (exc.lineno or 1, (exc.offset or 1) - 1)
    message = str(args[0]) if args else "invalid syntax"
    where = args[1] if len(args) > 1 and isinstance(args[1], tuple) else (1, 0)
    if message.startswith("EOF in multi-line"):
        message = "unexpected EOF while parsing"
    return message, where


def _syntax_error(
    source: str, name: str, message: str, line: int, column: int
) -> SyntaxError:
    lines = source.splitlines()
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return SyntaxError(message, (name, line, column + 1, text))


def _first(node: NL) -> pytree.Leaf:
    while not isinstance(node, pytree.Leaf):
        node = node.children[0]
    return node


def _last(node: NL) -> pytree.Leaf:
    while not isinstance(node, pytree.Leaf):
        node = node.children[-1]
    return node


def _is(node: NL, value: str) -> bool:
    return isinstance(node, pytree.Leaf) and node.value == value


class _Unsupported(Exception):
    """Python 2 that visionsim cannot translate: ``(message, line)``."""


class _Edits:
    """Text edits on the leaves of one tree: text before, instead, after."""

    def __init__(self, true_division: bool, print_statement: bool) -> None:
        self.true_division = true_division
        self.print_statement = print_statement
        self.pre: dict[int, str] = {}
        self.post: dict[int, str] = {}
        self.counter = 0

    def wrap(self, first: NL, last: NL, opening: str, closing: str) -> None:
        """Put ``opening`` before ``first``'s text, ``closing`` after ``last``."""
        head, tail = _first(first), _last(last)
        # Callers wrap outer constructs first, so a later wrap goes inside.
        self.pre[id(head)] = self.pre.get(id(head), "") + opening
        self.post[id(tail)] = closing + self.post.get(id(tail), "")

    def fresh(self, stem: str) -> str:
        self.counter += 1
        return f"_jy_{stem}{self.counter}"

    def walk(self, tree: NL) -> None:
        visit = _VISITORS
        for node in tree.pre_order():
            if isinstance(node, pytree.Leaf):
                self.leaf(node)
            else:
                handler = visit.get(node.type)
                if handler is not None:
                    handler(self, node)

    def render(self, tree: NL) -> str:
        pre, post = self.pre, self.post
        if pre or post:
            for leaf in tree.leaves():
                key = id(leaf)
                if key in pre or key in post:
                    leaf.value = pre.get(key, "") + leaf.value + post.get(key, "")
        return str(tree)

    # -- tokens ---------------------------------------------------------------

    def leaf(self, leaf: pytree.Leaf) -> None:
        kind, value = leaf.type, leaf.value
        if kind == token.NAME:
            if value in RENAMED:
                leaf.value = value + "_"
            elif (
                value == "print"
                and self.print_statement
                and leaf.parent.type != SYMS.print_stmt
            ):
                leaf.value = "_jy_print(print, None)"  # a bare print statement
        elif kind == token.NUMBER:
            leaf.value = _number(value)
        elif kind == token.STRING:
            leaf.value = _string(value)
        elif kind == token.NOTEQUAL and value == "<>":
            leaf.value = "!="

    # -- statements -----------------------------------------------------------

    def print_stmt(self, node: NL) -> None:
        kids = node.children
        if _is(kids[1], ">>"):
            kids[0].value = "_jy_print(print"
            kids[1].value = ","
        else:
            kids[0].value = "_jy_print(print, None,"
        if _is(kids[-1], ","):
            kids[-1].value = ", _jy_soft)"
        else:
            self.wrap(kids[-1], kids[-1], "", ")")

    def exec_stmt(self, node: NL) -> None:
        kids = node.children
        kids[0].value = "_jy_exec("
        kids[1].prefix = ""
        for kid in kids[2:]:
            if _is(kid, "in"):
                kid.value = ","
        self.wrap(kids[-1], kids[-1], "", ")")

    def except_clause(self, node: NL) -> None:
        kids = node.children
        if len(kids) >= 4 and _is(kids[2], ","):
            kids[2].value = " as"
            target = _first(kids[3])
            if not target.prefix:
                target.prefix = " "

    def raise_stmt(self, node: NL) -> None:
        kids = node.children
        if len(kids) >= 4 and _is(kids[2], ","):
            self.wrap(kids[1], kids[-1], "_jy_raise(", ")")

    def atom(self, node: NL) -> None:
        kids = node.children
        if _is(kids[0], "`"):
            kids[0].value = "repr("
            kids[-1].value = ")"

    def term(self, node: NL) -> None:
        kids = node.children
        for index in range(len(kids) - 2, 0, -2):  # the last operator is outermost
            op = kids[index]
            helper = None
            if op.value == "/" and not self.true_division:
                helper = "_jy_div("
            elif op.value == "%" and not (index == 1 and kids[0].type == token.NUMBER):
                helper = "_jy_mod("
            if helper is not None:
                op.value = ","
                self.wrap(kids[0], kids[index + 1], helper, ")")

    def expr_stmt(self, node: NL) -> None:
        kids = node.children
        if len(kids) == 3 and _is(kids[1], "/=") and not self.true_division:
            target = str(kids[0]).strip()
            if "\n" not in target and "#" not in target:
                kids[1].value = f"= _jy_div({target},"
                self.wrap(kids[2], kids[2], "", ")")

    def power(self, node: NL) -> None:
        kids = node.children
        head = kids[0]
        if (
            isinstance(head, pytree.Leaf)
            and head.value in _STR_CALLS
            and len(kids) > 1
            and kids[1].type == SYMS.trailer
            and _is(kids[1].children[0], "(")
        ):
            head.value = _STR_CALLS[head.value]
        last = len(kids) - 1
        for index in range(last, 0, -1):  # the last trailer is outermost
            kid = kids[index]
            if kid.type != SYMS.trailer or not _is(kid.children[0], "."):
                continue
            if index == last and _is_target(node):
                continue  # self.items = [] stays an attribute assignment
            attr = kid.children[1].value
            if attr in PY2_ATTRS or (attr == "sort" and _cmp_sort(kids, index)):
                kid.children[0].value = ', "'
                kid.children[1].value = attr + '")'
                self.wrap(head, head, "_jy_attr(", "")

    def classdef(self, node: NL) -> None:
        kids = node.children
        meta = "metaclass=_jy_meta"
        if _is(kids[2], ":"):
            self.wrap(kids[1], kids[1], "", f"({meta})")
        elif _is(kids[3], ")"):
            self.wrap(kids[2], kids[2], "", meta)
        elif "metaclass" not in str(kids[3]):
            comma = "" if _is(_last(kids[3]), ",") else ", "
            self.wrap(kids[4], kids[4], comma + meta, "")

    def comp_for(self, node: NL) -> None:
        """A list comprehension's loop variable leaks, as in Python 2."""
        maker = node.parent
        if maker is None or maker.type != SYMS.listmaker:
            return
        if maker.parent is None or not _is(maker.parent.children[0], "["):
            return
        kids = node.children
        start = 1 if _is(kids[0], "async") else 0
        target, iterable = kids[start + 1], kids[start + 3]
        if target.type != token.NAME or _in_class_body(node):
            return
        name = target.value
        temp = self.fresh("lc")
        target.value = temp
        if iterable.type == SYMS.testlist_safe:
            self.wrap(iterable, iterable, "(", ")")
        self.wrap(iterable, iterable, "", f" if (({name} := {temp}),)")

    def funcdef(self, node: NL) -> None:
        params = node.children[2]
        tuples = [n for n in params.pre_order() if n.type == SYMS.tfpdef]
        if not tuples:
            return
        unpack = "".join(f"{self._tuple_param(t)}; " for t in tuples)
        suite = node.children[-1]
        first = suite.children[2] if suite.type == SYMS.suite else suite
        if first.type != SYMS.simple_stmt:
            raise _Unsupported(
                "tuple parameters before a compound statement are not supported "
                "by visionsim: unpack the tuple in the function's first line",
                _first(node).get_lineno(),
            )
        self.wrap(first, first, unpack, "")

    def lambdef(self, node: NL) -> None:
        params = node.children[1] if len(node.children) == 4 else None
        if params is None:
            return
        found = params.children if params.type == SYMS.varargslist else [params]
        tuples = [n for n in found if n.type in (SYMS.vfpdef, SYMS.tfpdef)]
        body = node.children[-1]
        for param in reversed(tuples):
            names = str(param).strip()[1:-1]
            temp = self._blank(param)
            self.wrap(body, body, f"(lambda {names}: ", f")(*{temp})")

    def _tuple_param(self, param: NL) -> str:
        names = str(param).strip()
        return f"{names} = {self._blank(param)}"

    def _blank(self, param: NL) -> str:
        """Replace a tuple parameter by a fresh name; returns the name."""
        temp = self.fresh("p")
        leaves = list(param.leaves())
        leaves[0].value = temp
        for leaf in leaves[1:]:
            leaf.value = ""
            leaf.prefix = "\n" * leaf.prefix.count("\n")
        return temp


def _cmp_sort(kids: list[NL], index: int) -> bool:
    """Whether ``x.sort(...)`` passes a cmp function (positional or ``cmp=``)."""
    if index + 1 >= len(kids):
        return False
    call = kids[index + 1]
    if call.type != SYMS.trailer or not _is(call.children[0], "("):
        return False
    args = str(call)[1:-1].strip()
    return (
        bool(bool(args) and not re.fullmatch(r"\s*(key|reverse)\s*=.*", args, re.S))
        or "cmp" in args
    )


_GROUPS = frozenset(
    {
        SYMS.testlist_star_expr,
        SYMS.exprlist,
        SYMS.testlist,
        SYMS.atom,
        SYMS.testlist_gexp,
        SYMS.listmaker,
    }
)
_ASSIGN_OPS = frozenset(
    ["=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "^=", "|="]
)


def _is_target(node: NL) -> bool:
    """Whether ``node`` is assigned or deleted (``x.a = 1``, ``for x.a in``)."""
    child, parent = node, node.parent
    while parent is not None and parent.type in _GROUPS:
        child, parent = parent, parent.parent
    if parent is None:
        return False
    if parent.type == SYMS.expr_stmt:
        kids = parent.children
        position = kids.index(child)
        return any(
            isinstance(k, pytree.Leaf) and k.value in _ASSIGN_OPS
            for k in kids[position + 1 :]
        )
    if parent.type in (SYMS.for_stmt, SYMS.comp_for):
        return bool(parent.children.index(child) == 1)
    return bool(parent.type == SYMS.del_stmt)


def _in_class_body(node: NL) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.type in (SYMS.funcdef, SYMS.lambdef):
            return bool(parent.type == SYMS.lambdef)
        if parent.type == SYMS.classdef:
            return True
        parent = parent.parent
    return False


def _number(value: str) -> str:
    if value[-1] in "lL":
        value = value[:-1]
    if _OCTAL.fullmatch(value) and value.strip("0"):
        return "0o" + value[1:]
    return value


def _string(value: str) -> str:
    quote = min(i for i in (value.find("'"), value.find('"')) if i >= 0)
    prefix, body = value[:quote].lower(), value[quote:]
    if not prefix:
        if "\\" in body and _ESCAPE.search(body):
            return _ESCAPE.sub(_escape_one, body)
        return value
    keep = prefix.replace("b", "")
    if "r" in keep:
        keep = "r"
    elif "\\" in body and "u" not in keep and _ESCAPE.search(body):
        body = _ESCAPE.sub(_escape_one, body)
    return keep + body


def _escape_one(match: re.Match[str]) -> str:
    return match.group(0) if match.group(1) == "\\" else "\\" + match.group(0)


_VISITORS = {
    SYMS.print_stmt: _Edits.print_stmt,
    SYMS.exec_stmt: _Edits.exec_stmt,
    SYMS.except_clause: _Edits.except_clause,
    SYMS.raise_stmt: _Edits.raise_stmt,
    SYMS.atom: _Edits.atom,
    SYMS.term: _Edits.term,
    SYMS.expr_stmt: _Edits.expr_stmt,
    SYMS.power: _Edits.power,
    SYMS.classdef: _Edits.classdef,
    SYMS.comp_for: _Edits.comp_for,
    SYMS.funcdef: _Edits.funcdef,
    SYMS.lambdef: _Edits.lambdef,
}
