"""Step 4: read title, byline, section and time stamp from the lines above the article.

A dump keeps an article's header only as loose lines among menus, crumbs and
teasers. Icon ligatures ("folder_open", "access_time") label the section and the
stamp outright; "By ..." is the byline and a date line the publication time. The
title needs judgement: it is the headline-like line that shares the story's
words, sits above the byline, date or standfirst, is of headline length, is not a
caption, and is often printed twice (page title and headline).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sitrep.extract import cjk
from sitrep.extract import published as stamps
from sitrep.extract.icons import ICON_ROLES
from sitrep.extract.textdump import patterns as p
from sitrep.extract.textdump.lines import Unit, content_words, norm, stems
from sitrep.extract.textdump.options import TextdumpOptions
from sitrep.extract.textdump.signals import (
    byline_line,
    byline_match,
    credited,
    dated_meta,
    headline_like,
    sentence_like,
)

# The Header field each icon role fills.
_ICON_FIELDS = {"section": "section", "time": "stamp", "author": "byline"}


@dataclass
class Header:
    """The article's metadata as printed above its body."""

    title: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    stamp: str | None = None  # publication time as printed ("2 months ago", "March 30, 2023")


@dataclass(frozen=True)
class PageTitle:
    """The first lines of a dump (``norm`` keys), where text browsers print the page's ``<title>``, and how
    many of them open the header (a line there does not vouch for itself)."""

    keys: frozenset[str]
    in_header: int


NO_PAGE_TITLE = PageTitle(frozenset(), 0)


def read_header(
    header: list[Unit],
    body: list[Unit],
    stoplist: frozenset[str],
    page_text: str,
    options: TextdumpOptions,
    main_headings: frozenset[str] = frozenset(),
    page_title: PageTitle = NO_PAGE_TITLE,
) -> Header:
    """Title, byline, authors, section and stamp from the units above the body (``page_text`` case-folded;
    ``main_headings``: the lines the converter marked as the page's ``<h1>``, case-folded; ``page_title``:
    the first lines of the page, where text browsers print its ``<title>``)."""
    found = Header()
    used: set[int] = set()
    for i, unit in enumerate(header):  # icon-labelled metadata is the most explicit: read it first
        for icon, text in unit.icons:
            role = ICON_ROLES.get(icon or "")
            if not text or role is None or getattr(found, _ICON_FIELDS[role]) is not None:
                continue
            setattr(found, _ICON_FIELDS[role], text)
            used.add(i)
    dated: list[int] = []
    for i, unit in enumerate(header):
        text = p.BULLET.sub("", unit.text)  # a byline and a date printed as a list ("* Von Max Muster")
        match = byline_match(text)
        if match and found.byline is None and len(unit.words) <= options.header_byline_max_words:
            found.byline = text
            used.add(i)
        elif found.stamp is None and (stamps.is_relative_stamp(text) or stamps.looks_like_dateline(text)):
            found.stamp = text
            used.add(i)
        elif dated_meta(unit, options) and not headline_like(unit, options):
            dated.append(i)
    if not used and dated:
        used.add(dated[-1])  # a date line with more on it ("01. November 2021 | Nature, Local"): the header's
    if found.byline:
        names = p.BYLINE.match(found.byline)
        raw = names["names"] if names else found.byline
        date_at = stamps.date_start(raw)  # "Ana Ruiz on July 27, 2017": the date is no author's name
        raw = p.BYLINE_DATE_TAIL.sub("", raw[:date_at]) if date_at else raw
        found.authors = [n.strip(" .") for n in p.NAME_SPLIT.split(raw) if n.strip(" .")]
    found.title = _find_title(header, used, body, stoplist, page_text, options, main_headings, page_title)
    return found


def _find_title(
    header: list[Unit],
    used: set[int],
    body: list[Unit],
    stoplist: frozenset[str],
    page_text: str,
    options: TextdumpOptions,
    main_headings: frozenset[str] = frozenset(),
    page_title: PageTitle = NO_PAGE_TITLE,
) -> str | None:
    """The headline: the best-scoring headline-like line above the body.

    A headline is short, one sentence with no full stop, not a caption, shares
    its content words with the story, sits close to the body and just above
    the byline/date or the standfirst, is often printed twice (page title
    and headline, close together or the title at the top of the page), and is
    the line a converter marked as the page's ``<h1>`` when it marks headings.
    """
    o = options
    opening_units = body[: o.title_opening_paragraphs]
    opening = set().union(*(content_words(u.text, stoplist, o) for u in opening_units)) if body else set()
    anywhere = set().union(*(content_words(u.text, stoplist, o) for u in body)) if body else set()
    story_stems = stems(anywhere, o.title_stem_chars)
    keys = [norm(p.BULLET.sub("", u.text)) for u in header]
    labels = {key for key in keys if len(key.split()) <= o.crumb_label_max_words}
    tails = [norm(_last_crumb_text(u.text)) if p.BREADCRUMB.search(u.text) else "" for u in header]
    scored: list[tuple[float, int, str]] = []
    captions: set[int] = set()
    headline_shaped = [headline_like(unit, o) for unit in header]
    last_candidate = max((i for i, shaped in enumerate(headline_shaped) if shaped), default=-1)
    for i, unit in enumerate(header):
        candidate = headline_shaped[i] or _last_crumb(header, i, used, o)
        if i in used or not candidate or _mid_sentence(header, i, o):
            continue
        if p.CREDITED_PICTURE.search(unit.text):
            continue  # a picture's caption or credit
        if dated_meta(unit, o) and norm(unit.text) not in main_headings:
            continue  # "Posted in Privacy by Jane on August 3, 2019", "Jane Doe | 29 December 2022": a stamp
        # Printed twice close together (page title and headline, crumb and headline); a menu item
        # repeated in the footer or a breadcrumb far away is not.
        near = keys[max(0, i - o.repeat_distance) : i] + keys[i + 1 : i + 1 + o.repeat_distance]
        near += [tails[k] for k in range(max(0, i - o.repeat_distance), i) if tails[k]]  # "Home » Travel » Headline"
        # ... or as the page's <title>, printed first: a headline's length, not a site's slogan
        at_the_top = i >= page_title.in_header and keys[i] in page_title.keys
        titled = at_the_top and len(unit.words) >= o.news_headline_min_words
        if at_the_top and not titled and keys[i] not in near:
            continue  # a few words printed at the top and again far below: the site's name or slogan
        repeated = keys[i] in near or titled
        adjacent = keys[i] in keys[max(0, i - 1) : i] + keys[i + 1 : i + 2]
        if adjacent and unit.text[-1] == "." and len(unit.words) >= o.news_headline_min_words:
            continue  # a sentence printed twice in a row: a picture's alt text over its caption
        shown = p.BULLET.sub("", unit.text)  # a crumb's list mark is not the headline's
        text = shown if repeated else _strip_site_name(shown, page_text)
        text = _last_crumb_text(text)  # "Home » News » Headline" → "Headline"
        segments = p.PIPE.split(text)
        if len(segments) >= 3:  # "Blog | Posts | Fashion | Headline", "Headline | News | Site": the longest
            text = max(segments, key=len)
        if p.SLASH_TRAIL.match(text):
            text = p.TRAIL_SLASH.split(text)[-1]  # "Home / IT / Headline" → "Headline"
        text = _without_bare_crumbs(text, labels, o)
        words = content_words(text, stoplist, o)
        wordy = [w for word in text.split() for w in cjk.tokens(word) if any(ch.isalpha() for ch in w)]
        # a year or a count is a word of a headline ("Fünf HR-Trends 2023"), not of a section label
        counted = len(wordy) + (len(wordy) >= 2 and any(t.isdigit() for t in text.split()))
        if not words or counted < (o.title_min_words_repeated if repeated else o.title_min_words):
            continue  # two words are a section label or a name unless printed twice ("Ein Albtraum")
        matched_opening, matched = len(words & opening), len(words & anywhere)
        above_metadata = any(0 < m - i <= o.title_above_metadata_lines for m in used)  # headlines sit just above
        declared = norm(unit.text) in main_headings or norm(text) in main_headings  # the page's <h1>
        below_metadata = any(0 < i - m <= o.title_below_metadata_lines for m in used)  # "Culture, March 3" above
        # the last headline-like line, right above the story
        on_the_body = i == last_candidate and len(header) - i <= o.title_on_body_lines and text[-1] not in ".!?:"
        standfirst = _standfirst_follows(header, i, o)
        vouched = repeated or above_metadata or declared or below_metadata or standfirst or on_the_body
        shared_stems = len(stems(words, o.title_stem_chars) & story_stems)  # "Abrechnung" / "Abrechnungspraxis"
        shares_stems = vouched and shared_stems >= min(o.title_min_shared, len(words))
        if (matched == 0 and not (declared and (repeated or above_metadata)) and not shares_stems) or (
            matched < min(o.title_min_shared, len(words)) and not vouched
        ):
            continue  # a headline shares its words with the story (one shared word alone is chance), unless
            # the converter marked it as the page's <h1> and it is printed twice or sits above the byline, or
            # it sits above the byline and shares the stems of the story's compounds
        weight = o.title_opening_weight
        overlap = (weight * matched_opening + (1 - weight) * matched) / (len(words) + o.title_smoothing)
        score = overlap * (o.title_repeat_factor if repeated else 1.0) - o.title_distance_penalty * (len(header) - i)
        score += (
            o.title_above_metadata_bonus * above_metadata
            + o.title_repeat_bonus * repeated
            + o.standfirst_bonus * standfirst
        )
        score += o.main_heading_bonus * declared
        over_credit = i + 1 < len(header) and credited(header[i + 1], o)  # a caption, then its picture's credit
        if over_credit:
            captions.add(i)
        score -= o.caption_penalty * (bool(p.CAPTION.search(text)) or over_credit)
        score -= o.full_stop_penalty * (text[-1] == ".")
        score -= o.title_long_penalty * (len(unit.words) > o.title_long_words)
        score += o.headline_length_bonus * (o.news_headline_min_words <= len(wordy) <= o.news_headline_max_words)
        if p.SENTENCE_BREAK.search(text):  # two full sentences are a caption or a teaser; a headline may
            # join two phrases ("Queen sails. A signal to China")
            score -= o.two_sentences_penalty if text[-1] in ".!?" else o.joined_phrases_penalty
        scored.append((score, i, text))
    if not scored:
        return None
    best_score, best_i, best = max(scored)
    # A standfirst repeats the story's words even more than its headline does; the headline comes first.
    # A standfirst that ends in a full stop gives way more readily: headlines seldom do.
    ratio = o.sentence_first_ratio if best.endswith(".") else o.headline_first_ratio
    for score, i, text in sorted(scored, key=lambda x: x[1]):
        first = best_i - o.headline_first_window <= i < best_i and i not in captions
        if first and score >= ratio * best_score and not text.endswith("."):
            best_score, best = score, text
            break
    return best if best_score >= o.title_min_score else None


def _last_crumb(header: list[Unit], i: int, used: set[int], options: TextdumpOptions) -> bool:
    """The last item of a list right above the date or byline: a breadcrumb trail printed as a list ends in
    the article's own headline ("* Home  * News  * Hunter found dead", then the date)."""
    unit, after = header[i], header[i + 1 : i + 2]
    dated = i + 1 in used or any(dated_meta(nxt, options) or byline_line(nxt, options) for nxt in after)
    last = not any(nxt.bullet for nxt in after)
    return unit.bullet and last and dated and headline_like(replace(unit, bullet=False), options)


# A guillemet opening a quotation, and the one that closes it (German »…«, ›…‹).
_CLOSING_QUOTE = {"»": "«", "›": "‹"}


def _last_crumb_text(text: str) -> str:
    """ "Home » News » Headline" → "Headline", and "› Headline" (a crumb's mark before the last one) → "Headline";
    "»Nein« zum Plan" opens with a quotation mark and is kept."""
    text = p.BREADCRUMB.split(text)[-1]
    mark = text[:1]
    if mark == ">" or (mark in _CLOSING_QUOTE and _CLOSING_QUOTE[mark] not in text):
        return text[1:].lstrip()
    return text


def _strip_site_name(text: str, page_text: str) -> str:
    """ "Headline | Site" → "Headline" when the site name is printed elsewhere on the page too.

    A dash inside a real headline ("Hochwasser am Rhein: Die Pegel steigen - Bürgermeister warnt")
    is kept: its second half is not a name the page repeats.
    """
    match = p.TITLE_SITE_SUFFIX.search(text)
    if match is None:
        return text
    # printed apart from the headline's own copies (a headline printed twice repeats its second half too)
    printed = page_text.count(match["site"].strip().casefold())
    if printed < 2:
        return text
    alone = printed - page_text.count(text.strip().casefold())
    return text[: match.start()] if alone >= 1 else text


def _without_bare_crumbs(text: str, labels: set[str], options: TextdumpOptions) -> str:
    """ "Home Climate Headline" → "Headline": a breadcrumb flattened without its separators.

    It starts with the home link; the section names after it are the page's menu labels (lines of their own).
    """
    home = p.HOME_CRUMB.match(text)
    words = text[home.end() :].split() if home else []
    if not words or words[0].casefold() not in labels:
        return text  # "Home prices rise again" is a headline
    while len(words) > options.crumb_keep_words and words[0].casefold() in labels:
        words.pop(0)
    return " ".join(words)


def _mid_sentence(header: list[Unit], i: int, options: TextdumpOptions) -> bool:
    """A piece of a sentence a text browser broke: it starts with a lower-case word, ends in a word that needs
    what follows it, or the next line finishes its sentence."""
    first = header[i].text.split()[0]
    lower = first.isalpha() and first.islower() and not p.SLASH_TRAIL.match(header[i].text)  # "home / News / …"
    if lower or p.DANGLING_END.search(header[i].text):
        return True  # "and the ministry said", "... and a man known as" ("iOS 13 will fix..." is a headline)
    nxt = header[i + 1] if i + 1 < len(header) else None
    return (
        nxt is not None
        and nxt.text[:1].islower()
        and header[i].text[-1] not in ".!?:"
        and len(nxt.words) >= options.mid_sentence_min_words
        and sentence_like(nxt)
    )


def _standfirst_follows(header: list[Unit], i: int, options: TextdumpOptions) -> bool:
    """The next line is a longer full sentence: a headline's standfirst (dek)."""
    if i + 1 >= len(header) or header[i].text[-1] == ".":  # a question or an exclamation may head a story
        return False
    nxt = header[i + 1]
    return len(nxt.words) >= options.standfirst_min_words and sentence_like(nxt) and not p.CAPTION.search(nxt.text)
