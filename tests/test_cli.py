"""The command line: read (report and JSON), demo, evaluate, and clean one-line errors with meaningful exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from fogofwar.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, main

from .conftest import SHARED

SEED = SHARED / "corpus" / "trtworld-2020-09-29-karabakh.txt"


def test_cli_read_json_is_one_record_per_line(capsys):
    assert main(["read", str(SEED), "--json"]) == EXIT_OK
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["schema"] == 1
    assert record["article"]["published"] == "2020-09-29" and record["article"]["outlet"] == "TRT World"
    assert {"dates", "places", "actors", "claims", "casualties", "losses", "events", "framing"} <= set(record)


def test_cli_read_report(capsys):
    assert main(["read", str(SEED)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "attempted to retake freed ground" in out and "outlet TRT World" in out


def test_cli_read_folder_with_a_bad_file_is_partial(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(
        "Strikes on Kharkiv\n\nMissiles hit Kharkiv, the governor said.", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["read", str(tmp_path), "--json"]) == EXIT_PARTIAL
    captured = capsys.readouterr()
    assert len(captured.out.strip().splitlines()) == 1
    assert captured.err.strip() == f"fogofwar: {tmp_path / 'empty.txt'}: the file is empty"


def test_cli_read_bad_published_date(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Clashes\n\nClashes in Tigray, officials said.", encoding="utf-8")
    assert main(["read", str(path), "--published", "2021-02-30"]) == EXIT_FAILED
    assert "'2021-02-30' is not a real date" in capsys.readouterr().err


def test_cli_demo_reads_bundled_examples(capsys):
    assert main(["demo", "--json"]) == EXIT_OK
    assert len(capsys.readouterr().out.strip().splitlines()) >= 3


def test_cli_evaluate_reports_every_section(capsys):
    assert main(["evaluate", str(SHARED / "gold" / "trtworld-2020-09-29-karabakh.json"), "--json"]) == EXIT_OK
    scores = json.loads(capsys.readouterr().out)["scores"]
    for section in ("places", "dates", "claims", "casualties", "events", "framing"):
        assert {f"{section}_p", f"{section}_r", f"{section}_f"} <= set(scores)


def test_cli_evaluate_missing_gold(capsys, tmp_path):
    assert main(["evaluate", str(tmp_path / "nope.json")]) == EXIT_FAILED
    assert capsys.readouterr().err.startswith("fogofwar: ")


@pytest.mark.parametrize("args", [["--version"], ["read", "--help"]])
def test_cli_module_entry_point(args):
    done = subprocess.run([sys.executable, "-m", "fogofwar", *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout
