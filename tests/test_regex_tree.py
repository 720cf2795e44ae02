"""Our own regex parse tree (the gates' source, in place of the private ``re._parser``)."""

from __future__ import annotations

import pytest

from assistant.tone import _regex_tree as T
from assistant.tone.gate import literal_gate


def _lit(text: str) -> list[tuple[str, int]]:
    return [(T.LITERAL, ord(c)) for c in text]


def test_a_prefix_shared_by_every_alternative_moves_out_of_the_branch() -> None:
    tree = T.parse("(?:ab|ac)d")
    assert tree[0] == (T.LITERAL, ord("a"))
    assert tree[1] == (T.IN, [(T.LITERAL, ord("b")), (T.LITERAL, ord("c"))])
    assert tree[2] == (T.LITERAL, ord("d"))


def test_groups_lookarounds_and_repeats_keep_their_shape() -> None:
    tree = T.parse(r"(?P<who>x)(?<!y)z{2,3}?\b")
    assert tree[0][0] == T.SUBPATTERN and list(tree[0][1][3]) == _lit("x")
    assert tree[1][0] == T.ASSERT_NOT and tree[1][1][0] == -1
    op, (low, high, item) = tree[2]  # sequences compare by identity, as re._parser's do
    assert (op, low, high, list(item)) == (T.MIN_REPEAT, 2, 3, _lit("z"))
    assert tree[3] == (T.AT, "BOUNDARY")


def test_a_brace_that_is_not_a_repeat_is_a_literal() -> None:
    assert [op for op, _ in T.parse("x{a}")] == [T.LITERAL] * 4


@pytest.mark.parametrize("pattern", ["(ab", "a**", "[ab"])
def test_patterns_it_cannot_read_raise(pattern: str) -> None:
    with pytest.raises(T.RegexSyntaxError):
        T.parse(pattern)


def test_gates_come_from_the_tree() -> None:
    assert literal_gate(r"\b(?:human|operator)\s+\w+") == ("human", "operator")
