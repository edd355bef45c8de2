"""The library API: what the CLI calls, and what an HTTP API or a notebook calls the same way.

Interfaces parse their arguments, call these functions and print or serialise
what they return; they hold no logic of their own. Errors are
:class:`sitrep.errors.SitrepError` subclasses, which each interface maps to its
exit codes or HTTP statuses.
"""

from sitrep.corpus.timelines import Report, TimelineEntry, timeline, with_reports
from sitrep.corpus.views import ConflictPair, Period, conflicting, place_claims
from sitrep.service.analysis import Analyzer, IngestReport, Outcome, analyze_documents, analyze_paths, ingest
from sitrep.service.documents import document, documents, search
from sitrep.service.exports import export, export_records

__all__ = [
    "Analyzer",
    "ConflictPair",
    "IngestReport",
    "Outcome",
    "Period",
    "Report",
    "TimelineEntry",
    "analyze_documents",
    "analyze_paths",
    "conflicting",
    "document",
    "documents",
    "export",
    "export_records",
    "ingest",
    "place_claims",
    "search",
    "timeline",
    "with_reports",
]
