"""Reading words the same way in every check: folding, tokens, and "is this an ordinary word?"."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from itertools import product
from typing import NamedTuple

from babel.dates import get_day_names, get_month_names

from summarize.package_data import packaged_toml

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_CONTRACTION = re.compile(r"'(?:s|m|re|ll|ve|d)$")  # "I'm" is I, "Kim's" is Kim
# A negated auxiliary ("don't", "can't", "won't", "isn't"): a function word, never a name. A
# summary's "Don't expect miracles" was flagged as the name "Don't", and "Didn't Merkel know?"
# listed the name "Didn't Merkel".
_NEGATED_AUXILIARY = re.compile(r"[a-z]+n't")
_POSSESSIVE = re.compile(r"'s$")  # "Kim's" is Kim, "Let's Move" reads as "let move" everywhere
# An elided French or Italian article before a name: "Tour de l'Ain" names Ain, "d'Alema" Alema.
_ELISION = re.compile(r"^(l|d|dell|all|dall|nell|sull)'(?=[^\W\d_])")
# Closed-class English words (articles, pronouns, prepositions, conjunctions): a lexicon of
# content words does not list them, and none of them is a name.
_FUNCTION_WORDS = frozenset(
    """a an the this that these those there their theirs they them he she it its his her hers
    we our ours you your yours i me my mine us who whom whose which what whoever whatever in on
    at by for from with without within after before during since until till into onto over
    under about above below across against along among around as but and or nor so yet if
    when while where whereas although though because unless than upon via per despite except
    towards toward amid between beyond through throughout of to off up down out every each
    either neither both all any some many much most more few several no not oh yes ok
    whilst amongst amidst albeit lest unto ere versus beside alas yeah hey""".split()
)
# Words that open a sentence or clause before a name and are never a name's first word:
# prepositions, conjunctions and question words the closed-class list leaves out ("Like City,
# the London clubs won", "Whether Union and SPD agree …", "How Merkel won"). Not function
# words as such: "-like" after a hyphen is an ordinary tail ("Kafka-like", "London-like").
_CLAUSE_OPENERS = frozenset("like unlike whether how why whenever wherever".split())
# Honorifics and titles that start a name but are not part of it ("Mr Cameron" is Cameron).
# Titles before a name, and the ranks and offices news abbreviates there ("Gov. Andrew Cuomo",
# "Sen. Ted Cruz", "Lt. Col. John Smith", "Det Sgt Jane Doe", "Cllr John Smith"), which are
# the title spelt out ("Governor", "Senator"): not part of the name.
_TITLES = frozenset(
    "mr mrs ms dr prof sir dame lord lady st "
    "gov sen rep lt col gen maj capt cpl sgt det supt insp rev cllr adm cmdr brig".split()
)
# Roles English news writes as acronyms ("Siemens CEO Joe Kaeser", "SPD MP Karl Lauterbach",
# "the CEO said"): ordinary words, as "chief" and "minister" are, which the lexicon does not
# list; no name of their own.
_ROLE_ACRONYMS = frozenset("ceo cfo cto cio mp mep".split())
# Offices and roles that stand before a person's name as a title does ("Judge J. Brown", "Coach
# K. White"): ordinary words, but unlike a label's ("Group F. Victory was sweet", "Plan B.
# Water was scarce") their capitalised word says a name follows.
_ROLES_BEFORE_A_NAME = frozenset(
    "judge justice coach president senator governor mayor minister chancellor premier "
    "professor doctor captain general colonel major lieutenant sergeant officer detective "
    "inspector constable sheriff agent bishop cardinal pastor father brother sister reverend "
    "rabbi imam prosecutor attorney ambassador commissioner councillor councilor secretary "
    "chairman chairwoman director manager speaker representative congressman congresswoman "
    "king queen prince princess pope".split()
)
# The look-ups per word are remembered, but boundedly: a run of thousands of articles meets
# ever new words and names.
WORD_CACHE_SIZE = 1 << 16


def fold(text: str) -> str:
    """Case, accents and ß folded away: "Pjöngjang" and "pjongjang" compare equal."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("ß", "ss")


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _folded_token(token: str) -> str:
    """A word as :func:`tokens` compares it, remembered: an article's checks fold the same
    words again and again (600,000 folds in 300 short articles, a tenth of their time)."""
    return fold(token).replace("’", "'")


# An abbreviation written with a dot after each letter ("U.S.", "U.N.", "z.B."; a double
# given name's initials, "H.-W.", "K.-H."): one word of its letters, as written without the
# dots ("US", "HW"), not a run of one-letter words.
DOTTED_ABBREVIATION = re.compile(r"(?<![\w.])[^\W\d_]\.(?:-?[^\W\d_]\.)+(?![^\W\d_])")


def tokens(text: str, abbreviation_letters: bool = False) -> list[str]:
    """Folded word tokens; hyphenated words count as their parts, a dotted abbreviation as one
    ("U.S.": "us"), or with ``abbreviation_letters`` as its letters ("u", "s")."""
    if "." in text and not abbreviation_letters:
        text = DOTTED_ABBREVIATION.sub(
            lambda match: match.group(0).replace(".", "").replace("-", "") + " ", text
        )
    folded = map(_folded_token, _TOKEN.findall(text.replace("-", " ")))
    found = []
    for token in folded:
        elided = _ELISION.match(token)
        if elided:
            found.append(elided.group(1))
            token = token[elided.end() :]
        found.append(_POSSESSIVE.sub("", token))
    return found


@cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names in English and German, as written ("Sun" is left to names)."""
    names: set[str] = set()
    for locale in ("en", "de", "de_AT"):
        names |= {str(name) for name in get_month_names("wide", locale=locale).values()}
        names |= {str(name) for name in get_day_names("wide", locale=locale).values()}
    return frozenset(names)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def is_common_word(word: str) -> bool:
    """Whether ``word`` (any case) is an ordinary English word rather than only a name.

    A word is ordinary when a lexicon of English nouns, verbs, adjectives and adverbs knows it
    (lemminflect: "Experts" → expert, "Came" → come), it is a number word ("Twenty"), a
    function word or a title.
    Names that are also ordinary words ("Brown", "Rice") count as ordinary: callers use this
    only where capitals say nothing (a sentence's first word, all capitals, a headline).
    """
    from lemminflect import getAllLemmas

    folded = _CONTRACTION.sub("", fold(word).replace("’", "'"))
    if folded in _FUNCTION_WORDS or folded in _TITLES or folded in _ROLE_ACRONYMS:
        return True
    if _NEGATED_AUXILIARY.fullmatch(folded):
        return True
    if "-" in folded.strip("-"):  # "Left-wing", "Anti-war": ordinary when every part is
        return all(is_common_word(part) for part in folded.split("-") if part)
    return bool(getAllLemmas(folded)) or is_number_word(folded)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def is_number_word(word: str) -> bool:
    """Whether ``word`` is an English number word ("Twenty", "eleventh"): text2num reads it.
    The lexicon lists some ("two") but not others ("three", "twenty"), which are no names."""
    from text_to_num import alpha2digit

    folded = fold(word)
    return folded.isalpha() and alpha2digit(folded, "en") != folded


@lru_cache(maxsize=WORD_CACHE_SIZE)
def word_forms(word: str) -> frozenset[str]:
    """Every inflection of every lemma of ``word`` ("Allied" → ally, allies, allied, …)."""
    from lemminflect import getAllInflections, getAllLemmas

    forms = {fold(word)}
    for lemmas in getAllLemmas(fold(word)).values():
        for lemma in lemmas:
            forms.add(lemma)
            for inflections in getAllInflections(lemma).values():
                forms |= {fold(form) for form in inflections}
    return frozenset(forms)


def is_noun_only(word: str) -> bool:
    """Whether ``word`` is an ordinary noun and nothing else ("President", not "New")."""
    from lemminflect import getAllLemmas

    return set(getAllLemmas(fold(word))) == {"NOUN"}


def is_noun(word: str) -> bool:
    """Whether ``word`` is an ordinary noun ("President", "Minister"), perhaps also a verb."""
    from lemminflect import getAllLemmas

    return "NOUN" in getAllLemmas(fold(word))


def is_plural_noun(word: str) -> bool:
    """Whether ``word`` is an ordinary noun's plural ("Officials", "Witnesses"; not "Police")."""
    from lemminflect import getAllLemmas

    folded = fold(word)
    return any(lemma != folded for lemma in getAllLemmas(folded).get("NOUN", ()))


def is_function_word(word: str) -> bool:
    folded = _CONTRACTION.sub("", fold(word).replace("’", "'")).rstrip(".")
    return folded in _FUNCTION_WORDS or _NEGATED_AUXILIARY.fullmatch(folded) is not None


def opens_a_clause(word: str) -> bool:
    return fold(word) in _CLAUSE_OPENERS


def is_role_acronym(word: str) -> bool:
    return fold(word) in _ROLE_ACRONYMS


def is_title(word: str) -> bool:
    return fold(word).rstrip(".") in _TITLES


def is_role_before_a_name(word: str) -> bool:
    """Whether ``word`` is a title or an office that stands before a name ("Judge", "Dr",
    "CEO")."""
    return is_title(word) or is_role_acronym(word) or fold(word) in _ROLES_BEFORE_A_NAME


@cache
def german_country_names() -> frozenset[str]:
    """The German names of countries and regions from CLDR (babel), folded and squashed
    ("deutschland", "nigeria", "sudsudan")."""
    from babel import Locale

    return frozenset("".join(tokens(str(name))) for name in Locale("de").territories.values())


# A CLDR name that gives a second name in brackets: "Myanmar (Burma)", "Cocos (Keeling)
# Islands".
_NAME_IN_BRACKETS = re.compile(r"(?P<before>[^\W\d_][\w’'.-]*)\s+\((?P<other>[^()]+)\)")


def cldr_name_readings(name: str) -> tuple[str, ...]:
    """A CLDR name as news writes it: "Myanmar (Burma)" is "Myanmar" and "Burma", "Cocos
    (Keeling) Islands" "Cocos Islands" and "Keeling Islands". Squashed whole ("myanmarburma"),
    it backed neither, and the German "Myanmar" no English "Burma"."""
    if _NAME_IN_BRACKETS.search(name) is None:
        return (name,)
    return (
        _NAME_IN_BRACKETS.sub(r"\g<before>", name),
        _NAME_IN_BRACKETS.sub(r"\g<other>", name),
    )


@cache
def country_and_language_names() -> tuple[tuple[str, str], ...]:
    """(German, English) names of countries, regions and languages from CLDR (babel), folded
    and squashed: ("deutschland", "germany"), ("turkisch", "turkish"), ("europaischeunion",
    "europeanunion")."""
    from babel import Locale

    pairs: set[tuple[str, str]] = set()
    for kind in ("territories", "languages"):
        german, english = getattr(Locale("de"), kind), getattr(Locale("en"), kind)
        for code, name in german.items():
            if code not in english:
                continue
            for reading in cldr_name_readings(str(english[code])):
                english_name = "".join(tokens(reading))
                pairs.add(("".join(tokens(str(name))), english_name))
                pairs.update((form, english_name) for form in _after_an_article(str(name)))
    return tuple(sorted(pairs | _countries_by_their_adjective()))


# An adjective that begins a German name ("Vereinigte", "Vereinigtes", "Dominikanische").
_LEADING_ADJECTIVE = re.compile(r"[^\W\d_]{3,}?es?")


def _after_an_article(name: str) -> set[str]:
    """A German name of several words as the news writes it after an article, folded and
    squashed: its leading adjectives in "-en" ("die Vereinigten Staaten", "der Dominikanischen
    Republik", "im Vereinigten Königreich"), its last word also in "-n", "-s" or "-es" ("den
    Vereinigten Arabischen Emiraten", "des Vereinigten Königreichs"). CLDR writes the name as
    it stands alone ("Vereinigte Staaten"), and "die Vereinigten Staaten" backed no "United
    States"."""
    parts = tokens(name)
    leading = 0
    while leading < len(parts) - 1 and _LEADING_ADJECTIVE.fullmatch(parts[leading]):
        leading += 1
    if not leading:
        return set()
    weak = "".join(re.sub(r"es?$", "en", part) for part in parts[:leading])
    rest = "".join(parts[leading:])
    return {weak + rest + ending for ending in ("", "n", "s", "es")}


def _countries_by_their_adjective() -> set[tuple[str, str]]:
    """(German country, English adjective) where the country's language is named after it:
    ("frankreich", "french"), ("russland", "russian"), ("turkei", "turkish"). "Frankreichs
    Präsident" is "French President"; CLDR names the language, not the people, so only a
    language whose English name begins as the country's does ("Österreich" backs no "German",
    "Brasilien" no "Portuguese")."""
    from babel import Locale, UnknownLocaleError

    german, english = Locale("de").territories, Locale("en").territories
    languages = Locale("en").languages
    pairs: set[tuple[str, str]] = set()
    for code, name in german.items():
        if not (code.isalpha() and len(code) == 2 and code in english):
            continue
        try:
            language = languages.get(Locale.parse(f"und_{code}").language)
        except (UnknownLocaleError, ValueError):
            continue
        country = "".join(tokens(str(english[code])))
        adjective = "".join(tokens(str(language or "")))
        if " " not in str(language) and adjective != country and adjective[:2] == country[:2]:
            pairs.add(("".join(tokens(str(name))), adjective))
    return pairs


# English adjectives (and the abbreviations written as one before a body: "U.S. President",
# "UK Prime Minister") of countries whose adjective CLDR's language names miss and that do not
# begin with the country's name ("Israeli", "Austrian", "Canadian" are read at their country):
# "British Prime Minister" is the "Prime Minister of Britain". Folded, as tokens() gives them.
# Written by hand from general knowledge, not from any benchmark's flags; babel's English
# name of Turkey is "Türkiye". Not "English" of England: in the news it is the language far
# more often ("the interview in English" backed a summary's "England").
_IRREGULAR_COUNTRY_ADJECTIVES = {
    "britain": ("british", "uk"),
    "greatbritain": ("british", "uk"),
    "unitedkingdom": ("british", "uk"),
    "uk": ("british",),
    "scotland": ("scottish",),
    "wales": ("welsh",),
    "unitedstates": ("american", "us", "usa"),
    "unitedstatesofamerica": ("american", "us", "usa"),
    "us": ("american",),
    "usa": ("american", "us"),
    "netherlands": ("dutch",),
    "holland": ("dutch",),
    "ireland": ("irish",),
    "denmark": ("danish",),
    "switzerland": ("swiss",),
    "turkey": ("turkish",),
    "mexico": ("mexican",),
    "philippines": ("filipino", "philippine"),
    "cyprus": ("cypriot",),
    "lebanon": ("lebanese",),
    "afghanistan": ("afghan",),
    "morocco": ("moroccan",),
    "peru": ("peruvian",),
    "saudiarabia": ("saudi",),
    "czechrepublic": ("czech",),
    "myanmar": ("burmese",),
    "burma": ("burmese",),
    "greenland": ("greenlandic",),
    "congo": ("congolese",),
    "monaco": ("monegasque",),
    "belgium": ("belgian",),
    "norway": ("norwegian",),
    "kazakhstan": ("kazakh",),
    "montenegro": ("montenegrin",),
    "laos": ("laotian",),
    "kosovo": ("kosovar", "kosovan"),
    "niger": ("nigerien",),
    "panama": ("panamanian",),
    "mozambique": ("mozambican",),
    "elsalvador": ("salvadoran", "salvadorean"),
    "dominicanrepublic": ("dominican",),
    "palestinianterritories": ("palestinian",),
}


# English words for a country's people that no ending joins to the country or its adjective
# ("a Spaniard" is from Spain, "the Swede" from Sweden), folded, singular and plural; written
# by hand from general knowledge. "Englishman" is England's although "English" is not (see
# above). Nouns in "-man" of an adjective in "-sh" or "-ch" ("Frenchman", "Dutchwomen",
# "Welshman") are read by :func:`english_country_people`.
_COUNTRY_PEOPLE = {
    "spain": ("spaniard", "spaniards"),
    "croatia": ("croat", "croats"),
    "serbia": ("serb", "serbs"),
    "britain": ("briton", "britons", "brit", "brits"),
    "greatbritain": ("briton", "britons", "brit", "brits"),
    "unitedkingdom": ("briton", "britons", "brit", "brits"),
    "uk": ("briton", "britons", "brit", "brits"),
    "scotland": ("scot", "scots", "scotsman", "scotsmen", "scotswoman", "scotswomen"),
    "england": ("englishman", "englishmen", "englishwoman", "englishwomen"),
    "denmark": ("dane", "danes"),
    "sweden": ("swede", "swedes"),
    "poland": ("pole", "poles"),
    "finland": ("finn", "finns"),
    "turkey": ("turk", "turks"),
    "iceland": ("icelander", "icelanders"),
    "newzealand": ("newzealander", "newzealanders"),
    "luxembourg": ("luxembourger", "luxembourgers"),
}
_PEOPLE_OF_AN_ADJECTIVE = ("man", "men", "woman", "women")


@cache
def english_country_people() -> dict[str, frozenset[str]]:
    """English countries and the nouns for their people that no ending joins to them, folded
    ("spain": {"spaniard", "spaniards"}, "france": {"frenchman", "frenchmen", ...}): those of
    :data:`_COUNTRY_PEOPLE`, and "-man" and "-woman" after an adjective in "-sh" or "-ch"
    ("Frenchman", "Irishwoman", "Dutchmen", "Welshman")."""
    found: dict[str, set[str]] = {
        country: set(people) for country, people in _COUNTRY_PEOPLE.items()
    }
    for country, adjectives in english_country_adjectives().items():
        for adjective in adjectives:
            if adjective.endswith(("sh", "ch")):
                found.setdefault(country, set()).update(
                    adjective + ending for ending in _PEOPLE_OF_AN_ADJECTIVE
                )
    return {country: frozenset(people) for country, people in found.items()}


@cache
def english_country_adjectives() -> dict[str, frozenset[str]]:
    """English country names and their adjectives, folded ("france": {"french"}, "unitedstates":
    {"american", "us"}): where the country's language is named after it, as
    :func:`_countries_by_their_adjective` takes them ("germany": "german", "russia":
    "russian"), and the irregular ones of :data:`_IRREGULAR_COUNTRY_ADJECTIVES` ("britain":
    "british", "netherlands": "dutch"). "French President" is the "President of France"."""
    from babel import Locale, UnknownLocaleError

    english, languages = Locale("en").territories, Locale("en").languages
    found: dict[str, set[str]] = {
        country: set(adjectives) for country, adjectives in _IRREGULAR_COUNTRY_ADJECTIVES.items()
    }
    for code, name in english.items():
        if not (code.isalpha() and len(code) == 2):
            continue
        try:
            language = languages.get(Locale.parse(f"und_{code}").language)
        except (UnknownLocaleError, ValueError):
            continue
        name_tokens = tokens(str(name))
        country = "".join(name_tokens)
        adjective = "".join(tokens(str(language or "")))
        # Not a country whose name begins with another's adjective ("French Guiana", "French
        # Polynesia", their language French): "French troops" are no troops of French Guiana.
        if (
            " " not in str(language)
            and adjective != country
            and adjective[:2] == country[:2]
            and name_tokens[:1] != [adjective]
        ):
            found.setdefault(country, set()).add(adjective)
    return {country: frozenset(adjectives) for country, adjectives in found.items()}


# The endings of a German place's -er word for its people and adjective ("Wiener", "Prager"),
# and of an adjective written small ("bayerisch": "bayerischen"; "mediterran": "mediterrane").
_PEOPLE_ENDINGS = ("er", "ern", "ers", "erin", "erinnen")
_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
_GERMAN_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# An abbreviation of capitals joined by a hyphen ("CD-ROM", "DVD-ROM"): split at the hyphen,
# its "ROM" read as Rome.
_ABBREVIATION = re.compile(r"\b[A-Z\d]{1,3}-[A-Z]{2,4}\b")


class _NameForm(NamedTuple):
    english: frozenset[str]  # the English names, folded and squashed ("lowersaxony")
    # Which of its words must be capitalised in the text: a name or its people (not the verb
    # "posen"), but not an adjective written small or a name's small words ("für", "der").
    capitalised: tuple[bool, ...]


def _merge(forms: dict[tuple[str, ...], _NameForm], key: tuple[str, ...], form: _NameForm) -> None:
    """Adds ``form`` under ``key``: a form of two names backs both, capitalised where both ask."""
    known = forms.get(key)
    if known is not None:
        capitalised = tuple(
            a and b for a, b in zip(known.capitalised, form.capitalised, strict=True)
        )
        form = _NameForm(known.english | form.english, capitalised)
    forms[key] = form


def _english(data: dict) -> dict[str, frozenset[str]]:
    return {
        german: frozenset("".join(tokens(name)) for name in names)
        for german, names in data["names"].items()
    }


def _exonym_forms() -> dict[tuple[str, ...], _NameForm]:
    """The German word forms of the places in ``data/exonyms.toml``, folded, with the English
    names each backs: the name, its genitive and -er word, and the forms listed for it."""
    data = packaged_toml("exonyms.toml")
    english = _english(data)
    forms: dict[tuple[str, ...], _NameForm] = {}
    excluded = {
        tuple(tokens(other))
        for form in data.get("not_forms", ())
        for other in (
            [form.removesuffix("er") + end for end in _PEOPLE_ENDINGS]
            if form.endswith("er")
            else [form]
        )
    }

    def add(form: str, place: str, capitalised: bool = True) -> None:
        key = tuple(tokens(form))
        if key not in excluded:
            _merge(forms, key, _NameForm(english[place], (capitalised,) * len(key)))

    not_alone = set(data.get("not_alone", ()))
    for german in english:
        if german in not_alone:
            continue
        for form in (german, german + "s", *(german + end for end in _PEOPLE_ENDINGS)):
            add(form, german)
    for form, german in data["forms"].items():
        if form[0].islower():  # an adjective: "bayerische", and "Bayerische" in a name
            for end in _ADJECTIVE_ENDINGS:
                add(form + end, german, capitalised=False)
        elif form.endswith("er"):
            for end in _PEOPLE_ENDINGS:
                add(form.removesuffix("er") + end, german)
        else:
            add(form, german)
    return forms


# The endings of a German weak masculine noun, "-en" in every case but the nominative ("der
# Präsident", "des/dem/den Präsidenten"): the suffixes that make one from a foreign word.
_WEAK_NOUN_SUFFIXES = ("ent", "ant", "ist")
_ADJECTIVE_FORMS = ("e", "en", "er", "es", "em")


def _inflections(word: str, before_a_noun: bool = False) -> tuple[str, ...]:
    """A word of an institution's name with its endings: an adjective or a weak noun in -e
    ("Vereinte": "Vereinten"; "Grüne": "Grünen"); an adjective the table writes strong, in -er
    or -es, before the noun, with every ending, as it follows an article ("Europäischer Rat":
    "der Europäische Rat", "des Europäischen Rates"); a weak noun in -ent, -ant, -ist with -en
    ("des Präsidenten"); a noun in -er or -el with the dative plural's -n ("bei den
    Republikanern"); and any other word with its genitive."""
    if word.endswith("e"):
        return (word, word + "n", word + "r", word + "s", word + "m")
    if before_a_noun and word.endswith(("er", "es")):
        return (word, *(word[:-2] + ending for ending in _ADJECTIVE_FORMS))
    forms = [word, word + "s", word + "es"]
    if word.endswith(_WEAK_NOUN_SUFFIXES):
        forms.append(word + "en")
    if word.endswith(("er", "el")):
        forms.append(word + "n")
    return tuple(forms)


# The mark of an English name that backs only a name of its own, never a part of a longer one.
WHOLE_ONLY = "="


def _whole_only(name: str) -> str:
    """An English name, folded and squashed; marked :data:`WHOLE_ONLY` when it is one common
    word ("Left", "Justice" of "Ministry of Justice"): the party or ministry is no part of an
    invented person's name ("Tom Left", "Justice Smith")."""
    parts = tokens(name)
    key = "".join(parts)
    return WHOLE_ONLY + key if len(parts) == 1 and is_common_word(key) else key


def _ministers(ministries: dict[str, list[str]]) -> dict[str, list[str]]:
    """The minister of each ministry of the table, man and woman, in German and English
    ("Außenministerium": "Foreign Ministry" gives "Außenminister" and "Außenministerin":
    "Foreign Minister"; "Ministry of Justice" gives "Minister of Justice"): without it "the
    Foreign Minister said" for "der Außenminister sagte" flagged, as only a minister's own name
    after the office let the office go unread."""
    return {
        german.removesuffix("ium") + ending: [
            re.sub(r"\bMinistry\b", "Minister", english) for english in englishes
        ]
        for german, englishes in ministries.items()
        if german.endswith("ministerium")
        for ending in ("", "in")
    }


# Where the brief's check ends one capitalised run of an English name and begins the next.
_RUN_BREAK = re.compile(r"\s+(?:[a-z]+\s+)+|['’]s\s+(?!(?:Day|Eve)\b)")


def _institution_forms() -> dict[tuple[str, ...], _NameForm]:
    """The German word forms of the institutions in ``data/institutions.toml``, folded, with
    the English names each backs: the name with each word inflected, and its listed forms."""
    data = packaged_toml("institutions.toml")
    names = data["names"] | _ministers(data["names"])
    # A name that small words divide ("Ministry of Finance") is read in the brief as its
    # capitalised runs ("Ministry", "Finance"), and so is one a possessive divides ("Swiss
    # People's Party": "Swiss People", "Party"; not before "Day" or "Eve", which the brief
    # reads whole): each run of it is backed too.
    english = {
        german: frozenset(
            _whole_only(name)
            for name in names[german]
            + [run for name in names[german] for run in _RUN_BREAK.split(name)]
        )
        for german in names
    }
    forms: dict[tuple[str, ...], _NameForm] = {}

    def add(variants: list[tuple[str, ...]], written: list[str], german: str) -> None:
        capitalised = tuple(word[0].isupper() for word in written)
        for variant in product(*variants):
            key = tuple(fold(word) for word in variant)
            _merge(forms, key, _NameForm(english[german], capitalised))

    for german in english:
        written = german.replace("-", " ").split()
        # Small words ("für", "der") are not inflected; a name's words are.
        add(
            [
                # a capitalised word before another one is an adjective ("Roter Halbmond")
                _inflections(w, before_a_noun=index + 1 < len(written)) if w[0].isupper() else (w,)
                for index, w in enumerate(written)
            ],
            written,
            german,
        )
    for form, german in data["forms"].items():
        written = form.replace("-", " ").split()
        add([(word,) for word in written], written, german)
    return forms


@cache
def _name_forms() -> dict[tuple[str, ...], _NameForm]:
    """The German forms of the places and institutions with English names of other words."""
    forms = _exonym_forms()
    for key, form in _institution_forms().items():
        _merge(forms, key, form)
    return forms


def _adjective_at_sentence_start(text: str, matches: list[re.Match[str]], index: int) -> bool:
    """Whether word ``index`` of ``text`` (a word in -e, as an adjective) begins a sentence and
    a capitalised word follows it after a space: an adjective, capitalised only as the
    sentence's first word ("Linke Gruppen demonstrierten": left-wing groups, not the Left),
    unlike "Grünen-Politiker" or "Die Linke sprach"."""
    before = text[: matches[index].start()].rstrip()
    if before and before[-1] not in '.!?:„“"»«':
        return False
    if index + 1 == len(matches):
        return False
    following = matches[index + 1]
    gap = text[matches[index].end() : following.start()]
    return gap.isspace() and following.group()[0].isupper()


def english_names(german_text: str) -> set[str]:
    """The English names (folded and squashed) of the places and institutions that
    ``german_text`` names by their German names ("in München" → {"munich"};
    "Niederösterreichs" → {"loweraustria"}; "der Vereinten Nationen" → {"unitednations"}).

    A name is read only as whole words, its capitalised words capitalised: a German common word
    that happens to share letters with a place is no name of it."""
    forms = _name_forms()
    longest = max(len(key) for key in forms)
    text = _ABBREVIATION.sub(" ", german_text)
    matches = list(_GERMAN_WORD.finditer(text.replace("-", " ")))
    found_words = [match.group() for match in matches]
    folded = [fold(word).replace("’", "'") for word in found_words]
    names: set[str] = set()
    for start in range(len(folded)):
        for size in range(1, min(longest, len(folded) - start) + 1):
            form = forms.get(tuple(folded[start : start + size]))
            if form is None:
                continue
            if (
                size == 1
                and folded[start].endswith("e")
                and _adjective_at_sentence_start(text, matches, start)
            ):
                continue
            written = found_words[start : start + size]
            if any(
                cap and not word[0].isupper()
                for cap, word in zip(form.capitalised, written, strict=True)
            ):
                continue
            names |= form.english
    return names
