"""Translation warnings: what looks wrong with one sentence's machine translation."""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from summarize.checks import words
from summarize.checks.quantities import (
    Quantity,
    find_quantities,
    is_a_multiple_in_a_word,
    is_supported,
)
from summarize.checks.words import fold, tokens
from summarize.errors import holds_word

WarningKind = Literal[
    "length_ratio",
    "repetition",
    "untranslated",
    "low_confidence",
    "output_limit",
    "numbers",
    "missing_numbers",
    "negation",
    "unreadable",
]
_RATIO_RANGE = (0.5, 2.2)
_RATIO_MIN_WORDS = 6
# What a length ratio outside the range means for the reader, after the ratio.
_SHORT_ENGLISH_MEANS = "part of the sentence may be missing from the English"
_LONG_ENGLISH_MEANS = "the English may say what the German does not (added or repeated words)"
_LOW_LOGPROB = -2.5


@dataclass(frozen=True)
class TranslationWarning:
    kind: WarningKind
    detail: str


def _ratio_shown(ratio: float) -> str:
    """A length ratio outside :data:`_RATIO_RANGE` as a number outside it too: 0.46 was shown
    as "0.5×" and 2.24 as "2.2×", ratios the range allows, where the warning said they were
    not. One decimal, or two (rounded away from the range) where one would land inside it."""
    shown = f"{ratio:.1f}"
    if not _RATIO_RANGE[0] <= float(shown) <= _RATIO_RANGE[1]:
        return shown
    hundredths = round(ratio * 100, 6)  # 2.24 * 100 is 224.00000000000003: no 2.25
    if ratio < _RATIO_RANGE[0]:
        return f"{math.floor(hundredths) / 100:.2f}"
    return f"{math.ceil(hundredths) / 100:.2f}"


def _has_loop(words: list[str]) -> tuple[tuple[str, ...], int, bool] | None:
    """A phrase of one to three words said 4 times in a row, or a three-word phrase said 3
    times: the phrase, how often, and whether in a row."""
    for size in (1, 2, 3):
        grams = [tuple(words[i : i + size]) for i in range(len(words) - size + 1)]
        for start in range(len(grams)):
            repeats = 1
            while (
                start + repeats * size < len(grams)
                and grams[start + repeats * size] == grams[start]
            ):
                repeats += 1
            if repeats >= 4:
                return grams[start], repeats, True
        counts = Counter(grams)
        if size == 3 and counts and counts.most_common(1)[0][1] >= 3:
            gram, repeats = counts.most_common(1)[0]
            return gram, repeats, False
    return None


def _most_repeated(words: list[str], size: int) -> int:
    """How often the most frequent phrase of ``size`` words is said."""
    grams = Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))
    return grams.most_common(1)[0][1] if grams else 0


def _longest_run(words: list[str], size: int) -> int:
    """How often a phrase of ``size`` words is said in a row, at most. One pass over the
    phrases at each of the ``size`` offsets: counting a run from every word anew took time
    in the square of a repetitive text's length (a 250 KB line of one clause said over and
    over spent 118 of its run's 147 s here)."""
    grams = [tuple(words[i : i + size]) for i in range(len(words) - size + 1)]
    longest = 0
    for offset in range(size):
        run, previous = 0, None
        for gram in grams[offset::size]:
            run = run + 1 if gram == previous else 1
            previous = gram
            longest = max(longest, run)
    return longest


# The longest phrase read for one said back to back (a clause a loop repeats whole).
_BACK_TO_BACK = 8


def _repeats_as_often(german: list[str], english: list[str], repeats: int, in_a_row: bool) -> bool:
    """Whether the German says a phrase as often as its English repeats one: "nie wart ihr
    müder, nie wart ihr ratloser, nie wart ihr stolzer" is "never were you …" three times,
    "ich will keinen Streit, ich will keine …" "I don't want …", "hier, hier, hier, hier"
    "here" four times. Said in a row, in a row; else a phrase of two or three words as often
    (German inflects what English repeats word for word), with the English's most repeated
    two words no more often than the German's ("Eintracht Frankfurt" three times in the German
    is no source of a loop that puts it in the English five times)."""
    if in_a_row:
        return any(_longest_run(german, size) >= repeats for size in (1, 2, 3))
    # A phrase the English says back to back as often ("in the city in the city in the city"
    # of "in der Stadt, in der Region und in der Welt") is a loop unless the German says one so:
    # the German's "in der" three times is no source of it.
    said = max(_longest_run(english, size) for size in range(1, _BACK_TO_BACK + 1))
    if said >= repeats and not any(
        _longest_run(german, size) >= said for size in range(1, _BACK_TO_BACK + 1)
    ):
        return False
    pairs = _most_repeated(german, 2)
    return max(pairs, _most_repeated(german, 3)) >= repeats and pairs >= _most_repeated(english, 2)


# Words that negate a German sentence ("nicht", "kein…", "nie", "ohne", and the adverbs
# "keineswegs", "keinesfalls", "mitnichten": "by no means"), less the phrases that state no
# negation ("nicht nur … sondern auch", "nicht wenige" for "quite a few", "ob … oder nicht" for
# "whether or not", "ließ es sich nicht nehmen" for "insisted on", "made a point of", "ohne
# Zweifel" and "kein Zweifel" for "no doubt", which English does not read as one either).
_GERMAN_NEGATION = re.compile(
    r"(?<![\w-])(?:nicht|nichts|kein|keine|keinen|keinem|keiner|keines|keinerlei|keineswegs"
    r"|keinesfalls|mitnichten|nie|niemals|niemand|niemanden|niemandem|nirgends|nirgendwo"
    r"|nirgendwohin|weder|ohne)(?![\w-])",
    re.IGNORECASE,
)
_LASSEN = r"(?:lässt|ließ|ließen|lasse|lassen|lasst|ließe|ließt)"
_NICHT_NEHMEN = r"nicht\s+(?:mehr\s+)?nehmen"
_UP_TO_3, _UP_TO_5 = r"(?:[\w-]+\s+){0,3}?", r"(?:[\w-]+\s+){0,5}?"
# "es sich nicht nehmen lassen", "to insist on": "ließ es sich nicht nehmen, … zu", "wollen es
# sich auch heuer nicht nehmen lassen", "das ließ sich der Chef nicht nehmen", with its subject
# between ("ließ er es sich nicht nehmen"), in the first or second person ("das lasse ich mir
# nicht nehmen", "die Chance lassen wir uns nicht nehmen") and of what is held on to ("den Sieg
# ließen sie sich nicht mehr nehmen"); "uns" and "euch" only with their "wir", "ihr", being
# objects too ("er ließ uns das Auto nicht nehmen" negates).
_NICHT_NEHMEN_LASSEN = (
    rf"{_LASSEN}\s+(?:es|das)\s+{_UP_TO_5}{_NICHT_NEHMEN}"
    rf"|{_LASSEN}\s+{_UP_TO_3}(?:sich|mir|dir)\s+{_UP_TO_5}{_NICHT_NEHMEN}"
    rf"|(?:(?:wir|ihr)\s+{_LASSEN}|{_LASSEN}\s+(?:wir|ihr))\s+{_UP_TO_3}(?:uns|euch)\s+"
    rf"{_UP_TO_5}{_NICHT_NEHMEN}"
    rf"|(?:sich|mir|dir|(?:wir|ihr)\s+{_UP_TO_3}(?:uns|euch))\s+{_UP_TO_5}{_NICHT_NEHMEN}"
    r"\s+(?:zu\s+)?lassen"
)
_GERMAN_NOT_NEGATING = re.compile(
    r"(?<![\w-])(?:nicht\s+nur|nicht\s+zuletzt|nicht\s+wenige[rn]?|nicht\s+selten"
    r"|nicht\s+umsonst|nicht\s+unbedingt|(?:ohne|kein\w*)\s+Zweifel|nichts\s+anderes\s+als|oder\s+nicht"
    r"|" + _NICHT_NEHMEN_LASSEN + r")"
    r"(?![\w-])",
    re.IGNORECASE,
)
# Verbs in "un-" that undo rather than negate ("unsettle", "unveil", "unleash", "unfold",
# "undo": "that was our undoing"): an adjective in "un-" translates a negation ("nicht zu
# schlagen" as "unbeatable"), these do not. Their "-ed" forms stay negations, being adjectives
# as often ("unsettled", "unlocked"; "undone").
_UN_VERBS = (
    r"un(?:settl|veil|leash|fold|lock|pack|cover|earth|load|ravel|wind|plug|nerv|burden|dress"
    r"|mask|tie|zip|hook|block|do)(?:e|es|s|ing|ling)?(?![\w-])"
)
# What says a negation in English: the words, "n't", and what translates one as a word of its
# own ("nicht beachtet" as "ignored", "ohne Erfolg" as "unsuccessful", "nicht infiziert" as
# "non-infected", "niemandem erklären können" as "inexplicable", "noch nicht entschieden" as
# "has yet to decide"). Broad on purpose: the warning is for an English that lost the negation.
# Not the "un-" words that say no "not": "unfortunately" ("leider"), "undoubtedly"
# ("zweifellos", as "no doubt" below), and a German place in "Unter-" ("Unterallgäu"), each of
# which hid a lost "nicht" ("Leider ist das nicht möglich" as "Unfortunately, that is possible").
# ("uncle" is no negation; "unclear", "unclean" are: "nicht klar" as "unclear".)
# Nor "anymore", which stands beside a negation ("not anymore", "hardly anymore") and says none
# alone: it hid the lost "nicht" of "dürfen den Betrieb nicht mehr verlassen" ("are allowed
# anymore to leave").
_ENGLISH_NEGATION = re.compile(
    r"(?<![\w-])(?:not|no|never|nothing|nobody|none|neither|nor|without|nowhere|cannot|no-one"
    r"|lack\w*|fail\w*|refus\w*|den(?:y|ied|ies|ying)|absen\w*|instead|unless"
    r"|(?!" + _UN_VERBS + r")un(?!der|til|it|ion|ivers|iqu|iform|cle(?!a)|if|ilat|ison|anim|esco"
    r"|icef|fortunat|doubted|ter)\w{3,}|(?:in|im|il|ir)\w{3,}(?:able|ably|ible|ibly)"
    r"|non-?\w+|ignor\w*|hardly|barely|prevent\w*|avoid\w*"
    r"|(?:has|have|had|is|are|was|were|am|be|been|remains?|remained)\s+yet\s+to)(?![\w-])"
    r"|n[’']t\b|['’](?:s|ve|re|m|d)\s+yet\s+to\b",
    re.IGNORECASE,
)
# English phrases with a negating word that negate nothing: "whether or not", "not only … but",
# "no matter", "nothing but", "not to mention". Read as a negation, "He did want to speculate
# whether or not …" hid the lost "nicht" of "Er wollte sich nicht an Spekulationen beteiligen".
_ENGLISH_NOT_NEGATING = re.compile(
    r"(?<![\w-])(?:(?:whether\s+)?or\s+not|not\s+only|not\s+just|not\s+least|no\s+doubt"
    r"|nothing\s+but|no\s+matter|not\s+to\s+mention)(?![\w-])",
    re.IGNORECASE,
)


# English words read as a negation above that translate a German word of their own, which no
# German negation counts: an adjective or adverb in "un-" ("unnötig" as "unnecessarily",
# "ungewohnt" as "unusual", "unverständlich" as "incomprehensible"), "kaum" ("hardly"). Each
# such German word accounts for one of them, which then says nothing of the German's "nicht":
# "aber nicht zu abgedreht …, sonst macht man es … unnötig schwer" as "but too crazy.
# Otherwise, you make it unnecessarily difficult" hid the lost "nicht" behind "unnecessarily".
_ENGLISH_UN_WORD = re.compile(
    r"(?:un|non-?)\w+|(?:in|im|il|ir)\w{3,}(?:able|ably|ible|ibly)", re.IGNORECASE
)
# (Not "und", "uns", "unser", "unter-", "unten", "ungarisch", the Latin "uni-" that English
# reads as no negation either ("universitär", "universell", "uniformiert", "unisono",
# "unilateral"), nor the "un-" words English says without a negative prefix: "ungefähr"
# approximately ("ungefährlich" is one: "harmless"), "unbedingt" absolutely, "unmittelbar"
# immediately, …)
_GERMAN_UN_WORD = re.compile(
    r"(?<![\w-])un(?!d\b|s\b|ser|sre|ter|ten|garisch|ivers|iform|ison|ilat|weit"
    r"|gefähr(?!lich)|bedingt|heimlich|gemein|geheuer|mittelbar|verzüglich|zählig|abhängig"
    r"|längst|entwegt)"
    r"[a-zäöüß]{3,}"
)
_ENGLISH_HARDLY = re.compile(r"hardly|barely", re.IGNORECASE)
_GERMAN_KAUM = re.compile(r"(?<![\w-])kaum(?![\w-])", re.IGNORECASE)


# An English adjective or its adverb with a negative Latin prefix, "in-" written as English
# writes it before the base's first letter ("im-" before b, m, p; "il-" before l; "ir-" before
# r: "incorrect", "impatient", "illegal", "irrelevant"), or "dis-" ("dishonest"), read as a
# negation where the base is an adjective of its own (the lexicon's): "nicht korrekt" as
# "incorrect", "nicht ausreichend" as "insufficient". Not the adjectives whose prefix negates
# nothing the base says: "immediate", "immigrant", "impending", "informed", "informative",
# "inside", "intense", "independent" (the German "unabhängig", no negation there either),
# "irrespective", "infamous", "discursive".
_PREFIXED_ADJECTIVE = re.compile(
    r"(?<![\w-])(?P<word>(?:im(?=[bmp])|il(?=l)|ir(?=r)|in(?![bmplr])|dis)(?P<base>[a-z]{4,}?))"
    r"(?:ly)?(?![\w-])",
    re.IGNORECASE,
)
_NOT_NEGATING_PREFIX = frozenset(
    "immediate immigrant impending informed informative inside intense intenser intensest"
    " independent irrespective infamous discursive".split()
)


def _prefixed_negations(english: str) -> list[str]:
    """The English words that :data:`_PREFIXED_ADJECTIVE` reads as negations."""
    from lemminflect import getAllLemmas

    found = []
    for match in _PREFIXED_ADJECTIVE.finditer(english):
        word, base = fold(match.group("word")), fold(match.group("base"))
        if (
            word not in _NOT_NEGATING_PREFIX
            and "ADJ" in getAllLemmas(word)
            and "ADJ" in getAllLemmas(base)
            and not _ENGLISH_NEGATION.fullmatch(match.group(0))
        ):
            found.append(match.group(0))
    return found


# An English word in "-less" of a noun or verb, "without" it ("ohne Worte" as "speechless",
# "ohne Ende" as "endless", "ohne Erbarmen" as "merciless"); not "regardless", "nevertheless",
# "nonetheless", "doubtless" (as "undoubtedly" above), "countless" (many, as "unzählig" is
# no German "un-" word; "unless" is read above). A German word in "-los" says it as such
# ("obdachlos" as "homeless", "arbeitslos" as "jobless"), which no German negation counts, and
# so does a compound that begins with one, joined or hyphenated ("Arbeitslosenquote" as
# "jobless rate", "Obdachlosen-Hilfe" as "homeless aid", "Arbeitslosigkeitsrate"), or one in a
# hyphenated compound's end ("Corona-Arbeitslose"). A German word in "-frei" ("free of") says
# one too: "schmerzfrei" as "painless", "fehlerfrei" as "flawless", "rostfrei" as "stainless".
_LESS_WORD = re.compile(r"(?<![\w-])(?P<base>[a-z]{3,}?)less(?:ly|ness)?(?![\w-])", re.IGNORECASE)
# Nor "wireless", "stainless", the names of a technique and a material ("WLAN", "Funk-",
# "Edelstahl"), said where the German negates nothing.
_NOT_NEGATING_LESS = frozenset({"regard", "neverthe", "nonethe", "doubt", "count", "wire", "stain"})
_GERMAN_LOS_WORD = re.compile(
    r"(?<![^\W\d_])[^\W\d_]{3,}(?:los(?:e[mnrs]?|igkeit)?"
    r"(?:(?<=en)[^\W\d_]{3,}|(?<=igkeit)s[^\W\d_]{3,})?|frei(?:e[mnrs]?)?)(?![^\W\d_])",
    re.IGNORECASE,
)

# English "free", alone or ending a compound, says a German "-los" or "-frei" word with no
# negation ("kostenlos" as "free", "glutenfrei" as "gluten-free"); such a word says no "-less"
# or "un-" word then.
_ENGLISH_FREE = re.compile(r"(?<![\w-])(?:[^\W\d_]+-)?free(?![\w-])", re.IGNORECASE)


def _german_los_words(german: str, english: str) -> int:
    """How many words of :data:`_GERMAN_LOS_WORD` the German says that its English may say as
    words with a negative affix ("homeless", "unemployed"): not a name the English keeps as it
    is ("Carlos"), nor as many as the English says "free"."""
    kept = set(tokens(english))
    said = [word for word in _GERMAN_LOS_WORD.findall(german) if fold(word) not in kept]
    return max(0, len(said) - len(_ENGLISH_FREE.findall(english)))


def _less_negations(english: str) -> list[str]:
    """The English words that :data:`_LESS_WORD` reads as negations."""
    from lemminflect import getAllLemmas

    found = []
    for match in _LESS_WORD.finditer(english):
        base = fold(match.group("base"))
        if base in _NOT_NEGATING_LESS:
            continue
        bases = {base} | ({base[:-1] + "y"} if base.endswith("i") else set())  # "merciless"
        if any({"NOUN", "VERB"} & set(getAllLemmas(form)) for form in bases):
            found.append(match.group(0))
    return found


# The German word an English "in-" word may translate as it is ("inkorrekt", "illegale",
# "ineffizient"): its first letters, with the German "k" and "z" for the English "c".
_COGNATE_LETTERS = 6


def _cognate_key(word: str) -> str:
    return fold(word).replace("c", "k").replace("z", "k")[:_COGNATE_LETTERS]


# An adverb with a negative prefix before an adjective or adverb says how much, not that
# something is not: "incredibly careful", "unbelievably fast", "unusually warm", "infinitely
# better", "insanely expensive". Read as a negation, "He was incredibly careful" hid the lost
# "nicht" of "Er war nicht vorsichtig". Not before a participle ("incorrectly informed",
# "unfairly treated": how it was done, which may be the German's "nicht korrekt").
_DEGREE_ADVERB = re.compile(
    r"(?<![\w-])(?P<adverb>(?:un|in|im|il|ir|dis)[a-z]{3,}ly)\s+(?P<next>[a-z]+)(?![\w-])",
    re.IGNORECASE,
)


def _without_degree_adverbs(english: str) -> str:
    """``english`` with the adverbs of :data:`_DEGREE_ADVERB` that stand before an adjective or
    an adverb (the lexicon's; not a small word, "unlikely to") blanked out."""
    from lemminflect import getAllLemmas

    def blanked(match: re.Match[str]) -> str:
        adverb, following = fold(match.group("adverb")), fold(match.group("next"))
        if (
            "ADJ" in getAllLemmas(adverb)  # an adjective in "-ly": "unlikely to", "unfriendly"
            or words.is_function_word(following)
            or following.endswith("ed")
            or not {"ADJ", "ADV"} & set(getAllLemmas(following))
        ):
            return match.group(0)
        return " " * len(match.group("adverb")) + match.group(0)[len(match.group("adverb")) :]

    return _DEGREE_ADVERB.sub(blanked, english)


def _english_negations(german: str, english: str) -> int:
    """How many negations the English says that may be the German's: those of
    :data:`_ENGLISH_NEGATION`, :data:`_PREFIXED_ADJECTIVE` and :data:`_LESS_WORD`, less the
    words that translate a German "un-" word, "kaum", a German "-los" word, or the German word
    of the same Latin prefix ("illegal" for "illegale"), and the adverbs of degree
    (:data:`_DEGREE_ADVERB`)."""
    english = _without_degree_adverbs(english)
    found = [
        m.group(0) for m in _ENGLISH_NEGATION.finditer(_ENGLISH_NOT_NEGATING.sub(" ", english))
    ]
    german_keys = Counter(_cognate_key(word) for word in tokens(german))
    prefixed = []
    for word in _prefixed_negations(english):
        if german_keys[_cognate_key(word)]:
            german_keys[_cognate_key(word)] -= 1  # "illegal" for "illegale": said as it is
        else:
            prefixed.append(word)
    less = _less_negations(english)
    un_words = (
        sum(1 for word in found if _ENGLISH_UN_WORD.fullmatch(word)) + len(prefixed) + len(less)
    )
    # A German "-los" or "-frei" word accounts for any of them, as a German "un-" word does:
    # "homeless" for "obdachlos", and as often "unemployment" for "Arbeitslosigkeit",
    # "unsuccessful" for "erfolglos", "unleaded" for "bleifrei".
    german_words = len(_GERMAN_UN_WORD.findall(german)) + _german_los_words(german, english)
    hardly = sum(1 for word in found if _ENGLISH_HARDLY.fullmatch(word))
    return (
        len(found)
        + len(prefixed)
        + len(less)
        - min(un_words, german_words)
        - min(hardly, len(_GERMAN_KAUM.findall(german)))
    )


def lost_negation(german: str, english: str) -> str | None:
    """The German word that negates the sentence when its English says no negation at all
    ("Die Regierung wird die Steuern nicht erhöhen" as "The government will raise taxes"), a
    translation that says the opposite; None otherwise."""
    negation = _GERMAN_NEGATION.search(_GERMAN_NOT_NEGATING.sub(" ", german))
    if negation is None or _english_negations(german, english):
        return None
    return negation.group(0)


# Negations that a count of a sentence's negations leaves out: an expletive "nicht" in an
# "ob" clause ("ob es nicht geboten ist": "whether it should be"), the rhetorical "was … nicht
# alles" ("what you have to come up with"), and a negation repeated in a list ("kein Handtuch
# und kein Gel": "not … a towel or any gel"; "nicht angequatscht, nicht begafft"), which
# English says once.
_EXPLETIVE_NICHT = re.compile(
    r"(?<![\w-])ob\s+(?:[\w-]+\s+){0,3}?(?P<negation>nicht)(?![\w-])"
    r"|(?<![\w-])was\s(?:[^.,;:!?\"“”]{0,80}?\s)?(?P<rhetorical>nicht)\s+alles(?![\w-])",
    re.IGNORECASE,
)
# What joins two items of a list: a few words, then a comma, "und", "oder" or "noch"
# ("kein Handtuch und kein Gel"); no clause of its own ("nicht so klein, dass sie nicht …"
# negates twice).
_LIST_LINK = re.compile(
    r"(?P<item>(?:\s*[^\W\d_][\w-]*){0,3})\s*(?:,|und|oder|noch)\s*", re.IGNORECASE
)
_CLAUSE_WORD = re.compile(
    r"\b(?:dass|weil|wenn|ob|als|da|obwohl|damit|sondern|aber|denn|doch|wie|wo|was)\b",
    re.IGNORECASE,
)


def _joins_a_list(between: str) -> bool:
    link = _LIST_LINK.fullmatch(between)
    return link is not None and not _CLAUSE_WORD.search(link.group("item"))


def german_negations(german: str) -> list[str]:
    """The negations of a German sentence that English says apart, in order."""
    text = _GERMAN_NOT_NEGATING.sub(lambda m: " " * len(m.group(0)), german)
    expletive = {
        match.start(group)
        for match in _EXPLETIVE_NICHT.finditer(text)
        for group in ("negation", "rhetorical")
        if match.group(group)
    }
    found: list[str] = []
    previous_end = -1
    for match in _GERMAN_NEGATION.finditer(text):
        if match.start() in expletive:
            continue
        repeated = (
            found
            and match.group(0).lower()[:3] == found[-1].lower()[:3]
            and _joins_a_list(text[previous_end : match.start()])
        )
        previous_end = match.end()
        if not repeated:
            found.append(match.group(0))
    return found


def negation_warning(german: str, english: str) -> str | None:
    """What the English lost of the German's negations: all of them ("The government will raise
    taxes" for "… die Steuern nicht erhöhen"), or one of several ("He did not want to create
    any pressure, but … this discussion did happen" for "… keinen Druck …, dass dieses Gespräch
    bisher nicht zustande gekommen ist"); None when it says as many."""
    lost = lost_negation(german, english)
    if lost is not None:
        return f"the German negates (“{lost}”) and the English says no negation"
    negations = german_negations(german)
    english_negations = _english_negations(german, english)
    if len(negations) < 2 or english_negations >= len(negations):
        return None
    said = ", ".join(f"“{word}”" for word in negations)
    return (
        f"the German negates {len(negations)} times ({said}) and the English "
        f"{english_negations} {'time' if english_negations == 1 else 'times'}"
    )


# The reason of a summary's number that only the translation backs (a flag's ``reason``).
ONLY_IN_TRANSLATION = "only in the translation: its German sentence does not state it"


def numbers_not_in_german(german: str, english: str) -> list[Quantity]:
    """The numbers, dates and times the English of a sentence states and its German does not."""
    return _not_in_german(find_quantities(german, "de"), find_quantities(english, "en"))


def numbers_not_in_english(german: str, english: str) -> list[Quantity]:
    """The numbers, dates and times a German sentence writes in figures, and its weekdays, that
    its English does not state: left out ("am Samstag" gone) or changed ("gut 3300" as "almost
    3,300"). Not its number words: "einem Jahr" is "a year", "beide" "both"."""
    return _not_in_english(
        german, english, find_quantities(german, "de"), find_quantities(english, "en")
    )


def _not_in_german(german: list[Quantity], english: list[Quantity]) -> list[Quantity]:
    return [quantity for quantity in english if not is_supported(quantity, german)]


def _not_in_english(
    german_text: str, english_text: str, german: list[Quantity], english: list[Quantity]
) -> list[Quantity]:
    """The figures of ``german`` none of whose readings ``english`` states: "24.12." is read as
    a date and as a decimal number, and "on 24 December" states the date."""
    figures = [quantity for quantity in german if _written_as_a_figure(quantity, german_text)]
    # A multiple in a word ("twice", "tripled") states a German count of times ("2-mal", read
    # by _times_stated) and no other figure: "twice as many children" is no "2 Kinder". A
    # halving is a share, as "by half" is, and states one ("halved" for "um 50 Prozent").
    english = [
        quantity
        for quantity in english
        if quantity.kind == "fraction" or not is_a_multiple_in_a_word(quantity)
    ]
    hours_and_shares = _hours_and_shares(english)
    missing: list[Quantity] = []
    missing_set: set[Quantity] = set()  # the same as ``missing``, to look a reading up in
    # The figures by where they start, to find those at the same place by bisection rather
    # than by a pass over all of them for each (a table of figures took seconds).
    by_start = sorted(range(len(figures)), key=lambda position: figures[position].start)
    starts = [figures[position].start for position in by_start]
    longest = max((other.end - other.start for other in figures), default=0)
    for quantity in figures:
        first = bisect.bisect_left(starts, quantity.start - longest)
        last = bisect.bisect_left(starts, quantity.end)
        readings = [
            figures[position]
            for position in sorted(by_start[first:last])
            if figures[position].start < quantity.end
            and quantity.start < figures[position].end  # the same place
        ]
        stated = any(
            _stated_in_english(reading, english, english_text, german_text, hours_and_shares)
            for reading in readings
        )
        # one mention, however many readings it has ("31.12." a date and a decimal number)
        if not stated and not any(reading in missing_set for reading in readings):
            missing.append(quantity)
            missing_set.add(quantity)
    return missing


def _written_as_a_figure(quantity: Quantity, text: str) -> bool:
    before = text[quantity.start - 1 : quantity.start]
    after = text[quantity.end : quantity.end + 2]
    # A figure may run into its word ("44jährige", "3fach"), but not into a decade's or a
    # model's "er" ("20er-Jahre", "der neue 3er"), nor a weekday into a name ("Sonntagszeitung").
    glued = after[:1].isalpha() and (not quantity.text[:1].isdigit() or after.startswith("er"))
    if before.isalpha() or glued:
        return False
    return quantity.kind == "weekday" or any(char.isdigit() for char in quantity.text)


# English ordinals in words, which the English reading leaves out ("second" is also a unit, "first"
# an adverb): a German "2. Mal", "1. Halbjahr" is "the second time", "the first half".
_ORDINAL_WORDS = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\b",
    re.IGNORECASE,
)
_ORDINAL_VALUES = {word: value for value, word in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(),
    start=1,
)}  # fmt: skip


# The times of day English names in a word: "12 Uhr" is "noon", "0 Uhr" and "24 Uhr" are
# "midnight".
_NOON_MIDNIGHT = re.compile(r"(?<![\w-])(?:(?P<noon>noon|midday)|midnight)(?![\w-])", re.IGNORECASE)


# A count of years English names in a word: "100-jähriges Bestehen" is "its centennial", "zum
# 200. Geburtstag" "on the bicentenary"; "sesquicentennial" is 150.
_CENTENARY = re.compile(
    r"(?<![\w-])(?P<times>bi|tri|ter|quater|quin|sesqui)?cent(?:enar(?:y|ies)|ennials?)(?![\w-])",
    re.IGNORECASE,
)
_CENTURIES = {"bi": 2.0, "tri": 3.0, "ter": 3.0, "quater": 4.0, "quin": 5.0, "sesqui": 1.5}
_YEARS = ("month", 12.0)  # the unit of a count of years ("100 Jahre", "100-jährig")


# The words a sentence's English is searched for are read once per text (lru_cache), not once
# per German figure: a sentence of many figures read its English as often.


@lru_cache(maxsize=64)
def _centenaries(english_text: str) -> frozenset[float]:
    return frozenset(
        100 * _CENTURIES.get((match.group("times") or "").lower(), 1.0)
        for match in _CENTENARY.finditer(english_text)
    )


@lru_cache(maxsize=64)
def _ordinals(english_text: str) -> frozenset[int]:
    return frozenset(_ORDINAL_VALUES[word.lower()] for word in _ORDINAL_WORDS.findall(english_text))


@lru_cache(maxsize=64)
def _noon_midnight(english_text: str) -> frozenset[tuple[int, int]]:
    return frozenset(
        (12, 0) if match.group("noon") else (0, 0)
        for match in _NOON_MIDNIGHT.finditer(english_text)
    )


# A rank's noun before its number: "Platz 2", "Rang 3", "auf Position 4", which English writes
# "second place", "finished third".
# Of the compounds in "-platz" only a rank's: "Marktplatz 2", "Rathausplatz 1" are addresses.
_RANK_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:tabellen|start|listen|podest)?platz|rang|position|startposition)\s+$",
    re.IGNORECASE,
)


# A figure that belongs to the capitals before it, German writing a space or a hyphen between
# ("A 7", "B 27", "G-20"), which English writes together or the same ("the A7", "G20 summit").
_LABEL_BEFORE = re.compile(r"(?<![\w-])(?P<label>[A-Z]{1,3})[ \u00a0-]$")


def _label_stated(quantity: Quantity, english_text: str, german_text: str) -> bool:
    label = _LABEL_BEFORE.search(german_text, max(0, quantity.start - 5), quantity.start)
    if label is None:
        return False
    written = rf"(?<![\w-]){label.group('label')}[ \u00a0-]?{re.escape(quantity.text)}(?![\d])"
    return re.search(written, english_text) is not None


# A score of nothing each, which English says in words: "0:0" as "a goalless draw", "nil-nil".
_NO_SCORE = re.compile(r"(?<![\w-])(?:goalless|scoreless|nil[- ](?:nil|all))(?![\w-])", re.I)


# A count of times or a multiple in figures ("2-mal", "2 Mal", "3-fach", "das 3-Fache"), which
# English says in one word: "twice", "tripled", "fourfold".
# The word ends there: "2 Maler" (painters), "3 Fachärzte", "2 Malaysier" are counts; a
# compound goes on after a hyphen ("10-fach-Zoom", a tenfold zoom).
_TIMES_AFTER_DE = re.compile(r"[ \u00a0]?-?(?:mal|fach(?:e[nmrs]?)?)(?!\w)", re.IGNORECASE)
_TIMES_EN = re.compile(
    r"(?<![\w-])(?:(?P<word>once|twice|thrice|(?P<verb>doubl|tripl|quadrupl)(?:e|ed|es|ing))"
    r"|(?P<fold>[a-z]+)-?fold)(?![\w-])",
    re.IGNORECASE,
)
_TIMES_VALUES = {"once": 1.0, "twice": 2.0, "thrice": 3.0, "doubl": 2.0, "tripl": 3.0,
                 "quadrupl": 4.0}  # fmt: skip


def _times_stated(quantity: Quantity, english_text: str, german_text: str) -> bool:
    if not _TIMES_AFTER_DE.match(german_text, quantity.end):
        return False
    return bool(_times_in_english(english_text) & quantity.values)


@lru_cache(maxsize=64)
def _times_in_english(english_text: str) -> frozenset[float]:
    """The counts of times and multiples the English says in a word ("twice", "tripled")."""
    from text_to_num import text2num

    stated = set()
    for match in _TIMES_EN.finditer(english_text):
        if match.group("fold"):  # "twofold", "ten-fold", "twelvefold" (not "manifold")
            with suppress(ValueError):
                stated.add(float(text2num(match.group("fold").lower(), "en")))
        else:
            stated.add(_TIMES_VALUES[(match.group("verb") or match.group("word")).lower()])
    return frozenset(stated)


def _hours_and_shares(english: list[Quantity]) -> tuple[set[int], set[float]]:
    """The hours of the English's times of day and the values of its percentages."""
    hours = {hour for other in english if other.kind == "time" for hour, _ in other.values}  # type: ignore[misc]
    shares = {value for other in english if other.kind == "percent" for value in other.values}
    return hours, shares  # type: ignore[return-value]


def _stated_in_english(
    quantity: Quantity,
    english: list[Quantity],
    english_text: str,
    german_text: str,
    hours_and_shares: tuple[set[int], set[float]] | None = None,
) -> bool:
    """Whether the English states a German figure. ``hours_and_shares``: those of ``english``
    (:func:`_hours_and_shares`), read once for all the figures of a sentence."""
    if quantity.kind == "weekday":  # "Nacht zum Sonntag" may be Saturday's or Sunday's night
        return any(other.kind == "weekday" and quantity.values & other.values for other in english)
    if quantity.kind == "time":  # "zum 15:15" may be a score ("15-15")
        in_words = _noon_midnight(english_text)
        return (
            is_supported(quantity, english)
            or any(other.kind == "score" and other.values == quantity.values for other in english)
            or bool(in_words & quantity.values)
        )
    if is_supported(quantity, english) or _label_stated(quantity, english_text, german_text):
        return True
    if quantity.kind == "score" and (0, 0) in quantity.values and _NO_SCORE.search(english_text):
        return True
    # "100 Jahre", "100-jähriges", "zum 100. Jahrestag": "its centenary"
    years = quantity.kind == "ordinal" or (quantity.kind == "number" and quantity.unit == _YEARS)
    if years and quantity.values & _centenaries(english_text):
        return True
    ordinals = _ordinals(english_text)
    if quantity.kind == "ordinal":
        return any(value in ordinals for value in quantity.values)
    if quantity.kind == "number":
        # A rank, "Platz 2", "Rang 2": "second place", "finished second" (the English reading
        # takes "third", not "second", which is also a unit).
        rank = _RANK_BEFORE.search(german_text, max(0, quantity.start - 24), quantity.start)
        if rank and any(value in ordinals for value in quantity.values):
            return True
        if _times_stated(quantity, english_text, german_text):  # "2-mal" as "twice"
            return True
        # A range's or a comparison's first end, its unit given with the second ("von 9 bis 18
        # Uhr", "52 zu 48 Prozent"): stated as a time ("9 a.m.") or a share ("52%") too.
        hours, shares = hours_and_shares or _hours_and_shares(english)
        return any(value in shares or value in hours for value in quantity.values)
    return False


def without_numbers_not_in_german(german: str, english: str) -> str:
    """The English with what :func:`numbers_not_in_german` finds blanked out (as many spaces):
    a translator's "25 million" for "2,5 Millionen" is no source the summary's check or the key
    facts may take a number from."""
    blanked = list(english)
    for quantity in numbers_not_in_german(german, english):
        blanked[quantity.start : quantity.end] = " " * (quantity.end - quantity.start)
    return "".join(blanked)


def translation_warnings(
    german: str,
    english: str,
    mean_logprob: float | None = None,
    is_german: Callable[[str], bool] | None = None,
    is_english: Callable[[str], bool] | None = None,
    reached_limit: int | None = None,
) -> list[TranslationWarning]:
    """What looks wrong with one sentence's translation (empty when nothing does).

    ``is_german`` tells whether the English reads as German; ``is_english`` whether the source
    sentence is English already (an English quotation or paragraph of a German article), which
    a translator rightly passes through unchanged. ``reached_limit``: the translator's output
    limit, when the English of the sentence (or of a piece of it) is as long as it allows."""
    warnings: list[TranslationWarning] = []
    german_words, english_words = german.split(), english.split()
    if german_words and not english_words:
        # Said as what it is ("English is 0.0× the German length" read as a ratio to weigh),
        # and for a short sentence too, which the ratio leaves out: the brief shows
        # "(no translation)" there, and the warning says why.
        warnings.append(TranslationWarning("length_ratio", "no English came back"))
    elif holds_word(german) and not holds_word(english):
        # Punctuation alone ("!" for "Danke!") is no English either: a short sentence passed
        # without a word, a longer one read as a ratio to weigh ("English is 0.1×").
        warnings.append(
            TranslationWarning("length_ratio", f"no English came back, only “{english.strip()}”")
        )
    elif len(german_words) >= _RATIO_MIN_WORDS:
        ratio = len(english) / max(len(german), 1)
        if not _RATIO_RANGE[0] <= ratio <= _RATIO_RANGE[1]:
            # Said with what it means for the reader: "English is 0.3× the German length"
            # alone left a newsroom reader to guess whether that mattered.
            warnings.append(
                TranslationWarning(
                    "length_ratio",
                    f"English is {_ratio_shown(ratio)}× the German length, so "
                    + (_SHORT_ENGLISH_MEANS if ratio < _RATIO_RANGE[0] else _LONG_ENGLISH_MEANS),
                )
            )
    loop = _has_loop(tokens(english))
    # A phrase the German repeats as often is the article's, as in a speech's "I don't want the
    # …, I don't want the …, I don't want the …" (a translator's loop repeats what it does not).
    if loop and not _repeats_as_often(tokens(german), tokens(english), loop[1], loop[2]):
        warnings.append(TranslationWarning("repetition", f"repeats “{' '.join(loop[0])}”"))
    passed_through = fold(english) == fold(german)
    if english_words and (
        (passed_through and not (is_english is not None and is_english(german)))
        or (is_german is not None and len(english_words) >= 5 and is_german(english))
    ):
        warnings.append(TranslationWarning("untranslated", "the English reads as German"))
    if reached_limit is not None:
        warnings.append(
            TranslationWarning(
                "output_limit",
                # What to change is said once in the brief's checks (render.checks_note), not
                # at every sentence.
                f"the English reached the translator's {reached_limit}-token output limit and may "
                "be cut",
            )
        )
    # A number, date or time the English states and its German sentence does not: the
    # translator's own ("2,5 Millionen" read as "25 million", "Dienstag" as "Thursday"). Such a
    # number backs neither the summary nor the key facts (stages.finish).
    # The quantities of both read once, for both directions.
    german_quantities, english_quantities = (
        find_quantities(german, "de"),
        find_quantities(english, "en"),
    )
    # Each figure named once: "6 percent" stated twice was listed "“6 percent”, “6 percent”".
    changed = list(
        dict.fromkeys(q.text for q in _not_in_german(german_quantities, english_quantities))
    )
    if changed and not passed_through:
        warnings.append(
            TranslationWarning(
                "numbers", ", ".join(f"“{text}”" for text in changed) + " not in the German"
            )
        )
    # And the other way round: a figure or weekday of the German that the English lost, which
    # no other check sees (the key facts and the summary's check read the English).
    lost = list(
        dict.fromkeys(
            q.text for q in _not_in_english(german, english, german_quantities, english_quantities)
        )
    )
    if lost and english_words and not passed_through:
        warnings.append(
            TranslationWarning(
                "missing_numbers", ", ".join(f"“{text}”" for text in lost) + " not in the English"
            )
        )
    negation = negation_warning(german, english) if english_words and not passed_through else None
    if negation is not None:
        warnings.append(TranslationWarning("negation", negation))
    if mean_logprob is not None and mean_logprob < _LOW_LOGPROB:
        # Said as what it means for the reader and what to do, the figure kept for engineers:
        # "mean token log-probability -2.31" alone told a newsroom reader nothing.
        warnings.append(
            TranslationWarning(
                "low_confidence",
                "the translator was unsure of this sentence, so check its English against the "
                f"German (mean token log-probability {mean_logprob:.2f})",
            )
        )
    return warnings
