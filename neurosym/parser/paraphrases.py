"""English the generator never says so ("Helen has no degree.", "Tom is taller than
Jerry.", "Bob never lies.", "Cats are animals."), said the way the parser was trained to
read. ``SemanticParser`` reads a sentence so reworded only where no reading of the
sentence as written passes the reading checks.

The generator says "Helen has a degree." (``have_degree(helen)``), "Helen does not have a
degree." (``not have_degree(helen)``) and "Sid is a snake that has fur." (``snake(sid) and
have_fur(sid)``), but never "has no degree", "does not have any degree" or "a snake with
fur". The shipped parser read "Helen has no degree." as what Helen is not, ``not
degree(helen)``, at 0.99 (so "Every teacher has a degree. Helen is a teacher. Helen has no
degree." was consistent), and "Sid is a snake with fur." as one kind,
``snake_with_fur(sid)``, at 0.84. The reading checks doubt such readings
(``omission.possessions_read_as_kinds``), and ``SemanticParser.parse`` then reads the
sentence as ``plain_paraphrase`` says it again (``semantic_parser._with_paraphrase_readings``).

>>> plain_paraphrase("Helen has no degree.")
'Helen does not have a degree.'
>>> plain_paraphrase("The patients had no symptoms.")
'The patients did not have symptoms.'
>>> plain_paraphrase("Bob doesn't have any children.")
"Bob doesn't have children."
>>> plain_paraphrase("Sid is a snake with fur.")
'Sid is a snake that has fur.'
>>> plain_paraphrase("Bob has a car.") is None
True

Two more shapes the generator says otherwise are reworded alike: comparisons of a numeric
attribute by its comparative ("Tom is taller than Jerry.", which the shipped open-mode
network read as ``taller(tom)``, though the generator's "The height of Tom is greater than
the height of Jerry." it reads right at 0.99), and a relation said with a name's "'s"
after "is" ("Emma is Liam's mother.": the generator says "the mother of Liam").

>>> plain_paraphrase("Tom is not taller than Jerry.")
'The height of Tom is not greater than the height of Jerry.'
>>> plain_paraphrase("Anna is older than Ben, and the ring is cheaper than the car.")
'The age of Anna is greater than the age of Ben, and the price of the ring is less than the price of the car.'
>>> plain_paraphrase("Emma is Liam's mother.")
'Emma is the mother of Liam.'

A passive clause is said in the active (the network trained on unseen templates read
"Hugo was not greeted by the doctor." as ``not greet(hugo, doctor)``):

>>> plain_paraphrase("Hugo was not greeted by the doctor.")
'The doctor did not greet Hugo.'
>>> plain_paraphrase("The cat is looked after by the neighbors, and Bob is fed by Ann.")
'The neighbors look after the cat, and Ann feeds Bob.'

A possession in the past is said in the present, as the logic says it (it has no tense):

>>> plain_paraphrase("Grace had a car.")
'Grace has a car.'

And "never" is said as the generator says a negation: the shipped parser read "Bob never
lies." as ``not lie_never(bob)`` at 0.98 (now dropped: no name holds a word of negation,
``CandidateSet.function_word_names``), and reads "Bob does not lie." right at 0.999.

>>> plain_paraphrase("Bob never lies.")
'Bob does not lie.'
>>> plain_paraphrase("Cats never bark, and Bob is never late.")
'Cats do not bark, and Bob is not late.'

A demonstrative is said as "the" ("This book has no barcode." -> "The book does not have
a barcode."): "this book" is the book, and no name holds "this"
(``CandidateSet.function_word_names``). And the weather as the generator says it: "If it
rains, the ground is wet." had no reading that passes the checks (each gives ``rain`` a
subject); "If it is raining, the ground is wet." is ``rain -> wet(ground)`` at 0.92.

A bare plural subject is said with "all" ("Cats are animals." had no reading that passes
the checks; "All cats are animals." is ``forall x. cat(x) -> animal(x)`` at 0.995).

>>> plain_paraphrase("Cats are animals.")
'All cats are animals.'

Two subjects of "either ... or" get the verb phrase each:

>>> plain_paraphrase("Either Alice or the dog won the race.")
'Either Alice won the race or the dog won the race.'
>>> plain_paraphrase("If it rains, the ground is wet.")
'If it is raining, the ground is wet.'
>>> plain_paraphrase("It didn't snow.")
'It was not snowing.'
"""

from __future__ import annotations

import re
from functools import lru_cache

from .candidates import lemma_of_plural, lemma_of_verb, lemmas_of_past, third_person

__all__ = ["plain_paraphrase", "existence_said_plainly", "possessed_nouns", "lowered_article", "COMPARATIVES"]

# "has no", "have no", "had no"; "does not have any", "didn't have any" ...
_DENIED_POSSESSION = re.compile(
    r"\b(?:(?P<verb>has|have|had)\s+no|(?P<auxiliary>does|do|did)(?P<negation>\s+not|n't)\s+have\s+any)"
    r"\s+(?P<phrase>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})", re.I)
_AUXILIARY = {"has": "does", "have": "do", "had": "did"}
# "has a tail", "have feathers", "had two cars": a possession affirmed with an article, a
# number or no determiner, its noun one word that ends the clause or comes before a word
# that ends its phrase. Not "has the ...", nor "has a high salary" (FOLIO's gold logic
# names that one high_salary(john)), nor the perfect's "has been", "has worked"
# (``_affirmed_heads`` drops past participles), nor "has to".
_AFFIRMED_POSSESSION = re.compile(
    r"\b(?:has|have|had)\s+(?:(?:a|an|some|many|several|two|three|four|five)\s+)?"
    r"(?!(?:no|not|never|been|to|the|any|only|also|just|already|always|ever|got)\b)"
    r"(?P<noun>[a-z][a-z-]*)(?=\s*(?:[.,;!?]|$)|\s+(?P<next>[a-z]+)\b)", re.I)
# Words that end the possessed noun phrase ("no songs in French": the songs).
_PHRASE_END = frozenset("in on at to of for with from by about and or but that which who whose than as".split())
# Words that end an affirmed possession's phrase and clause ("has children nor ..."); not a
# preposition, which may make it a relation ("has an office in Germany": FOLIO's gold
# logic is office_in(ableton, germany)).
_CLAUSE_END = frozenset(
    "and or but nor if when whenever unless then because while is are was were that which who".split())


# "is a snake with fur", "are dogs with three legs" is not judged: "a"/"an" and one or two words
_KIND_WITH = re.compile(
    r"\b(?P<be>is|are|was|were)\s+(?P<kind>(?:a|an)\s+(?:[a-z]+\s+)?[a-z]+)\s+with\s+"
    r"(?P<phrase>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})", re.I)
_HAVE = {"is": "has", "are": "have", "was": "had", "were": "had"}


# The comparatives of open mode's numeric attributes, as the generator says them
# (training.lexicon.ATTRIBUTES: "older"/"younger" for age ...), with the ordering each says.
COMPARATIVES: dict[str, tuple[str, str]] = {
    "older": ("age", "greater"), "younger": ("age", "less"),
    "taller": ("height", "greater"), "shorter": ("height", "less"),
    "heavier": ("weight", "greater"), "lighter": ("weight", "less"),
    "more expensive": ("price", "greater"), "cheaper": ("price", "less"),
    "longer": ("length", "greater"),
}
# A name ("Tom", "Alice Smith") or "the" and one or two words ("the ring", "the old car").
_ENTITY = r"(?:[Tt]he\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"
# A clause "A is (not) taller than B", where A starts the sentence or follows a comma or
# "and", and B ends it or comes before one: "Anna is older than Ben, and Ben is older
# than Chris." has two.
_COMPARISON = re.compile(
    rf"(?P<lead>^\s*|,\s+|\band\s+)(?P<subject>{_ENTITY})\s+(?P<be>is|are|was|were)(?P<negation>\s+not|n't)?"
    rf"\s+(?P<cue>{'|'.join(sorted(COMPARATIVES, key=len, reverse=True))})\s+than\s+(?P<object>{_ENTITY})"
    r"(?=\s*(?:[.,;!?]|$)|\s+and\b)")
# "is Liam's mother", "was not the baker's son": one noun after the owner, ending the
# clause (at a stop, a comma or "and").
_OWNED_RELATION = re.compile(
    r"\b(?P<be>is|are|was|were)(?P<negation>\s+not|n't)?\s+(?P<owner>(?:the\s+[a-z][\w-]*|[A-Z][\w-]*))'s"
    r"\s+(?P<noun>[a-z][\w-]*)(?=\s*(?:[.,;!?]|$)|\s+and\b)")


# "Hugo was not greeted by the doctor.": a passive clause (a regular participle, perhaps its
# particle, then "by" and the agent), which the generator says in the active as well ("The
# doctor did not greet Hugo."): the split network read the negated passive as ``not
# greet(hugo, doctor)`` and the active right at 0.999. The clause starts the sentence or
# follows a comma or "and"; its agent ends it or comes before one.
_PASSIVE = re.compile(
    rf"(?P<lead>^\s*|,\s+|\band\s+)(?P<patient>{_ENTITY})\s+(?P<be>is|are|was|were)(?P<negation>\s+not|n't)?"
    r"\s+(?P<participle>[a-z]+ed)(?P<particle>\s+(?:with|to|after|for|on|at|about|from|of))?"
    rf"\s+by\s+(?P<agent>{_ENTITY})(?=\s*(?:[.,;!?]|$)|\s+and\b)")
_PAST_BE = frozenset(("was", "were"))
# "Grace had a car.": a possession in the past, which the logic says as in the present
# (``have_car(grace)``), of one subject; the split network read it ``had(grace, car)``
# and "Alice has a car." right.
_HAD_A = re.compile(rf"(?P<subject>(?:^|(?<=,\s)|(?<=\band\s)){_ENTITY})\s+had\s+(?=an?\s)")


# "Either Alice or Bob won the race.": two subjects ("the" and a noun, or a name) of one
# verb phrase, which the generator says once each ("Either Alice won the race or Bob won
# the race.").
_EITHER_SUBJECTS = re.compile(
    r"^(?P<lead>\s*)(?P<either>[Ee]ither)\s+(?P<first>(?:[Tt]he\s+[a-z][\w-]*|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?))"
    r"\s+or\s+(?P<second>(?:the\s+[a-z][\w-]*|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?))"
    r"\s+(?P<phrase>[a-z][^,;]*?)(?P<end>\s*[.!]?\s*)$")
# "it rains", "it didn't snow": the weather verbs of the generator, which says them "it is
# raining" (training.lexicon.PROPOSITIONS).
_WEATHER_VERB = re.compile(
    r"\b(?P<it>[Ii]t)\s+(?:(?P<auxiliary>does|did)(?P<negation>\s+not|n't)\s+)?"
    r"(?P<verb>rains|snows|rained|snowed|rain|snow)\b")
# "Cats are animals.", "Red, cold things are big.": a bare plural subject, with at most two
# adjectives, then a plural verb that is not negated ("Cats are not dogs." stays: "All cats
# are not dogs." may deny that all are); the generator also says "All cats are animals.".
_BARE_PLURAL_SUBJECT = re.compile(
    r"^(?P<space>\s*)(?!(?:The|These|Those|Some|All|Many|Most|No|Few|Every|Each|Both|Several|My|His|Her|Their|Our"
    r"|Its|Your|Any|Other|Such)\b)(?P<phrase>[A-Z][a-z]*(?:,?\s+[a-z]+){0,2}s)"
    r"(?=\s+(?:are|were|have|do|can|must|should|will|may)\b(?!\s+not\b|n't))")
# "This book": the book ("This is ..." says no noun after it).
_THERE_IS_A = re.compile(r"\b(?P<there>[Tt]here)\s+(?P<be>is|exists|was)\s+(?P<article>an?)\s+")
# A noun phrase (up to "that"/"who"), then a preposition that places it.
_PLACED = re.compile(r"(?:(?!\b(?:that|who|which)\b)[\w'-]+\s+)+?(?:on|in|at|of|for|with|to|from|by|near|under)\b")
_THIS = re.compile(r"\b(?P<this>[Tt]his)\s+(?!(?:is|was|has|can|will|does|did|must|may|means)\b)(?=[a-z])")
# "Whoever ..." opening a sentence: the generator says it so too, but the network reads
# "Everyone who ..." better ("Whoever is married has a car." was ``married(x) -> car(x)``;
# "Everyone who is married has a car." is ``married(x) -> have_car(x)`` at 0.98).
_WHOEVER = re.compile(r"^(?P<space>\s*)Whoever\b")
# "is never", "can never": the auxiliary's own negation. Not the perfect's "has never been
# to Paris": the network reads "has not been to Paris" as not have(bob, paris).
_AUXILIARY_NEVER = re.compile(
    r"\b(?P<auxiliary>is|are|am|was|were|can|could|will|would|should|must|may|might|does|do|did)\s+never\b")
# "cannot", "can't": the network reads "can not" (``not reset_passwords(bob)`` at 0.995 for
# "Bob can not reset passwords.", but ``reset_passwords(bob)`` for "Bob cannot ...").
_CANNOT = re.compile(r"\b(?P<c>[Cc])an(?:not|'t)\b")
# An opening "a N" before a modal or "does": a generality ("A broken printer can not print."),
# which the network reads better as "every" (``broken_printer(x)`` at 0.68 with "a", ``broken(x)
# and printer(x)`` at 0.71 with "every").
_GENERIC_A = re.compile(
    r"^(?P<space>\s*)An?\s+(?=(?:[a-z]+\s+){1,3}(?:can|cannot|can't|must|may|should|will|does|doesn't)\b)")
# "Only members can vote.": only a kind, a modal and what it allows.
_ONLY_KIND_CAN = re.compile(
    r"^(?P<space>\s*)Only\s+(?P<kind>[a-z]+)\s+(?:(?P<modal>can|may|must|should)\s+)?(?P<verb>[a-z]+)"
    r"(?P<rest>(?:\s+[^,;]+?)?)(?P<end>[.!]?\s*)$")
# Verbs of a plural subject that "Only Ns ..." is not said of one with here ("Only cats are
# pets.": "Everyone who is pets" says no kind; "do", "don't": their verb comes later).
_NO_PLAIN_VERBS = frozenset("are were do did don't aren't weren't haven't".split())
_AUXILIARY_BEFORE = re.compile(r"\b(?:has|have|had)\s+$")
# "never lies", "never visited", "never bark": a verb that "do" negates.
_NEVER_VERB = re.compile(r"\bnever\s+(?P<verb>[a-z]+)\b")


@lru_cache(maxsize=256)
def possessed_nouns(sentence: str) -> tuple[str, ...]:
    """The head noun of each possession ``sentence`` denies or gives with "with" ("degree"
    for "has no degree", "ideas" for "has no innovative ideas", "songs" for "has no songs
    in French", "fur" for "is a snake with fur"), then of each it affirms with a noun of
    one word said once ("tail" for "Every cat has a tail.": ``_affirmed_heads``)."""
    denied_or_with = [_noun_phrase(match.group("phrase"))[-1]  # cached: every reading of a sentence asks
                      for pattern in (_DENIED_POSSESSION, _KIND_WITH) for match in pattern.finditer(sentence)]
    return tuple(dict.fromkeys(denied_or_with + _affirmed_heads(sentence)))


def _affirmed_heads(sentence: str) -> list[str]:
    """The nouns of the possessions ``sentence`` affirms ("tail" for "Every cat has a
    tail.", "feathers" for "Birds have feathers."), each said only there: a noun said
    twice may name something else the second time ("Whoever has a dog is a dog lover.").
    Not a noun followed by a preposition: "of" names an attribute ("has a score of 10"
    is ``score(x) = 10``), others may make a relation. Nor the perfect's participle
    ("has worked")."""
    heads = []
    for match in _AFFIRMED_POSSESSION.finditer(sentence):
        noun, following = match.group("noun"), (match.group("next") or "").lower()
        if following and following not in _CLAUSE_END or lemmas_of_past(noun.lower()):
            continue
        said = re.findall(rf"\b(?:{re.escape(noun)}|{re.escape(lemma_of_plural(noun.lower()))})\b", sentence, re.I)
        if len(said) == 1:
            heads.append(noun)
    return heads


def plain_paraphrase(sentence: str) -> str | None:
    """``sentence`` with each denied possession said as "does not have (a) N", each "is a N
    with X" as "is a N that has X", each comparison by a comparative as one of attribute
    values ("A is taller than B" -> "the height of A is greater than the height of B"),
    each "is Y's N" as "is the N of Y", each passive clause in the active ("Bob was
    greeted by Ann" -> "Ann greeted Bob"), "X had a N" as "X has a N", each "never" as "not" ("never lies" -> "does not
    lie"), "cannot" as "can not", "this N" as "the N", "it rains" as "it is raining", a bare plural subject
    with "all" ("Cats are animals." -> "All cats are animals."), the verb phrase of
    "either A or B" said of each ("Either A won or B won."), "there is a N" as
    "something is a N" (``existence_said_plainly``), an opening "Whoever" as
    "Everyone who", an opening "A N" before a modal as "Every N", and "Only Ns can V"
    as "Everyone who can V is a N"; None when it says none of these."""
    reworded = sentence
    for pattern, said_plainly in _REWORDINGS:
        reworded = pattern.sub(said_plainly, reworded)
    return reworded if reworded != sentence else None


def existence_said_plainly(sentence: str, *, placed: bool = True) -> str | None:
    """``sentence`` with "there is a N" said as "something is a N", as the generator says
    an existence ("There is a soft kangaroo." -> "Something is a soft kangaroo."), or None
    when it has no "there is a". Both modes: glosses say no existence. With ``placed``
    false, not an existence placed by a preposition: a rule file may say "There is an
    open incident on the billing database." as what the database has
    (``incident_open(billing_database)``).

    >>> existence_said_plainly("There exists a trapin that is square.")
    'Something is a trapin that is square.'
    >>> existence_said_plainly("If there is a fire, the alarm rings.")
    'If something is a fire, the alarm rings.'
    >>> existence_said_plainly("There is an open incident on the database.", placed=False) is None
    True
    """
    if not placed and any(_PLACED.match(sentence, match.end()) for match in _THERE_IS_A.finditer(sentence)):
        return None
    reworded = _THERE_IS_A.sub(_existence_said_plainly, sentence)
    return reworded if reworded != sentence else None


def _existence_said_plainly(match: re.Match) -> str:
    something = "Something" if match.group("there")[0] == "T" else "something"
    return f"{something} {'was' if match.group('be') == 'was' else 'is'} {match.group('article')} "


def _kind_with_said_plainly(match: re.Match) -> str:
    be = match.group("be")
    return f"{be} {match.group('kind')} that {_HAVE[be.lower()]} {match.group('phrase')}"


def _denial_said_plainly(match: re.Match) -> str:
    phrase = match.group("phrase")
    words = _noun_phrase(phrase)
    article = ""
    if lemma_of_plural(words[-1].lower()) == words[-1].lower():  # one thing: "a degree"
        article = "an " if words[0][0].lower() in "aeiou" else "a "
    if match.group("verb") is not None:
        verb = match.group("verb")
        auxiliary = _AUXILIARY[verb.lower()]
        if verb[0].isupper():
            auxiliary = auxiliary.capitalize()
        return f"{auxiliary} not have {article}{phrase}"
    return f"{match.group('auxiliary')}{match.group('negation')} have {article}{phrase}"


def _comparison_said_plainly(match: re.Match) -> str:
    attribute, ordering = COMPARATIVES[match.group("cue")]
    the = "The" if not match.group("lead").strip() else "the"
    subject, object_ = (lowered_article(match.group(part)) for part in ("subject", "object"))
    return (f"{match.group('lead')}{the} {attribute} of {subject} {match.group('be')}{match.group('negation') or ''} "
            f"{ordering} than the {attribute} of {object_}")


def _passive_said_plainly(match: re.Match) -> str:
    """"Hugo was not greeted by the doctor" -> "the doctor did not greet Hugo", "the
    report is approved by Ann" -> "Ann approves the report"; as it was where the
    participle's lemma is not clear ("was ignored by": ignore or ignor?)."""
    lemmas = lemmas_of_past(match.group("participle"))
    if len(lemmas) != 1:
        return match.group(0)
    lemma, particle = lemmas[0], match.group("particle") or ""
    agent, patient = lowered_article(match.group("agent")), lowered_article(match.group("patient"))
    if match.group("lead").strip() == "" and agent.startswith("the "):
        agent = "The" + agent[3:]
    past = match.group("be") in _PAST_BE
    plural = agent.lower().startswith("the ") and lemma_of_plural(agent.split()[-1]) != agent.split()[-1]
    if match.group("negation"):
        auxiliary = "did" if past else "do" if plural else "does"
        verb = f"{auxiliary} not {lemma}"
    else:
        verb = match.group("participle") if past else lemma if plural else third_person(lemma)
    return f"{match.group('lead')}{agent} {verb}{particle} {patient}"


def _possession_said_in_the_present(match: re.Match) -> str:
    """"Grace had a" -> "Grace has a"; as it was after a plural ("The dogs had a ball")."""
    head = match.group("subject").split()[-1]
    if head.islower() and lemma_of_plural(head) != head:
        return match.group(0)
    return f"{match.group('subject')} has "


def _owned_relation_said_plainly(match: re.Match) -> str:
    return f"{match.group('be')}{match.group('negation') or ''} the {match.group('noun')} of {match.group('owner')}"


def _never_verb_said_plainly(match: re.Match) -> str:
    """"never lies" -> "does not lie", "never visited" -> "did not visit", "never bark" ->
    "do not bark"; as it was where the verb's lemma is not clear ("never ignored") or a
    perfect's auxiliary comes before ("has never visited")."""
    verb = match.group("verb")
    if _AUXILIARY_BEFORE.search(match.string[:match.start()]):
        return match.group(0)
    past = lemmas_of_past(verb)
    if past:
        return f"did not {past[0]}" if len(past) == 1 else match.group(0)
    if verb.endswith("s") and not verb.endswith("ss") and lemma_of_verb(verb) != verb:
        return f"does not {lemma_of_verb(verb)}"
    return f"do not {verb}"


def _bare_plural_said_with_all(match: re.Match) -> str:
    phrase = match.group("phrase")
    if _NOT_IN_A_BARE_PLURAL.search(phrase):
        return match.group(0)  # "Cats and dogs are animals.", "Only members can vote.": no bare plural
    if re.search(r"\bthan\b", match.string):
        return match.group(0)  # "Dogs are taller than cats.": kinds compared, which "all" would not say
    return f"{match.group('space')}All {phrase[0].lower()}{phrase[1:]}"


# Words that make the phrase before the verb more than adjectives and a plural noun: two
# kinds ("and"), a restriction ("only": "Only members can vote." is no "all"), a quantity.
_NOT_IN_A_BARE_PLURAL = re.compile(
    r"\b(?:and|or|nor|of|in|on|at|with|who|that|which|only|just|even|not|no|never|also|usually|often|sometimes"
    r"|always|most|many|few|some|all|both|either|neither|if|when|whenever|unless|then|there|here|such|other)\b",
    re.I)


def _weather_said_plainly(match: re.Match) -> str:
    """"it rains" -> "it is raining", "it didn't snow" -> "it was not snowing"."""
    verb, auxiliary = match.group("verb"), match.group("auxiliary")
    if auxiliary is None and verb in ("rain", "snow"):
        return match.group(0)  # "it rain" says no tense: not English to reword
    past = verb.endswith("ed") or auxiliary == "did"
    negation = " not" if match.group("negation") else ""
    return f"{match.group('it')} {'was' if past else 'is'}{negation} {verb[:4]}ing"


def _only_said_as_every(match: re.Match) -> str:
    """ "Only members can vote." said as "Everyone who can vote is a member.": what only a
    kind may do, whoever does it is of that kind (the network read the converse, ``member(x)
    -> vote(x)``, at 0.995)."""
    plural, verb = match.group("kind"), match.group("verb")
    noun = lemma_of_plural(plural)
    if noun == plural or (match.group("modal") is None and verb in _NO_PLAIN_VERBS):
        return match.group(0)  # no plural noun: "Only then ..."; no verb of its own: "Only cats are ..."
    article = "an" if noun[0] in "aeiou" else "a"
    said = f"{match.group('modal')} {verb}" if match.group("modal") else verb if lemmas_of_past(verb) \
        else third_person(verb)
    return f"{match.group('space')}Everyone who {said}{match.group('rest')} is {article} {noun}{match.group('end')}"


def lowered_article(entity: str) -> str:
    """"The ring" as "the ring" inside a sentence; names as written."""
    return "the" + entity[3:] if entity.startswith("The ") else entity


def _noun_phrase(phrase: str) -> list[str]:
    """The words of ``phrase`` up to the first that ends a noun phrase."""
    words = []
    for word in phrase.split():
        if word.lower() in _PHRASE_END:
            break
        words.append(word)
    return words or phrase.split()[:1]


# Each rewording, in the order they are made.
_REWORDINGS = (
    (_DENIED_POSSESSION, _denial_said_plainly),
    (_KIND_WITH, _kind_with_said_plainly),
    (_COMPARISON, _comparison_said_plainly),
    (_OWNED_RELATION, _owned_relation_said_plainly),
    (_PASSIVE, _passive_said_plainly),
    (_HAD_A, _possession_said_in_the_present),
    (_THIS, lambda match: f"{match.group('this')[0]}he "),
    (_THERE_IS_A, _existence_said_plainly),
    (_BARE_PLURAL_SUBJECT, _bare_plural_said_with_all),
    (_WEATHER_VERB, _weather_said_plainly),
    (_EITHER_SUBJECTS, lambda match: f"{match.group('lead')}{match.group('either')} {match.group('first')} "
                                     f"{match.group('phrase')} or {lowered_article(match.group('second'))} "
                                     f"{match.group('phrase')}{match.group('end')}"),
    (_AUXILIARY_NEVER, lambda match: f"{match.group('auxiliary')} not"),
    (_CANNOT, lambda match: f"{match.group('c')}an not"),
    (_NEVER_VERB, _never_verb_said_plainly),
    (_WHOEVER, lambda match: f"{match.group('space')}Everyone who"),
    (_GENERIC_A, lambda match: f"{match.group('space')}Every "),
    (_ONLY_KIND_CAN, _only_said_as_every),
)
