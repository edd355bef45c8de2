"""The data model, which *is* the JSON contract.

Every interface (CLI, store, exports, the library API) reads and writes these classes, so a
field name here is a promise: fields may be added, never renamed. The JSON Schema
in ``schema/analyzed-article.schema.json`` is generated from this module
(``sitrep schema``) and a test keeps the committed copy up to date.

All offsets are character offsets into ``article.body``, end-exclusive.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

SourceKind = Literal["html", "textdump", "text"]
Precision = Literal["point", "city", "admin2", "admin1", "region", "country"]
Granularity = Literal[
    "second",
    "minute",
    "hour",
    "part-of-day",
    "day",
    "week",
    "month",
    "quarter",
    "half-year",
    "season",
    "year",
    "decade",
    "century",
    "unknown",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Interval(_Model):
    """A span of calendar time with the precision it is actually known to.

    ``earliest``/``latest`` are ISO 8601 dates (``2023-03-28``) or date-times
    (``2023-03-29T18:00:00``), both inclusive. They are null when the text could
    not be anchored (e.g. "2 months ago" with no capture time): the words are then
    kept in ``text`` and nothing is invented.
    """

    earliest: str | None = None
    latest: str | None = None
    granularity: Granularity = "day"
    text: str | None = None


class Span(_Model):
    start: int
    end: int
    text: str


class Source(_Model):
    uri: str
    kind: SourceKind
    kind_reason: str | None = Field(default=None, description="Why the input was read as this kind (the signs found).")
    captured_at: str | None = None
    sha256: str | None = Field(default=None, description="Hash of the raw bytes: the document's identity.")


class Paragraph(_Model):
    start: int
    end: int


class Article(_Model):
    title: str | None = None
    byline: str | None = None
    authors: list[str] = Field(default_factory=list)
    outlet: str | None = None
    section: str | None = None
    language: str | None = None
    published: Interval | None = None
    body: str = ""
    paragraphs: list[Paragraph] = Field(default_factory=list)
    boilerplate: list[str] = Field(default_factory=list, description="Lines removed from the page, for audit.")


class Sentence(_Model):
    start: int
    end: int


class Mention(_Model):
    start: int
    end: int
    text: str
    label: str
    actor: str | None = None


class Place(_Model):
    start: int
    end: int
    text: str
    name: str | None = None
    geonameid: int | None = None
    place_id: str | None = Field(None, description="Stable gazetteer id (``geonames:703448`` or ``informal:donbas``).")
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    precision: Precision | None = None
    role: Literal["location", "actor"] = "location"
    actor: str | None = Field(None, description="Canonical actor when the name stands for a government.")
    confidence: float = 1.0


class Timex(_Model):
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    mod: str | None = None
    interval: Interval | None = None


Stance = Literal["neutral", "conceding", "distancing", "countering", "confirming", "belief", "directive"]


class AttributionSource(_Model):
    start: int
    end: int
    text: str
    actor: str | None = None
    resolved: str | None = Field(None, description="The fuller name a pronoun or short name refers to.")


class Cue(_Model):
    start: int
    end: int
    text: str
    lemma: str
    stance: Stance


class Attribution(_Model):
    kind: Literal["direct", "indirect", "mixed"]
    source: AttributionSource | None
    cue: Cue
    content: Span
    content_parts: list[Span] = Field(
        default_factory=list,
        description="The pieces of a content split around its cue (“A,” he said, “B.”); empty when it is one piece.",
    )


class EventActor(_Model):
    text: str
    actor: str | None = None
    side: str | None = None
    start: int | None = None
    end: int | None = None
    role: Literal["actor1", "actor2", "associated"] = "actor1"


class Evidence(_Model):
    start: int
    end: int


Modality = Literal["asserted", "denied", "hypothetical", "planned"]


class Event(_Model):
    type: str
    sub_type: str
    actors: list[EventActor] = Field(default_factory=list)
    place: int | None = Field(None, description="Index into ``places``.")
    when: Interval | None = None
    modality: Modality = "asserted"
    asserted_by: int | None = Field(None, description="Index into ``attributions``; null: the outlet asserts it.")
    evidence: Evidence
    trigger: Span | None = None
    confidence: float = 0.5


ControlStatus = Literal["holds", "captured", "retaken", "advancing", "contested", "encircled", "withdrawn"]


class ControlClaim(_Model):
    place: int = Field(description="Index into ``places``.")
    side: str
    status: ControlStatus
    when: Interval | None = None
    claimant: int | None = Field(None, description="Index into ``attributions``; null: the outlet claims it.")
    evidence: Evidence
    modality: Modality = "asserted"
    confidence: float = 0.5


class AnalyzedArticle(_Model):
    """One analysed document: the unit every interface exchanges."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    article: Article
    sentences: list[Sentence] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    control: list[ControlClaim] = Field(default_factory=list)


def json_schema() -> dict[str, object]:
    """The JSON Schema of :class:`AnalyzedArticle`, as committed in ``schema/``."""
    schema = AnalyzedArticle.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/sitrep/sitrep/schema/analyzed-article.schema.json"
    return schema
