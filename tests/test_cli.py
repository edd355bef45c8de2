"""The command line end to end, on real files and a real database."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.conftest import EXAMPLE, FIXTURES
from typer.testing import CliRunner

from sitrep.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_analyze_json_lines(tmp_path: Path) -> None:
    code, out, _ = run("analyze", str(EXAMPLE), str(FIXTURES / "html" / "dispatch.html"), "--captured-at", "2023-05-25")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["source"]["kind"] for d in lines] == ["textdump", "html"]
    assert lines[0]["article"]["published"]["text"] == "2 months ago"


def test_analyze_text_report() -> None:
    code, out, _ = run("analyze", str(EXAMPLE), "--format", "text", "--captured-at", "2023-05-25")
    assert code == 0
    for expected in (
        "Russian Forces Achieving Progress in Bakhmut",
        "By Staff, Agencies",
        "Section:",
        "Russia",
        "2 months ago",
        "Ukraine confessed",
        "Volodymyr Zelensky",
        "Removed page furniture",
    ):
        assert expected in out


def test_analyze_kind_override_text_keeps_input() -> None:
    code, out, _ = run("analyze", str(EXAMPLE), "--kind", "text")
    assert code == 0
    doc = json.loads(out)
    assert doc["article"]["body"] == EXAMPLE.read_text(encoding="utf-8")


def test_bad_capture_time_is_one_line(tmp_path: Path) -> None:
    code, _, err = run("analyze", str(EXAMPLE), "--captured-at", "last tuesday")
    assert code == 1 and "bad capture time" in err and len(err.strip().splitlines()) == 1


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(EXAMPLE, folder / "example.txt")
    shutil.copy(EXAMPLE, folder / "sub" / "same-content.txt")
    shutil.copy(FIXTURES / "html" / "dispatch.html", folder / "sub" / "dispatch.html")
    (folder / "empty.html").write_bytes(b"")
    (folder / "image.htm").write_bytes(b"GIF89a" + bytes(200))
    return folder


def test_ingest_folder_summary_and_queries(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    code, _, err = run("ingest", str(corpus), "--db", db, "--captured-at", "2023-05-25")
    assert code == 1  # some inputs failed, the rest is stored
    assert "stored 2, duplicate 1, failed 2" in err
    assert "empty.html: empty file" in err and "image.htm: binary content (a GIF image)" in err
    code, _, err = run("ingest", str(corpus), "--db", db)
    assert "stored 0, duplicate 3, failed 2" in err

    code, out, _ = run("list", "--db", db)
    assert code == 0 and "Russian Forces Achieving Progress in Bakhmut" in out and "Kharkiv" in out
    code, out, _ = run("search", "Kharkiv drones", "--db", db)
    assert code == 0 and "Shelling hits Kharkiv suburbs overnight" in out
    code, out, _ = run("search", "nonexistentword", "--db", db)
    assert code == 1
    code, out, _ = run("show", "1", "--db", db, "--format", "json")
    assert code == 0 and json.loads(out)["article"]["title"] == "Russian Forces Achieving Progress in Bakhmut"
    code, out, _ = run("show", "1", "--db", db)
    assert code == 0 and "Ukraine confessed" in out
    code, _, err = run("show", "99", "--db", db)
    assert code == 1 and "no document with id 99" in err
    code, out, _ = run("timeline", "Bakhmut", "--db", db, "--format", "json")
    assert code == 0 and all("reports" in json.loads(line) for line in out.splitlines()) and out
    code, _, err = run("timeline", "Nowhere At All", "--db", db)
    assert code == 1 and "nothing about 'Nowhere At All'" in err
    code, _, err = run("claims", "Nowhere At All", "--db", db)
    assert code == 1 and "no control claims about 'Nowhere At All'" in err


def test_default_database_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from sitrep.store import default_db_path

    monkeypatch.delenv("SITREP_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_db_path() == tmp_path / "sitrep" / "sitrep.db"
    monkeypatch.setenv("SITREP_DB", str(tmp_path / "x.db"))
    assert default_db_path() == tmp_path / "x.db"


def test_a_file_that_is_not_a_database_is_one_line(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("not a database", encoding="utf-8")
    code, _, err = run("list", "--db", str(bogus))
    assert code == 1
    assert err.strip().splitlines() == [
        f"error: {bogus}: cannot open database: (sqlite3.DatabaseError) file is not a database"
    ]
    assert bogus.read_text(encoding="utf-8") == "not a database"  # nothing overwritten
