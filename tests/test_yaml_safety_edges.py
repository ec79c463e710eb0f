"""The YAML safety checks at their edges: an anchor wherever YAML lets one start, `&` inside a word,
a tag only in text, and nesting exactly at the limit and one level past it."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_PLAN


@pytest.mark.parametrize(
    "lines",
    [
        'bases: ["Căn cứ A;", &b "Căn cứ B;"]\nclosing: [*b]\n',  # after `[ ` ... `, `
        'bases: [&b "Căn cứ A;"]\nclosing: [*b]\n',  # right after `[`
        'bases: ["Căn cứ A;",&b "Căn cứ B;"]\nclosing: [*b]\n',  # right after `,`
        'footnotes: {"a":&b "Ghi chú."}\nclosing: [*b]\n',  # right after a quoted key's `:`
        'footnotes: {&b a: "Ghi chú."}\nclosing: [*b]\n',  # right after `{`
        "bases:\n  - &b Căn cứ A;\nclosing:\n  - *b\n",  # after `- `
    ],
)
def test_an_alias_is_refused_wherever_its_anchor_starts(specs, lines):
    assert "KH-S008" in specs.codes(MINIMAL_PLAN + lines)


def test_an_anchor_at_the_start_of_the_file_is_found(specs):
    text = "&p " + MINIMAL_PLAN.replace("archive: VT, VH-XH", "archive: &a VT, VH-XH") + "closing: [*a]\n"
    assert "KH-S008" in specs.codes(text)


def test_ampersand_inside_words_is_text(specs):
    text = MINIMAL_PLAN + "closing: [Sở Lao động - TB&XH, Phòng LĐ-TB&XH huyện./.]\n"
    assert specs.codes(text) == []


def test_exclamation_mark_in_text_is_not_a_tag(specs):
    assert specs.codes(MINIMAL_PLAN + 'closing: ["Chú ý! Hoàn thành đúng hạn./."]\n') == []


@pytest.mark.parametrize("brackets, refused", [(38, False), (39, True)])
def test_nesting_up_to_forty_levels_is_read(specs, brackets, refused):
    # The plan is level 1, `closing` 2, and the text inside the brackets `brackets` + 2.
    text = MINIMAL_PLAN + "closing: " + "[" * brackets + "x" + "]" * brackets + "\n"
    assert ("KH-S009" in specs.codes(text)) is refused


@pytest.mark.parametrize("brackets, refused", [(37, False), (38, True)])
def test_nesting_in_keys_counts_too(specs, brackets, refused):
    # The plan is level 1, the mapping of `footnotes` 2, its key (a list, after `? `) 3, the text inside `brackets` + 3.
    key = "[" * brackets + "k" + "]" * brackets
    text = MINIMAL_PLAN + "footnotes: {? " + key + " : v}\n"
    assert ("KH-S009" in specs.codes(text)) is refused
