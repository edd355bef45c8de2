"""The compiled patterns of the text-dump extractor, grouped by what they recognise.

A flattened page has no markup left, so page furniture, notices, captions, bylines and
comment sections are told apart by their words. The patterns are many and multilingual;
kept together, the passes read as decisions ("a caption", "a rights notice") and a
language or phrase is added in one place.
"""

from __future__ import annotations

import re

from sitrep.extract import cjk

# --- text-browser output: marks, bullets, spacing, lynx's link list -----------------------------------------------

# A link number w3m and lynx print before a link's text: "[12]".
LINK_MARK = re.compile(r"\[\d+\]|\u2063")  # a link number, or html2text's underlined link (markup.UNPRINTED_LINK)
# Text-browser marks: lynx's [IMG] and (BUTTON), form fields, and the image names w3m prints in brackets
# ("[photo_2019-03.jpg]", "[e7484a24e4]", "[BloodPrototype]": one token of six characters or more; "[logo]":
# a shorter lower-case one not followed by a lower-case word, which a quote's insertion "[that] was" is), and the
# box-drawing line w3m draws for a horizontal rule.
BROWSER_MARKS = re.compile(
    r"\[(?:IMG|INLINE|BUTTON|LINK|X| )\]|\((?:BUTTON|RADIO|CHECKBOX)\)|_{4,}|\[[\w.-]*[-_.][\w.-]*\]"
    r"|\[\w{6,}\]|(?-i:\[[a-z]\w{3,}\](?=\s*(?:$|[^\w\s]|[A-Z])))|^\s*#\s*$|[─━═]{3,}"
    r"|\[(?:https?:)?//[^\]\s]{1,2000}\]",  # an image printed as its address (old html2text)
    re.IGNORECASE,
)
# A list item's bullet or number at the start of a line (lynx prints "o" and "*" for <li>).
# A page's ``<link>`` element as lynx and elinks print it at the top: "Link: canonical".
HEAD_LINK = re.compile(r"^Link:\s")
BULLET = re.compile(r"^\s*(?:[*+o•·◦▪‣–□■○●☆★◆◇▶►-]|\d{1,2}[.)])\s+")
# A post's tags or an outlet's logo printed as a line ("Tags: Elections, Budget", "Logo The Daily"): no headline.
TAG_LIST = re.compile(
    r"^(?:tags?|topics?|schlagw(?:ö|oe)rter|stichw(?:ö|oe)rter|themen|etiquetas|mots-clés|tagi|logo)\b\s*:?\s",
    re.IGNORECASE,
)
# A numbered list item that heads a section of a list story ("3. Tiana From Princess and the Frog").
NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}[.)]\s+\w")
# Empty list items and icons printed as a run of marks before a line ("* * * Headline": links); no list item.
BULLET_RUN = re.compile(r"^\s*(?:[*•·◦▪‣□■○●☆★◆◇▶►]\s+){2,}")
# Runs of horizontal white space, the wide and thin Unicode spaces included.
WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# The heading and the items of the numbered URL list lynx appends ("References", "1. https://...").
REFERENCES = re.compile(r"^\s*(?:References|Visible links:?|Hidden links:?)\s*$")
REFERENCE_ITEM = re.compile(r"^\s*(?:\d+\.\s+\S.*|(?:https?|ftp|file|mailto|javascript|tel|data):\S*)$")
# A run no wrapping can break (a URL, a long identifier): the line it is on says nothing of the wrap width.
UNBREAKABLE = re.compile(r"\S{41,}")
# A table row printed with two cells side by side: a gap of several spaces inside the line.
TWO_CELLS = re.compile(r"\S {3,}\S")


# --- words and sentences ------------------------------------------------------------------------------------------

# Stripped from both ends of a word before it is counted.
PUNCTUATION = ".,;:!?\"'“”‘’()[]«»—–-、，。：；！？「」『』（）【】《》・…"
# Characters dense in script and style a text browser printed as text.
CODE_CHARS = frozenset("{}()[]=;<>&|$\\")
# Between two sentences; at the end of one (Chinese and Japanese marks included); two sentences in a line.
SENTENCE_SPLIT = re.compile(r"(?<=[.!?)])\s+")
# A closing emoji ends a sentence too, with its skin tone, gender sign and joiners ("... mehr Struktur 💁🏻‍♀️").
_PICTOGRAPHS = "\U0001f300-\U0001faff\u2600-\u27bf"
_EMOJI_TAIL = f"\U0001f3fb-\U0001f3ff\ufe0f\u200d{_PICTOGRAPHS}\\s"
# (German closes quotes with “ and ‘, and may quote »like this«.)
SENTENCE_END = re.compile(rf"(?:[.!?…:;\"”’“‘»«)\]{cjk.SENTENCE_END_MARKS}]|[{_PICTOGRAPHS}])[{_EMOJI_TAIL}]*$")
SENTENCE_BREAK = re.compile(r"\w[.!?]\s+[A-ZÀ-Ý\"“„«]")
# A word that needs what follows it (an article, a conjunction, a preposition): a line ending in one is a broken
# sentence, never a headline ("... and a man known as").
DANGLING_END = re.compile(
    r"\b(?:a|an|the|and|or|of|as|with|by|from|at|into|than|der|die|das|und|oder|von|mit|le|la|les|et|du|des|"
    r"el|los|las|y|del)$",
    re.IGNORECASE,
)


# --- page furniture: UI phrases, teaser links, link boxes ---------------------------------------------------------

# Phrases that only page furniture uses. Matched on whole short units.
FURNITURE = re.compile(
    r"^(?:no ?script|please wait\.*|loading\.*|skip to (?:main )?content|menu|search|close|share(?: this)?|"
    r"add to favou?rites|sign (?:in|up)|log ?in|log ?out|subscribe(?: now)?|advertisement|advertising|"
    r"read more|see more|show more|load more|related(?: articles| stories| news)?|most (?:read|popular)|"
    r"follow us.*|print|email|comments?|\d+ comments?|back to top|cookie.*|accept(?: all)?(?: cookies)?|"
    r"javascript.*|enable javascript.*|you may also like|recommended(?: for you)?|trending|newsletter.*|"
    r"tags?:?|topics?:?|(?:copyright|©).*|all rights reserved.*|privacy policy|terms of (?:use|service)|"
    r"home|next|previous|prev|more|top|up next|keep reading|related coverage|apply now|feedback|verlinken|"
    r"(?:veja|leia) também|(?:lee|mir[aá]|ver) también|lesen sie auch|(?:à )?lire aussi|leggi anche|"
    r"czytaj (?:też|także)|zobacz (?:też|także)|poniżej dalsza część artykułu|"
    r"media playback is unsupported on your device|slideshow(?: \(\s*\d+ images?\s*\))?|"
    r"(?:auf|on) (?:twitter|facebook|instagram) folgen|follow (?:on|us on) (?:twitter|facebook|instagram)|"
    r"eine e-mail senden|send an e-?mail|foto|photo|bild|sign up for (?:our|the|\w+'s?) [\w ,&'’-]{0,60}newsletters?|"
    r"(?:melden sie sich|abonnieren sie) (?:jetzt )?(?:für )?(?:unseren?|den) [\w -]{0,40}newsletter[\w -]{0,40}|"
    r"inscr[ií]bete (?:a|en) (?:nuestro|el) [\w ]{0,30}newsletter|abonnez-vous à (?:notre|la) newsletter[\w ]{0,30})"
    r"\W*$",
    re.IGNORECASE,
)

# A bare "read more" link (not "Read more:" over a related link) under a card's summary.
READ_MORE = re.compile(
    r"^(?:read more|more|mehr|weiterlesen|lesen sie mehr|leer más|ver más|lire la suite|lire plus|"
    r"continua a leggere|leggi (?:di più|tutto)|czytaj (?:więcej|dalej)|saiba mais|leia mais|lees meer)"
    r"\s*[.…»›>→+]*$",
    re.IGNORECASE,
)

# The label of a link box inside an article ("Read also", "Lesen Sie auch"): the date line in the box is the
# linked story's, not a sign that the article has ended.
SEE_ALSO = re.compile(
    r"^(?:read also|also read|see also|(?:veja|leia) também|(?:lee|lea|mir[aá]|ver) también|también (?:lee|lea)|"
    r"lesen sie auch|auch interessant|(?:à )?lire aussi|leggi anche|czytaj (?:też|także)|zobacz (?:też|także))\W*$",
    re.IGNORECASE,
)
# The label of a box of links to related stories: "Related:", "Relacionados", "Mehr zum Thema".
RELATED_BOX = re.compile(
    r"^(?:related(?: articles| stories| news)?|relacionad[oa]s|(?:noticias|artículos|notas) relacionad[oa]s|"
    r"articles liés|mehr zum thema|artikel zum thema|powiązane)\W*$",
    re.IGNORECASE,
)
# A bare count and a word ("3 Kommentare"): the comments link in an article's header.
COUNT_ONLY = re.compile(r"^\d+\s+\w+\W*$")


# --- notices that end an article: rights, disclaimers, unfilled templates -----------------------------------------

# A rights notice ends an article (agency copy) or the page: "Copyright 2023 ...", "© 2024 ...".
RIGHTS_NOTICE = re.compile(
    r"\ball rights reserved|\bcopyright\s*(?:©\s*)?(?:19|20)\d\d|©\s*(?:19|20)\d\d|\btous droits réservés"
    r"|\balle rechte vorbehalten|\btodos los derechos reservados|\btutti i diritti riservati"
    r"|\bwszelkie prawa zastrzeżone|\btodos os direitos reservados"
    r"|\bmay not be (?:reproduced|republished|copied|redistributed)[\w ,]{0,80}\bwithout\b"
    r"|\bno part of this (?:article|publication|site) may\b"
    r"|\bnie może być (?:powielan|kopiowan|rozpowszechnian)|\b(?:queda|está) prohibida (?:la|su) reproducción"
    r"|\breproduction (?:interdite|strictement interdite)",
    re.IGNORECASE,
)
# An unfilled client-side template ("{{ post.author.name }}", "{% if user %}"): boxes the page fills in or shows
# only on demand (notices, widgets), printed with their markup because no script ran.
PLACEHOLDER = re.compile(r"\{\{\s*[\w.|()' -]+\s*\}\}|\{%.{1,80}?%\}")
# The site speaking to its reader about access, not the story: a paywall, a subscription or newsletter prompt,
# an affiliate-links disclosure, an appeal for money ("To view the full story, please subscribe", "Already a
# subscriber? Log in", "Your contribution helps us ...").
SITE_NOTICE = re.compile(
    r"\bto (?:view|read|continue reading|keep reading) (?:the|this) (?:full |whole |entire )?(?:story|article)\b"
    r"|\balready (?:a )?(?:subscriber|subscribed)\b|\b(?:log|sign) in for (?:immediate |full )?access\b"
    r"|\bunlimited (?:digital )?access\b|\bsubscribe (?:to|for) (?:our|the)\b[\w ]{0,40}\bnewsletters?\b"
    r"|\bsign up for (?:our|the)\b[\w ]{0,40}\bnewsletters?\b"
    r"|\b(?:contains|includes) (?:references to products|affiliate links)\b"
    r"|\bwe (?:may )?(?:receive|earn) (?:compensation|a commission)\b"
    r"|\bsie sind bereits abonnent|\bjetzt (?:abonnieren|weiterlesen mit)\b|\bdéjà abonné"
    r"|\b(?:ya eres|si ya eres) suscriptor|\bgià abbonato"
    # an appeal for the reader's money: "Your contribution helps us ...", "Support independent journalism"
    r"|\byour (?:support|contribution|donation) (?:helps|makes|keeps|allows)\b"
    r"|\bsupport (?:our|independent|quality) journalism\b|\bbecome a (?:member|supporter|patron)\b"
    r"|\bihr beitrag hilft\b|\bunterstützen sie (?:unseren|unsere|den) (?:unabhängigen )?(?:journalismus|arbeit)\b"
    r"|\bsoutenez (?:notre|le) journalisme\b|\bapoya (?:nuestro|el) periodismo\b"
    r"|\bour independent journalism\b|\bunser(?:en)? unabhängige[nr]? journalismus\b",
    re.IGNORECASE,
)
# An author's biography box after the story: "Jane Doe is a senior reporter at The Daily Post.", "Jo Tresk ist
# freier Autor und Journalist.", "Ana Ruiz est journaliste indépendante."
AUTHOR_BIO = re.compile(
    r"^(?:[A-ZÀ-Ý][\w.'’-]*\s){1,3}(?:is|was|Is|ist|war|est|es|è)\s[^.]{0,80}?\b(?i:reporter|writer|editor|"
    r"correspondent|journalist|columnist|contributor|author|producer|photographer|freelancer|"
    r"autor|redakteur|korrespondent|journaliste|rédact|periodista|redactor|corresponsal|giornalista)"
)
# A notice closing the page's story: a newsletter to sign up for, the reader's e-mail address asked for.
CLOSING_NOTICE = re.compile(
    r"\bnewsletter|\be-?mail[- ]?(?:adresse|address)|\bsubscribe\b|\babonnieren\b|\bs'abonner\b|\bsuscr[ií]bete\b",
    re.IGNORECASE,
)
# A news agency's picture credit in brackets: "(REUTERS/Jane Doe)", "(AP Photo/John Roe)", "(Ministry of
# Defence via AP)".
AGENCY_CREDIT = re.compile(
    r"\((?:(?-i:[A-Z]{2,8})|AP Photo|Getty Images|EFE|dpa|epa)\s?/\s?[^()/]{2,50}\)\W*$"
    r"|\([^()]{2,60}\s(?:via|vía|über|par)\s(?:AP|AFP|Reuters|REUTERS|EFE|dpa|Getty Images|EPA)\)\W*$"
)
# The site's legal notice under a label: "Disclaimer: ...", "Haftungsausschluss: ...", "Aviso legal: ...".
DISCLAIMER = re.compile(
    r"^(?:disclaimer|haftungsausschluss|aviso legal|descargo de responsabilidad|avertissement|"
    r"clause de non-responsabilité|esclusione di responsabilità|zastrzeżenie)\b[^:]{0,80}:",
    re.IGNORECASE,
)


# --- readers' comments --------------------------------------------------------------------------------------------

# The heading of the comment section's rules, which opens the comments below an article.
COMMENT_RULES_HEADING = (
    r"^(?:house rules|community guidelines|comment(?:ing)? (?:rules|policy|guidelines)|netiquette)\W*$"
)
# The heading of a readers' comment section: the article never continues past it. Plural forms and counts
# only: a single "Kommentar"/"Comment" is also the name of the opinion genre, printed above articles.
COMMENTS_HEADING = re.compile(
    r"^(?:\d+\s+)?(?:comments|reader comments|readers' comments|leser-?kommentare|kommentare|commentaires|"
    r"comentarios|comentários|commenti|komentarze|komentarzy|reacties|kommentit|kommentarer)\b"
    r"|^\d+\s+(?:comment|kommentar|commentaire|comentario|commento|komentarz)\b"
    r"|^(?:leave|post|add|write|show|view|see|read)\s+(?:a|the|all|\d+)?\s*(?:comments?|repl(?:y|ies))\b"
    r"|^(?:poster|laisser|ajouter|écrire|ecrire|rédiger) un commentaire"
    r"|^(?:ver|deja un|dejar un|escribe un) comentarios?"
    r"|^(?:lascia|scrivi|aggiungi) un commento|^(?:deixe|escreva|deixar) (?:um|o seu|seu) comentário"
    r"|^(?:dodaj|napisz) komentarz|^(?:plaats|schrijf) een reactie|^laat een reactie achter"
    r"|^(?:jetzt )?(?:kommentieren|kommentar schreiben)|^join the (?:conversation|discussion)"
    rf"|{COMMENT_RULES_HEADING}",
    re.IGNORECASE,
)
COMMENT_RULES = re.compile(COMMENT_RULES_HEADING, re.IGNORECASE)
# A blog's comment count over its comments, the story's title quoted: "5 thoughts on “Title”", "3 Gedanken zu
# „Titel“", "2 réflexions sur « Titre »". It is as long as the title, so no length limit applies.
RESPONSES_TO = re.compile(
    r"^\d+\s+(?:thoughts? on|responses? to|repl(?:y|ies) to|gedanken zu|antworten (?:auf|zu)|kommentare zu|"
    r"réflexions? sur|réponses? à|commentaires? sur|comentarios? (?:en|a|sobre)|respuestas? a|risposte a|"
    r"commenti su)\s+\W",
    re.IGNORECASE,
)


# --- pictures: captions and credits -------------------------------------------------------------------------------

# A photo credit closing a line: "Photo: Jane Doe/AP", "Old harbour, 1958. Foto: dpa".
CREDIT_LINE = re.compile(
    r"(?:^|[.)]\s)(?:photo|photograph|foto|bild|image|picture|illustration|credit|crédito|quelle|fuente|kuva|"
    r"zdjęcie|fot)s?\s*(?:credit\s*)?:\s*[^.:]{2,60}$",
    re.IGNORECASE,
)
# A caption's closing credit in brackets: "(Photo: AP)", "(Picture by Ann Lee)", "(screen grab)", "(Symbolbild)",
# "(Foto: dpa)".
BRACKETED_CREDIT = re.compile(
    r"\((?:(?:photo|foto|bild|image|picture|credit|illustration|file photo|archivbild|archivfoto|symbolbild|"
    r"symbolfoto|screen ?grab|screenshot|capture d'écran|captura)"
    r"(?:(?:\s*[:/]|\s+(?:by|von|de|di|por)\s)\s*[^()]{1,60})?)\)\W*$",
    re.IGNORECASE,
)
# "... in February. Hanna Matikainen / Lehtikuva": a photographer's name and agency after the last sentence.
NAME_SLASH_AGENCY = re.compile(r"[.!?]\s+(?:[A-ZÀ-Ý][\w'-]*\.?\s+){1,3}[A-ZÀ-Ý][\w'-]*\s*/\s*[\w.&' -]{2,30}$")
# "Photograph by Jane Doe, Fauna Trust", "Foto von Max Muster": a credit line of its own.
CREDIT_BY = re.compile(
    r"^(?:photo(?:graph)?s?|fotos?|bild|image|illustration)\s+(?:by|von|de|di|por)\s+[A-ZÀ-Ý]", re.IGNORECASE
)
# A picture agency and its photographer: "APA/Georg Hochmuth", "dpa/Max Muster".
AGENCY_SLASH_NAME = r"(?-i:\b(?:[A-Z]{2,6}|dpa|epa)\s?/\s?[A-ZÀ-Ý][\w'-]+\s[A-ZÀ-Ý][\w'-]+)"
CREDIT_AT_END = re.compile(rf"[.!?]\s+{AGENCY_SLASH_NAME}(?:\s[A-ZÀ-Ý][\w'-]+)?$")
# A copyright credit closing a caption: "... in Pennsylvania © Noah Addis", "© AFP".
COPYRIGHT_AT_END = re.compile(r"©\s*[\w'&./ -]{2,50}$")
# Stock-photo agencies, named in the credit of a picture's caption ("Woman by the tree Shutterstock").
STOCK_AGENCIES = r"shutterstock|istock(?:photo)?|adobe ?stock|fotolia|imago images|alamy|unsplash|pixabay"
# A caption credited to a stock agency, or a line opening with a credit label ("Foto: Wikimedia / ..."): never
# a headline. (A headline may open with the agency's name: "Shutterstock buys a rival".)
CREDITED_PICTURE = re.compile(
    rf"(?<!^)\b(?:{STOCK_AGENCIES})\b|^(?:photo|foto|bild|image|picture|credit|quelle|bildquelle|fuente|crédito)s?:",
    re.IGNORECASE,
)
# Photo captions and credits, in the languages of the stop-word lists: "Photo: AP", "(Foto: Andina)",
# "Bild: dpa", "Getty Images", "(l.)" for "left", "na zdjęciu" ("in the picture"), a credit after the
# sentence (". By U.S. Customs"), an agency and its photographer ("APA/Georg Hochmuth").
CAPTION = re.compile(
    r"\b(?:photo(?:graph)?s?|image|picture|credit|illustration|file|foto|fotos|bild|bildrechte|symbolfoto|symbolbild|"
    r"imagen|crédito|zdjęcie|fot|kuva|kuvat|bildquelle|fotoquelle)\b\s*[:/(.]"
    rf"|\b(?:getty images|ap photo|picture alliance|{STOCK_AGENCIES}|"
    r"pictured|na zdjęciu|en la imagen|sur la photo|im bild|auf dem bild)\b|©|\((?:l|r|m|li|re|links|rechts|"
    r"left|right|centre|center)\.?\)|[.,/]\s*(?:AP|AFP|EFE|EPA|DPA|dpa|Reuters|REUTERS|Imago|IMAGO|Keystone|"
    r"ANSA|Europa Press|Getty)\s*\)?$|[.)]\s+(?:By|Photo|Foto|Credit|Source|Quelle|Fuente|Bild)\b"
    rf"|{AGENCY_SLASH_NAME}|\((?:photo|picture|foto|image)s?\s+(?:by|von|de|di|por)\s",
    re.IGNORECASE,
)
# The signature of an embedded post: "— Name (@handle) July 3, 2019".
EMBED_SIGNATURE = re.compile(r"^[—–-]|\(@[\w.]+\)")


# --- metadata: bylines, breadcrumbs, site names -------------------------------------------------------------------

# "By Jane Doe", "Von Max Muster", "ByJane Doe" (a label glued to the name): the names are the group.
BYLINE = re.compile(r"^(?:(?i:by|written by|words by|reporting by|von|par|por)\s+|By(?=[A-Z]))(?P<names>\S.{1,120})$")
# What joins a byline's names to the date after them: "on", "am", "le", a comma, a bar or a dash.
BYLINE_DATE_TAIL = re.compile(r"[\s,|/–—-]*(?:\b(?i:on|am|le|el|il|den|updated|published)\b)?[\s,|/–—-]*$")
# Between two names of a byline: "and" in English, German and French (not Spanish "y" or Italian "e", which
# join the two surnames of one person: "Ortega y Gasset").
NAME_SPLIT = re.compile(r"\s*(?:,|\b(?:and|und|et)\b|&|\|)\s*")
# A breadcrumb separator: "Home » News » Headline", "Home>News>Headline". Spaced on both sides or on neither: a
# guillemet with a space on one side only is a quotation mark ("«Liebe kennt keine Pause»", "Er sagt »Nein«").
BREADCRUMB = re.compile(r"\s+[»›>]\s+|(?<=\w)[»›>](?=\w)")
# A form's input box as text browsers draw it ("[ ]", "[____]"), and a bare web address: no headline has one.
FORM_FIELD = re.compile(r"\[[ _]*\]")
BARE_URL = re.compile(r"^(?:https?://|www\.)\S+", re.IGNORECASE)
# The segments of a page title or a trail printed with pipes.
PIPE = re.compile(r"\s+\|\s+")
# A site name after the headline: "Headline | Site", "Headline - Site".
TITLE_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+(?P<site>[^|–—-]{2,60})$")
# The home link that starts a breadcrumb flattened without its separators.
_HOME = r"(?:home|startseite|inicio|accueil|portada|início|strona główna)"
HOME_CRUMB = re.compile(rf"^{_HOME}\s+", re.IGNORECASE)
# A breadcrumb trail with slashes, from the home link ("You are here: Home / News / Headline").
SLASH_TRAIL = re.compile(
    rf"^(?:(?:you are here|sie sind hier|vous êtes ici|usted está aquí|estás en|jesteś tutaj)\s*:?\s*)?{_HOME}\s+/\s+",
    re.IGNORECASE,
)
TRAIL_SLASH = re.compile(r"\s+/\s+")
