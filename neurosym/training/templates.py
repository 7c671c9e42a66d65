"""Sentence templates: each says one LF shape one way, or raises Unrealizable.

A template is a function ``(formula, speaker) -> clause``; ``neurosym.training.constructs``
names them and groups them by construct. Every template reads the formula, never makes
it: a template that cannot say exactly this formula refuses, so the pairs it produces are
always faithful, and the same template serves the generator and the paraphraser.

Conventions the templates keep (docs/generator.md has the full list):
- conjuncts are said in LF order;
- "either ... or" is ``xor``, plain "or" is ``or``; "neither A nor B" is ``not A and not B``;
- "A only if B" is ``A -> B``; "B unless A" is ``not A -> B``;
- "things", "people", "someone", "something", "everyone", ... add no predicate;
- "No A is B" and "Each A is not B" are ``forall x. A(x) -> not B(x)``.
"""

from __future__ import annotations

from ..logic import ast
from .english import SOMEONE, SOMETHING, Speaker, VarRole, split_literal, subject_of
from .morphology import with_article
from .vocabulary import Predicate, Unrealizable

X, Y = ast.Var("x"), ast.Var("y")

# ---------------------------------------------------------------- reading shapes


def _literals(formula: ast.Formula, cls) -> list[ast.Formula]:
    """The literals of an ``cls`` node (And/Or), or the formula itself if it is a literal."""
    items = list(formula.args) if isinstance(formula, cls) else [formula]
    for item in items:
        split_literal(item)
    return items


def _positive_atoms(formulas: list[ast.Formula]) -> list[ast.Formula]:
    for f in formulas:
        if split_literal(f)[1]:
            raise Unrealizable("a positive literal is needed here")
    return formulas


def _negated_atoms(formula: ast.Formula) -> list[ast.Formula]:
    """``not a and not b`` -> [a, b]."""
    if not isinstance(formula, ast.And) or len(formula.args) != 2:
        raise Unrealizable("neither/nor says two negated literals")
    atoms = []
    for item in formula.args:
        atom, negated = split_literal(item)
        if not negated:
            raise Unrealizable("neither/nor says negated literals")
        atoms.append(atom)
    return atoms


def _rule(formula: ast.Formula, *, arity: int = 1) -> tuple[list[ast.Formula], ast.Formula]:
    """``forall x. A1 and ... -> C`` -> ([A1, ...], C), binders named x (and y)."""
    names = ("x", "y")[:arity]
    if not isinstance(formula, ast.Forall) or tuple(b.name for b in formula.binders) != names \
            or any(b.sort for b in formula.binders) or not isinstance(formula.body, ast.Implies):
        raise Unrealizable(f"not a rule over {', '.join(names)}")
    return _literals(formula.body.left, ast.And), formula.body.right


def _about(literal: ast.Formula, var: str) -> bool:
    subject = subject_of(literal)
    return isinstance(subject, ast.Var) and subject.name == var


def _restrictor_of(literals: list[ast.Formula], speaker: Speaker, subject: ast.Term = X):
    """Positive properties of ``subject``: adjectives, then at most one class noun, last.

    ``[red(x), cold(x)]`` gives ``([red, cold], None)``; ``[big(x), dog(x)]`` gives
    ``([big], dog)``; anything else (a negation, a relation, a verb) is Unrealizable.
    """
    adjectives: list[Predicate] = []
    noun = None
    for index, literal in enumerate(literals):
        atom, negated = split_literal(literal)
        if negated or not isinstance(atom, ast.Pred) or atom.args != (subject,):
            raise Unrealizable("a restrictor is positive properties of one subject")
        predicate = speaker.vocab.lookup(atom.name, Predicate)
        if predicate.noun and index == len(literals) - 1:
            noun = predicate
        elif predicate.adjective:
            adjectives.append(predicate)
        else:
            raise Unrealizable(f"{atom.name} cannot stand before a noun")
    return adjectives, noun


def _side(speaker: Speaker, formula: ast.Formula, *, group: bool | None = None) -> str:
    """A condition or conclusion: a literal, or a conjunction or disjunction of literals."""
    if isinstance(formula, ast.Or):
        return speaker.clauses(_literals(formula, ast.Or), conj="or", group=group)
    return speaker.clauses(_literals(formula, ast.And), conj="and", group=group)


def _vps_about(speaker: Speaker, formula: ast.Formula, var: str, *, plural: bool) -> str:
    """What a rule says of x after its subject: "are big", "is either red or blue"."""
    if isinstance(formula, ast.Xor):
        literals = _positive_atoms([formula.left, formula.right])
        _require_about(literals, var)
        return _either(speaker, literals, plural=plural, word="either", nor="or")
    cls = ast.Or if isinstance(formula, ast.Or) else ast.And
    literals = _literals(formula, cls)
    _require_about(literals, var)
    return speaker.vps(literals, plural=plural, conj="or" if cls is ast.Or else "and")


def _require_about(literals: list[ast.Formula], var: str) -> None:
    if not all(_about(lit, var) for lit in literals):
        raise Unrealizable(f"every literal here must be about {var}")


def _either(speaker: Speaker, literals: list[ast.Formula], *, plural: bool, word: str, nor: str) -> str:
    """ "is either red or big", "neither chases the cat nor likes the dog"."""
    said = [speaker.vp(lit, plural=plural) for lit in literals]
    if all(s.after_copula is not None for s in said):
        copula = "are" if plural else "is"
        return f"{copula} {word} {said[0].after_copula} {nor} {said[1].after_copula}"
    return f"{word} {said[0].text} {nor} {said[1].text}"


def _constant_subject(literals: list[ast.Formula]) -> ast.Const:
    subjects = {subject_of(lit) for lit in literals}
    if len(subjects) != 1 or not isinstance(next(iter(subjects)), ast.Const):
        raise Unrealizable("these literals must share one constant subject")
    return next(iter(subjects))


# ---------------------------------------------------------------- facts and negation


def plain(formula, speaker: Speaker) -> str:
    """ "The cat chases the dog." "Bob is not red." "It is raining." """
    return speaker.clause(formula)


def attribute_possessive(formula, speaker: Speaker) -> str:
    """ "Alice's age is 17." """
    return speaker.attribute_clause(formula, possessive=True)


def attribute_of(formula, speaker: Speaker) -> str:
    """ "The age of Alice is at least 18." """
    return speaker.attribute_clause(formula, possessive=False)


def _not_the_case(opening: str):
    def template(formula, speaker: Speaker) -> str:
        if not isinstance(formula, ast.Not):
            raise Unrealizable("not a negation")
        inner = formula.arg
        if isinstance(inner, (ast.Pred, ast.Compare)):
            return f"{opening} {speaker.clause(inner)}"
        if isinstance(inner, (ast.And, ast.Or)):
            return f"{opening} {_side(speaker, inner)}"
        raise Unrealizable("'it is not the case that' says a literal or a flat conjunction")
    template.__doc__ = f'"{opening.capitalize()} Bob is red and big."'
    return template


not_the_case = _not_the_case("it is not the case that")
not_true = _not_the_case("it is not true that")
false_that = _not_the_case("it is false that")
untrue_that = _not_the_case("it is untrue that")


# ---------------------------------------------------------------- connectives


def _coordinated(cls, conj: str):
    """ "Bob is red and big." "Bob is red or the cat chases the dog." """
    def template(formula, speaker: Speaker) -> str:
        if not isinstance(formula, cls):
            raise Unrealizable(f"not an {cls.__name__}")
        return speaker.clauses(_literals(formula, cls), conj=conj)
    template.__doc__ = f'"Bob is red {conj} big."'
    return template


def _shared(cls, conj: str, *, plural: bool, opening: str = "", pairs_only: bool = False):
    """ "Bob and Anne are red." "Both Bob and Anne chase the dog." "Bob or Anne is red."
    ``pairs_only``: the opening says two subjects ("both")."""
    def template(formula, speaker: Speaker) -> str:
        if not isinstance(formula, cls) or (pairs_only and len(formula.args) != 2):
            raise Unrealizable(f"not an {cls.__name__} this template can say")
        text = speaker.shared_predicate(_literals(formula, cls), conj=conj, plural=plural)
        return f"{opening} {text}" if opening else text
    template.__doc__ = f'"{opening} Bob {conj} Anne ..."'
    return template


coordinated_and = _coordinated(ast.And, "and")
coordinated_or = _coordinated(ast.Or, "or")
shared_and = _shared(ast.And, "and", plural=True)
both_shared = _shared(ast.And, "and", plural=True, opening="both", pairs_only=True)
shared_or = _shared(ast.Or, "or", plural=False)
at_least_one_of = _shared(ast.Or, "and", plural=False, opening="at least one of")


def both_and(formula, speaker: Speaker) -> str:
    """ "Bob is both red and big." "Bob both chases the cat and likes the dog." """
    if not isinstance(formula, ast.And) or len(formula.args) != 2:
        raise Unrealizable("'both' says two conjuncts")
    literals = _positive_atoms(_literals(formula, ast.And))
    subject, plural = speaker.subject(_constant_subject(literals))
    return f"{subject} {_either(speaker, literals, plural=plural, word='both', nor='and')}"


def but_not(formula, speaker: Speaker) -> str:
    """ "Bob is big but not red." "Bob is kind but does not like the cat." """
    if not isinstance(formula, ast.And) or len(formula.args) != 2:
        raise Unrealizable("'but' joins two conjuncts")
    first, second = _literals(formula, ast.And)
    if split_literal(first)[1] or not split_literal(second)[1]:
        raise Unrealizable("'A but not B' says a positive then a negative literal")
    subject, plural = speaker.subject(_constant_subject([first, second]))
    said = [speaker.vp(first, plural=plural), speaker.vp(second, plural=plural)]
    tail = said[1].after_copula if said[0].after_copula and said[1].after_copula else said[1].text
    return f"{subject} {said[0].text} but {tail}"


def adjective_noun(formula, speaker: Speaker) -> str:
    """ "Bob is a big dog." "Anne is a kind, young doctor." """
    if not isinstance(formula, ast.And):
        raise Unrealizable("not a conjunction")
    literals = _literals(formula, ast.And)
    subject = _constant_subject(literals)
    adjectives, noun = _restrictor_of(literals, speaker, subject)
    if noun is None or not adjectives:
        raise Unrealizable("an adjective and a noun")
    text, _ = speaker.subject(subject)
    words = ", ".join(a.adjective for a in adjectives)
    return f"{text} is {with_article(words + ' ' + noun.noun)}"


def _xor_sides(formula) -> list[ast.Formula]:
    if not isinstance(formula, ast.Xor):
        raise Unrealizable("not an exclusive or")
    return _positive_atoms([formula.left, formula.right])


def either_same_subject(formula, speaker: Speaker) -> str:
    """ "Bob is either red or big." "The cat either chases the dog or sleeps." """
    literals = _xor_sides(formula)
    subject, plural = speaker.subject(_constant_subject(literals))
    return f"{subject} {_either(speaker, literals, plural=plural, word='either', nor='or')}"


def either_clauses(formula, speaker: Speaker) -> str:
    """ "Either Bob is red or the cat is big." """
    left, right = _xor_sides(formula)
    return f"either {speaker.clause(left)} or {speaker.clause(right)}"


def either_shared(formula, speaker: Speaker) -> str:
    """ "Either Bob or Anne is red." """
    literals = _xor_sides(formula)
    return "either " + speaker.shared_predicate(literals, conj="or", plural=False)


def or_but_not_both(formula, speaker: Speaker) -> str:
    """ "Bob is red or big, but not both." """
    literals = _xor_sides(formula)
    return speaker.clauses(literals, conj="or") + ", but not both"


def neither_same_subject(formula, speaker: Speaker) -> str:
    """ "Bob is neither red nor big." "Bob neither sings nor dances." """
    atoms = _negated_atoms(formula)
    subject, plural = speaker.subject(_constant_subject(atoms))
    return f"{subject} {_either(speaker, atoms, plural=plural, word='neither', nor='nor')}"


def neither_shared(formula, speaker: Speaker) -> str:
    """ "Neither Bob nor Anne is red." """
    atoms = _negated_atoms(formula)
    return "neither " + speaker.shared_predicate(atoms, conj="nor", plural=False)


def not_both(formula, speaker: Speaker) -> str:
    """ "Bob is not both red and a dog." "Bob does not both sing and like the cat." """
    if not (isinstance(formula, ast.Not) and isinstance(formula.arg, ast.And) and len(formula.arg.args) == 2):
        raise Unrealizable("'not both' negates a conjunction of two")
    literals = _positive_atoms(list(formula.arg.args))
    subject, plural = speaker.subject(_constant_subject(literals))
    said = [speaker.vp(lit, plural=plural) for lit in literals]
    if all(s.after_copula is not None for s in said):
        return f"{subject} {'are' if plural else 'is'} not both {said[0].after_copula} and {said[1].after_copula}"
    if any(s.after_copula is not None or not s.has_base_form for s in said):
        raise Unrealizable("'does not both' joins two verb phrases in their base form")
    # after "does not" a verb takes its base form, which is its plural present form
    base = [speaker.vp(lit, plural=True).text for lit in literals]
    return f"{subject} {'do' if plural else 'does'} not both {base[0]} and {base[1]}"


# ---------------------------------------------------------------- conditionals on constants


def _implication(formula) -> ast.Implies:
    if not isinstance(formula, ast.Implies):
        raise Unrealizable("not an implication")
    return formula


def _ground(formula) -> None:
    if any(isinstance(n, (ast.Var, ast.Forall, ast.Exists)) for n in ast.walk(formula)):
        raise Unrealizable("this template says formulas without variables")


def _conditional(pattern: str, *, pronouns: float = 0.3, group: bool | None = None):
    """A template "... {a} ... {b} ..." for ``a -> b``, saying {a} and {b} in text order."""
    def template(formula, speaker: Speaker) -> str:
        implication = _implication(formula)
        _ground(formula)
        speaker.constant_pronouns = speaker.rng.random() < pronouns
        sides = {"a": implication.left, "b": implication.right}
        first, second = ("a", "b") if pattern.index("{a}") < pattern.index("{b}") else ("b", "a")
        said = {first: _side(speaker, sides[first], group=group)}
        said[second] = _side(speaker, sides[second], group=group)
        return _fill(pattern, said)
    template.__doc__ = f'"{pattern}"'
    return template


def _fill(pattern: str, said: dict[str, str]) -> str:
    """The pattern with its parts; refuses a comma inside a part that a comma ends
    ("If A, B and C, D" would not say where the condition stops)."""
    for key, text in said.items():
        if "{" + key + "}," in pattern and "," in text:
            raise Unrealizable("a comma inside a part that a comma ends")
    return pattern.format(**said)


if_then = _conditional("if {a} then {b}")
if_comma = _conditional("if {a}, {b}")
if_comma_then = _conditional("if {a}, then {b}")
then_if = _conditional("{b} if {a}")
when_after = _conditional("{b} when {a}")
only_if = _conditional("{a} only if {b}")
repeated_names = _conditional("if {a} then {b}", pronouns=0.0, group=False)
grouped_names = _conditional("if {a} then {b}", pronouns=0.0, group=True)
if_comma_names = _conditional("if {a}, {b}", pronouns=0.0)
if_comma_then_names = _conditional("if {a}, then {b}", pronouns=0.0)
whenever_first = _conditional("whenever {a}, {b}")
whenever_after = _conditional("{b} whenever {a}")
provided_that = _conditional("{b} provided that {a}")
as_long_as = _conditional("{b} as long as {a}")


def _unless(pattern: str):
    def template(formula, speaker: Speaker) -> str:
        implication = _implication(formula)
        _ground(formula)
        if not isinstance(implication.left, ast.Not) or not isinstance(implication.left.arg, ast.Pred):
            raise Unrealizable("'B unless A' is 'not A -> B' with A an atom")
        speaker.constant_pronouns = speaker.rng.random() < 0.3
        sides = {"a": implication.left.arg, "b": implication.right}
        first, second = ("a", "b") if pattern.index("{a}") < pattern.index("{b}") else ("b", "a")
        said = {first: _side(speaker, sides[first])}
        said[second] = _side(speaker, sides[second])
        return _fill(pattern, said)
    template.__doc__ = f'"{pattern}" for not a -> b'
    return template


unless_after = _unless("{b} unless {a}")
unless_first = _unless("unless {a}, {b}")


def if_and_only_if(formula, speaker: Speaker) -> str:
    """ "Bob is red if and only if Anne is big." """
    if not isinstance(formula, ast.Iff):
        raise Unrealizable("not a biconditional")
    _ground(formula)
    return f"{_side(speaker, formula.left)} if and only if {_side(speaker, formula.right)}"


def _with_pronoun(template):
    """The template with pronouns for repeated constants; refuses if none could be used."""
    def wrapped(formula, speaker: Speaker) -> str:
        text = template(formula, speaker)
        if not speaker.pronouns_used:
            raise Unrealizable("no pronoun could refer to a constant unambiguously")
        return text
    wrapped.__doc__ = template.__doc__
    return wrapped


pronoun_if_then = _with_pronoun(_conditional("if {a} then {b}", pronouns=1.0, group=False))
pronoun_if_comma_then = _with_pronoun(_conditional("if {a}, then {b}", pronouns=1.0, group=False))
pronoun_then_if = _with_pronoun(_conditional("{b} if {a}", pronouns=1.0, group=False))
pronoun_when = _with_pronoun(_conditional("{b} when {a}", pronouns=1.0, group=False))


def _pronoun_and(formula, speaker: Speaker) -> str:
    """ "Bob is red and he chases the cat." """
    if not isinstance(formula, ast.And):
        raise Unrealizable("not a conjunction")
    _ground(formula)
    speaker.constant_pronouns = True
    return speaker.clauses(_literals(formula, ast.And), conj="and", group=False)


pronoun_and = _with_pronoun(_pronoun_and)


# ---------------------------------------------------------------- quantified rules


def _role(word: str, *, plural: bool, person: bool) -> VarRole:
    """The way x is referred to after a head noun phrase such as "every dog" or "people"."""
    pronoun, obj, pronoun_plural = ("they", "them", True) if person or plural else ("it", "it", False)
    return VarRole(word, word, pronoun, obj, pronoun_plural, intro_plural=plural)


def _head(adjectives: list[Predicate], noun: Predicate | None, *, plural: bool, person: bool) -> str:
    """ "red, cold things", "big dog", "people" (the head of a quantified noun phrase)."""
    if noun is not None:
        head = noun.noun_plural if plural else noun.noun
    else:
        head = ("people" if plural else "person") if person else ("things" if plural else "thing")
    words = [", ".join(a.adjective for a in adjectives)] if adjectives else []
    return " ".join([*words, head])


def _quantified(determiner: str, *, plural: bool, noun: str = "any", consequent: str = "any",
                person: bool | None = None):
    """ "{determiner} {adjectives} {noun/things/people} {verb phrase}" for a one-variable rule.

    ``noun``: "required", "forbidden" or "any" (a class noun heads the phrase);
    ``consequent``: "positive", "negated" or "any"; a "no" determiner says the negated
    consequent positively ("No dog is big").
    """
    def template(formula, speaker: Speaker) -> str:
        antecedent, consequent_formula = _rule(formula)
        adjectives, head_noun = _restrictor_of(antecedent, speaker)
        if (noun == "required" and head_noun is None) or (noun == "forbidden" and head_noun is not None):
            raise Unrealizable(f"this template needs noun={noun}")
        if head_noun is None and not adjectives:
            raise Unrealizable("nothing to say before the head")
        negated = isinstance(consequent_formula, ast.Not)
        if (consequent == "positive" and negated) or (consequent == "negated" and not negated):
            raise Unrealizable(f"this template says {consequent} conclusions")
        is_person = speaker.rng.random() < 0.4 if person is None else person
        speaker.bind("x", _role("", plural=plural, person=is_person), mentioned=True)
        phrase = _head(adjectives, head_noun, plural=plural, person=is_person)
        if determiner == "a":
            phrase = with_article(phrase)
        elif determiner:
            phrase = f"{determiner} {phrase}"
        if determiner == "no":
            if not negated:
                raise Unrealizable("'no' says a negated conclusion")
            consequent_formula = consequent_formula.arg
        return f"{phrase} {_vps_about(speaker, consequent_formula, 'x', plural=plural)}"
    template.__doc__ = f'"{determiner} ... {"are" if plural else "is"} ..."'
    return template


all_things = _quantified("all", plural=True, noun="forbidden", consequent="positive")
bare_adjectives = _quantified("", plural=True, noun="forbidden", consequent="positive")
bare_nouns = _quantified("", plural=True, noun="required", consequent="positive")
every = _quantified("every", plural=False, noun="required", consequent="positive")
each = _quantified("each", plural=False, noun="required", consequent="positive")
any_ = _quantified("any", plural=False, noun="required", consequent="positive")
a_generic = _quantified("a", plural=False, noun="required", consequent="positive")
all_nouns = _quantified("all", plural=True, noun="required", consequent="positive")
each_not = _quantified("each", plural=False, noun="required", consequent="negated")
every_not = _quantified("every", plural=False, noun="required", consequent="negated")
all_not = _quantified("all", plural=True, consequent="negated")
bare_not = _quantified("", plural=True, consequent="negated")
def _denied(opening: str, generality):
    """ "{opening} {what ``generality`` says}" for ``not`` over a one-variable rule: "Not
    every dog is big.", "It is not the case that all dogs are big." (some dog is not)."""
    def template(formula, speaker: Speaker) -> str:
        if not (isinstance(formula, ast.Not) and isinstance(formula.arg, ast.Forall)):
            raise Unrealizable("this template denies a universal")
        return f"{opening} {generality(formula.arg, speaker)}"
    template.__doc__ = f'"{opening} {generality.__doc__.strip(chr(34) + " ")}"'
    return template


not_every = _denied("not", every)
not_all = _denied("not", all_nouns)
not_the_case_every = _denied("it is not the case that", every)
not_true_all = _denied("it is not true that", all_nouns)
no_singular = _quantified("no", plural=False, consequent="negated")
no_plural = _quantified("no", plural=True, consequent="negated")


def _relative(opening: str, *, plural: bool, person: bool, noun: bool, determiner: str = ""):
    """ "{opening} {relative clause} {verb phrase}": "Everyone who is kind is young",
    "All dogs that chase the cat are big" (``noun``: the first conjunct is a class noun)."""
    def template(formula, speaker: Speaker) -> str:
        antecedent, consequent = _rule(formula)
        head = opening
        if noun:
            head_noun, antecedent = antecedent[0], antecedent[1:]
            _, found = _restrictor_of([head_noun], speaker)
            if found is None:
                raise Unrealizable("the first conjunct must be a class noun")
            head = found.noun_plural if plural else found.noun
            head = with_article(head) if determiner == "a" else " ".join(p for p in (determiner, head) if p)
        if not antecedent:
            raise Unrealizable("nothing for the relative clause to say")
        _require_about(antecedent, "x")
        speaker.bind("x", _role("", plural=plural, person=person), mentioned=True)
        relative = "who" if person else "that"
        clause = speaker.vps(antecedent, plural=plural)
        if determiner == "no":
            if not isinstance(consequent, ast.Not):
                raise Unrealizable("'no one who' says a negated conclusion")
            consequent = consequent.arg
        return f"{head} {relative} {clause} {_vps_about(speaker, consequent, 'x', plural=plural)}"
    template.__doc__ = f'"{opening or determiner} ... {"who" if person else "that"} ..."'
    return template


everyone_who = _relative("everyone", plural=False, person=True, noun=False)
everything_that = _relative("everything", plural=False, person=False, noun=False)
anyone_who = _relative("anyone", plural=False, person=True, noun=False)
anything_that = _relative("anything", plural=False, person=False, noun=False)
people_who = _relative("people", plural=True, person=True, noun=False)
things_that = _relative("things", plural=True, person=False, noun=False)
all_people_who = _relative("all people", plural=True, person=True, noun=False)
all_nouns_that = _relative("", plural=True, person=False, noun=True, determiner="all")
every_noun_that = _relative("", plural=False, person=False, noun=True, determiner="every")
nouns_that = _relative("", plural=True, person=False, noun=True)
a_noun_that = _relative("", plural=False, person=False, noun=True, determiner="a")
no_one_who = _relative("no one", plural=False, person=True, noun=False, determiner="no")
nothing_that = _relative("nothing", plural=False, person=False, noun=False, determiner="no")


def _if_variable(pattern: str, role: VarRole, *, noun_intro: bool = False):
    """ "If something is big and it chases the dog then it is red." x must appear in the
    condition's first literal, where it is introduced; later mentions are pronouns."""
    def template(formula, speaker: Speaker) -> str:
        antecedent, consequent = _rule(formula)
        first = antecedent[0]
        if X not in set(ast.walk(first)):
            raise Unrealizable("x must be introduced by the first condition")
        if noun_intro:  # "If a dog is hungry then it barks."
            _, head_noun = _restrictor_of([first], speaker)
            rest = antecedent[1:]
            if head_noun is None or not rest or not _about(rest[0], "x"):
                raise Unrealizable("'if a N ...' needs a class noun and a condition on x")
            speaker.bind("x", VarRole(with_article(head_noun.noun), with_article(head_noun.noun),
                                      "it", "it", False))
            antecedent = rest
        else:
            speaker.bind("x", role)
        condition = speaker.clauses(antecedent, conj="and")
        conclusion = _side(speaker, consequent)
        return _fill(pattern, {"a": condition, "b": conclusion})
    template.__doc__ = f'"{pattern}" with x said "{role.intro}"'
    return template


if_something_then = _if_variable("if {a} then {b}", SOMETHING)
if_something_comma = _if_variable("if {a}, {b}", SOMETHING)
if_something_comma_then = _if_variable("if {a}, then {b}", SOMETHING)
if_a_noun_comma_then = _if_variable("if {a}, then {b}", SOMETHING, noun_intro=True)
if_a_noun_then = _if_variable("if {a} then {b}", SOMETHING, noun_intro=True)
if_someone_then = _if_variable("if {a} then {b}", SOMEONE)
if_someone_comma = _if_variable("if {a}, {b}", SOMEONE)
if_someone_comma_then = _if_variable("if {a}, then {b}", SOMEONE)
whenever_something = _if_variable("whenever {a}, {b}", SOMETHING)
whenever_someone = _if_variable("whenever {a}, {b}", SOMEONE)


def _everything_either(opening: str, *, plural: bool, person: bool):
    """ "Everything is either red or blue." "People either sing or dance." (forall x. a xor b)"""
    def template(formula, speaker: Speaker) -> str:
        if not isinstance(formula, ast.Forall) or len(formula.binders) != 1 \
                or formula.binders[0].name != "x" or formula.binders[0].sort \
                or not isinstance(formula.body, (ast.Xor, ast.Or)):
            raise Unrealizable("not forall x. a xor b")
        speaker.bind("x", _role("", plural=plural, person=person), mentioned=True)
        return f"{opening} {_vps_about(speaker, formula.body, 'x', plural=plural)}"
    template.__doc__ = f'"{opening} either ... or ..."'
    return template


everything_either = _everything_either("everything", plural=False, person=False)
everyone_either = _everything_either("everyone", plural=False, person=True)
people_either = _everything_either("people", plural=True, person=True)
things_either = _everything_either("things", plural=True, person=False)


def _who_relates(opening: str, object_role: VarRole, *, person: bool):
    """ "Anyone who chases something is big." (forall x, y. r(x, y) -> p(x))"""
    def template(formula, speaker: Speaker) -> str:
        antecedent, consequent = _rule(formula, arity=2)
        if len(antecedent) != 1:
            raise Unrealizable("one relation in the condition")
        atom, negated = split_literal(antecedent[0])
        if negated or not isinstance(atom, ast.Pred) or atom.args != (ast.Var("x"), ast.Var("y")):
            raise Unrealizable("the condition must be r(x, y)")
        speaker.bind("x", _role("", plural=False, person=person), mentioned=True)
        speaker.bind("y", object_role)
        relative = "who" if person else "that"
        clause = speaker.vp(antecedent[0], plural=False).text
        return f"{opening} {relative} {clause} {_vps_about(speaker, consequent, 'x', plural=False)}"
    template.__doc__ = f'"{opening} ... {object_role.intro} ..."'
    return template


anyone_who_something = _who_relates("anyone", SOMETHING, person=True)
everything_that_something = _who_relates("everything", SOMETHING, person=False)
everyone_who_someone = _who_relates("everyone", SOMEONE, person=True)


def _every_relates(determiner: str, object_determiner: str, *, plural: bool):
    """ "Every dog chases some cat." (exists y inside) / "Every dog chases every cat." (x, y)."""
    def template(formula, speaker: Speaker) -> str:
        if object_determiner in ("some", "at least one"):
            antecedent, consequent = _rule(formula)
            if not isinstance(consequent, ast.Exists) or [b.name for b in consequent.binders] != ["y"] \
                    or consequent.binders[0].sort:
                raise Unrealizable("the conclusion must be exists y. n(y) and r(x, y)")
            object_class, relation = _literals(consequent.body, ast.And)
            subject_class = antecedent
        else:
            subject_class, relation = _rule(formula, arity=2)
            if len(subject_class) != 2:
                raise Unrealizable("the condition must be n(x) and m(y)")
            subject_class, object_class = [subject_class[0]], subject_class[1]
        _, subject_noun = _restrictor_of(subject_class, speaker)
        object_atom, negated = split_literal(object_class)
        if subject_noun is None or negated or not isinstance(object_atom, ast.Pred) \
                or object_atom.args != (ast.Var("y"),):
            raise Unrealizable("both sides must be class nouns")
        object_noun = speaker.vocab.lookup(object_atom.name, Predicate)
        atom, negated = split_literal(relation)
        if negated or not isinstance(atom, ast.Pred) or atom.args != (ast.Var("x"), ast.Var("y")) \
                or not object_noun.noun:
            raise Unrealizable("the relation must be r(x, y)")
        object_words = object_noun.noun_plural if object_determiner == "all" else object_noun.noun
        speaker.bind("x", _role("", plural=plural, person=False), mentioned=True)
        speaker.bind("y", VarRole(f"{object_determiner} {object_words}", f"{object_determiner} {object_words}",
                                  "it", "it", False))
        head = subject_noun.noun_plural if plural else subject_noun.noun
        return f"{determiner} {head} {speaker.vp(relation, plural=plural).text}"
    template.__doc__ = f'"{determiner} N verbs {object_determiner} M"'
    return template


every_some = _every_relates("every", "some", plural=False)
each_at_least_one = _every_relates("each", "at least one", plural=False)
all_some = _every_relates("all", "some", plural=True)
every_every = _every_relates("every", "every", plural=False)
each_every = _every_relates("each", "every", plural=False)
all_all = _every_relates("all", "all", plural=True)


def _quantified_either(determiner: str, *, plural: bool):
    """ "Every dog is either big or small." (forall x. dog(x) -> big(x) xor small(x))"""
    def template(formula, speaker: Speaker) -> str:
        antecedent, consequent = _rule(formula)
        if not isinstance(consequent, (ast.Xor, ast.Or)):
            raise Unrealizable("the conclusion must be a choice")
        _, noun = _restrictor_of(antecedent, speaker)
        if noun is None or len(antecedent) != 1:
            raise Unrealizable("one class noun before the choice")
        speaker.bind("x", _role("", plural=plural, person=False), mentioned=True)
        head = noun.noun_plural if plural else noun.noun
        head = with_article(head) if determiner == "a" else " ".join(p for p in (determiner, head) if p)
        return f"{head} {_vps_about(speaker, consequent, 'x', plural=plural)}"
    template.__doc__ = f'"{determiner} N is either ... or ..."'
    return template


every_either = _quantified_either("every", plural=False)
all_either = _quantified_either("all", plural=True)
a_either = _quantified_either("a", plural=False)
bare_either = _quantified_either("", plural=True)


# ---------------------------------------------------------------- existentials


def _existential_body(formula) -> list[ast.Formula]:
    if not isinstance(formula, ast.Exists) or [b.name for b in formula.binders] != ["x"] \
            or formula.binders[0].sort:
        raise Unrealizable("not exists x. ...")
    literals = _literals(formula.body, ast.And)
    _require_about(literals, "x")
    return literals


def _some(determiner: str, *, plural: bool):
    def template(formula, speaker: Speaker) -> str:
        literals = _existential_body(formula)
        _, noun = _restrictor_of(literals[:1], speaker)
        if noun is None or len(literals) < 2:
            raise Unrealizable(f"'{determiner} N ...' needs a class noun and more")
        speaker.bind("x", _role("", plural=plural, person=False), mentioned=True)
        head = noun.noun_plural if plural else noun.noun
        return f"{determiner} {head} {speaker.vps(literals[1:], plural=plural)}"
    template.__doc__ = f'"{determiner.capitalize()} {"dogs are" if plural else "dog is"} big."'
    return template


some_plural = _some("some", plural=True)
some_singular = _some("some", plural=False)
at_least_one = _some("at least one", plural=False)


def _there(opening: str):
    def template(formula, speaker: Speaker) -> str:
        literals = _existential_body(formula)
        try:
            adjectives, noun = _restrictor_of(literals, speaker)
        except Unrealizable:
            adjectives, noun = [], None
        if noun is not None and adjectives:
            return f"{opening} " + with_article(_head(adjectives, noun, plural=False, person=False))
        _, noun = _restrictor_of(literals[:1], speaker)
        if noun is None or len(literals) < 2:
            raise Unrealizable(f"'{opening} a N that ...' needs a class noun and more")
        speaker.bind("x", _role("", plural=False, person=False), mentioned=True)
        return f"{opening} {with_article(noun.noun)} that {speaker.vps(literals[1:], plural=False)}"
    template.__doc__ = f'"{opening.capitalize()} a big dog." "{opening.capitalize()} a dog that chases the cat."'
    return template


there_is = _there("there is")
there_exists = _there("there exists")


def _something(role: VarRole):
    def template(formula, speaker: Speaker) -> str:
        literals = _existential_body(formula)
        speaker.bind("x", role)
        return speaker.clauses(literals, conj="and")
    template.__doc__ = f'"{role.intro.capitalize()} is red and big."'
    return template


something_is = _something(SOMETHING)
someone_is = _something(SOMEONE)


# ---------------------------------------------------------------- numbers


def _numeric_rule(template):
    """A rule template restricted to conditions that compare a number."""
    def wrapped(formula, speaker: Speaker) -> str:
        antecedent, _ = _rule(formula)
        if not isinstance(split_literal(antecedent[0])[0], ast.Compare):
            raise Unrealizable("the condition must compare a number")
        return template(formula, speaker)
    wrapped.__doc__ = template.__doc__
    return wrapped


number_everyone_who = _numeric_rule(everyone_who)
number_anyone_who = _numeric_rule(anyone_who)
number_people_who = _numeric_rule(people_who)
number_if_someone = _numeric_rule(if_someone_then)
number_if_something = _numeric_rule(if_something_comma)


# ---------------------------------------------------------------- past tense, passive, whoever
# Tense is not in the LF: "Shakespeare wrote Hamlet" and "Shakespeare writes Hamlet" are
# both write(shakespeare, hamlet). A rule's condition may be past, its conclusion is present.


def _past_fact(*, negated: bool, arity: int | None = None):
    """A fact in the simple past: "Shakespeare wrote Hamlet." "Bob did not chase the cat." """
    def template(formula, speaker: Speaker) -> str:
        _ground(formula)
        atom, is_negated = split_literal(formula)
        if is_negated != negated or not isinstance(atom, ast.Pred) \
                or (arity is not None and len(atom.args) != arity):
            raise Unrealizable("not the kind of fact this template says")
        return speaker.clause(formula, past=True)
    template.__doc__ = {1: '"Liam snored." "The cat was big."', 2: '"Shakespeare wrote Hamlet."',
                        None: '"Bob did not chase the cat." "The cat wasn\'t big."'}[arity]
    return template


past_property = _past_fact(negated=False, arity=1)
past_relation = _past_fact(negated=False, arity=2)
past_negative = _past_fact(negated=True)


def _passive(*, negated: bool, past: bool | None):
    """A relation in the passive, object first: "The cat is chased by the dog.",
    "Hamlet was written by Shakespeare.", "The cat wasn't chased by the dog." (``past``
    None: either tense)."""
    def template(formula, speaker: Speaker) -> str:
        _ground(formula)
        if isinstance(formula, ast.Not) != negated:
            raise Unrealizable("not the polarity this template says")
        tense = speaker.rng.random() < 0.5 if past is None else past
        return speaker.passive_clause(formula, past=tense)
    template.__doc__ = _passive.__doc__
    return template


passive_present = _passive(negated=False, past=False)
passive_past = _passive(negated=False, past=True)
passive_negative = _passive(negated=True, past=None)


def _who_did(opening: str, *, plural: bool, past: bool):
    """ "{opening} {condition about x} {conclusion about x}": "Whoever is kind is young",
    "Whoever wrote something is a writer" (forall x, y. write(x, y) -> writer(x)),
    "Everyone who wrote a novel is a writer" (forall x, y. novel(y) and write(x, y) -> writer(x))."""
    def template(formula, speaker: Speaker) -> str:
        two = isinstance(formula, ast.Forall) and [b.name for b in formula.binders] == ["x", "y"]
        antecedent, consequent = _rule(formula, arity=2 if two else 1)
        if two:
            *object_class, relation = antecedent
            atom, negated = split_literal(relation)
            if negated or not isinstance(atom, ast.Pred) or atom.args != (X, Y) or len(object_class) > 1:
                raise Unrealizable("the condition must be r(x, y), perhaps after n(y)")
            if object_class:  # "a novel": y's class noun, said as an indefinite object
                _, noun = _restrictor_of(object_class, speaker, Y)
                if noun is None:
                    raise Unrealizable("the object's class must be a noun")
                said = with_article(noun.noun)
                speaker.bind("y", VarRole(said, said, "it", "it", False))
            else:
                speaker.bind("y", SOMETHING)
            antecedent = [relation]
        else:
            _require_about(antecedent, "x")
        if past:
            _require_verbs(antecedent, speaker)
        speaker.bind("x", _role("", plural=plural, person=True), mentioned=True)
        clause = speaker.vps(antecedent, plural=plural, past=past)
        return f"{opening} {clause} {_vps_about(speaker, consequent, 'x', plural=plural)}"
    template.__doc__ = f'"{opening} {"wrote" if past else "writes"} something is a writer."'
    return template


def _require_verbs(literals: list[ast.Formula], speaker: Speaker) -> None:
    """A past condition is an event ("whoever wrote", "who did not visit"); "whoever was
    red is big" would say something the LF does not."""
    for literal in literals:
        atom, _ = split_literal(literal)
        if not isinstance(atom, ast.Pred) or speaker.vocab.lookup(atom.name, Predicate).kind != "verb":
            raise Unrealizable("a past condition needs a verb")


whoever_present = _who_did("whoever", plural=False, past=False)
whoever_past = _who_did("whoever", plural=False, past=True)
everyone_who_past = _who_did("everyone who", plural=False, past=True)
anyone_who_past = _who_did("anyone who", plural=False, past=True)
people_who_past = _who_did("people who", plural=True, past=True)
