"""The map the server draws for pages read without JavaScript: land from the vendored Natural Earth file,
the events as linked circles, the gazetteer's towns as labels that never overlap."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from sitrep import gazetteer
from sitrep.store import Store
from sitrep.web import basemap, create_app

BAKHMUT = basemap.MapPoint(48.5956, 38.0004, "Bakhmut", 5, "/places/Bakhmut")


def test_the_land_around_the_events_is_drawn_at_a_regions_scale() -> None:
    drawn = basemap.svg_map([BAKHMUT], label="Map of Bakhmut").svg
    land = re.search(r'<path class="land" fill-rule="evenodd" d="([^"]+)"', drawn)
    assert land is not None and land.group(1).count("L") > 200  # coastlines and borders in detail, not a box
    view = basemap.view_of([BAKHMUT])
    assert view is not None and 1.6 <= view.north - view.south <= 4  # a region, not the world
    assert '<a href="/places/Bakhmut"><circle class="events"' in drawn and "5 reports at Bakhmut" in drawn


def test_town_names_never_overlap_and_the_largest_come_first() -> None:
    towns = [
        basemap.Town("Kramatorsk", 48.7389, 37.5844),
        basemap.Town("Kramatorsk Twin", 48.7390, 37.5850),  # right on top of it: left out
        basemap.Town("Horlivka", 48.3336, 38.0925),
    ]
    drawn = basemap.svg_map([BAKHMUT], towns)
    assert [t.name for t in drawn.towns] == ["Kramatorsk", "Horlivka"]
    assert "Kramatorsk Twin" not in drawn.svg and 'class="event-label"' in drawn.svg


def test_names_are_escaped_in_the_picture() -> None:
    hostile = basemap.MapPoint(48.6, 38.0, "<script>alert(1)</script>", 1, '/places/"onmouseover="x')
    drawn = basemap.svg_map([hostile]).svg
    assert "<script>" not in drawn and '"onmouseover' not in drawn


def test_the_gazetteer_gives_the_largest_towns_and_regions_of_a_box() -> None:
    known = gazetteer.load()
    found = known.largest("city", 47.5, 36.0, 49.5, 39.5, 10)
    assert "Donetsk" in [t.name for t in found]
    assert [t.population for t in found] == sorted((t.population for t in found), reverse=True)
    assert all(47.5 <= t.lat <= 49.5 and 36.0 <= t.lon <= 39.5 and t.kind == "city" for t in found)
    regions = known.largest("admin1", 47.5, 36.0, 49.5, 39.5, 10)
    assert "Donetsk Oblast" in [r.name for r in regions] and all(r.kind == "admin1" for r in regions)


def test_region_names_fill_the_room_the_towns_leave() -> None:
    towns = [basemap.Town("Kramatorsk", 48.7389, 37.5844)]
    regions = [
        basemap.Town("Donetsk Oblast", 47.9213, 37.781, "region"),
        basemap.Town("Kramatorsk Region", 48.7389, 37.5844, "region"),  # on the town's name: left out
        basemap.Town("Far Away Oblast", 20.0, 10.0, "region"),  # off the map
    ]
    drawn = basemap.svg_map([BAKHMUT], towns, regions=regions)
    assert [t.name for t in drawn.towns] == ["Kramatorsk", "Donetsk Oblast"]
    assert '<text class="region-label"' in drawn.svg and "Far Away" not in drawn.svg
    far_apart = [BAKHMUT, basemap.MapPoint(59.9, 30.3, "Saint Petersburg")]  # a continent: no region names
    assert "region-label" not in basemap.svg_map(far_apart, towns, regions=regions).svg


def _passes_near(lines: tuple[basemap.Ring, ...], lat: float, lon: float, within: float) -> bool:
    return any(abs(y - lat) < within and abs(x - lon) < within for _, line in lines for x, y in line)


def test_first_level_regions_are_outlined_on_a_regions_map() -> None:
    oblasts = basemap.region_borders("ukr")  # the borders two oblasts share, not the country's coast
    assert _passes_near(oblasts, 48.5, 38.3, 0.3)  # between Donetsk and Luhansk oblasts
    assert not _passes_near(oblasts, 45.3, 32.5, 0.15)  # western Crimea's coast: no other region there
    drawn = basemap.svg_map([BAKHMUT]).svg
    assert re.search(r'<path class="region-borders" d="M[^"]+"/>', drawn)
    far_apart = [BAKHMUT, basemap.MapPoint(59.9, 30.3, "Saint Petersburg")]  # a continent's map: none
    assert "region-borders" not in basemap.svg_map(far_apart).svg


def test_place_and_map_pages_carry_the_drawn_map(corpus: Store) -> None:
    client = TestClient(create_app(corpus), raise_server_exceptions=False)
    place = client.get("/places/Bakhmut").text
    assert '<svg class="basemap"' in place and 'class="land"' in place and 'class="town-label"' in place
    assert re.search(r'<text class="region-label"[^>]*>Donetsk Oblast<', place)  # the first-level region around it
    assert 'data-towns="[[' in place and "&#34;region&#34;]" in place  # the same names, for the script's map
    assert '<svg class="basemap"' in client.get("/map").text
    assert "No located events to draw." in client.get("/places/Nowhere").text
