"""The HTTP API: listings with filters and pagination, OpenAPI, the token-guarded upload, size limit, CORS, start checks."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from fogofwar.cli import EXIT_FAILED, main
from fogofwar.errors import FogOfWarError, WebError
from fogofwar.ledger import Store
from fogofwar.pipeline import Annotator
from fogofwar.web import Settings, create_app
from fogofwar.web.app import SETTINGS_ENV, app_from_environment
from fogofwar.web.security import TOKEN_ENV, check_start, is_loopback, load_token

from .web_support import build

TOKEN = "s3cret-token-for-tests-0123456789"


@pytest.fixture
def ledger(tmp_path: Path) -> str:
    target = str(tmp_path / "ledger.db")
    build(target)
    return target


@pytest.fixture
def client(ledger: str) -> TestClient:
    return TestClient(create_app(Settings(db=ledger)))


def ganja_id(client: TestClient) -> str:
    items = client.get("/events", params={"text": "ganja"}).json()["items"]
    assert len(items) == 1
    return str(items[0]["id"])


def test_events_filters_and_pagination(client: TestClient) -> None:
    everything = client.get("/events").json()
    assert everything["count"] == 3
    first = client.get("/events", params={"limit": 1}).json()["items"]
    second = client.get("/events", params={"limit": 1, "offset": 1}).json()["items"]
    assert len(first) == len(second) == 1 and first[0]["id"] != second[0]["id"]
    ukraine = client.get("/events", params={"country": "UA"}).json()["items"]
    assert [e["place"] for e in ukraine] == ["Kharkiv"]
    assert client.get("/events", params={"limit": 100000}).status_code == 422


@pytest.mark.parametrize(
    ("params", "status", "count"),
    [
        ({"text": "' OR '1'='1"}, 200, 0),
        ({"text": "%"}, 200, 3),  # a LIKE wildcard inside the parameter matches every row, as the user asked
        ({"country": "AZ'; DROP TABLE events; --"}, 400, None),
        ({"type": "ASSAULT' OR 1=1 --"}, 400, None),
        ({"since": "2020-10-11' OR 1=1"}, 400, None),
    ],
)
def test_filters_are_parameters(client: TestClient, params: dict[str, str], status: int, count: int | None) -> None:
    response = client.get("/events", params=params)
    assert response.status_code == status
    if count is not None:
        assert response.json()["count"] == count
    assert client.get("/events").json()["count"] == 3  # nothing was dropped


def test_cluster_in_full_and_404(client: TestClient) -> None:
    cid = ganja_id(client)
    event = client.get(f"/clusters/{cid}").json()
    assert event["num_articles"] == 2
    assert event["denied_by"] == ["Armenia Defence Ministry"]
    assert (event["fatalities"]["low"], event["fatalities"]["best"], event["fatalities"]["high"]) == (7, 8, 10)
    assert client.get("/clusters/nope").status_code == 404
    assert client.get("/page/clusters/nope").status_code == 404


def test_claims_tallies_articles(client: TestClient) -> None:
    cid = ganja_id(client)
    claims = client.get("/claims", params={"event": cid}).json()["items"]
    assert {c["polarity"] for c in claims} == {"assert", "deny"}
    assert client.get("/claims", params={"event": "nope"}).status_code == 400
    tallies = client.get("/tallies").json()["items"]
    ganja = next(t for t in tallies if t["cluster_id"] == cid)
    assert (ganja["low"], ganja["best"], ganja["high"]) == (7, 8, 10)
    articles = client.get("/articles").json()["items"]
    assert len(articles) == 4
    one = client.get(f"/articles/{articles[0]['id']}").json()
    assert one["record"]["article"]["id"] == articles[0]["id"]
    assert client.get("/articles/ffffffffffffffff").status_code == 404
    assert [a["outlet"] for a in client.get("/articles", params={"outlet": "reuters"}).json()["items"]] == ["Reuters"]


def test_openapi_describes_the_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/events", "/clusters", "/clusters/{cluster_id}", "/claims", "/tallies", "/articles"):
        assert route in paths
    assert "post" in paths["/articles"]


def test_upload_refused_when_read_only(client: TestClient) -> None:
    response = client.post("/articles", json={"text": "Shelling hit Ganja."})
    assert response.status_code == 403


@pytest.fixture
def writable(ledger: str, annotator: Annotator) -> TestClient:
    return TestClient(create_app(Settings(db=ledger, writable=True, token=TOKEN, annotator=annotator)))


@pytest.mark.parametrize("header", [None, "Bearer wrong-token-0123456789", f"Basic {TOKEN}", TOKEN])
def test_upload_needs_the_token(writable: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = writable.post("/articles", json={"text": "Shelling hit Ganja."}, headers=headers)
    assert response.status_code == 401


def test_upload_with_token_stores_the_article(writable: TestClient, ledger: str) -> None:
    text = (
        "Syrian government helicopters dropped barrel bombs on Daraya on Monday, killing 12 civilians, activists said."
    )
    response = writable.post(
        "/articles",
        json={"text": text, "published": "2016-02-01", "outlet": "Upload Wire"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["stored"] == [body["id"]]
    with Store(ledger) as store:
        assert store.scalar("SELECT outlet FROM articles WHERE id = ?", (body["id"],)) == "Upload Wire"
    again = writable.post("/articles", json={"text": text}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.json()["present"] == 1


def test_upload_too_large_is_413(ledger: str) -> None:
    app = create_app(Settings(db=ledger, writable=True, token=TOKEN, max_body=1000))
    response = TestClient(app).post(
        "/articles", json={"text": "x" * 5000}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 413


def test_cors_off_unless_configured(ledger: str) -> None:
    plain = TestClient(create_app(Settings(db=ledger)))
    assert "access-control-allow-origin" not in plain.get("/events", headers={"Origin": "https://x.example"}).headers
    allowed = TestClient(create_app(Settings(db=ledger, cors_origins=["https://x.example"])))
    got = allowed.get("/events", headers={"Origin": "https://x.example"}).headers
    assert got["access-control-allow-origin"] == "https://x.example"


def test_security_headers(client: TestClient) -> None:
    headers = client.get("/").headers
    assert "script-src" not in headers["content-security-policy"]  # default-src 'none': no script runs
    assert headers["content-security-policy"].startswith("default-src 'none'")
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("host", "writable", "token", "refused"),
    [
        ("127.0.0.1", True, None, False),
        ("localhost", True, None, False),
        ("::1", True, None, False),
        ("0.0.0.0", True, None, True),
        ("192.168.1.10", True, None, True),
        ("0.0.0.0", True, TOKEN, False),
        ("0.0.0.0", False, None, False),
    ],
)
def test_start_checks(host: str, writable: bool, token: str | None, refused: bool) -> None:
    if refused:
        with pytest.raises(WebError):
            check_start(host, writable=writable, token=token)
    else:
        check_start(host, writable=writable, token=token)
    assert is_loopback(host) == (host in {"127.0.0.1", "localhost", "::1"})


def test_serve_refuses_public_writable_without_token(monkeypatch: pytest.MonkeyPatch, ledger: str) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    assert main(["serve", "--db", ledger, "--host", "0.0.0.0", "--writable"]) == EXIT_FAILED


def test_token_sources(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    assert load_token() == TOKEN
    file = tmp_path / "token"
    file.write_text("from-a-file-0123456789\n", encoding="utf-8")
    assert load_token(file) == "from-a-file-0123456789"
    monkeypatch.setenv(TOKEN_ENV, "short")
    with pytest.raises(WebError):
        load_token()
    with pytest.raises(WebError):
        load_token(tmp_path / "missing")


def test_serve_refuses_zero_workers(ledger: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", ledger, "--workers", "0"]) == EXIT_FAILED
    assert "--workers 0" in capsys.readouterr().err


def test_settings_survive_the_trip_to_a_worker(monkeypatch: pytest.MonkeyPatch, ledger: str) -> None:
    settings = Settings(db=ledger, writable=True, token=TOKEN, cors_origins=["https://example.org"], max_body=1234)
    monkeypatch.setenv(SETTINGS_ENV, json.dumps(settings.to_dict()))
    app = app_from_environment()
    assert app.state.settings == settings
    monkeypatch.delenv(SETTINGS_ENV)
    with pytest.raises(FogOfWarError, match=SETTINGS_ENV):
        app_from_environment()


def test_serve_with_two_worker_processes_answers(ledger: str) -> None:
    # The real server in two processes: both answer the same listing (each from its own connections).
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "fogofwar", "serve", "--db", ledger, "--port", str(port), "--workers", "2"],
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        answers: list[int] = []
        while time.monotonic() < deadline and len(answers) < 20:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/events", params={"country": "UA"}, timeout=5)
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                time.sleep(0.3)
                continue
            assert answer.status_code == 200
            answers.append(answer.json()["count"])
        assert answers == [1] * 20
    finally:
        server.terminate()
        server.wait(timeout=20)


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
