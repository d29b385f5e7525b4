"""Units of measure as writers spell them, each with its dimension and size in a base unit.

"30 kilometres" and "12 miles" are both lengths, so they can be compared once each
is in metres; "410 parts per trillion" and "4.1 parts per billion" are both
concentrations. The table is English usage, not any subject's vocabulary, which
is why it lives here rather than in a rule file. Time units are durations and
are read by the duration reader, not here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    name: str
    """Canonical singular name, as a message shows it ("kilometre")."""
    dimension: str
    """What it measures: length, mass, area, volume, speed, concentration, percent, temperature, power."""
    factor: float
    """Its size in the dimension's base unit (metre, kilogram, square metre, litre, ...)."""


def _units(dimension: str, rows: list[tuple[float, str, tuple[str, ...]]]) -> dict[tuple[str, ...], Unit]:
    table: dict[tuple[str, ...], Unit] = {}
    for factor, name, spellings in rows:
        unit = Unit(name, dimension, factor)
        for spelling in (name, *spellings):
            table[tuple(spelling.split())] = unit
    return table


UNITS: dict[tuple[str, ...], Unit] = {
    **_units("length", [
        (1.0, "metre", ("metres", "meter", "meters", "m")),
        (1000.0, "kilometre", ("kilometres", "kilometer", "kilometers", "km", "kms")),
        (0.01, "centimetre", ("centimetres", "centimeter", "centimeters", "cm")),
        (0.001, "millimetre", ("millimetres", "millimeter", "millimeters", "mm")),
        (1609.344, "mile", ("miles", "mi")),
        (0.9144, "yard", ("yards", "yd")),
        (0.3048, "foot", ("feet", "ft")),
        (0.0254, "inch", ("inches", "in.")),
        (1852.0, "nautical mile", ("nautical miles",)),
    ]),
    **_units("mass", [
        (1.0, "kilogram", ("kilograms", "kilo", "kilos", "kg", "kgs")),
        (0.001, "gram", ("grams", "g")),
        (1e-6, "milligram", ("milligrams", "mg")),
        (1e-9, "microgram", ("micrograms", "mcg", "µg")),
        (0.028349523125, "ounce", ("ounces", "oz")),
        (1000.0, "tonne", ("tonnes", "ton", "tons", "metric ton", "metric tons", "t")),
        (0.45359237, "lb", ("lbs",)),
    ]),
    **_units("area", [
        (1.0, "square metre", ("square metres", "square meter", "square meters", "sq m", "m2")),
        (10_000.0, "hectare", ("hectares", "ha")),
        (4046.8564, "acre", ("acres",)),
        (1_000_000.0, "square kilometre", ("square kilometres", "square kilometer", "square kilometers",
                                           "sq km", "km2")),
        (2_589_988.1, "square mile", ("square miles", "sq mi")),
        (0.092903, "square foot", ("square feet", "sq ft")),
    ]),
    **_units("volume", [
        (1.0, "litre", ("litres", "liter", "liters", "l")),
        (0.001, "millilitre", ("millilitres", "milliliter", "milliliters", "ml")),
        (0.01, "centilitre", ("centilitres", "centiliter", "centiliters", "cl")),
        (0.568261, "pint", ("pints",)),
        (100.0, "hectolitre", ("hectolitres", "hectoliter", "hectoliters", "hl")),
        (1000.0, "kilolitre", ("kilolitres", "kiloliter", "kiloliters")),
        (1e6, "megalitre", ("megalitres", "megaliter", "megaliters")),
        (1000.0, "cubic metre", ("cubic metres", "cubic meter", "cubic meters", "m3")),
        (764.554858, "cubic yard", ("cubic yards",)),
        (3.785411784, "gallon", ("gallons",)),
        (158.987, "barrel", ("barrels",)),
    ]),
    **_units("speed", [
        (1.0, "metre per second", ("metres per second", "meters per second", "m/s")),
        (1 / 3.6, "kilometre per hour", ("kilometres per hour", "kilometers per hour", "km/h", "kph")),
        (0.44704, "mile per hour", ("miles per hour", "mph")),
        (0.514444, "knot", ("knots",)),
    ]),
    **_units("concentration", [
        (1e-6, "part per million", ("parts per million", "ppm")),
        (1e-9, "part per billion", ("parts per billion", "ppb")),
        (1e-12, "part per trillion", ("parts per trillion", "ppt")),
    ]),
    **_units("percent", [
        (1.0, "percent", ("per cent", "%", "pc")),
        (1.0, "percentage point", ("percentage points",)),
    ]),
    **_units("temperature", [
        (1.0, "degree", ("degrees", "degrees celsius", "degrees centigrade", "c", "°c")),
    ]),
    **_units("power", [
        (1.0, "watt", ("watts", "w")),
        (1000.0, "kilowatt", ("kilowatts", "kw")),
        (1e6, "megawatt", ("megawatts", "mw")),
        (1e9, "gigawatt", ("gigawatts", "gw")),
    ]),
    **_units("energy", [
        (1.0, "kilowatt hour", ("kilowatt hours", "kwh")),
        (1000.0, "megawatt hour", ("megawatt hours", "mwh")),
        (1e6, "gigawatt hour", ("gigawatt hours", "gwh")),
    ]),
}  # fmt: skip
LONGEST = max(len(k) for k in UNITS)
AMBIGUOUS = {("m",), ("t",), ("l",), ("g",), ("c",), ("w",), ("in.",), ("mi",), ("pc",)}
"""Letters that are units only right after a figure written in digits ("100 m", not "a m")."""

CURRENCIES = {
    "$": "dollar", "us$": "dollar", "£": "pound", "€": "euro", "¥": "yen", "₹": "rupee",
    "dollar": "dollar", "dollars": "dollar", "euro": "euro", "euros": "euro", "pound": "pound",
    "pounds": "pound", "sterling": "pound", "yen": "yen", "rupee": "rupee", "rupees": "rupee",
    "yuan": "yuan", "franc": "franc", "francs": "franc", "usd": "dollar", "eur": "euro",
    "gbp": "pound", "krone": "krone", "kroner": "krone", "krona": "krona", "kronor": "krona",
    "crown": "crown", "crowns": "crown", "zloty": "zloty", "zlotys": "zloty", "forint": "forint",
    "forints": "forint", "peso": "peso", "pesos": "peso", "rand": "rand", "lira": "lira",
    "liras": "lira", "lire": "lira", "rouble": "rouble", "roubles": "rouble", "ruble": "rouble",
    "rubles": "rouble", "shekel": "shekel", "shekels": "shekel", "dirham": "dirham",
    "dirhams": "dirham", "dinar": "dinar", "dinars": "dinar", "baht": "baht", "ringgit": "ringgit",
    "naira": "naira", "shilling": "shilling", "shillings": "shilling", "renminbi": "yuan",
    "rupiah": "rupiah", "riyal": "riyal", "riyals": "riyal", "rial": "rial", "rials": "rial",
}  # fmt: skip
"""Currency symbols and names; a symbol stands before the figure, a name after it."""


def read_unit(lower: list[str], i: int, after_digits: bool) -> tuple[Unit, int] | None:
    """The unit written at lower[i:], longest spelling first, and how many tokens it took."""
    for length in range(min(LONGEST, len(lower) - i), 0, -1):
        key = tuple(lower[i : i + length])
        unit = UNITS.get(key)
        if unit is None and length == 1 and key[0].endswith("."):
            unit = UNITS.get((key[0].rstrip("."),))  # "km." at a sentence's end
        if unit is None:
            continue
        if key in AMBIGUOUS and not after_digits:
            continue
        return unit, length
    return None
