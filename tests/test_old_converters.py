"""What old converters (the C html2text) do to a page, and how the dump is still read right.

They echo the page's XML declaration, print no blank line between blocks (a caption runs straight into
the paragraph under it), wrap lines counting an undecoded entity (``&#x119;``) or a mis-decoded
character ("Ã¶") as the columns it took, and mark the ``<h1>`` with asterisks.
"""

from __future__ import annotations

import textwrap

from sitrep.extract import detect_kind, extract
from sitrep.extract.encoding import double_decoded, repair_mojibake
from sitrep.extract.textdump import extract_textdump
from sitrep.extract.textdump.lines import split_units
from sitrep.sources import Origin, RawDoc

MENU = "\n".join(f"    * {name}" for name in ("Home", "News", "Sport", "Weather", "Culture", "Travel", "Opinion"))
FOOTER = "\n".join(f"    * {name}" for name in ("Imprint", "Privacy", "Contact", "Jobs", "Advertise", "Archive"))
STORY = (
    "Engineers at the Vessa plant switched off the last coal boiler on Tuesday after forty years of service. "
    "The town council said the site would host a battery park by the end of next year, and that the workers "
    "would keep their jobs while the old halls are taken down. Residents gathered at the gates to watch the "
    "chimney go dark, and the union thanked the crews who kept the boilers running through three hard winters."
)
SECOND = (
    "The mayor said the money saved on coal would pay for new buses, and that the first of them would run "
    "on the valley line before the summer holidays begin in the region next year."
)


def wrapped(text: str, width: int) -> list[str]:
    """Lines as a converter wraps them: a word goes to the next line when it would pass ``width``,
    counting every character of the text as printed (an entity's too)."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def dump_of(*blocks: str, width: int = 100, head: str = "") -> str:
    """An old-html2text page: menu, starred headline, blocks with no blank line between them, footer."""
    body = "\n".join(line for block in blocks for line in wrapped(block, width))
    return f"{head}{MENU}\n****** Vessa says goodbye to coal ******\n{body}\n{FOOTER}\n"


def read(dump: str) -> tuple[str, str]:
    source, article = extract(RawDoc(Origin("page.txt"), dump.encode("utf-8")), "auto")
    return source.kind, article.body


def test_an_echoed_xml_declaration_does_not_make_a_dump_html() -> None:
    dump = dump_of(STORY, SECOND, head='<?xml version="1.0" encoding="UTF-8" ?>\n\n')
    kind, body = read(dump)
    assert kind == "textdump"
    assert body.startswith("Engineers at the Vessa plant") and "new buses" in body
    page = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>'
    assert detect_kind(RawDoc(Origin("page.txt"), page.encode()), page).kind == "html"


def test_a_caption_closed_by_its_credit_ends_before_the_paragraph_under_it() -> None:
    # The caption's line is long enough that the paragraph's first word would not have fitted on it.
    caption = "A worker walks past the cooling tower of the Vessa plant on its last day of service © Ana Ruiz"
    assert len(caption) + len(" Engineers") > 100
    _, body = read(dump_of(caption, STORY, SECOND))
    assert body.startswith("Engineers at the Vessa plant")
    assert "©" not in body and "cooling tower" not in body


def test_a_marked_headline_printed_twice_is_the_title_even_sharing_no_word_with_the_story() -> None:
    crumbs = "    1. Home\n    2. Business\n    3. Goodbye, old smoke\n"
    dump = f"{MENU}\n{crumbs}****** Goodbye, old smoke ******\nBy Ana Ruiz\n" + "\n".join(wrapped(STORY, 100))
    dump += f"\n{FOOTER}\n"
    assert extract_textdump(dump).title == "Goodbye, old smoke"


def test_lines_wrapped_counting_undecoded_entities_are_joined_again() -> None:
    polish = (
        "Gdy spotkasz osob&#x119; niewidom&#x105;, zapytaj, czy potrzebuje pomocy. W &#x17c;adnym wypadku nie "
        "ci&#x105;gnij jej za r&#x119;k&#x119; lub ubranie. Je&#x15b;li zostaniesz poproszony o pomoc, "
        "nale&#x17c;y poda&#x107; osobie niewidomej rami&#x119; i i&#x15b;&#x107; p&#xf3;&#x142; kroku "
        "przed ni&#x105;. Gdy stawiasz przed tak&#x105; osob&#x105; jedzenie lub picie, poinformuj "
        "j&#x105;, gdzie ono si&#x119; znajduje, i nie podnoś głosu bez potrzeby."
    )
    found = extract_textdump(dump_of(STORY, polish))
    paragraphs = [p for p in found.paragraphs if p.startswith("Gdy spotkasz")]
    assert paragraphs, found.paragraphs
    assert "osobę niewidomą" in paragraphs[0] and paragraphs[0].endswith("bez potrzeby.")
    assert "\u200b" not in "".join(found.paragraphs)


def test_mojibake_is_repaired_in_dumps_and_in_plain_text() -> None:
    german = (
        "Die StraÃŸen in OberÃ¶sterreich wurden am Dienstag gesperrt, weil der Schnee die BÃ¤ume umgeworfen "
        "hatte. Die FeuerwehrmÃ¤nner arbeiteten die ganze Nacht, und am Morgen fuhren die ersten Busse wieder "
        "durch das Tal, berichtete die Polizei."
    )
    assert double_decoded(german)
    assert repair_mojibake("OberÃ¶sterreich") == "Oberösterreich"
    more = (
        "Die BÃ¼rgermeisterin sagte, die StraÃŸe nach Linz werde erst am Freitag wieder fÃ¼r alle Autos "
        "geÃ¶ffnet, und bat die Menschen, bis dahin mit dem Zug zu fahren."
    )
    found = extract_textdump(dump_of(german, more))
    assert found.paragraphs[0].startswith("Die Straßen in Oberösterreich")
    assert found.paragraphs[0].endswith("die Polizei.") and found.paragraphs[1].startswith("Die Bürgermeisterin")
    _, body = read(german)
    assert body.startswith("Die Straßen in Oberösterreich")
    clean = "Café in São Paulo – ‘quoted’ naïve text, 10 °C"
    assert not double_decoded(clean) and repair_mojibake(clean) == clean


def test_a_linked_starred_headline_and_a_pictures_alt_text() -> None:
    # Old html2text underlines a link's words: a linked headline comes out "******_Its_words_******".
    links = "\n".join(f"Read_more_{w}" for w in ("news", "sport", "weather", "culture", "travel"))
    alt = "[A worker walks past the cooling tower of the Vessa plant as the crews watch.]"
    dump = dump_of(alt, STORY, SECOND).replace(
        "****** Vessa says goodbye to coal ******", f"{links}\n******_Vessa_says_goodbye_to_coal_******"
    )
    found = extract_textdump(dump)
    assert found.title == "Vessa says goodbye to coal"
    assert found.paragraphs[0].startswith("Engineers at the Vessa plant")
    assert not any("cooling tower" in p for p in found.paragraphs)


def test_underlined_links_count_as_links_and_take_no_columns() -> None:
    """html2text shows a link only by joining its words with underscores: each is a link, as a text browser's
    numbered one is, and the wrap is still measured on the line as printed."""
    words = "the council said the Vessa_harbour_works would start in May and the Old_market_hall would reopen"
    sentence = f"On Tuesday {words} before the summer season begins for the ferries and the fishing boats."
    lines = wrapped(sentence, 60)
    assert len(lines) >= 2 and "_" in "".join(lines)
    dump = "\n".join(
        ["Read_more_news", "Read_more_sport", "Read_more_weather", "Read_more_culture", "Read_more_travel"]
    )
    units = split_units(dump + "\n\n" + "\n".join(lines) + "\n")
    [paragraph] = [u for u in units if u.text.startswith("On Tuesday")]
    assert paragraph.text == sentence.replace("_", " ")
    assert paragraph.links == 2
    assert all(u.links == 1 for u in units if u.text.startswith("Read more"))


def test_a_pictures_alt_text_and_its_caption_glued_on_are_left_out() -> None:
    # html2text prints the alt text, then the caption repeating it after the photographer's credit.
    alt = (
        "Some of the crews and their families watch as the last of the old boilers at the plant is switched off "
        "for good, after forty years of work."
    )
    picture = f"[{alt}] Photo: Ana Ruiz Archives Vessa Post {alt}"
    found = extract_textdump(dump_of(picture, STORY, SECOND))
    assert found.paragraphs[0].startswith("Engineers at the Vessa plant")
    assert not any("Ana Ruiz" in p or "their families" in p for p in found.paragraphs)


def test_a_picture_set_apart_by_one_space_does_not_continue_the_sentence_above_it() -> None:
    # The story's last line ends at the wrap edge: only the picture's indent says it starts a block of its own.
    last = wrapped(STORY, 84)[-1]
    assert len(last) <= 84 < len(last) + len(" [Crews")
    picture = " [Crews watching the chimney of the Vessa plant (file photo).]"
    found = extract_textdump(dump_of(STORY, SECOND, width=84).replace(f"{last}\n", f"{last}\n{picture}\n"))
    assert found.paragraphs[0] == STORY
    assert not any("file photo" in p for p in found.paragraphs)
