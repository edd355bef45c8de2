"""Outlets and stories: who published, and which documents are one report told by several outlets."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.test_cli import run

from sitrep import service
from sitrep.analyze.pipeline import Pipeline
from sitrep.corpus.stories import links, stories
from sitrep.model import AnalyzedArticle, Article, Interval, Place, Source
from sitrep.store import Store
from sitrep.store import stories as story_index

STORY = (
    "Engineers in Marlow closed the old river bridge on Monday after divers found cracks in two of its "
    "stone piers, the county council said. Traffic between the market square and the railway station "
    "was sent over the ring road, adding twenty minutes to most journeys in the morning rush. "
    "The council said the bridge, built in 1832, would stay shut for at least three weeks while "
    "inspectors decided whether the piers could be repaired or had to be rebuilt. Shop owners on "
    "the high street said they feared losing customers during the busiest month of the year, and "
    "asked for free parking near the station. A spokesman for the council promised a decision on "
    "parking by Friday and said ferries would carry pedestrians across the river from Wednesday."
)
OTHER = (
    "The county council in Marlow approved a budget on Thursday that raises spending on roads and "
    "bridges by a tenth and freezes the price of parking permits for residents until next spring. "
    "Councillors argued for three hours over a plan to close two libraries, which was dropped after "
    "a petition signed by four thousand people. The leader of the council said savings would come "
    "from merging offices instead, and that no jobs would be lost this year. Opposition members "
    "called the figures optimistic and warned that repairs to the old river crossings could cost "
    "far more than the budget allows if engineers find more damage during winter inspections."
)
FURNITURE = "Sign up for our newsletter. Follow us for breaking news. Privacy policy. Terms of use."


def analysed(
    uri: str, body: str, title: str, outlet: str | None = None, places: list[Place] | None = None
) -> AnalyzedArticle:
    sha = hashlib.sha256(f"{uri}\n{body}".encode()).hexdigest()
    return AnalyzedArticle(
        source=Source(uri=uri, kind="html", sha256=sha),
        article=Article(title=title, body=body, outlet=outlet),
        places=places or [],
    )


def marlow(body: str) -> list[Place]:
    at = body.index("Marlow")
    return [Place(start=at, end=at + 6, text="Marlow", name="Marlow", place_id="geonames:1", precision="city")]


def test_reprints_trims_and_light_edits_are_one_story_and_a_same_topic_article_is_not(store: Store) -> None:
    half = STORY[: len(STORY) * 6 // 10]
    edited = STORY.replace("Engineers", "Council engineers").replace("three weeks", "several weeks")
    store.add(analysed("https://wire.example/bridge", STORY, "Bridge shut", places=marlow(STORY)))
    store.add(analysed("https://www.daily.example/2024/bridge", f"{STORY}\n\n{FURNITURE}", "Marlow bridge closed"))
    store.add(analysed("https://herald.example/news/1", OTHER, "Budget approved", places=marlow(OTHER)))
    store.add(analysed("https://herald.example/news/2", half, "Bridge closed for weeks"))
    store.add(analysed("https://gazette.example/b", edited, "Cracks close bridge"))
    found = stories(store)
    assert len(found) == 1
    story = found[0]
    assert [d.id for d in story.documents] == [1, 2, 4, 5]
    assert story.title == "Bridge shut"
    assert story.outlets == ["daily.example", "gazette.example", "herald.example", "wire.example"]
    assert {other for other, _ in links(store, 1)} == {2, 4, 5}
    assert all(score >= story_index.THRESHOLD for _, score in links(store, 4))
    assert stories(store, place="Marlow")[0].id == story.id  # the story mentions Marlow in its first document
    assert stories(store, place="Vessa") == []
    assert stories(store, min_documents=1, limit=10)[-1].documents[0].id in {1, 3}


def test_a_document_that_joins_two_stories_merges_them_into_the_first(store: Store) -> None:
    first, second = STORY[: len(STORY) // 2], STORY[len(STORY) // 2 :]
    store.add(analysed("https://a.example/1", first, "First half"))
    store.add(analysed("https://b.example/2", second, "Second half"))
    assert stories(store) == []  # the halves share nothing
    store.add(analysed("https://c.example/3", STORY, "Whole"))
    assert [d.id for d in stories(store)[0].documents] == [1, 2, 3]
    assert stories(store)[0].id == 1


def test_outlets_are_linked_by_domain_and_named_from_the_users_table(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    store = Store(db)
    store.add(analysed("https://www.daily.example/a", STORY, "A", outlet="The Daily Example"))
    store.add(analysed("https://daily.example/b", OTHER, "B"))
    store.add(analysed("/home/me/dumps/page.txt", STORY + " Update.", "C", outlet="Radio Vessa"))
    store.close()
    code, out, _ = run("outlets", "--db", str(db), "--format", "json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(r["key"], r["label"], r["documents"]) for r in rows] == [
        ("daily.example", "The Daily Example", 2),
        ("radio vessa", "Radio Vessa", 1),
    ]
    table = tmp_path / "outlets.tsv"
    table.write_text("domain\tname\tcountry\taffiliation\nhttps://daily.example/\tDaily Example\tGB\tindependent\n")
    code, _, err = run("outlets", "import", str(table), "--db", str(db))
    assert code == 0 and "imported 1 outlet(s)" in err
    code, out, _ = run("outlets", "--db", str(db))
    assert "Daily Example" in out and "GB, independent" in out
    code, out, _ = run("list", "--db", str(db))
    assert code == 0
    assert Store(db).documents()[0].outlet == "Daily Example"  # documents already stored take the name


def test_a_bad_outlet_table_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    table = tmp_path / "outlets.tsv"
    table.write_text("site\tcolour\nx\ty\n")
    code, _, err = run("outlets", "import", str(table), "--db", str(db))
    assert code == 1 and "the first line must name the columns" in err and "Traceback" not in err
    table.write_text("domain\tname\n\t\n")
    code, _, err = run("outlets", "import", str(table), "--db", str(db))
    assert code == 1 and f"{table}:2: needs a domain or a name" in err


def test_stories_command(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    store = Store(db)
    store.add(analysed("https://wire.example/bridge", STORY, "Bridge shut"))
    store.add(analysed("https://daily.example/bridge", f"{STORY}\n\n{FURNITURE}", "Marlow bridge closed"))
    store.close()
    code, out, _ = run("stories", "--db", str(db))
    assert code == 0
    assert "story 1: Bridge shut" in out and "2 documents, 2 outlets" in out
    code, out, _ = run("stories", "--db", str(db), "--format", "json", "--since", "2999-01-01")
    assert code == 0 and out.strip() == ""


def test_a_reprinted_report_counts_once_in_a_timeline(pipeline: Pipeline, tmp_path: Path) -> None:
    wire = (
        "Russian forces shelled the town of Kupiansk on 3 March 2024, regional officials said. "
        "Two houses and a school were damaged and three people were wounded, the officials said. "
        "Repair crews reached the school in the afternoon and the district ordered classes to move online."
    )
    own = (
        "Our correspondent saw the damage in the evening: Russian forces shelled the town of Kupiansk "
        "on 3 March 2024, hitting streets near the railway station."
    )
    db = tmp_path / "c.db"
    store = Store(db)
    published = Interval(earliest="2024-03-04", latest="2024-03-04", granularity="day")
    for uri, body in (
        ("https://wire.example/1", wire),
        ("https://daily.example/1", f"{wire}\n\n{FURNITURE}"),
        ("https://gazette.example/1", own),
    ):
        source = Source(uri=uri, kind="text", sha256=hashlib.sha256(body.encode()).hexdigest())
        store.add(pipeline.analyze(source, Article(body=body, published=published)))
    place = "Kupiansk"  # as the articles write it, whatever the gazetteer's spelling
    store.close()
    entries = service.timeline(Store(db), place)
    shelling = next(e for e in entries if e.first.sub_type == "Shelling/artillery/missile attack")
    assert shelling.records == 3
    assert [r.outlets for r in shelling.reports] == [["daily.example", "wire.example"], ["gazette.example"]]
    assert shelling.corroboration == {"outlets": 3, "stories": 2, "sources": 2}
    code, out, _ = run("timeline", place, "--db", str(db))
    assert code == 0 and "reported by 2 outlets" in out and "2 independent report(s) from 3 outlet(s)" in out
    from sitrep.web import pages

    shown = pages.place_views(Store(db), place)["records"]  # what the place page's map and charts count
    assert len([r for r in shown if r.sub_type == shelling.first.sub_type]) == 2  # reports, not reprints


def test_a_story_reprinted_many_times_stays_one_story_at_a_bounded_cost(store: Store) -> None:
    from sqlalchemy import func, select

    from sitrep.store import schema

    for n in range(120):
        store.add(analysed(f"https://outlet{n}.example/bridge", f"{STORY}\n\nCopy {n}.", f"Copy {n}"))
    found = stories(store, limit=5)
    assert len(found) == 1 and len(found[0].documents) == 120
    with store.engine.connect() as conn:
        most = conn.scalar(
            select(func.count())
            .select_from(schema.story_links)
            .group_by(schema.story_links.c.doc_id)
            .order_by(func.count().desc())
            .limit(1)
        )
    # uncapped, the 120th copy would be compared with (and linked to) all 119 before it
    assert most is not None and most <= 2 * story_index.PER_BUCKET < 119
