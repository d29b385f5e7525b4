"""Which rule judges a claim when several rules share its kind: the most specific, else the last loaded."""

from __future__ import annotations

from factlint.config import Config
from factlint.model import Kind
from factlint.resources import builtin_rules_dir
from factlint.rulebook.loader import iter_rule_files, load_rule_file, parse_rules
from factlint.rulebook.ruleset import RuleSet, noun_key

BUILTIN = [spec for path in iter_rule_files(builtin_rules_dir()) for spec in load_rule_file(path)]
USER = parse_rules(
    """
- id: transit-stations
  kind: quantity
  message: m
  nouns: [station]
  synonyms: [[station, stop]]
- id: transit-staff
  kind: role
  message: m
  titles: [stationmaster, dispatcher]
  title-groups: [[conductor, guard]]
""",
    "my-rules/transit.yaml",
)
RULES = RuleSet.build(BUILTIN + USER, Config())


def judge(kind: Kind, subject: str | None = None, title: str | None = None) -> str | None:
    rule = RULES.rule_for(kind, subject, title)
    return rule.id if rule else None


def test_a_rule_naming_the_counted_noun_judges_it_and_its_synonyms() -> None:
    assert judge(Kind.QUANTITY, "station") == "transit-stations"
    assert judge(Kind.QUANTITY, noun_key(RULES.lexicon, "stops")) == "transit-stations"


def test_other_counted_nouns_stay_with_the_general_rule() -> None:
    assert judge(Kind.QUANTITY, "troop") == "quantity-mismatch"
    assert judge(Kind.QUANTITY) == "quantity-mismatch"


def test_a_role_rule_naming_the_title_judges_it() -> None:
    assert judge(Kind.ROLE, "okafor", title="dispatcher") == "transit-staff"
    assert judge(Kind.ROLE, "okafor", title="conductor") == "transit-staff"


def test_titles_the_user_rule_does_not_name_stay_with_the_builtin_rule() -> None:
    assert judge(Kind.ROLE, "ellery", title="minister") == "role-mismatch"


def test_without_the_title_the_last_loaded_role_rule_judges() -> None:
    assert judge(Kind.ROLE, "okafor") == "transit-staff"


def test_a_disabled_rule_judges_nothing() -> None:
    rules = RuleSet.build(BUILTIN + USER, Config(disabled_rules=frozenset({"transit-stations"})))
    rule = rules.rule_for(Kind.QUANTITY, "station")
    assert rule is not None and rule.id == "quantity-mismatch"
