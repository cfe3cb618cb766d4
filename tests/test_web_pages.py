"""The HTML pages, checked on the server side: the SVG map and timeline, the claims board, the article view, and
markup inside articles and extracted strings rendered inert."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from fogofwar.web import Settings, create_app
from fogofwar.web.geo import POINT_MIN_R, radius, view
from fogofwar.web.pages import segments

from .web_support import HOSTILE_NAME, build


class Elements(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    return parser.tags


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    target = tmp_path_factory.mktemp("web") / "ledger.db"
    build(target)
    return TestClient(create_app(Settings(db=str(target))))


def cluster_id(client: TestClient, text: str) -> str:
    return str(client.get("/events", params={"text": text}).json()["items"][0]["id"])


def article_id(client: TestClient, outlet: str) -> str:
    items = client.get("/articles").json()["items"]
    return str(next(a["id"] for a in items if a["outlet"] == outlet))


def test_map_draws_outlines_and_markers(client: TestClient) -> None:
    html = client.get("/").text
    tags = elements(html)
    countries = [a for t, a in tags if t == "path" and a.get("class") == "country"]
    assert len(countries) >= 5  # Azerbaijan, Armenia, Ukraine, Syria, Turkey... drawn from countryinfo
    assert "<title>Azerbaijan</title>" in html and "<title>Ukraine</title>" in html
    markers = {a["data-event"]: a for t, a in tags if t == "a" and a.get("data-event")}
    ganja = cluster_id(client, "ganja")
    assert markers[ganja]["class"] == "marker status-disputed"
    assert markers[ganja]["href"] == f"/page/clusters/{ganja}"
    assert 'id="timeline"' in html
    assert len(re.findall(r'<a href="/page/clusters/[^"]+" class="marker', html)) >= 6  # map + timeline points


def test_points_sized_by_figures() -> None:
    assert radius(None) == radius(0) == POINT_MIN_R
    assert radius(4) < radius(100) < radius(10_000)
    frame = view([(46.36, 40.68)])
    x, y = frame(46.36, 40.68)
    assert 0 < x < frame.width and 0 < y < frame.height


def test_index_filters(client: TestClient) -> None:
    html = client.get("/", params={"country": "UA"}).text
    assert "Kharkiv" in html and "Ganja</td>" not in html
    assert client.get("/", params={"country": "Atlantis"}).status_code == 400


def test_claims_board_shows_assertions_denials_and_figures(client: TestClient) -> None:
    html = client.get(f"/page/clusters/{cluster_id(client, 'ganja')}").text
    assert 'id="claims-board"' in html
    assert re.search(r'class="claimant denies">\s*<h3>Armenia Defence Ministry', html)
    assert re.search(r'class="claimant asserts">\s*<h3>Azerbaijan Defence Ministry', html)
    assert re.search(r"<tr><td>Azerbaijan Defence Ministry</td><td>10</td></tr>", html)
    assert re.search(r"<tr><td>local officials</td><td>7</td></tr>", html)
    assert "<td>7</td><td>8</td><td>10</td>" in html  # low / best / high


def test_article_view_highlights_and_framing(client: TestClient) -> None:
    html = client.get(f"/page/articles/{article_id(client, 'TRT World')}").text
    assert 'id="article-text"' in html
    assert re.search(r'<mark class="[^"]*f-casualty[^"]*" title="[^"]*casualties: 10 killed', html)
    assert "Framing: lean" in html
    assert "Armenia Defence Ministry</td><td>deny</td>" in html


def test_markup_in_articles_renders_inert(client: TestClient) -> None:
    pages = [
        client.get(f"/page/articles/{article_id(client, HOSTILE_NAME)}").text,
        client.get(f"/page/clusters/{cluster_id(client, 'aleppo')}").text,
        client.get("/").text,
    ]
    for html in pages:
        tags = elements(html)
        assert not [t for t, _ in tags if t in {"script", "img"}]
        assert not [a for _, a in tags if any(k.startswith("on") for k in a)]
        assert not [a for _, a in tags if (a.get("href") or "").startswith("javascript:")]
    article = pages[0]
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in article
    assert "&#34; onmouseover=&#34;alert(1)&#34;" in article
    assert "&lt;img src=x onerror=alert(2)&gt;" in article


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("Shelling hit Ganja.", [(13, 18, "place", "Ganja")], [("Shelling hit ", []), ("Ganja", ["place"]), (".", [])]),
        (
            "ten killed in Ganja",
            [(0, 10, "casualty", "10 killed"), (0, 19, "claim", "claim")],
            [("ten killed", ["casualty", "claim"]), (" in Ganja", ["claim"])],
        ),
        ("abc", [(5, 9, "date", "out of range")], [("abc", [])]),
    ],
)
def test_segments(text: str, marks: list[tuple[int, int, str, str]], expected: list[tuple[str, list[str]]]) -> None:
    assert [(s["text"], s["fields"]) for s in segments(text, marks)] == expected


def test_stylesheet_served(client: TestClient) -> None:
    response = client.get("/static/style.css")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/css")


def test_pages_need_no_network(client: TestClient) -> None:
    for url in ("/", f"/page/clusters/{cluster_id(client, 'ganja')}"):
        html = client.get(url).text
        external = [a for _, a in elements(html) for k in ("src", "href") if (a.get(k) or "").startswith("http")]
        assert external == []
