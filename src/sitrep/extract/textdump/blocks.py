"""Step 3: choose the article's block among the page's runs of text, and find where it ends.

Classification leaves several runs of good paragraphs on a page: the article,
teaser lists, forum posts, a second story, readers' comments. This pass scores
the runs (text counts for, boilerplate against), prefers the run under a byline
or date, joins the pieces of an article that a gallery or pictures cut apart,
and knows what ends an article: a comment section, a rights notice, an unfilled
template, the next story's headline or date line, a closing list of teasers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from sitrep.extract import published as stamps
from sitrep.extract.textdump import patterns as p
from sitrep.extract.textdump.classify import page_marked
from sitrep.extract.textdump.lines import Unit, content_words, norm, stems, words
from sitrep.extract.textdump.options import TextdumpOptions
from sitrep.extract.textdump.signals import (
    alt_and_caption,
    anchored,
    byline_line,
    comments_heading,
    credited,
    dated_meta,
    headline_like,
    prose,
    sentence_like,
    story_header,
)

Span = tuple[int, int]

# A sentence's full stop, inside a closing quote or bracket or not: list items that tell, where teasers name.
_FULL_STOP = re.compile(r"\.[\"”’»)]*$")


def find_region(units: list[Unit], stoplist: frozenset[str], options: TextdumpOptions) -> tuple[int, list[Span]]:
    """Where the article's body starts (its header lies above), and its spans of units [(start, end)].

    The region is trimmed to real sentences, a closing teaser list and the site notices above an
    inner headline are cut off. With no run of good paragraphs, the longest run of real sentences
    stands in; no spans: the page holds no article.
    """
    spans = _main_region(units, stoplist, options)
    if not spans:
        fallback = _fallback_region(units, options)
        spans = [fallback] if fallback else []
    if not spans:
        return 0, []
    start, end = _trim(units, spans[0][0], spans[-1][1], options)
    start, end = _trim(units, start, _without_teaser_tail(units, start, end, stoplist, options), options)
    start, end = _trim(units, _below_inner_headline(units, start, end, stoplist, options), end, options)
    spans = [(max(a, start), min(b, end)) for a, b in spans]
    return start, _with_lists(units, spans, stoplist, options)


def _with_lists(units: list[Unit], spans: list[Span], stoplist: frozenset[str], options: TextdumpOptions) -> list[Span]:
    """The region with the article's own bulleted lists: inside it, and below its end with the text they lead to.

    A text browser prints a list's items as short bulleted lines, which classification takes for a menu.
    A list of the article's (a job advert's duties, a story's key points) has items of several words, no
    links, and shares words with the article; a menu's items are one to three words, a list of other
    stories sits under a "see also" heading or under none at all. Such list items become text, and a run of
    text right below a list at the region's end (the advert's closing paragraphs) joins the region.
    """
    known = _stems_of([u for a, b in spans for u in units[a:b] if u.klass == "good"], stoplist, options)
    for a, b in spans:
        i = a
        while i < b:
            end = _list_end(units, i, b)
            if end > i and _own_list(units[i:end], known, stoplist, options):
                for unit in units[i:end]:
                    unit.klass = "good"
            i = max(end, i + 1)
    grown, i = list(spans), spans[-1][1]
    while i < len(units):
        headed = _list_heading(units[i], options)
        above = units[i - 1] if i > 0 else None
        introduced = above is not None and (above.text.endswith(":") or _list_heading(above, options))
        start = i + 1 if headed else i
        end = _list_end(units, start, len(units))
        if end == start or not _own_list(units[start:end], known, stoplist, options):
            break
        told = any(_FULL_STOP.search(u.text) for u in units[start:end]) or p.NUMBERED_HEADING.match(units[start].text)
        if not (headed or introduced or told):
            break  # headlines as bullets under the story, with nothing to lead to them: links to other stories
        for unit in units[start:end]:
            unit.klass = "good"
        after = end + 1 if end < len(units) and _list_heading(units[end], options) else end
        stop = after
        while stop < len(units) and units[stop].klass == "good" and not comments_heading(units[stop], options):
            stop += 1
        grown.append((start, end))
        if stop > after:
            grown.append((after, stop))
        i = max(stop, end)
    return grown


def _list_end(units: list[Unit], i: int, end: int) -> int:
    """Where the run of link-free bulleted lines starting at ``i`` ends (``i``: none starts there)."""
    j = i
    while j < end and units[j].bullet and units[j].links == 0:
        j += 1
    return j


def _list_heading(unit: Unit, options: TextdumpOptions) -> bool:
    """A short heading line over a list ("Your tasks", "Summary:"), not one over other stories ("See also",
    "Read more") or comments."""
    return (
        not unit.bullet
        and unit.klass != "good"
        and 0 < len(unit.words) <= options.list_heading_max_words
        and not p.SEE_ALSO.match(unit.text)
        and not p.READ_MORE.match(unit.text)
        and not comments_heading(unit, options)
    )


def _own_list(items: list[Unit], known: set[str], stoplist: frozenset[str], options: TextdumpOptions) -> bool:
    """Items of the article's own list: several, several words each, about what the article is about."""
    if len(items) < options.list_min_items:
        return False
    mean_words = sum(len(u.words) for u in items) / len(items)
    shared = sum(bool(_stems_of([u], stoplist, options) & known) for u in items)
    return mean_words >= options.list_item_mean_words and shared >= options.list_min_shared * len(items)


def body_units(units: list[Unit], spans: list[Span], options: TextdumpOptions) -> list[Unit]:
    """The good units of the spans, each paragraph once (notices and pull quotes are printed twice), without
    a caption or summary that the paragraphs right after it say again word for word, or the author's biography
    closing the story."""
    seen: set[str] = set()
    kept = []
    tables = {i for a, b in spans for i in _table_rows(units, a, b, options)}
    told = _inner_sentences(units, spans, options)
    chosen = {i for a, b in spans for i in range(a, b) if units[i].klass == "good" or i in tables} | told
    for unit in (units[i] for i in sorted(chosen)):
        key = norm(unit.text)
        if key not in seen or len(key) < options.unique_min_chars:
            kept.append(unit)
        seen.add(key)
    grams = [_trigrams(unit.text) for unit in kept]
    window = options.said_again_window
    kept = [
        unit for i, unit in enumerate(kept) if not _said_again_below(grams[i], grams[i + 1 : i + 1 + window], options)
    ]
    while len(kept) > 1 and _closing_box(kept[-1], options):
        kept.pop()  # the author's biography, a newsletter's sign-up closing the story
    return _without_link_boxes(units, spans, kept, options)


def _closing_box(unit: Unit, options: TextdumpOptions) -> bool:
    """A box the page prints under its story: the author's biography, a newsletter's sign-up."""
    short = len(unit.words) <= options.closing_box_max_words
    return bool(p.AUTHOR_BIO.match(unit.text)) or (short and bool(p.CLOSING_NOTICE.search(unit.text)))


def _without_link_boxes(units: list[Unit], spans: list[Span], kept: list[Unit], options: TextdumpOptions) -> list[Unit]:
    """The story without a box of links to other stories inside it: a "Related:" or "Read also" label and the
    headlines under it (up to a paragraph's length each, no full stop), up to the next paragraph."""
    boxed: set[int] = set()
    box = False
    for unit in (u for a, b in spans for u in units[a:b]):
        if p.SEE_ALSO.match(unit.text) or p.RELATED_BOX.match(unit.text):
            box = True
            continue
        headline = len(unit.words) <= options.headline_max_words and not _FULL_STOP.search(unit.text)
        box = box and (headline or unit.klass != "good")
        if box:
            boxed.add(id(unit))
    return [u for u in kept if id(u) not in boxed]


def _inner_sentences(units: list[Unit], spans: list[Span], options: TextdumpOptions) -> set[int]:
    """Indexes of the sentences between the story's paragraphs that context revision lost: an interview's
    questions and short answers, a one-line paragraph. Classed alone they are short or thin in stop words, and
    their neighbours are such lines too; inside the story they are its text unless they are a caption, a
    credit, a byline or date line, a link or a list item. Between the story's pieces (where a gallery parted
    them) only short sentences are: a gallery's slides are long captions."""
    good = [i for a, b in spans for i in range(a, b) if units[i].klass == "good"]
    inside = {i for a, b in spans for i in range(a, b)}
    return {
        i
        for i in range(min(good, default=0) + 1, max(good, default=0))
        if units[i].klass != "good"
        and (units[i].initial == "short" or (i in inside and _thin_sentence(units[i], options)))
        and sentence_like(units[i], options.inner_sentence_min_words)
        and units[i].links == 0
        and not units[i].bullet
        and not credited(units[i], options)
        and not alt_and_caption(units[i], options)
        and not dated_meta(units[i], options)
        and not byline_line(units[i], options)
        and not p.CAPTION.search(units[i].text)
        and not p.SEE_ALSO.match(units[i].text)
        and not p.READ_MORE.match(units[i].text)
    }


def _thin_sentence(unit: Unit, options: TextdumpOptions) -> bool:
    """A sentence classed near-good, or bad only for its few stop words, not for what it is."""
    return unit.initial == "near-good" or not page_marked(unit.text, options)


def _table_rows(units: list[Unit], start: int, end: int, options: TextdumpOptions) -> set[int]:
    """Indexes of the rows of tables of figures inside the story (results, statistics, prices): runs of short
    lines between its paragraphs, most of them holding several numbers. A converter prints a table as such
    lines, each too short to pass for running text."""
    rows: set[int] = set()
    i = start
    while i < end:
        if units[i].klass == "good":
            i += 1
            continue
        j = i
        while j < end and units[j].klass != "good" and _table_line(units[j], options):
            j += 1
        figures = sum(_figure_row(units[k], options) for k in range(i, j))
        inside = i > start and j < end and units[j].klass == "good"  # paragraphs of the story on both sides
        if inside and figures >= options.table_min_rows and 2 * figures >= j - i:
            rows.update(range(i, j))
        i = max(j, i + 1)
    return rows


def _table_line(unit: Unit, options: TextdumpOptions) -> bool:
    return unit.links == 0 and len(unit.words) <= options.table_row_max_words


def _figure_row(unit: Unit, options: TextdumpOptions) -> bool:
    """A row of figures: several numbers, and numbers for a good share of its words (a line of prose or an
    embedded post's signature has a date or two among many words)."""
    words = unit.words
    figures = sum(any(c.isdigit() for c in word) for word in words)
    return figures >= options.table_row_min_figures and figures >= options.table_row_min_share * len(words)


def _said_again_below(grams: set[tuple[str, ...]], below: list[set[tuple[str, ...]]], options: TextdumpOptions) -> bool:
    """Whether the next paragraphs (their word trigrams ``below``) hold nearly all of this one's: a photo caption
    printed above the story it quotes ("Nadia won with 58%... (screen grab)"), not text of its own."""
    if len(grams) < options.said_again_min_trigrams:
        return False
    return len(grams & set().union(*below)) >= options.said_again_share * len(grams)


def _trigrams(text: str) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}


@dataclass
class _Run:
    """Good paragraphs joined across short gaps: [start, end) with the best score reached."""

    start: int
    end: int
    score: float


def _runs(units: list[Unit], options: TextdumpOptions) -> list[_Run]:
    """Runs of good paragraphs, each cut where it scored best.

    Good paragraphs count by their length; the boilerplate between two of them
    costs more than linearly in its number of lines, so an article is not glued
    to a teaser block beyond a long menu, yet survives an ad line or a caption.
    A comment-section heading below an article ends the search; a rights notice ends a run.
    """
    segments: list[tuple[int, int, float]] = []
    i = 0
    while i < len(units):
        if units[i].klass != "good":
            i += 1
            continue
        j = i
        while j < len(units) and units[j].klass == "good":
            j += 1
        segments.append((i, j, float(sum(len(u.text) for u in units[i:j]))))
        i = j
    runs: list[_Run] = []
    running, run_text = 0.0, 0.0
    for k, (seg_start, seg_end, value) in enumerate(segments):
        if k > 0:
            gap_start = segments[k - 1][1]
            gap = seg_start - gap_start
            running -= options.gap_cost_linear * gap + options.gap_cost_quadratic * gap * gap
            gap_units = units[gap_start:seg_start]
            below_text = running > 0 and run_text >= options.comments_after_chars
            if any(comments_heading(u, options, below_text) for u in gap_units):
                if below_text:
                    break  # readers' comments begin below an article: nothing further down is the article
                running = 0.0  # never join text across a comment heading
            elif any(p.RIGHTS_NOTICE.search(u.text) or p.PLACEHOLDER.search(u.text) for u in gap_units):
                running = 0.0  # an article (or the page) ends at its rights notice; a template is not the article
            elif story_header(gap_units, options):
                running = 0.0  # a headline over a picture starts the next story
            elif any(dated_meta(u, options) for u in gap_units) and not any(
                p.SEE_ALSO.match(u.text) for u in gap_units
            ):
                running -= options.dated_meta_cost  # a date line between paragraphs: often the next story's
        if running <= 0:
            running, run_text = value, value
            runs.append(_Run(seg_start, seg_end, value))
        else:
            running += value
            run_text += value
        if running > runs[-1].score:
            runs[-1].end, runs[-1].score = seg_end, running
    return runs


def _reprinted_cards(units: list[Unit], options: TextdumpOptions) -> frozenset[int]:
    """Lines that, with the line above them, are printed twice on the page: teaser cards.

    A "most read" or "more on this" card (a headline, then "By Name" or a date) is often printed in two
    lists far apart. The article's own headline and byline stand together once, or twice in a row (a page
    header printed for two screen sizes); its section label and date may be reprinted in a "latest" list,
    so only a pair led by a headline-length line counts.
    """
    places: dict[tuple[str, str], list[int]] = {}
    for i in range(1, len(units)):
        if len(units[i - 1].words) >= options.news_headline_min_words:  # a headline, not a section label
            places.setdefault((norm(units[i - 1].text), norm(units[i].text)), []).append(i)
    return frozenset(
        i
        for positions in places.values()
        if len(positions) >= 2 and positions[-1] - positions[0] > options.anchor_window
        for i in positions
    )


def _entry_stamps(units: list[Unit], options: TextdumpOptions) -> frozenset[int]:
    """Date lines of one shape printed many times: the stamps of readers' comments or of a listing's entries.

    Each comment in a thread has its own "Name 28.05.2019 // 08:07" line and each entry of a listing its
    own date, so a run under one of them looks like an article under its header. An article's own date
    lines stand together in its header (posted, updated, a header printed for two screen sizes), and a
    teaser list's stamps follow one another with no paragraph between them; a shape that stamps
    ``entry_stamp_repeats`` or more blocks, each after paragraphs of its own, heads entries.
    """
    shapes: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        if dated_meta(unit, options):
            shapes.setdefault(stamps.date_shape(unit.text), []).append(i)
    entries: set[int] = set()
    for lines in shapes.values():
        heads = [i for above, i in pairwise([-1, *lines]) if any(u.klass == "good" for u in units[above + 1 : i])]
        if len(heads) >= options.entry_stamp_repeats:
            entries.update(lines)
    return frozenset(entries)


def _story_sized(lead: list[Unit], options: TextdumpOptions) -> bool:
    """A lead tells the story in several sentences; a caption under the date has one or two."""
    text = " ".join(u.text for u in lead if u.klass == "good")
    return len(text) >= options.length_high or len(p.SENTENCE_SPLIT.findall(text)) + 1 >= options.lead_min_sentences


def _parted_lead(units: list[Unit], runs: list[_Run], main: _Run, options: TextdumpOptions) -> _Run | None:
    """The lead under the byline or date when pictures and share buttons part it from the main run.

    A lead is short, so its run does not outlast the gap the pictures cost; it still belongs to the article
    when it stands right under the article's header, tells the story in a few sentences (a caption there
    has one or two), and the main run starts a few lines below it, or below the story's table of contents.
    """
    for run in runs:
        gap = main.start - run.end
        if (
            run is not main
            and gap >= 0
            and (gap <= options.anchor_window or _table_of_contents(units, run.end, main.start, options))
            and anchored(units, run.start, options, options.lead_window)
            and _story_sized(units[run.start : run.end], options)
            and not any(comments_heading(u, options) for u in units[run.end : main.start])
        ):
            return run
    return None


def _table_of_contents(units: list[Unit], start: int, end: int, options: TextdumpOptions) -> bool:
    """Whether the lines between a lead and the story are the story's table of contents: most of its items
    are printed again below it, as the headings of the story's sections ("• 1. Neil Patrick Harris", then
    "1. Neil Patrick Harris" over the first section)."""
    items = [norm(p.BULLET_RUN.sub("", p.BULLET.sub("", u.text, count=1))) for u in units[start:end] if u.bullet]
    if len(items) < options.contents_min_items:
        return False
    below = {norm(u.text) for u in units[end:]}
    return sum(item in below for item in items) >= options.contents_min_share * len(items)


def _main_region(units: list[Unit], stoplist: frozenset[str], options: TextdumpOptions) -> list[Span]:
    """The best run of good paragraphs, plus the runs that continue the same article: [(start, end)].

    The best run is the highest-scoring one, counted three times over when a
    byline or date line sits just above it (an article's header, which forums
    and teaser lists lack). An article is often cut in two by a block of other
    things (a photo gallery, a video playlist): a run on the other side of it
    joins the article when it is article-sized and about the same things (a
    fifth of the content words of the smaller of the two are the other's).
    Comments never join, nor does an entry's text right under its stamp.
    """
    runs = _runs(units, options)
    if not runs:
        return []
    entries = _entry_stamps(units, options)
    reprinted = _reprinted_cards(units, options) | entries

    def weight(run: _Run) -> float:
        return run.score * (options.anchor_factor if anchored(units, run.start, options, 0, reprinted) else 1.0)

    main = max(runs, key=weight)
    main_body = (u for u in units[main.start : main.end] if u.klass == "good")
    words = set().union(*(content_words(u.text, stoplist, options) for u in main_body))
    spans = [(main.start, main.end)]
    lead = _parted_lead(units, runs, main, options)
    if lead is not None:
        spans.append((lead.start, lead.end))
    for run in runs:
        body = [u for u in units[run.start : run.end] if u.klass == "good"]
        run_words = set().union(*(content_words(u.text, stoplist, options) for u in body))
        between = units[main.end : run.start] if run.start >= main.end else units[run.end : main.start]
        if (
            run is not main
            and run is not lead
            and len(body) >= options.resumed_min_paragraphs
            and sum(len(u.text) for u in body) >= options.resumed_min_chars
            and len(run_words & words) >= options.resumed_min_overlap * min(len(run_words), len(words))
            and not any(comments_heading(u, options) for u in between)
            and not entries.intersection(range(run.start - options.entry_text_below, run.start))
        ):
            spans.append((run.start, run.end))
    return sorted(spans)


def _fallback_region(units: list[Unit], options: TextdumpOptions) -> Span | None:
    """A page with no good paragraph at all (a three-sentence story): its longest run of real sentences."""
    best, best_len = None, 0
    i = 0
    while i < len(units):
        j = i
        while j < len(units) and units[j].initial != "bad" and sentence_like(units[j], options.fallback_min_words):
            j += 1
        length = sum(len(u.text) for u in units[i:j])
        if length > best_len:
            best, best_len = (i, j), length
        i = j + 1
    if best is not None:
        for unit in units[best[0] : best[1]]:
            unit.klass = "good"
    return best


def _trim(units: list[Unit], start: int, end: int, options: TextdumpOptions) -> Span:
    """Give the region's ragged edges back to the header and footer.

    Context revision lets headlines, bylines and captions next to the article
    turn good; the body starts at the first real sentence and ends at the last.
    """
    while start < end - 1 and not prose(units[start], options):
        start += 1
    while end > start + 1 and not sentence_like(units[end - 1]):
        end -= 1
    return start, end


def _below_inner_headline(
    units: list[Unit], start: int, end: int, stoplist: frozenset[str], options: TextdumpOptions
) -> int:
    """Move the region's start below a headline printed among its first lines.

    Site notices ("Thank you for registering ...") are short sentences above the headline that context
    revision turns to text. A headline-like line whose words recur in the story below it, with lines above it
    that share next to nothing with that story, is the article's start: what stands above is the page's.
    """
    for k in range(start + 1, min(end - 1, start + options.inner_headline_window)):
        head = units[k]
        if head.initial != "short" or len(head.words) < options.inner_headline_min_words or sentence_like(head):
            continue
        notices = [u for u in units[start:k] if u.klass == "good"]
        if not headline_like(head, options) or dated_meta(head, options) or len(notices) < options.notices_min:
            continue
        if any(u.initial == "good" for u in notices):
            continue  # notices are short; a long paragraph above is the article's lead
        story = [u for u in units[k + 1 : end] if u.klass == "good"]
        below = set().union(*(content_words(u.text, stoplist, options) for u in story))
        above = set().union(*(content_words(u.text, stoplist, options) for u in notices))
        about_story = len(content_words(head.text, stoplist, options) & below) >= options.inner_headline_min_shared
        if about_story and len(above & below) <= options.notice_max_shared * len(above):
            return k + 1
    return start


def _without_teaser_tail(
    units: list[Unit], start: int, end: int, stoplist: frozenset[str], options: TextdumpOptions
) -> int:
    """Cut a list of teasers off the region's end: three or more headlines, each over a single short paragraph.

    A recommendation box ("DW recommends", notices with a title) alternates a headline with a paragraph of
    a sentence or two; an article's sections hold several paragraphs, or a long one, under each subheading.
    """
    cut, pairs = end, 0
    while cut - 2 > start:
        head, text = units[cut - 2], units[cut - 1]
        teaser = (
            head.initial == "short"
            and headline_like(head, options)
            and not sentence_like(head)
            and text.initial != "short"
            and sentence_like(text)
            and len(text.text) <= options.teaser_max_chars
        )
        if not teaser:
            break
        cut, pairs = cut - 2, pairs + 1
    if pairs < options.teaser_min_pairs:
        return end
    kept, dropped = (sum(len(u.text) for u in units[a:b] if u.klass == "good") for a, b in ((start, cut), (cut, end)))
    if dropped > kept and _items_of_the_story(units, start, cut, end, stoplist, options):
        return end  # a list story ("Ten-Minute Stair Workout", then what it is) after a short introduction
    return cut


def _items_of_the_story(
    units: list[Unit], start: int, cut: int, end: int, stoplist: frozenset[str], options: TextdumpOptions
) -> bool:
    """Most of the list's headlines share a word stem with the text above them: items of the story, where
    the teasers of a recommendation box are about other stories."""
    known = _stems_of([u for u in units[start:cut] if u.klass == "good"], stoplist, options)
    heads = range(cut, end, 2)
    about = sum(bool(_stems_of([units[i]], stoplist, options) & known) for i in heads)
    return 2 * about > len(heads)


def _stems_of(chosen: list[Unit], stoplist: frozenset[str], options: TextdumpOptions) -> set[str]:
    """The stems of the units' content words: what they are about, compounds and plurals matched."""
    return stems(set().union(*(content_words(u.text, stoplist, options) for u in chosen)), options.title_stem_chars)
