"""Attribution extraction: who says what, with which reporting verb.

:func:`find_attributions` runs the passes of :mod:`.finder` over one spaCy parse
and returns :class:`FoundAttribution` records (character spans of source, cue and
content). The modules, from the bottom up:

* ``lexicon`` — cue words with their stance and frames; seats of government.
* ``quotes`` — quotation spans on the raw text; ``spans`` — token runs as trimmed character ranges.
* ``document`` — the per-document state every rule reads, and the record they produce.
* ``content`` — content boundaries (PolNeAR conventions); ``source_spans`` — source noun
  phrases and sources shared by subject-less cues; ``cues`` — cue spans.
* ``complements`` and ``verbs`` — reporting verbs and the content their frames take;
  ``phrases`` — "according to", "In a poll", speech-act nouns, stance adjectives.
* ``quotations`` — quotes tied to a cue the parse missed, quotes split by their cue;
  ``punctuation_cues`` — "Name: words", "“...” ― Name", embedded posts.
* ``finder`` — the passes in order; ``sources`` — who a source is (pronouns, short
  names, canonical actors), applied when the records become contract objects.
"""

from sitrep.attribution.document import FoundAttribution
from sitrep.attribution.finder import find_attributions

__all__ = ["FoundAttribution", "find_attributions"]
