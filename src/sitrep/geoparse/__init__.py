"""Reading place names in text: toponyms -> gazetteer entries, or governments when a place name stands for one.

Three small steps over one spaCy parse, against the on-disk index of :mod:`sitrep.gazetteer`:

1. *spot* (:mod:`~sitrep.geoparse.spotting`, :mod:`~sitrep.geoparse.evidence`): entities,
   datelines, listed regions and the place names the model mislabels or misses, with guards
   against people; or take spans someone else marks as places (:mod:`~sitrep.geoparse.given`);
2. *resolve* (:mod:`~sitrep.geoparse.resolve`): candidates by name and alias, chosen
   collectively for the document with the local cues: the kind ("the city of X", "X Oblast",
   :mod:`~sitrep.geoparse.cues`) and the container ("Paris, Tenn.", :mod:`~sitrep.geoparse.containers`);
3. *metonymy* (:mod:`~sitrep.geoparse.metonymy`): a country or capital standing for its
   government ("Moscow says") is role ``actor``; :mod:`~sitrep.geoparse.geocode` makes the
   contract's :class:`~sitrep.model.Place` records.

Nothing here knows about the analysis pipeline: functions take a ``Doc`` and a ``Gazetteer``.
"""

from sitrep.geoparse.geocode import find_places, resolve_toponyms
from sitrep.geoparse.given import given_toponyms
from sitrep.geoparse.spotting import spot
from sitrep.geoparse.toponyms import Toponym

__all__ = ["Toponym", "find_places", "given_toponyms", "resolve_toponyms", "spot"]
