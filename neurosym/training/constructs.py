"""The constructs the generator covers: for each, an LF shape and the templates that say it.

A construct is a family of sentences with one logical shape ("No X is Y.",
"... unless ..."). Its sampler draws an LF of that shape over a vocabulary; its templates
are the surface forms, each with a stable id ``construct/template`` so that a test set
can hold some of them out (``split_templates``). The tags are part of the generator's
contract: tests assert on them and docs/generator.md lists them with examples.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

from ..logic import ast
from . import sampling as s
from . import templates as t

__all__ = ["Construct", "CONSTRUCTS", "CONSTRUCT_TAGS", "BY_TAG", "FAMILIES", "TemplateSplit",
           "split_templates", "template_ids"]

Template = Callable[[ast.Formula, object], str]


@dataclass(frozen=True)
class Construct:
    """One construct: its tag, its family, how to sample its LF, and how to say it."""

    tag: str
    family: str
    sample: Callable[[s.Draw], ast.Formula]
    templates: tuple[tuple[str, Template], ...]

    def template_ids(self) -> tuple[str, ...]:
        return tuple(f"{self.tag}/{name}" for name, _ in self.templates)


def _c(tag: str, family: str, sample, **templates: Template) -> Construct:
    return Construct(tag, family, sample, tuple((name.rstrip("_"), fn) for name, fn in templates.items()))


CONSTRUCTS: tuple[Construct, ...] = (
    # facts
    _c("fact_property", "fact", s.sample_fact_property, plain=t.plain),
    _c("fact_relation", "fact", s.sample_fact_relation, plain=t.plain),
    _c("fact_proposition", "fact", s.sample_fact_proposition, plain=t.plain),
    _c("fact_number", "number", s.sample_fact_number, value=t.plain,
       possessive=t.attribute_possessive, of=t.attribute_of),
    # negation
    _c("negation_is_not", "negation", s.sample_negation_is_not, plain=t.plain),
    _c("negation_does_not", "negation", s.sample_negation_does_not, plain=t.plain),
    _c("negation_not_the_case", "negation", s.sample_negation_not_the_case,
       not_the_case=t.not_the_case, not_true=t.not_true, false_that=t.false_that, untrue_that=t.untrue_that),
    _c("negated_universal", "negation", s.sample_negated_universal, not_every=t.not_every,
       not_all=t.not_all, not_the_case_every=t.not_the_case_every, not_true_all=t.not_true_all),
    # connectives
    _c("conjunction", "connective", s.sample_conjunction, coordinated=t.coordinated_and,
       shared=t.shared_and, both_shared=t.both_shared, both=t.both_and, but=t.but_not,
       adjective_noun=t.adjective_noun),
    _c("disjunction", "connective", s.sample_disjunction, coordinated=t.coordinated_or,
       shared=t.shared_or, at_least_one_of=t.at_least_one_of),
    _c("either_or", "connective", s.sample_either_or, same_subject=t.either_same_subject,
       clauses=t.either_clauses, shared=t.either_shared, but_not_both=t.or_but_not_both),
    _c("neither_nor", "connective", s.sample_neither_nor, same_subject=t.neither_same_subject,
       shared=t.neither_shared),
    # conditionals
    _c("if_then", "conditional", s.sample_if_then, if_then=t.if_then, if_comma=t.if_comma,
       if_comma_then=t.if_comma_then, then_if=t.then_if, when=t.when_after,
       provided_that=t.provided_that, as_long_as=t.as_long_as),
    _c("rule_constants", "conditional", s.sample_rule_constants, repeated=t.repeated_names,
       grouped=t.grouped_names, if_comma=t.if_comma_names,
       if_comma_then=t.if_comma_then_names),
    _c("pronoun_constant", "conditional", s.sample_pronoun_constant, if_then=t.pronoun_if_then,
       if_comma_then=t.pronoun_if_comma_then,
       then_if=t.pronoun_then_if, when=t.pronoun_when, and_=t.pronoun_and),
    _c("only_if", "conditional", s.sample_only_if, only_if=t.only_if),
    _c("unless", "conditional", s.sample_unless, after=t.unless_after, first=t.unless_first),
    _c("whenever", "conditional", s.sample_whenever, first=t.whenever_first,
       after=t.whenever_after, something=t.whenever_something, someone=t.whenever_someone),
    _c("if_and_only_if", "conditional", s.sample_if_and_only_if, iff=t.if_and_only_if),
    # quantified rules
    _c("all_adjectives", "quantified", s.sample_all_adjectives, all_things=t.all_things),
    _c("bare_plural", "quantified", s.sample_bare_plural, adjectives=t.bare_adjectives,
       nouns=t.bare_nouns),
    _c("every_noun", "quantified", s.sample_every_noun, every=t.every, each=t.each, any_=t.any_,
       a=t.a_generic, all=t.all_nouns),
    _c("universal_negative", "quantified", s.sample_universal_negative, each_not=t.each_not,
       every_not=t.every_not, all_not=t.all_not, bare_not=t.bare_not),
    _c("no_noun", "quantified", s.sample_no_noun, singular=t.no_singular, plural=t.no_plural,
       no_one_who=t.no_one_who, nothing_that=t.nothing_that),
    _c("existential", "quantified", s.sample_existential, some_plural=t.some_plural,
       some_singular=t.some_singular, there_is=t.there_is, something=t.something_is,
       someone=t.someone_is, there_exists=t.there_exists, at_least_one=t.at_least_one),
    _c("if_something", "quantified", s.sample_if_something, if_then=t.if_something_then,
       if_comma=t.if_something_comma, if_comma_then=t.if_something_comma_then,
       if_a_noun=t.if_a_noun_then, if_a_noun_comma_then=t.if_a_noun_comma_then),
    _c("if_someone", "quantified", s.sample_if_someone, if_then=t.if_someone_then,
       if_comma=t.if_someone_comma, if_comma_then=t.if_someone_comma_then),
    _c("relative_clause", "quantified", s.sample_relative_clause, everyone_who=t.everyone_who,
       everything_that=t.everything_that, anyone_who=t.anyone_who,
       anything_that=t.anything_that, people_who=t.people_who, things_that=t.things_that,
       all_people_who=t.all_people_who, all_nouns_that=t.all_nouns_that,
       every_noun_that=t.every_noun_that, nouns_that=t.nouns_that, a_noun_that=t.a_noun_that),
    _c("quantified_disjunction", "quantified", s.sample_quantified_disjunction,
       everything=t.everything_either, everyone=t.everyone_either, people=t.people_either,
       things=t.things_either, every=t.every_either, all=t.all_either, a=t.a_either,
       bare=t.bare_either),
    _c("quantified_relational", "quantified", s.sample_quantified_relational,
       anyone_who_something=t.anyone_who_something,
       everything_that_something=t.everything_that_something,
       everyone_who_someone=t.everyone_who_someone, every_some=t.every_some,
       each_at_least_one=t.each_at_least_one, all_some=t.all_some, every_every=t.every_every,
       all_all=t.all_all, each_every=t.each_every),
    # numbers
    _c("number_comparison", "number", s.sample_number_comparison, value=t.plain,
       possessive=t.attribute_possessive, of=t.attribute_of),
    _c("number_entities", "number", s.sample_number_entities, comparative=t.plain,
       possessive=t.attribute_possessive, of=t.attribute_of),
    _c("number_rule", "number", s.sample_number_rule, everyone_who=t.number_everyone_who,
       anyone_who=t.number_anyone_who, people_who=t.number_people_who,
       if_someone=t.number_if_someone, if_something=t.number_if_something),
    # FOLIO's English: past tense, passive, "whoever"
    _c("fact_past", "folio", s.sample_fact_past, property=t.past_property,
       relation=t.past_relation, negative=t.past_negative),
    _c("passive", "folio", s.sample_passive, present=t.passive_present,
       negative=t.passive_negative, past=t.passive_past),
    _c("whoever", "folio", s.sample_whoever, past=t.whoever_past, present=t.whoever_present),
    _c("relative_past", "folio", s.sample_relative_past, everyone_who=t.everyone_who_past,
       anyone_who=t.anyone_who_past, people_who=t.people_who_past),
    # one template, so the split holds out nothing of it
    _c("not_both", "connective", s.sample_not_both, same_subject=t.not_both),
)

CONSTRUCT_TAGS: tuple[str, ...] = tuple(c.tag for c in CONSTRUCTS)
FAMILIES: dict[str, tuple[str, ...]] = {}
for _construct in CONSTRUCTS:
    FAMILIES[_construct.family] = FAMILIES.get(_construct.family, ()) + (_construct.tag,)
BY_TAG: dict[str, Construct] = {c.tag: c for c in CONSTRUCTS}


def template_ids() -> tuple[str, ...]:
    """Every template id, "construct/template", in table order."""
    return tuple(tid for c in CONSTRUCTS for tid in c.template_ids())


@dataclass(frozen=True)
class TemplateSplit:
    """Template ids to train on and template ids held out for testing (disjoint)."""

    train: frozenset[str]
    test: frozenset[str]


def split_templates(seed: int, *, test_fraction: float = 0.25) -> TemplateSplit:
    """Hold out a share of the templates of every construct that has more than one.

    Every construct keeps at least one template on the training side, so training still
    sees every construct; the test side then measures surface forms never trained on.
    Each construct draws with its own seed (``seed`` and its tag), so a template added to
    one construct leaves the held-out templates of every other as they were.
    """
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must be between 0 and 1, got {test_fraction}")
    held_out: set[str] = set()
    for construct in CONSTRUCTS:
        ids = list(construct.template_ids())
        if len(ids) < 2:
            continue
        random.Random(f"{seed}/{construct.tag}").shuffle(ids)
        count = min(max(1, round(len(ids) * test_fraction)), len(ids) - 1)
        held_out.update(ids[:count])
    return TemplateSplit(train=frozenset(template_ids()) - held_out, test=frozenset(held_out))
