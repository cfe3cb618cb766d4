"""Bad input: every failure is one ReadError naming the file and the reason; a folder read keeps the good files."""

from __future__ import annotations

import pytest

from fogofwar.errors import ReadError
from fogofwar.read import Skipped, iter_source, parse_columns, read_article
from fogofwar.read.decode import MAX_ARTICLE_BYTES

GOOD = " date 2023-10-09 World\n\nStrikes hit Gaza\n\nAir strikes hit Gaza City overnight, officials said.\n"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"  \n\n \t\n", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (bytes(range(1, 32)) * 40, "binary data"),
        (b" date 2020-02-31 News\n\nHeadline\n\nBody text here.", "'2020-02-31' is not a real date"),
        (b" date 2020-13-01 News\n\nHeadline\n\nBody text here.", "'2020-13-01' is not a real date"),
        (b" date 2020-10-01 News\n\n\n", "no text after the header"),
    ],
)
def test_read_errors_message_names_file_and_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError) as caught:
        read_article(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and reason in message
    assert "\n" not in message


def test_read_errors_oversize(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * (MAX_ARTICLE_BYTES // 5 + 10))
    with pytest.raises(ReadError, match=r"huge\.txt: the file is [\d,]+ bytes, over the [\d,]+-byte limit"):
        read_article(path)


def test_read_errors_undecodable(tmp_path):
    # Bytes that are no valid UTF-8 and too few and too odd for any encoding guess to be trusted.
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC]) * 3)
    with pytest.raises(ReadError, match=r"garbled\.txt: (cannot tell its text encoding|binary data)"):
        read_article(path)


def test_read_legacy_encoding_is_detected(tmp_path):
    path = tmp_path / "cp1252.txt"
    text = "Fighting near Füzuli and Şuşa continued, the ministry said on Tuesday. " * 4
    path.write_bytes(("Clashes continue\n\n" + text).encode("cp1252", errors="replace"))
    article = read_article(path)
    assert "Füzuli" in article.text and "ministry said on Tuesday" in article.text


def test_read_errors_missing_file(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        list(iter_source(tmp_path / "absent.txt"))


def test_read_folder_skips_bad_files_and_keeps_good_ones(tmp_path):
    (tmp_path / "a-good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-empty.txt").write_bytes(b"")
    (tmp_path / "c-binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d-good.txt").write_text(GOOD.replace("Gaza City", "Khan Younis"), encoding="utf-8")
    (tmp_path / "e-picture.png").write_bytes(b"\x89PNG")
    items = list(iter_source(tmp_path))
    good = [i for i in items if not isinstance(i, Skipped)]
    skipped = {i.path.rsplit("/", 1)[-1]: i.reason for i in items if isinstance(i, Skipped)}
    assert len(good) == 2
    assert skipped["b-empty.txt"] == "the file is empty"
    assert "binary" in skipped["c-binary.txt"]
    assert "not a file type" in skipped["e-picture.png"]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [("text=body,title=headline", {"text": "body", "title": "headline"}), ("", {}), (None, {})],
)
def test_read_columns_parse(spec, expected):
    assert parse_columns(spec) == expected


@pytest.mark.parametrize("spec", ["body", "words=body", "text="])
def test_read_columns_reject_bad_mapping(spec):
    with pytest.raises(ReadError, match="--columns"):
        parse_columns(spec)


def test_read_cyrillic_legacy_encoding_is_detected(tmp_path):
    path = tmp_path / "cp1251.txt"
    text = "Обстрел Донецка продолжился в понедельник, заявили местные власти. " * 5
    path.write_bytes(("Обстрел\n\n" + text).encode("cp1251"))
    assert "Донецка" in read_article(path).text
