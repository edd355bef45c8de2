"""TimeML in and out: gold tags stripped, our TIMEX3 tags written, TEXT content byte-identical."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.timeml import annotate_timeml, output_name, read_timeml

FIXTURES = Path(__file__).parent / "fixtures" / "timeml"
TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)


def text_content(source: str) -> str:
    """The character content of <TEXT>, all tags removed (entities left as written)."""
    match = TEXT.search(source)
    assert match is not None
    return re.sub(r"<[^>]*>", "", match[1])


def timex_tags(source: str) -> list[tuple[dict[str, str], str]]:
    return [
        (dict(re.findall(r'(\w+)="([^"]*)"', attrs)), inner)
        for attrs, inner in re.findall(r"<TIMEX3([^>]*)>([^<]*)</TIMEX3>", TEXT.search(source)[1])  # type: ignore[index]
    ]


def test_reader_finds_dct_plain_text_and_gold() -> None:
    doc = read_timeml(FIXTURES / "briefing.tml")
    assert doc.dct_value == "2023-03-30"
    assert doc.dct_tids == {"t0"}
    assert "ferry line & the rail link" in doc.plain  # entity unescaped for analysis
    assert "&amp;" in doc.clean_raw  # and kept as written for output
    assert [doc.plain[g.start : g.end] for g in doc.gold] == [
        "Tuesday",
        "now",
        "two months",
        "September last year",
        "the third quarter",
    ]
    assert doc.published is not None and doc.published.earliest == "2023-03-30"


def test_annotate_file_keeps_text_byte_identical(tmp_path: Path) -> None:
    source = FIXTURES / "briefing.tml"
    out = tmp_path / "briefing.tml"
    assert annotate_timeml(source, out) == 1
    original, written = source.read_text(encoding="utf-8"), out.read_text(encoding="utf-8")
    assert text_content(written) == text_content(original)
    assert "<EVENT" not in TEXT.search(written)[0]  # type: ignore[index]
    assert "TLINK" not in written and "MAKEINSTANCE" not in written
    assert 'functionInDocument="CREATION_TIME"' in written  # the DCT is kept
    tags = timex_tags(written)
    by_text = {inner: attrs for attrs, inner in tags}
    assert by_text["Tuesday"]["value"] == "2023-03-28"  # anchored on the DCT
    assert by_text["September last year"]["value"] == "2022-09"
    assert by_text["two months"]["type"] == "DURATION" and by_text["two months"]["value"] == "P2M"
    assert by_text["now"]["value"] == "PRESENT_REF"
    assert by_text["the third quarter"]["value"].endswith("-Q3")
    tids = [attrs["tid"] for attrs, _ in tags]
    assert "t0" not in tids and len(set(tids)) == len(tids)


def test_annotate_folder_writes_one_file_each(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert annotate_timeml(FIXTURES / "folder", out) == 2
    assert sorted(p.name for p in out.iterdir()) == ["night.tml", "second.tml"]
    night = (out / "night.tml").read_text(encoding="utf-8")
    values = {inner: attrs["value"] for attrs, inner in timex_tags(night)}
    assert values["Friday evening"] == "1998-08-07TEV"
    assert values["6 a.m. Saturday"] == "1998-08-08T06:00"
    assert values["every night"].startswith("XXXX-XX-XXTNI") or values["every night"] == "P1D"
    second = (out / "second.tml").read_text(encoding="utf-8")
    tags = timex_tags(second)
    assert all(attrs["tid"] != "t1" for attrs, _ in tags)  # the DCT's tid here is t1
    assert {inner: attrs["value"] for attrs, inner in tags}["1999"] == "1999"
    original = (FIXTURES / "folder" / "second.tml").read_text(encoding="utf-8")
    assert text_content(second) == text_content(original)


def test_crlf_files_keep_their_bytes(tmp_path: Path) -> None:
    source = tmp_path / "crlf.tml"
    original = (FIXTURES / "folder" / "second.tml").read_bytes().replace(b"\n", b"\r\n")
    source.write_bytes(original)
    out = tmp_path / "out.tml"
    annotate_timeml(source, out)
    written = out.read_bytes()
    assert b"\r\n" in written
    assert text_content(written.decode("utf-8")) == text_content(original.decode("utf-8"))


def test_output_names() -> None:
    assert output_name(Path("a/X.tml.TE3input")) == "X.tml"
    assert output_name(Path("X.TE3input")) == "X.tml"
    assert output_name(Path("X.tml")) == "X.tml"


def test_bad_inputs_raise_input_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tml"
    broken.write_text("<TimeML><DOCID>x</DOCID></TimeML>", encoding="utf-8")
    with pytest.raises(InputError, match="no <TEXT>"):
        read_timeml(broken)
    with pytest.raises(InputError):
        annotate_timeml(tmp_path / "missing", tmp_path / "out")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match=r"no \.tml"):
        annotate_timeml(empty, tmp_path / "out")
