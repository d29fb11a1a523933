"""The number checks on sentences and articles with many figures: the same flags as a
comparison of each figure with each, found without one (stock tables, results by district)."""

from __future__ import annotations

import importlib
import math
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.checks import quantities
from summarize.checks.quantities import Quantity, find_quantities

# The module (the package's name translation_warnings is its function).
warnings_module = importlib.import_module("summarize.checks.translation_warnings")


def _rounded_from_each_with_each(quantity: Quantity, source: list[Quantity]) -> bool:
    """The reference: quantities._rounded_from as it was, comparing the figure with every
    figure of the source."""
    if quantity.kind == "fraction":
        if quantity.hedge is None:
            return False
        wanted, resolution = {float(v) * 100 for v in quantity.values}, None  # type: ignore[arg-type]
    else:
        wanted = set(quantities._numbers(quantity))
        resolution = quantities._resolution(quantity.text)
    is_share = quantity.kind != "number"
    for other in source:
        if other.kind not in ("number", "percent", "fraction") or (other.kind != "number") != (
            is_share
        ):
            continue
        if {quantity.hedge, other.hedge} == {"below", "above"}:
            continue
        convertible = (quantity.unit is not None and other.unit is not None) and quantity.unit[
            0
        ] == other.unit[0]
        if quantities._other_measure(
            quantity, replace(other, unit=quantity.unit) if convertible else other
        ):
            continue
        scale = 100.0 if other.kind == "fraction" else 1.0
        if convertible:
            scale *= other.unit[1] / quantity.unit[1]  # type: ignore[index]
        for value in other.values:
            stated = float(value) * scale  # type: ignore[arg-type]
            if any(
                quantities._rounds_to(
                    number, stated, quantity.hedge, resolution, quantity.kind == "fraction"
                )
                for number in wanted
                if number > 0 and stated > 0
            ):
                return True
    return False


_BASES = [0.5, 1.0, 2.0, 3.0, 12.34, 29.0, 31.0, 60.3, 300.0, 312.0, 3300.0, 1.96e6, 2e6, 1e300]
_FACTORS = [1.0, 0.999, 1.004, 1.049, 1.05, 1.051, 0.95, 1.1, 0.9, 1.2, 1000.0, 0.001, 1 / 3]
_ODD = [0.0, -5.0, math.inf, math.nan, 1.7e308]
_UNITS = [None, None, ("m", 1e-3), ("m", 1.0), ("m", 1e3), ("m", 1609.344), ("min", 60.0)]
_UNITS += [("min", 1.0), ("°", 1.0), ("°F", 1.0)]


@st.composite
def _values(draw: st.DrawFn) -> float:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(_ODD))
    return draw(st.sampled_from(_BASES)) * draw(st.sampled_from(_FACTORS))


def _written(value: float, decimals: int) -> str:
    if not math.isfinite(value) or abs(value) > 1e20:
        return "7"
    return f"{value:.{decimals}f}"


@st.composite
def _quantities(draw: st.DrawFn) -> Quantity:
    kind = draw(st.sampled_from(["number", "number", "percent", "fraction", "date", "year"]))
    if kind == "date":
        return Quantity("3. Mai", "date", frozenset({(0, 5, 3)}), 0, 6)
    if kind == "year":
        return Quantity("2018", "year", frozenset({2018.0}), 0, 4)
    values = draw(st.lists(_values(), min_size=1, max_size=3))
    if kind == "fraction":
        values = [value / 100 if math.isfinite(value) else value for value in values]
    return Quantity(
        text=_written(values[0], draw(st.integers(0, 3))),
        kind=kind,
        values=frozenset(values),
        start=0,
        end=1,
        unit=draw(st.sampled_from(_UNITS)),
        hedge=draw(st.sampled_from([None, None, "near", "below", "above"])),
        currency=draw(st.sampled_from([None, None, "euro", "dollar", "cent", "euro/dollar"])),
        points=draw(st.integers(0, 5)) == 0,
        shared=draw(st.integers(0, 5)) == 0,
        in_points=draw(st.integers(0, 5)) == 0,
    )


# Ratios at the edges of the rounding windows: half the last digit of "12.34", "300", "2"
# million, and the hedge's tolerance, each just inside and just outside.
_EDGES = [1.0, 1.0004, 1.00041, 0.99959, 1 + 1 / 600, 1 + 1 / 599, 1.25, 1.2501, 0.75]
_EDGES += [1.1, 1.1000001, 0.9, 0.8999999, 1 / 1.1, 1.0499, 1.0501, 0.95, 0.9499]


@st.composite
def _summary_and_source(draw: st.DrawFn) -> tuple[list[Quantity], list[Quantity]]:
    """Source figures, and summary figures most of them one of the source's at a ratio at
    the edge of a rounding window (in the same or another unit of its dimension)."""
    source = draw(st.lists(_quantities(), min_size=1, max_size=25))
    summary = []
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.integers(0, 3)) == 0:
            summary.append(draw(_quantities()))
            continue
        quantity = draw(st.sampled_from(source))
        ratio = draw(st.sampled_from(_EDGES))
        unit = quantity.unit
        if unit is not None and draw(st.booleans()):
            # the same measure in another unit of its dimension ("6 km" as "6,000 metres")
            unit = draw(
                st.sampled_from([other for other in _UNITS if other and other[0] == unit[0]])
            )
            ratio *= quantity.unit[1] / unit[1]  # type: ignore[index]
        values = frozenset(value * ratio for value in quantity.values if isinstance(value, float))
        value = next(iter(values), 1.0)
        summary.append(
            replace(
                quantity,
                values=values or quantity.values,
                unit=unit,
                text=_written(value, draw(st.integers(0, 3))),
                hedge=draw(st.sampled_from([None, "near", "below", "above"])),
            )
        )
    return summary, source


@settings(max_examples=1000, deadline=None)
@given(_summary_and_source())
def test_rounded_from_finds_what_comparing_each_with_each_finds(
    figures: tuple[list[Quantity], list[Quantity]],
) -> None:
    summary, source = figures
    for quantity in summary:
        assert quantities._rounded_from(quantity, source) == _rounded_from_each_with_each(
            quantity, source
        ), (quantity, source)


def test_a_changed_source_list_is_read_again() -> None:
    """The index is kept per source list; a list changed in place is indexed anew."""
    figure = Quantity("312", "number", frozenset({312.0}), 0, 3, hedge="near")
    summary = Quantity("300", "number", frozenset({300.0}), 0, 3, hedge="near")
    source = [Quantity("5", "number", frozenset({5.0}), 0, 1)]
    assert not quantities._rounded_from(summary, source)
    source.append(figure)
    assert quantities._rounded_from(summary, source)
    source[1] = Quantity("400", "number", frozenset({400.0}), 0, 3)
    assert not quantities._rounded_from(summary, source)


def _stock_table(count: int, language: str) -> list[Quantity]:
    """``count`` prices as a stock table states them, each its own value."""
    figures = []
    for position in range(count):
        price = 10 + position * 0.37
        text = f"{price:.2f}" if language == "en" else f"{price:.2f}".replace(".", ",")
        figures.append(
            Quantity(
                text,
                "number",
                frozenset({round(price, 2)}),
                position,
                position + 1,
                currency="euro",
            )
        )
    return figures


@pytest.mark.parametrize("count", [2000])
def test_rounded_from_compares_a_figure_with_the_figures_near_it_only(
    count: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each price of a table of 2,000 is compared with the few source prices within its
    rounding window, not with all 2,000 (4,000,000 comparisons, seconds per sentence)."""
    compared = 0
    rounds_to = quantities._rounds_to

    def counted(*args: object) -> bool:
        nonlocal compared
        compared += 1
        return rounds_to(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(quantities, "_rounds_to", counted)
    german, english = _stock_table(count, "de"), _stock_table(count, "en")
    # the first ten prices are not in the German: each is compared and found in none
    english[:10] = [
        replace(q, values=frozenset({v + 0.13 for v in q.values})) for q in english[:10]
    ]
    found = [quantities._rounded_from(quantity, german) for quantity in english]
    assert found == [False] * 10 + [True] * (count - 10)
    assert compared <= 5 * count, compared


def _same_number_each_with_each(quantity: Quantity, source: list[Quantity]) -> bool:
    """The reference: quantities._same_number_stated as it was, every figure of the source."""
    q = quantities
    wanted = q._numbers(quantity)
    in_base_unit = q._in_base_unit(quantity)
    return any(
        (
            not q._other_measure(quantity, other)
            and wanted & q._numbers(other)
            and other.kind not in ("date", "weekday", "season")
            and not (other.kind == "year" and q._grouped(quantity) and not other.count_context)
            and (other.kind != "time" or quantity.clock_context)
            and (
                (quantity.kind == "percent") == (other.kind == "percent")
                or quantity.shared
                or other.shared
                or q._points_either(quantity, other)
            )
            and {quantity.hedge, other.hedge} != {"below", "above"}
            and not (other.rank_in_a_word and quantity.counts_something)
        )
        or (
            "cent" in (quantity.currency, other.currency)
            and {quantity.hedge, other.hedge} != {"below", "above"}
            and bool(q._in_cents(quantity) & q._in_cents(other))
        )
        or (
            in_base_unit
            and {quantity.hedge, other.hedge} != {"below", "above"}
            and other.unit is not None
            and other.unit[0] == quantity.unit[0]  # type: ignore[index]
            and bool(in_base_unit & q._in_base_unit(other))
        )
        for other in source
        if not q._count_and_ordinal(quantity, other)
    )


@st.composite
def _any_figure(draw: st.DrawFn) -> Quantity:
    """A figure of any kind the checks read, with the flags _same_number_stated weighs."""
    kind = draw(
        st.sampled_from(
            ["number", "number", "number", "percent", "ordinal", "year", "time", "score", "weekday"]
        )
    )
    value = draw(st.sampled_from([1.0, 2.0, 6.0, 16.0, 50.0, 0.5, 2018.0, 6000.0, 6.0e3]))
    values: frozenset = frozenset({value})
    text = _written(value, draw(st.integers(0, 2)))
    if kind == "time":
        values = frozenset({(int(value) % 24, draw(st.sampled_from([0, 15])))})
        text = f"{int(value) % 24}:15" if draw(st.booleans()) else f"{int(value) % 24}.15"
    elif kind == "score":
        values = frozenset({(int(value) % 10, draw(st.integers(0, 9)))})
    elif kind == "weekday":
        values = frozenset({float(int(value) % 7)})
    flag = st.integers(0, 4).map(lambda drawn: drawn == 0)
    return Quantity(
        text=text,
        kind=kind,
        values=values,
        start=0,
        end=1,
        unit=draw(st.sampled_from(_UNITS)),
        hedge=draw(st.sampled_from([None, None, "near", "below", "above"])),
        currency=draw(st.sampled_from([None, None, "euro", "cent", "dollar"])),
        points=draw(flag),
        shared=draw(flag),
        in_points=draw(flag),
        clock_context=draw(flag),
        count_context=draw(flag),
        rank_in_a_word=draw(flag),
        counts_something=draw(flag),
    )


@st.composite
def _summary_and_source_of_any_kind(
    draw: st.DrawFn,
) -> tuple[list[Quantity], list[Quantity]]:
    """Source figures, and summary figures most of them one of the source's with its value
    the same, in cents or in another unit of its dimension, and other flags drawn anew."""
    source = draw(st.lists(_any_figure(), min_size=1, max_size=25))
    summary = []
    for _ in range(draw(st.integers(1, 6))):
        figure = draw(_any_figure())
        if draw(st.integers(0, 3)):
            quantity = draw(st.sampled_from(source))
            factor = draw(st.sampled_from([1.0, 1.0, 100.0, 0.01, 1000.0, 0.001]))
            values = frozenset(
                value * factor if isinstance(value, float) else value for value in quantity.values
            )
            figure = replace(figure, kind=quantity.kind, values=values)
            if factor == 100.0 and draw(st.booleans()):
                # an amount in cents ("50 cents" for "0,50 Euro")
                figure = replace(figure, currency="cent")
        summary.append(figure)
    return summary, source


@settings(max_examples=1000, deadline=None)
@given(_summary_and_source_of_any_kind())
def test_same_number_stated_finds_what_comparing_each_with_each_finds(
    figures: tuple[list[Quantity], list[Quantity]],
) -> None:
    summary, source = figures
    for quantity in summary:
        assert quantities._same_number_stated(quantity, source) == _same_number_each_with_each(
            quantity, source
        ), (quantity, source)


def _not_in_english_each_with_each(
    german_text: str, english_text: str, german: list[Quantity], english: list[Quantity]
) -> list[Quantity]:
    """The reference: warnings_module._not_in_english as it was, each figure's readings
    found by a pass over all figures, and looked up in the list of those missing."""
    figures = [q for q in german if warnings_module._written_as_a_figure(q, german_text)]
    english = [
        q for q in english if q.kind == "fraction" or not quantities.is_a_multiple_in_a_word(q)
    ]
    missing: list[Quantity] = []
    for quantity in figures:
        readings = [
            other for other in figures if other.start < quantity.end and quantity.start < other.end
        ]
        stated = any(
            warnings_module._stated_in_english(reading, english, english_text, german_text)
            for reading in readings
        )
        if not stated and not any(other in readings for other in missing):
            missing.append(quantity)
    return missing


_GERMAN = ["am 24.12.", "31.12.", "2,5 Millionen Euro", "15:15", "auf Platz 2", "2-mal", "0:0"]
_GERMAN += ["100 Jahre", "um 12 Uhr", "am Sonntag", "3,5 Prozent", "die A 7", "von 9 bis 18 Uhr"]
_GERMAN += ["12,34 Euro", "(+1,2 Prozent)", "knapp 300", "zum 3. Mal", "52 zu 48 Prozent"]
_ENGLISH = ["on 24 December", "second place", "twice", "its centenary", "at noon", "on Sunday"]
_ENGLISH += ["3.5 percent", "a goalless draw", "the A7", "2.5 million euros", "15-15", "9 a.m."]
_ENGLISH += ["12.34 euros", "(+1.2 percent)", "almost 300", "the third time", "52%", "2 million"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_GERMAN), min_size=1, max_size=12),
    st.lists(st.sampled_from(_ENGLISH), max_size=12),
    st.lists(st.tuples(st.integers(0, 30), st.integers(-3, 3), st.integers(-3, 3)), max_size=4),
)
def test_figures_not_in_english_are_those_a_pass_over_each_finds(
    german_parts: list[str], english_parts: list[str], shifts: list[tuple[int, int, int]]
) -> None:
    german, english = " und ".join(german_parts) + ".", " and ".join(english_parts) + "."
    found_de, found_en = find_quantities(german, "de"), find_quantities(english, "en")
    # readings of one place that start or end apart, as no German figure read here does yet
    for which, to_start, to_end in shifts:
        figure = found_de[which % len(found_de)] if found_de else None
        if figure is not None and 0 <= figure.start + to_start < figure.end + to_end:
            found_de.append(replace(figure, start=figure.start + to_start, end=figure.end + to_end))
    assert warnings_module._not_in_english(
        german, english, found_de, found_en
    ) == _not_in_english_each_with_each(german, english, found_de, found_en)


def test_the_pairs_of_a_results_table_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each score of a table is looked up in the source's pairs, which are read once (they
    were read again for each score: a table of 300 results took seconds)."""
    german = " ".join(f"Spiel {row}: {row % 5}:{row % 3}." for row in range(200))
    english = " ".join(f"Game {row}: {row % 5}-{row % 3}." for row in range(200))
    read = 0
    pairs_nearby = quantities._pairs_nearby

    def counted(*args: object, **kwargs: object) -> set[tuple[float, float]]:
        nonlocal read
        read += 1
        return pairs_nearby(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(quantities, "_pairs_nearby", counted)
    source = find_quantities(german, "de")
    scores = [q for q in find_quantities(english, "en") if q.kind == "score"]
    assert len(scores) == 200
    assert all(quantities.is_supported(score, source) for score in scores)
    assert read <= 2  # once per order of the sides
