"""The text reader: news-dump layout (header, headline, caption, subheadings, outlet credit) and plain text."""

from __future__ import annotations

import pytest

from fogofwar.api import example_paths
from fogofwar.read import parse_text, read_article
from fogofwar.record import article_id

from .conftest import SHARED

DUMP = """ date 2022-03-16 World

Russian strike hits theatre in Mariupol, city council says

People walk past a damaged building in Mariupol, Ukraine, March 15, 2022. (Reuters)

A Russian air strike hit a drama theatre in Mariupol where hundreds of civilians were sheltering, the city council said on Wednesday.

Rescue under way

Officials said rescuers were clearing the rubble. (AA)

Background paragraph added by the desk after the wire story.
"""


def kinds(article):
    return [(p.kind, article.text[p.start : p.end]) for p in article.paragraphs]


def test_read_newsdump_structure():
    article = parse_text(DUMP, path="dump.txt")
    assert article.published == "2022-03-16"
    assert article.section == "World"
    assert article.outlet == "Anadolu Agency"
    assert article.headline == "Russian strike hits theatre in Mariupol, city council says"
    assert [k for k, _ in kinds(article)] == ["headline", "caption", "body", "heading", "body", "body"]
    assert kinds(article)[3] == ("heading", "Rescue under way")


def test_read_newsdump_text_is_paragraphs_joined():
    article = parse_text(DUMP, path="dump.txt")
    assert "\n\n".join(t for _, t in kinds(article)) == article.text
    assert article.id == article_id(article.text) and len(article.id) == 16


def test_read_newsdump_published_option_overrides_header():
    assert parse_text(DUMP, path="dump.txt", published="2022-03-17").published == "2022-03-17"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Houthi drone hits tanker\n\nThe drone struck on Monday, the coalition said.", ["headline", "body"]),
        ("The army said it shelled the town.\n\nResidents fled.", ["body", "body"]),
        (
            "Sudan clashes\n\nFighting in Khartoum.\n\nEvacuations\n\nThousands left.",
            ["headline", "body", "heading", "body"],
        ),
    ],
)
def test_read_plain_text_kinds(text, expected):
    article = parse_text(text, path="plain.txt")
    assert [p.kind for p in article.paragraphs] == expected
    assert article.published is None and article.outlet is None


def test_read_plain_text_joins_wrapped_lines():
    article = parse_text("Shelling hit\nthe market in Idlib.\n\nTwo died.", path="wrapped.txt")
    assert article.text == "Shelling hit the market in Idlib.\n\nTwo died."


def test_read_parenthetical_remark_is_not_a_credit():
    article = parse_text(
        " date 2020-10-01 News\n\nHeadline\n\nThey lost 40 men (including those wounded)", path="x.txt"
    )
    assert article.outlet is None


def test_read_seed_article():
    article = read_article(SHARED / "corpus" / "trtworld-2020-09-29-karabakh.txt")
    assert (article.published, article.section, article.outlet) == ("2020-09-29", "Fast News", "TRT World")
    assert article.headline is not None and "attempted to retake freed ground" in article.headline
    found = kinds(article)
    assert found[1][0] == "caption" and found[1][1].endswith("(AFP)")
    assert [t for k, t in found if k == "heading"] == [
        "Growing casualties",
        "Calls for calm",
        "A long-standing dispute",
        "OIC condemns Armenia's attacks on Azerbaijan",
        "Azerbaijan leader hails Turkish support against Armenia",
    ]


def test_read_bundled_examples():
    paths = example_paths()
    assert len(paths) >= 3
    for path in paths:
        article = read_article(path)
        assert article.published and article.headline and article.outlet
        assert [p.kind for p in article.paragraphs][:2] == ["headline", "caption"]
