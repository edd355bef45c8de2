"""Every number the text-dump extractor decides by, in one place.

The passes weigh lengths, counts, shares and scores against thresholds tuned on
real pages. Keeping them in one frozen object makes them visible (each with what
it means), lets an evaluation try other values without patching modules, and
keeps the functions honest: each takes its thresholds from the options it is handed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextdumpOptions:
    """Thresholds and weights of the text-dump extractor, grouped by pass."""

    # --- units: cleaning and re-joining wrapped lines ---
    wrap_tolerance: int = 3  # lynx breaks a little early when a line holds link numbers
    wrap_overflow: int = 10  # a line this far past the wrap width, with no unbreakable run, was never wrapped
    wrap_edge_share: float = 0.1  # the wrap column still ends this share of the busiest column's lines
    wrap_min_lines: int = 8  # fewer breakable lines than this tell no wrap width
    column_min_indent: int = 8  # lines indented this far may be a column of a table layout ...
    column_min_lines: int = 12  # ... with a wrap width of its own when it holds this many lines
    wrap_edge_span: int = 12  # wrapped lines end within this many columns below the ceiling
    wrap_min_width: int = 30  # a ceiling narrower than this is not a wrap
    wrap_max_width: int = 1024  # ... nor one wider than this (lynx's widest)
    wrap_max_over_share: float = 0.05  # share of the long lines that may pass the ceiling (unbreakable links)
    wrap_min_mid_sentence: float = 0.5  # share of the edge lines that must break a sentence for a wrap
    wrap_min_edge_share: float = 0.2  # share of the long lines (over half the ceiling) that end near it
    wrap_min_near_top: int = 2  # lines that must end near the ceiling for it to be a wrap
    wrap_edge_break_share: float = 0.5  # ... or this share of the long lines that stop mid-sentence
    wrap_edge_min_lines: int = 2  # a wrap column ends at least this many lines
    link_list_share: float = 0.8  # share of the lines after "References" that are numbered URLs in lynx's list
    content_word_min_chars: int = 3  # a shorter word (not Chinese or Japanese) says nothing of what a text is about

    # --- classes: jusText-like paragraph classification ---
    length_low: int = 70  # a unit shorter than this (in characters) is short
    length_high: int = 200  # a unit longer than this with stop words enough is good
    numbered_heading_min_words: int = 3  # a numbered item this long may head a section ("3. Tiana From ...")
    stopwords_low: float = 0.30  # stop-word density a near-good unit needs
    stopwords_high: float = 0.32  # stop-word density a good unit needs
    max_link_density: float = 0.2  # links per word above which a unit is a link list
    language_min_words: int = 8  # units of this many words are the prose the language is read from
    language_min_sample: int = 100  # prose words needed before menus and short lines are left out
    language_max_sample: int = 20000  # words read to tell the page's language
    code_min_chars: int = 80  # a script dump is at least this long
    code_char_share: float = 0.08  # share of brackets, braces and operators that marks a script dump
    rights_notice_max_chars: int = 1000  # a site notice ("No part of this article ...") is shorter than this
    near_good_run: int = 3  # near-good units in a row (shorts between) that are a short article's text
    short_run: int = 3  # short lines in a row that are a list of links or teasers, not a subheading
    template_line_repeats: int = 3  # a line printed this often on the page is a template, never text
    self_repeat_copies: int = 2  # a block whose sentences each come this often is a slideshow's caption
    frame_min_words: int = 3  # a line framing gallery slides or cards has at least this many words
    frame_min_repeats: int = 3  # copies of a frame line that make a gallery or a card list
    frame_period: int = 4  # at most this many lines from one copy of a frame line to the next

    # --- what one unit is: sentence, headline, byline, date line, caption, comment heading ---
    closing_box_max_words: int = 60  # a notice under the story (a newsletter's sign-up) has at most this many words
    inner_sentence_min_words: int = 4  # a sentence between the story's paragraphs with this many words is its text
    sentence_min_words: int = 6  # a line ending like a sentence with this many words is running text
    headline_min_words: int = 2  # a headline-like line has at least this many words
    headline_max_words: int = 30  # ... and at most this many
    headline_max_links: int = 1  # ... and at most this many links
    byline_max_words: int = 8  # a "By Name" line between paragraphs is no longer than this
    dated_meta_max_words: int = 16  # a byline or time stamp carrying a date is no longer than this
    caption_max_words: int = 40  # a line ending in a picture credit is a caption up to this length
    credit_max_words: int = 10  # a picture credit under a headline is no longer than this
    story_header_min_words: int = 4  # a headline over a picture credit has at least this many words
    comment_heading_max_words: int = 12  # a comment-section heading is no longer than this
    anchor_window: int = 12  # lines above a run searched for the byline or date that heads an article
    lead_window: int = 3  # a lead sits within this many lines of the byline or date above it
    contents_min_items: int = 3  # a table of contents between a lead and its story has this many items ...
    contents_min_share: float = 0.6  # ... of which this share are printed again below, as section headings

    # --- region: choosing the article's run of good paragraphs ---
    gap_cost_linear: float = 25.0  # cost of each line of boilerplate between two good paragraphs
    gap_cost_quadratic: float = 1.0  # cost of the square of a gap's line count (long menus part stories)
    comments_after_chars: int = 400  # text a run must hold before a comment heading ends the article
    dated_meta_cost: float = 300.0  # cost of a date line between paragraphs (often the next story's)
    entry_stamp_repeats: int = 3  # date lines of one shape printed this often are comments' or entries' stamps
    entry_text_below: int = 2  # an entry's text (a comment) starts within this many lines under its stamp
    anchor_factor: float = 3.0  # a run under a byline or date counts this many times its score
    lead_min_sentences: int = 3  # sentences a lead parted from the body tells its story in
    resumed_min_paragraphs: int = 3  # paragraphs a run beyond a gallery needs to join the article
    resumed_min_chars: int = 500  # characters a run beyond a gallery needs to join the article
    resumed_min_overlap: float = 0.2  # share of its content words such a run must share with the article
    fallback_min_words: int = 8  # with no good paragraph, the article is sentences of at least this many words
    unique_min_chars: int = 30  # a repeated paragraph at least this long is printed once
    said_again_window: int = 3  # a paragraph the next this many paragraphs say again ...
    said_again_share: float = 0.8  # ... in this share of its word trigrams, is a caption or summary of them
    said_again_min_trigrams: int = 8  # shorter lines are left to the other rules
    table_min_rows: int = 3  # a table of figures inside the story: at least this many rows ...
    table_row_min_figures: int = 2  # ... holding this many numbers each (and most of its lines such rows) ...
    table_row_min_share: float = 0.4  # ... numbers for this share of the row's words at least ...
    table_row_max_words: int = 16  # ... of lines this short and without links
    inner_headline_window: int = 10  # lines at the run's top searched for a headline under site notices
    inner_headline_min_words: int = 4  # such a headline has at least this many words
    inner_headline_min_shared: int = 2  # content words it shares with the story below it
    notices_min: int = 2  # notices above it that make it the article's start
    notice_max_shared: float = 0.15  # share of the notices' content words the story may share
    teaser_min_pairs: int = 3  # headline-over-paragraph pairs that make a closing teaser list
    teaser_max_chars: int = 320  # a teaser's summary is a sentence or two; an article's section runs longer
    list_min_items: int = 2  # bulleted lines that make a list of the article's own (duties, key points)
    list_item_mean_words: float = 4.0  # ... with this many words per item on average (a menu has one to three)
    list_min_shared: float = 0.5  # ... and this share of items sharing a word stem with the article
    list_heading_max_words: int = 6  # a heading over such a list ("Your tasks", "Summary")

    # --- metadata: title, byline, section and time stamp from the lines above the body ---
    header_window: int = 60  # lines above the body read for metadata
    header_byline_max_words: int = 16  # a "By ..." line in the header read as the byline is no longer
    title_min_score: float = 0.1  # the best headline candidate needs this score to be the title
    title_stem_chars: int = 6  # a compound and its parts share this many first letters (Abrechnung/-spraxis)
    title_min_words: int = 3  # words a title candidate needs ...
    title_min_words_repeated: int = 2  # ... or this many when printed twice ("Ein Albtraum")
    title_min_shared: int = 2  # content words a candidate shares with the story, unless printed twice or above metadata
    title_opening_paragraphs: int = 3  # the story's opening paragraphs, whose words count extra for a title
    title_opening_weight: float = 0.5  # weight of words shared with the opening (the rest: with the whole story)
    title_smoothing: float = 1.5  # added to a candidate's word count: a one-word match in a two-word line is weak
    title_repeat_factor: float = 1.4  # overlap multiplier for a line printed twice close together
    title_repeat_bonus: float = 0.1  # bonus for a line printed twice close together
    title_distance_penalty: float = 0.003  # penalty per line between a candidate and the body
    title_above_metadata_lines: int = 6  # a headline sits at most this many lines above the byline or date
    title_below_metadata_lines: int = 1  # ... or the line right under one (a date or section line above it)
    title_on_body_lines: int = 3  # ... or the last headline-like line, at most this many lines above the story
    title_above_metadata_bonus: float = 0.35  # bonus for a candidate just above the byline or date
    standfirst_bonus: float = 0.25  # bonus for a candidate over a standfirst
    main_heading_bonus: float = 0.35  # bonus for the line a converter marked as the page's <h1>
    standfirst_min_words: int = 6  # a standfirst is a sentence of at least this many words
    caption_penalty: float = 0.3  # penalty for a candidate that reads as a caption
    full_stop_penalty: float = 0.15  # penalty for a candidate ending in a full stop
    title_long_words: int = 25  # a candidate longer than this many words ...
    title_long_penalty: float = 0.3  # ... is penalised this much
    news_headline_min_words: int = 6  # most news headlines are at least this many words long ...
    news_headline_max_words: int = 20  # ... and at most this many
    headline_length_bonus: float = 0.2  # bonus for a candidate of that length
    two_sentences_penalty: float = 0.3  # penalty for two full sentences (a caption or teaser)
    joined_phrases_penalty: float = 0.1  # penalty for two phrases joined by a full stop ("Queen sails. A signal")
    repeat_distance: int = 3  # lines within which a line printed twice counts as the page title and headline
    page_title_lines: int = 8  # first lines of a dump, where a text browser prints the page's <title>
    plain_header_chars: int = 3000  # the top of a clean article read for its title, byline and stamp
    plain_header_lines: int = 5  # ... where a byline or date line under its headline must stand
    plain_header_probe_chars: int = 40  # the first paragraph's opening looked for in it
    headline_first_window: int = 4  # lines above the best candidate searched for the headline over its standfirst
    headline_first_ratio: float = 0.75  # share of the best score such an earlier candidate needs
    sentence_first_ratio: float = 0.5  # ... when the best candidate is a sentence ending in a full stop
    mid_sentence_min_words: int = 4  # words of the next line that finish a candidate's sentence
    crumb_label_max_words: int = 2  # a menu label (breadcrumb step) has at most this many words
    crumb_keep_words: int = 3  # stripping a flattened breadcrumb leaves at least this many words
    title_repeat_paragraphs: int = 3  # the title printed again among this many first paragraphs is dropped


DEFAULT_OPTIONS = TextdumpOptions()
