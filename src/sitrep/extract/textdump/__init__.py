"""Flattened pages: recover the article from a text dump of a whole web page.

A text dump (a scraper's ``innerText``, ``w3m -dump``, ``lynx -dump``, a pasted
selection) keeps the words of every part of the page: menus, "Please Wait...",
share buttons, icon-font ligatures glued to labels, the title twice, a byline.
No HTML is left to tell them apart, so the extractor works on text units, in
four passes, one module each:

1. **Units** (:mod:`.lines`). Lines are cleaned of text-browser marks (``[12]``
   link numbers, ``(BUTTON)``, form fields, bracketed image names) and re-joined
   where a text browser wrapped them: a line is continued when the next word
   would not have fit in the wrap width (measured in display columns for Chinese
   and Japanese, which wrap anywhere and are joined without a space).
2. **Classes** (:mod:`.classify`). Each unit is classed as jusText does for HTML
   blocks: *good* (long, many stop words of the page's language, few links),
   *near-good*, *short* or *bad* (link lists, bullets, UI phrases, icon labels,
   script dumps), then short and near-good units take the class of their good
   neighbours. The language is read from the page's prose, not its menus. Photo
   captions, gallery slides and cards (framed by one repeated title line),
   bylines and time stamps between paragraphs are never text.
3. **Region** (:mod:`.blocks`). Good paragraphs join into runs with the largest
   score (good text counts for, boilerplate against); the run under a byline or
   date wins over longer unheaded blocks, and pieces of the article parted by a
   gallery or pictures join it. Comment sections, rights notices, unfilled
   templates, the next story's header and closing teaser lists end it.
4. **Metadata** (:mod:`.metadata`). Title, byline, section and time stamp come
   from the units above the body.

What a single unit is (a sentence, a headline, a byline, a date line, a caption)
is decided in :mod:`.signals`, the patterns live in :mod:`.patterns`, and every
threshold in :class:`TextdumpOptions` (:mod:`.options`); :mod:`.pipeline` runs
the passes. Everything removed is kept in ``boilerplate`` for audit.
"""

from __future__ import annotations

from sitrep.extract.textdump.options import DEFAULT_OPTIONS, TextdumpOptions
from sitrep.extract.textdump.pipeline import TextDump, extract_textdump, plain_header

__all__ = ["DEFAULT_OPTIONS", "TextDump", "TextdumpOptions", "extract_textdump", "plain_header"]
