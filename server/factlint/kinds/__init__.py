"""One module per kind of claim: its rule spec, the words it adds to the lexicon, its comparison.

As a rule does in ruff or a check type in Vale, each kind lives in one place; the
registry below maps a rule's `kind:` to its spec class and vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from factlint.kinds import duration, event_date, person, place, quantity, role
from factlint.model import Kind
from factlint.rulebook.lexicon import Lexicon

SPEC_FOR_KIND: dict[Kind, type] = {
    Kind.QUANTITY: quantity.QuantitySpec,
    Kind.DURATION: duration.DurationSpec,
    Kind.EVENT_DATE: event_date.EventDateSpec,
    Kind.ROLE: role.RoleSpec,
    Kind.PLACE: place.PlaceSpec,
    Kind.PERSON: person.PersonSpec,
}

VOCABULARY: dict[Kind, Callable[[Any, Lexicon], None]] = {
    Kind.QUANTITY: quantity.vocabulary,
    Kind.DURATION: duration.vocabulary,
    Kind.EVENT_DATE: event_date.vocabulary,
    Kind.ROLE: role.vocabulary,
    Kind.PLACE: place.vocabulary,
}
"""How each kind's rules add their words to the lexicon (person rules add none)."""

AGREES: dict[Kind, Callable[[Any, Any, Any, Lexicon], bool | None]] = {
    Kind.QUANTITY: quantity.agrees,
    Kind.DURATION: duration.agrees,
    Kind.EVENT_DATE: event_date.agrees,
    Kind.ROLE: role.agrees,
    Kind.PLACE: place.agrees,
    Kind.PERSON: person.agrees,
}
"""Whether a claim agrees with a fact of its slot (True), contradicts it (False) or cannot say (None)."""

KindSpec = (
    quantity.QuantitySpec
    | duration.DurationSpec
    | event_date.EventDateSpec
    | role.RoleSpec
    | place.PlaceSpec
    | person.PersonSpec
)
