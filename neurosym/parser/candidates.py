"""Copy candidates: the names and numbers a sentence offers the decoder.

The decoder never invents a name; it copies one of these (docs/decoding.md, section 2).
So this module decides which symbols an LF of the sentence *can* use, and it must offer
the canonical name of every concept (docs/generator.md, "Symbol names"):

- **open mode** (``open_candidates``): every short run of content words, said in a few
  normalised ways: as written (``red``, ``bald_eagle``), with its first word as a verb
  lemma (``chases the dog`` -> ``chase``, ``looks after`` -> ``look_after``), with a noun
  made singular (``dogs`` -> ``dog``, ``parents of`` -> ``parent_of``), a gerund as its
  verb (``raining`` -> ``rain``), a leading adverb moved last (``regularly drinks coffee``
  -> ``drink_coffee_regularly``); names lower-cased and joined (``Alice Smith`` ->
  ``alice_smith``); numbers as digits (``seventeen`` -> ``17``); and the numeric
  attribute a unit implies (``years old`` -> ``age``, ``costs`` -> ``price``). The
  model learns which of the offered spellings a reading uses; each candidate carries
  the tags of the rules that produced it, so the model sees *how* a name was made.
- **schema-guided mode** (``schema_candidates``): the declared predicates, functions and
  constants of a theory (``span=None``; the model encodes their glosses), plus the
  sentence's own names and numbers (new constants are always allowed).

Nothing here needs torch. No training code is imported (the parser runs without it).

>>> [c.text for c in open_candidates("The cat chases the dog.").items]
['cat', 'cat_chase', 'cat_chases', 'chase', 'chase_dog', 'chases', 'dog']
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Sequence

from ..logic.ast import is_identifier
from ..rules.model import Theory
from .declared_constants import per_theory
from .vocabulary import NAME, NUMBER, VARIABLES, Candidate

__all__ = ["CandidateSet", "TAGS", "open_candidates", "schema_candidates", "candidates_for",
           "gloss_words", "said_by_glosses",
           "lemma_of_plural", "lemma_of_verb", "third_person", "lemmas_of_past", "gerund_lemmas", "regular_lemmas", "dropped_final_e",
           "content_words", "words_to_number", "is_number_word", "MAX_SPAN_WORDS", "IRREGULAR_PAST", "PREPOSITIONS"]

# Tags: how a candidate was made. The model embeds them; the order is part of a trained
# model's contract (append only).
TAGS = (
    "written", "verb_lemma", "singular", "gerund", "adverb_last", "name", "number",
    "attribute", "predicate", "function", "constant", "arity0", "arity1", "arity2", "arity3",
    "words1", "words2", "words3", "words4",
)
MAX_SPAN_WORDS = 4

ARTICLES = frozenset({"a", "an", "the"})
# Words after which a noun phrase starts (``_span_variants``).
_DETERMINERS = ARTICLES | frozenset("some every each all no any many most few several both these those".split())
# Prepositions may end a name ("live_in", "afraid_of") or stand inside one
# ("go_to_school"), never start it.
PREPOSITIONS = frozenset({
    "of", "to", "in", "for", "with", "from", "on", "at", "by", "about", "into", "after",
    "over", "under", "near", "as",
})
# Words that never belong to a name: they are the logic and the pronouns of English.
_FUNCTION_WORDS = frozenset("""
is are am was were be been being isn't aren't wasn't weren't not no nor does do did doesn't
don't didn't and or but either neither both if then only unless whenever when while it its
they them their he him his she her hers we us you i that who whom which whose what every each
all any some none there someone something everyone everything anyone anything nothing nobody
everybody somebody anybody things thing people person persons than least most more less
greater higher lower below exactly case true false untrue also so because whether just one ones
can cannot must will would should may might shall has have had own also too very
whoever whomever whatever whichever
""".split()) - {"has", "have", "had", "own"}
# "has"/"have"/"had" stay: "has a car" / "had a car" -> have_car. "at least"/"at most" are removed before the
# words are read, since "at" is also a particle ("looks at").
_QUANTITY_PHRASES = re.compile(r"\b(at least|at most|more than|less than|fewer than)\b", re.I)
# Logic phrases whose words are also content words elsewhere ("a long river", "provided
# food", "the dog exists"): read as breaks, like the quantity phrases.
_LOGIC_PHRASES = re.compile(r"\b(as long as|provided that|there exists?)\b", re.I)

_IRREGULAR_SINGULAR = {
    "people": "person", "men": "man", "women": "woman", "children": "child", "mice": "mouse",
    "geese": "goose", "feet": "foot", "teeth": "tooth", "oxen": "ox", "cacti": "cactus",
    "fungi": "fungus", "wolves": "wolf", "wives": "wife", "lives": "life", "knives": "knife",
    "leaves": "leaf", "calves": "calf", "thieves": "thief", "shelves": "shelf", "elves": "elf",
    "halves": "half", "loaves": "loaf",
    # Not plurals at all: verbs and nouns that merely end in s ("has a car" is never "ha car").
    "has": "has", "does": "does", "goes": "goes", "gas": "gas", "yes": "yes", "news": "news",
    "lens": "lens", "series": "series", "species": "species",
}
_IRREGULAR_VERB = {"is": "be", "are": "be", "has": "have", "does": "do", "goes": "go"}
# Irregular verbs: lemma -> (simple past, past participle): the lexicon's real verbs and
# common English ones. The generator says verbs with this table too
# (neurosym.training.morphology), so reading and saying agree. Other verbs are regular.
IRREGULAR_PAST = {
    "be": ("was", "been"), "have": ("had", "had"), "do": ("did", "done"), "go": ("went", "gone"),
    "write": ("wrote", "written"), "win": ("won", "won"), "eat": ("ate", "eaten"),
    "see": ("saw", "seen"), "give": ("gave", "given"), "make": ("made", "made"),
    "take": ("took", "taken"), "know": ("knew", "known"), "meet": ("met", "met"),
    "teach": ("taught", "taught"), "catch": ("caught", "caught"), "feed": ("fed", "fed"),
    "buy": ("bought", "bought"), "sell": ("sold", "sold"), "build": ("built", "built"),
    "draw": ("drew", "drawn"), "read": ("read", "read"), "find": ("found", "found"),
    "run": ("ran", "run"), "hide": ("hid", "hidden"), "sleep": ("slept", "slept"),
    "swim": ("swam", "swum"), "sing": ("sang", "sung"), "fly": ("flew", "flown"),
    "drink": ("drank", "drunk"), "grow": ("grew", "grown"), "speak": ("spoke", "spoken"),
    "wear": ("wore", "worn"), "ride": ("rode", "ridden"), "come": ("came", "come"),
    "get": ("got", "gotten"), "say": ("said", "said"), "tell": ("told", "told"),
    "think": ("thought", "thought"), "bring": ("brought", "brought"), "fight": ("fought", "fought"),
    "seek": ("sought", "sought"), "begin": ("began", "begun"), "break": ("broke", "broken"),
    "choose": ("chose", "chosen"), "drive": ("drove", "driven"), "fall": ("fell", "fallen"),
    "feel": ("felt", "felt"), "forget": ("forgot", "forgotten"), "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"), "hear": ("heard", "heard"), "hold": ("held", "held"),
    "keep": ("kept", "kept"), "lead": ("led", "led"), "leave": ("left", "left"),
    "lend": ("lent", "lent"), "lose": ("lost", "lost"), "mean": ("meant", "meant"),
    "pay": ("paid", "paid"), "put": ("put", "put"), "rise": ("rose", "risen"),
    "send": ("sent", "sent"), "shake": ("shook", "shaken"), "shoot": ("shot", "shot"),
    "show": ("showed", "shown"), "sit": ("sat", "sat"), "spend": ("spent", "spent"),
    "stand": ("stood", "stood"), "steal": ("stole", "stolen"), "strike": ("struck", "struck"),
    "throw": ("threw", "thrown"), "understand": ("understood", "understood"),
    "wake": ("woke", "woken"), "bite": ("bit", "bitten"), "blow": ("blew", "blown"),
    "bear": ("bore", "born"), "beat": ("beat", "beaten"), "become": ("became", "become"),
    "bend": ("bent", "bent"), "bind": ("bound", "bound"), "bleed": ("bled", "bled"),
    "breed": ("bred", "bred"), "burn": ("burnt", "burnt"), "cost": ("cost", "cost"),
    "cut": ("cut", "cut"), "deal": ("dealt", "dealt"), "dig": ("dug", "dug"),
    "dream": ("dreamt", "dreamt"), "forbid": ("forbade", "forbidden"), "hang": ("hung", "hung"),
    "hit": ("hit", "hit"), "hurt": ("hurt", "hurt"), "kneel": ("knelt", "knelt"),
    "lay": ("laid", "laid"), "let": ("let", "let"), "lie": ("lay", "lain"),
    "light": ("lit", "lit"), "ring": ("rang", "rung"),
    "set": ("set", "set"), "shine": ("shone", "shone"), "shut": ("shut", "shut"),
    "sink": ("sank", "sunk"), "slide": ("slid", "slid"), "spin": ("spun", "spun"),
    "split": ("split", "split"), "spread": ("spread", "spread"), "stick": ("stuck", "stuck"),
    "sting": ("stung", "stung"), "swear": ("swore", "sworn"), "sweep": ("swept", "swept"),
    "swing": ("swung", "swung"), "tear": ("tore", "torn"), "weep": ("wept", "wept"),
    "wind": ("wound", "wound"), "withdraw": ("withdrew", "withdrawn"), "overcome": ("overcame", "overcome"),
    "undertake": ("undertook", "undertaken"), "flee": ("fled", "fled"), "arise": ("arose", "arisen"), "awake": ("awoke", "awoken"),
}

# Past forms read back to their lemmas. "born" is left out: "was born in" is its own
# predicate (born_in, as written), not a form of "bear".
_PAST_LEMMAS: dict[str, tuple[str, ...]] = {}
for _lemma, _forms in IRREGULAR_PAST.items():
    for _form in dict.fromkeys(_forms):
        if _form != "born":
            _PAST_LEMMAS[_form] = _PAST_LEMMAS.get(_form, ()) + (_lemma,)
_PAST_LEMMAS["were"] = ("be",)  # the one verb with two simple pasts

# Words that end in -ed without being a past: base forms of verbs ("does not need") and
# adjectives. Spelling alone would offer "ne" and "nee" for "need", and the decoder then
# splits its probability between them.
_NOT_PAST = frozenset({
    "need", "feed", "seed", "bleed", "breed", "speed", "succeed", "proceed", "exceed",
    "heed", "weed", "shed", "wed", "embed", "deed", "reed", "greed", "indeed", "steed",
    "creed", "hundred", "kindred", "sacred", "naked", "wicked", "rugged", "ragged",
    "crooked", "beloved", "bed", "sled",
}) - _PAST_LEMMAS.keys()
# Verbs in -ell that keep both l's before -ed/-ing, alone or at the end of a longer verb.
_ELL_VERBS = tuple("sell tell spell quell swell dwell smell shell yell fell well knell jell".split())
_ADVERBS = frozenset("often early well daily late hard fast always usually sometimes never "
                     "rarely seldom weekly monthly".split())
_NOT_ADVERBS = frozenset("only early friendly ugly lovely jolly silly holy curly hilly lonely "
                         "lively elderly likely costly deadly sly fly belly bully family "
                         "italy july rely apply reply supply".split())

# Numeric attributes that a unit or a comparative implies ("is 17 years old" -> age).
_ATTRIBUTE_CUES = {
    "years": "age", "year": "age", "old": "age", "older": "age", "younger": "age", "aged": "age",
    "centimeters": "height", "centimetres": "height", "cm": "height", "taller": "height",
    "shorter": "height", "tall": "height",
    "kilograms": "weight", "kilos": "weight", "kg": "weight", "weighs": "weight",
    "weigh": "weight", "heavier": "weight", "lighter": "weight",
    "dollars": "price", "costs": "price", "cost": "price", "expensive": "price",
    "cheaper": "price", "euros": "price",
    "meters": "length", "metres": "length", "long": "length", "longer": "length",
}

_ONES = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

_TOKEN = re.compile(r"[0-9]+(?:\.[0-9]+)?|[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*|[^\sA-Za-z0-9]")


@dataclass(frozen=True)
class CandidateSet:
    """The candidates of one sentence, with what the model needs to represent each.

    ``items[i]`` is the ``Candidate`` (text, kind, span); ``tags[i]`` the rules that made
    it (names from ``TAGS``); ``descriptions[i]`` the text the model encodes for a
    declared symbol ("eligible: {0} is eligible for a loan | ..."), None for a span.
    """

    items: tuple[Candidate, ...]
    tags: tuple[tuple[str, ...], ...]
    descriptions: tuple[str | None, ...]
    # Open mode: names offered only by spans that join a verb and a definite object
    # (chase_bear from "chases the bear", play_piano from "plays the piano"). A definite
    # object names an individual, so no reading may use one: it says chase(dog, bear).
    # Fine-tunes that learned rule files' glosses such as "{0} passed the identity check"
    # read ProofWriter's "The dog chases the bear." as chase_bear(dog) at up to 0.99. They
    # stay candidates all the same: the model was trained on candidate sets that have
    # them, and without them it misreads rules (run 19: "If someone likes the cow then
    # they like the tiger." became like(tiger, tiger)).
    definite_object_names: frozenset[str] = frozenset()

    def __len__(self) -> int:
        return len(self.items)

    def texts(self) -> list[str]:
        return [c.text for c in self.items]

    @cached_property
    def spans_by_text(self) -> dict[str, tuple[tuple[int, int], ...]]:
        """Per candidate text, the distinct places the sentence says it (sorted; texts
        with no span, a schema's declared symbols, are absent). Computed once: every
        reading of a sentence asks."""
        spans: dict[str, set[tuple[int, int]]] = {}
        for candidate in self.items:
            if candidate.span is not None:
                spans.setdefault(candidate.text, set()).add(candidate.span)
        return {text: tuple(sorted(places)) for text, places in spans.items()}

    def verb_phrase_names(self) -> frozenset[str]:
        """Names that only a verb rule made (``chase_bear`` from "chases the bear", never
        as written): names of predicates, never of entities. A reading that uses one as a
        constant copied a verb phrase where its object belonged (``eat(cat, eat_bear)``);
        no generated or FOLIO gold LF does."""
        noun_like = {"written", "name", "number", "attribute", "constant"}
        tags_of: dict[str, set[str]] = {}
        for candidate, tags in zip(self.items, self.tags):
            if candidate.span is not None:
                tags_of.setdefault(candidate.text, set()).update(tags)
        return frozenset(text for text, tags in tags_of.items() if not tags & noun_like)

    def attribute_cue_names(self) -> frozenset[str]:
        """Names copied from a word that cues a numeric attribute (``taller`` beside the
        ``height`` it implies): words that say which attribute is compared or measured,
        never names of the attribute itself. A reading that applies one as a function
        (``taller(joseph) > height(mountain)``) copied the cue where its attribute
        belonged; no generated or FOLIO gold LF does."""
        cue_spans = {c.span for c, tags in zip(self.items, self.tags) if "attribute" in tags}
        return frozenset(c.text for c, tags in zip(self.items, self.tags)
                         if c.span in cue_spans and "attribute" not in tags)

    def attribute_names(self) -> frozenset[str]:
        """Names that only the attribute rule made (``age`` from "years old" or "for six
        years"): names of numeric functions, never of things or properties. A reading that
        uses one as a constant (``work_here(bob, age) = 6``, the shipped parser's reading
        of "Bob has worked here for six years.", 0.74) copied it where no function was
        meant; no generated or FOLIO gold LF does."""
        tags_of: dict[str, set[str]] = {}
        for candidate, tags in zip(self.items, self.tags):
            tags_of.setdefault(candidate.text, set()).update(tags)
        return frozenset(text for text, tags in tags_of.items() if tags == {"attribute"})

    def unit_names(self) -> frozenset[str]:
        """Names said only right after a number other than one ("for six years", "700
        dollars"): the number's unit, which names no thing. A reading that uses one as a
        constant (``work_here(bob, years) = 6``) misreads the quantity; no generated or
        FOLIO gold LF does (FOLIO's "won at least one medal" is ``win(x, medal)``, so
        "one" is left out)."""
        ends = [c.span[1] for c in self.items if c.kind == NUMBER and c.span is not None and c.text != "1"]
        if not ends:
            return frozenset()
        # a space (or two) between the number and its unit: the spans of "six" and "years"
        return frozenset(text for text, spans in self.spans_by_text.items()
                         if all(any(0 < start - end <= 2 for end in ends) for start, _ in spans))

    def function_word_names(self) -> frozenset[str]:
        """Names that hold a word of negation or a demonstrative ("lie_never" from "never
        lies", "this_car" from "this car"): a negation is ``not``, and "this car" is the
        car, so neither is part of a name. The shipped parser read "Bob never lies." as
        ``not lie_never(bob)`` at 0.98, so that "Bob lies." did not contradict it, and
        "This car is red." as ``red(this_car)`` at 0.98, another thing than the car of
        "The car is red."; no generated or FOLIO gold LF, and no shipped rule file, has
        such a name."""
        return frozenset(text for text in self.spans_by_text if _FUNCTION_WORD_PARTS & set(text.split("_")))


# The words no name may hold (CandidateSet.function_word_names): negations, demonstratives
# ("that" is also a relative pronoun and a conjunction, so it is not judged).
_FUNCTION_WORD_PARTS = frozenset("not never no nobody nothing none nor neither this these those".split())


@dataclass(frozen=True)
class _Word:
    text: str  # as written, possessive 's removed
    start: int
    end: int
    capitalized: bool
    kind: str  # "word", "number", "number_word", "punct", "break"
    possessive: bool = False  # written with 's or a bare ' ("Bob's", "James'")


# ---------------------------------------------------------------- morphology (inverse only)


def _strip_inflection(word: str, irregular: dict[str, str], es_endings: tuple[str, ...],
                      keep_s: tuple[str, ...]) -> str:
    """Undo an -s/-es/-ies ending (the shared rule of plurals and third-person verbs)."""
    if word in irregular:
        return irregular[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("zes") and len(word) > 4 and word[-4] in "aeiouy":
        return word[:-1]  # sizes, freezes, apologizes, analyzes (but waltzes, buzzes: es_endings)
    if word.endswith(es_endings):
        return word[:-2]
    if word.endswith("s") and not word.endswith(keep_s) and len(word) > 2:
        return word[:-1]
    return word


def lemma_of_plural(word: str) -> str:
    """The singular of a plural noun (a rough inverse of English plural rules).

    >>> lemma_of_plural("dogs"), lemma_of_plural("cities"), lemma_of_plural("boxes"), lemma_of_plural("mice")
    ('dog', 'city', 'box', 'mouse')
    >>> lemma_of_plural("buses"), lemma_of_plural("houses"), lemma_of_plural("causes")
    ('bus', 'house', 'cause')
    """
    if word.endswith(("ouses", "auses")) and word not in _IRREGULAR_SINGULAR:
        return word[:-1]  # house, spouse, cause, clause: no noun ends in -ous or -aus
    return _strip_inflection(word, _IRREGULAR_SINGULAR, ("sses", "xes", "zes", "ches", "shes", "uses"),
                             ("ss", "us", "is"))


def lemma_of_verb(word: str) -> str:
    """The lemma of a third-person verb form: chases -> chase, flies -> fly, has -> have."""
    # No English verb ends in -u, so "-us" is never a third person (wumpus, status).
    return _strip_inflection(word, _IRREGULAR_VERB, ("sses", "xes", "zes", "ches", "shes", "oes"), ("ss", "us"))


def third_person(lemma: str) -> str:
    """A verb's third person singular, the inverse of ``lemma_of_verb``: work -> works,
    go -> goes, carry -> carries, have -> has."""
    if lemma in ("have", "be"):
        return {"have": "has", "be": "is"}[lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def lemmas_of_past(word: str) -> list[str]:
    """Possible lemmas of a simple past or past participle (none for other words).

    Irregular forms come from the table. A regular -ed form offers the lemmas English
    spelling allows (``regular_lemmas``): one where the spelling tells, both "<stem>" and
    "<stem>e" where it does not, and the model learns which is the word.

    >>> lemmas_of_past("written"), lemmas_of_past("chased"), lemmas_of_past("stopped")
    (['write'], ['chase'], ['stop'])
    >>> lemmas_of_past("carried"), lemmas_of_past("visited"), lemmas_of_past("red"), lemmas_of_past("need")
    (['carry'], ['visit'], [], [])
    """
    irregular = _PAST_LEMMAS.get(word)
    if irregular:
        return list(irregular)
    if not word.endswith("ed") or len(word) < 4 or word in _NOT_PAST:
        return []
    if word.endswith("ied") and len(word) > 4:
        return [word[:-3] + "y"]
    if word.endswith("eed"):
        return [word[:-1]]  # agreed -> agree (need, feed are no past forms: _NOT_PAST)
    return regular_lemmas(word[:-2])


def gerund_lemmas(word: str) -> list[str]:
    """Possible lemmas of an -ing form: raining -> rain, dancing -> dance, running -> run."""
    if not word.endswith("ing") or len(word) < 5:
        return []
    stem = word[:-3]
    if stem.endswith(("e", "y")):
        return [stem]  # seeing, agreeing, carrying
    return regular_lemmas(stem)


# Final letters after which a silent "e" was dropped (located, judged) or not (visited, opened).
_E_ENDINGS = ("at", "ot", "id", "ud", "od", "ad", "ir", "ur", "ar", "in", "im", "um",
              "am", "ib", "ub", "ok", "ak", "uk", "ik", "ov", "dg", "ang", "rg", "th")
_NO_E_ENDINGS = ("it", "et", "er", "en", "on", "el", "al", "il", "ol", "ul", "ap", "ep", "ip",
                 "op", "up", "ag", "ig", "og", "ug", "eg")
_VOWELS = "aeiou"


def dropped_final_e(stem: str) -> bool | None:
    """Whether "<stem>ed" / "<stem>ing" comes from "<stem>e" (produced, located) rather
    than "<stem>" (directed, visited); None where English spelling does not tell.

    >>> dropped_final_e("produc"), dropped_final_e("direct"), dropped_final_e("handl"), dropped_final_e("vis")
    (True, False, True, True)
    """
    if len(stem) < 2:
        return None
    last, before = stem[-1], stem[-2]
    if last in "cvzu" and not stem.endswith("zz") or last == "s" and before != "s":
        return True  # produce, solve, specialize, continue, use
    if last == "l" and before not in _VOWELS + "lrw":
        return True  # handle, settle
    if stem.endswith(_E_ENDINGS[-4:]):
        return True  # judge, change, merge, breathe
    if before not in _VOWELS or last in "wy" or len(stem) > 2 and stem[-3] in _VOWELS:
        return False  # direct, own, allow, play, treat, need
    if _one_syllable(stem) and len(stem) >= 3 and last not in "x":
        return True  # "hoped": "hop" would have doubled its p (hopped), so the lemma is hope
    if stem.endswith(_E_ENDINGS):
        return True
    return False if stem.endswith(_NO_E_ENDINGS) else None


def _one_syllable(word: str) -> bool:
    groups = sum(1 for i, c in enumerate(word) if c in _VOWELS and (i == 0 or word[i - 1] not in _VOWELS))
    return groups == 1


def regular_lemmas(stem: str) -> list[str]:
    """The lemmas a regular -ed or -ing form with ``stem`` may have, by English spelling:
    a doubled final consonant is undone (stopp -> stop; not -ll/-ss/-zz/-ff: call, pass),
    then ``dropped_final_e`` decides between "<stem>" and "<stem>e", or offers both.

    >>> regular_lemmas("stopp"), regular_lemmas("call"), regular_lemmas("tandl"), regular_lemmas("plendat")
    (['stop'], ['call'], ['tandle'], ['plendate'])
    >>> regular_lemmas("visit"), regular_lemmas("play"), regular_lemmas("ignor")
    (['visit'], ['play'], ['ignor', 'ignore'])
    >>> regular_lemmas("cancell"), regular_lemmas("compell"), regular_lemmas("spell"), regular_lemmas("retell")
    (['cancel'], ['compel'], ['spell'], ['retell'])
    """
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS + "lszf":
        return [stem[:-1]]
    if stem.endswith("ell") and any(v in stem[:-3] for v in _VOWELS) and not stem.endswith(_ELL_VERBS):
        return [stem[:-1]]  # cancelled, travelled, compelled: a final -el doubled (not "retell", "misspell")
    final_e = dropped_final_e(stem)
    if final_e is None:
        return [stem, stem + "e"]
    return [stem + "e"] if final_e else [stem]


def words_to_number(words: Sequence[str]) -> int | None:
    """The value of English number words ("two hundred and five" -> 205), or None.

    >>> words_to_number(["forty-three"]), words_to_number(["two", "hundred", "and", "five"])
    (43, 205)
    """
    total = current = 0
    seen = False
    for raw in words:
        for word in raw.lower().split("-"):
            if word == "and" and seen:
                continue
            if word in _ONES:
                current += _ONES[word]
            elif word in _TENS:
                current += _TENS[word]
            elif word in _SCALES and seen:
                scale = _SCALES[word]
                if scale == 100:
                    current *= 100
                else:
                    total += current * scale
                    current = 0
            else:
                return None
            seen = True
    return total + current if seen else None


def is_number_word(word: str) -> bool:
    """Whether ``word`` is a number said in words ("eleven", "forty-two", "hundred")."""
    return all(part in _ONES or part in _TENS or part in _SCALES for part in word.lower().split("-"))


def _is_adverb(word: str) -> bool:
    return word in _ADVERBS or (word.endswith("ly") and len(word) > 4 and word not in _NOT_ADVERBS)


# ---------------------------------------------------------------- reading the sentence


def _words(sentence: str) -> list[_Word]:
    """The sentence as words with character spans; quantity and logic phrases become breaks."""
    breaks = [(m.start(), m.end()) for phrases in (_QUANTITY_PHRASES, _LOGIC_PHRASES)
              for m in phrases.finditer(sentence)]
    words = []
    for match in _TOKEN.finditer(sentence):
        text, start = match.group(0), match.start()
        if any(b0 <= start < b1 for b0, b1 in breaks):
            words.append(_Word(text, start, match.end(), False, "break"))
            continue
        if text[0].isdigit():
            words.append(_Word(text, start, match.end(), False, "number"))
        elif text[0].isalpha():
            possessive = text.lower().endswith(("'s", "'")) and "'" in text
            if possessive:
                text = text[: text.rindex("'")]
            kind = "word"
            if text.lower() in _FUNCTION_WORDS:
                kind = "break"
            elif is_number_word(text):
                kind = "number_word"
            words.append(_Word(text, start, start + len(text), text[0].isupper(), kind, possessive))
        else:
            words.append(_Word(text, start, match.end(), False, "punct"))
    return words


def content_words(sentence: str, *, names_and_numbers_only: bool = False) -> list[_Word]:
    """The words of ``sentence`` that an LF must say (``neurosym.parser.omission``): words
    that may form names, articles and prepositions aside, and numbers. With
    ``names_and_numbers_only``, just the numbers and the capitalised names (not a lone
    capitalised first word, which may be any word).

    >>> [w.text for w in content_words("If the cat is big then it chases Bob 2 times.")]
    ['cat', 'big', 'chases', 'Bob', '2', 'times']
    >>> [w.text for w in content_words("Tom guarantees Omar's loan.", names_and_numbers_only=True)]
    ['Omar']
    """
    words = _words(sentence)
    if names_and_numbers_only:
        named = {i for a, b in _name_groups(words) if (a, b) != (0, 1) for i in range(a, b)}
        return [w for i, w in enumerate(words) if i in named or w.kind in ("number", "number_word")]
    return [w for w in words if w.kind in ("number", "number_word")
            or w.kind == "word" and w.text.lower() not in ARTICLES | PREPOSITIONS]


def _name_groups(words: list[_Word], *, possessive_ends: bool = False) -> list[tuple[int, int]]:
    """Runs of capitalised words (``Alice Smith``): proper names. A sentence-initial
    capital alone is a name only if nothing else says otherwise (it is also a word).

    With ``possessive_ends`` a possessive ends a name: "Bob's FICO score" names Bob, not
    bob_fico. Schema-guided mode reads names so, since its glosses say what follows the
    owner ("{0}'s FICO score"); open mode keeps the run whole, since real names hold
    possessives ("the Dean's List", "the People's Republic of China")."""
    groups = []
    i = 0
    while i < len(words):
        if words[i].kind == "word" and words[i].capitalized:
            j = i
            while j < len(words) and words[j].kind == "word" and words[j].capitalized:
                j += 1
                if possessive_ends and words[j - 1].possessive:
                    break
            groups.append((i, j))
            i = j
        else:
            i += 1
    return groups


def _number_candidates(words: list[_Word]) -> list[tuple[str, tuple[int, int]]]:
    found = []
    i = 0
    while i < len(words):
        word = words[i]
        if word.kind == "number":
            found.append((_canonical_number(word.text), (word.start, word.end)))
            i += 1
            continue
        if word.text and is_number_word(word.text) and word.text.lower() != "and":
            j = i + 1
            while j < len(words) and (is_number_word(words[j].text)
                                      or (words[j].text.lower() == "and" and j + 1 < len(words)
                                          and is_number_word(words[j + 1].text))):
                j += 1
            value = words_to_number([w.text for w in words[i:j]])
            if value is not None:
                found.append((str(value), (word.start, words[j - 1].end)))
            i = j
            continue
        i += 1
    return found


def _canonical_number(text: str) -> str:
    """Digits as the LF writes them: no leading zeros on whole numbers."""
    return text if "." in text else (text.lstrip("0") or "0")


def _symbol(words: Sequence[str]) -> str | None:
    """The LF name of a phrase (lower case, articles dropped, ``_``), or None."""
    tokens = [t for w in words for t in re.split(r"[^a-z0-9]+", w.lower().replace("'", ""))
              if t and t not in ARTICLES]
    name = "_".join(tokens)
    if not name:
        return None
    if name[0].isdigit():
        name = "n_" + name
    if not is_identifier(name):
        name += "_"
    return name if is_identifier(name) and name not in VARIABLES else None


class _Collector:
    """Candidates in order of first appearance, one per (text, span), tags merged."""

    def __init__(self) -> None:
        self.order: list[tuple[str, str, tuple[int, int] | None]] = []
        self.tags: dict[tuple, set[str]] = {}
        self.descriptions: dict[tuple, str | None] = {}

    def add(self, text: str | None, kind: str, span, tags: Sequence[str],
            description: str | None = None) -> None:
        if not text:
            return
        key = (text, kind, span)
        if key not in self.tags:
            self.order.append(key)
            self.tags[key] = set()
            self.descriptions[key] = description
        self.tags[key].update(tags)

    def result(self) -> CandidateSet:
        items = tuple(Candidate(text, kind, span) for text, kind, span in self.order)
        tags = tuple(tuple(t for t in TAGS if t in self.tags[key]) for key in self.order)
        return CandidateSet(items, tags, tuple(self.descriptions[key] for key in self.order))


def _content_runs(words: list[_Word]) -> list[tuple[int, int]]:
    """Maximal runs of words that may form names (no function word, number or punctuation)."""
    runs, start = [], None
    for i, word in enumerate(words + [_Word("", 0, 0, False, "break")]):
        if word.kind == "word":
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i))
            start = None
    return runs


def _span_variants(texts: list[str], *, after_determiner: bool = False) -> list[tuple[str | None, tuple[str, ...]]]:
    """The normalised names of one span of lower-case words, each with its tags. Right
    after a determiner the first word is no verb, so it gets no verb lemma that differs
    from its singular ("Some rhombuses ..." offers rhombus, not rhombuse), except in -oes,
    where plurals go both ways (shoes, heroes) and the verb rule's is the right one as often."""
    first, last = texts[0], texts[-1]
    verb_lemma = lemma_of_verb(first)
    if after_determiner and verb_lemma != lemma_of_plural(first) and not first.endswith("oes"):
        verb_lemma = first
    variants = [(_symbol(texts), ("written",)),
                (_symbol([verb_lemma, *texts[1:]]), ("verb_lemma",)),
                (_symbol([*texts[:-1], lemma_of_plural(last)]), ("singular",)),
                (_symbol([lemma_of_plural(first), *texts[1:]]), ("singular",))]
    if last.endswith("ies"):  # "movies" -> movie, where the rule says "movy"
        variants.append((_symbol([*texts[:-1], last[:-1]]), ("singular",)))
    for lemma in gerund_lemmas(first):
        variants.append((_symbol([lemma, *texts[1:]]), ("gerund",)))
    for lemma in lemmas_of_past(first):  # "wrote", "written by" -> write; tense is not in the LF
        variants.append((_symbol([lemma, *texts[1:]]), ("verb_lemma",)))
    if len(texts) > 1 and _is_adverb(first) and last not in PREPOSITIONS:
        # one spelling per span and tag: the verb's lemma, as "drinks coffee regularly" is
        # named (two spellings with the same tags would tie in every reading that copies them);
        # the adverb goes after the whole phrase, never before its object ("usually walks to
        # school" is walk_to_school_usually, not walk_to_usually)
        variants.append((_symbol([lemma_of_verb(texts[1]), *texts[2:], first]), ("adverb_last",)))
        for lemma in lemmas_of_past(texts[1]):
            variants.append((_symbol([lemma, *texts[2:], first]), ("adverb_last",)))
    return variants


def open_candidates(sentence: str) -> CandidateSet:
    """Names and numbers a sentence offers in open mode (see the module docstring)."""
    words = _words(sentence)
    collector = _Collector()
    lowered = [w.text.lower() for w in words]
    joined, free = set(), set()  # names of spans that join a definite object, and of the others
    groups = _name_groups(words)
    group_of = {i: (a, b) for a, b in groups for i in range(a, b)}
    for start, end in _content_runs(words):
        for i in range(start, end):
            if lowered[i] in ARTICLES or lowered[i] in PREPOSITIONS:
                continue
            content = 0
            for j in range(i + 1, end + 1):
                if lowered[j - 1] not in ARTICLES:
                    content += 1
                if content > MAX_SPAN_WORDS:
                    break
                if lowered[j - 1] in ARTICLES or not _span_may_hold_names(i, j, words, group_of):
                    continue
                span = (words[i].start, words[j - 1].end)
                size = f"words{min(content, MAX_SPAN_WORDS)}"
                # A word in -s before an article inside the span is a verb taking its object
                # ("chases the bear"): such a phrase is named by its lemma (chase_bear), so the
                # span is no name if the verb is not its first word ("dog_chases_bear"), and
                # its spellings that keep the inflection (chases_bear) are none either.
                verbs = [k for k in range(i, j - 1)
                         if lowered[k + 1] in ARTICLES and lemma_of_verb(lowered[k]) != lowered[k]]
                if verbs and verbs != [i]:
                    continue
                joins_object = _joins_a_definite_object(lowered, i, j)
                for text, tags in _span_variants(lowered[i:j], after_determiner=i > 0 and lowered[i - 1] in _DETERMINERS):
                    if verbs and text.startswith(lowered[i] + "_"):
                        continue
                    collector.add(text, NAME, span, (*tags, size))
                    (joined if joins_object else free).add(text)
    for a, b in groups:
        collector.add(_symbol([w.text for w in words[a:b]]), NAME,
                          (words[a].start, words[b - 1].end), ("name", f"words{min(b - a, 4)}"))
    for i, word in enumerate(lowered):
        attribute = _ATTRIBUTE_CUES.get(word)
        if attribute and words[i].kind in ("word", "break"):
            collector.add(attribute, NAME, (words[i].start, words[i].end), ("attribute",))
    for text, span in _number_candidates(words):
        collector.add(text, NUMBER, span, ("number",))
    return dataclasses.replace(_sorted(collector.result()), definite_object_names=frozenset(joined - free))


def _joins_a_definite_object(lowered: list[str], i: int, j: int) -> bool:
    """Whether the span ``lowered[i:j]`` holds a word and then "the" that is not after a
    preposition: "chases the bear", "plays the piano" (``CandidateSet.definite_object_names``).
    After a preposition "the" may stay inside a name ("studies in the morning":
    ``study_in_morning``)."""
    return any(lowered[k + 1] == "the" and lowered[k] not in PREPOSITIONS for k in range(i, j - 1))


def _span_may_hold_names(i: int, j: int, words: list[_Word], group_of: dict) -> bool:
    """A span holds a capitalised name only as the whole name or as its last word
    ("speaks French"); never two names, never part of "Alice Smith"."""
    inside = [k for k in range(i, j) if k in group_of and not (k == 0 and group_of[k] == (0, 1))]
    if not inside:
        return True
    a, b = group_of[inside[0]]
    if (a, b) == (i, j):
        return True
    return len(inside) == 1 and inside[0] == j - 1 and b - a == 1


def _sorted(candidates: CandidateSet) -> CandidateSet:
    """Candidates in a stable order: by text, then position (so equal inputs give equal ids)."""
    order = sorted(range(len(candidates)), key=lambda k: (
        candidates.items[k].kind, candidates.items[k].text, candidates.items[k].span or (-1, -1)))
    return CandidateSet(tuple(candidates.items[k] for k in order),
                        tuple(candidates.tags[k] for k in order),
                        tuple(candidates.descriptions[k] for k in order))


# ---------------------------------------------------------------- schema-guided mode


def describe_symbol(name: str, glosses: Sequence[str]) -> str:
    """The text the model encodes for a declared symbol: its name and glosses, slots as
    letters ("eligible: X is eligible for a loan | X qualifies for a loan")."""
    said = []
    for gloss in glosses:
        text = re.sub(r"\{0\}", "X", gloss)
        text = re.sub(r"\{1\}", "Y", text)
        text = re.sub(r"\{value\}", "N", text)
        said.append(re.sub(r"\{[0-9]+\}", "Z", text))
    return name.replace("_", " ") + (": " + " | ".join(said) if said else "")


def schema_candidates(sentence: str, theory: Theory) -> CandidateSet:
    """The theory's declared symbols plus the sentence's names and numbers."""
    collector = _Collector()
    for name, decl in sorted(theory.predicates.items()):
        collector.add(name, NAME, None, ("predicate", f"arity{min(len(decl.arg_sorts), 3)}"),
                      describe_symbol(name, decl.glosses))
    for name, decl in sorted(theory.functions.items()):
        collector.add(name, NAME, None, ("function", f"arity{min(len(decl.arg_sorts), 3)}"),
                      describe_symbol(name, decl.glosses))
    for name, decl in sorted(theory.constants.items()):
        collector.add(name, NAME, None, ("constant",), describe_symbol(name, decl.glosses))
    words = _words(sentence)
    for a, b in _name_groups(words, possessive_ends=True) + _definite_descriptions(words, theory):
        collector.add(_symbol([w.text for w in words[a:b]]), NAME,
                      (words[a].start, words[b - 1].end), ("name", f"words{min(b - a, 4)}"))
    for text, span in _number_candidates(words):
        collector.add(text, NUMBER, span, ("number",))
    return collector.result()


MAX_DESCRIPTION_WORDS = 3


def _definite_descriptions(words: list[_Word], theory: Theory) -> list[tuple[int, int]]:
    """Lower-case phrases after "the" that name one thing, as a rule file's facts name
    systems and requests ("The payroll database is a production system.", "Dana
    submitted the expense request."): the one to three words after "the" up to a word
    that cannot be part of a name, a possessive ("the payroll database's owner") or a
    word of a declared predicate's or function's glosses. The last keeps the
    description apart from what is said of it ("the payroll db runs in production",
    gloss "{0} runs in production") and the glosses' own phrases from being names ("the
    account of {0} is suspended")."""
    said_of = gloss_words(theory)
    spans = []
    for i, word in enumerate(words):
        if word.text.lower() != "the":
            continue
        end = i + 1
        while end < len(words) and end - i <= MAX_DESCRIPTION_WORDS:
            after = words[end]
            lowered = after.text.lower()
            if after.kind != "word" or after.capitalized or lowered in ARTICLES \
                    or lowered in PREPOSITIONS or said_by_glosses(lowered, said_of):
                break
            end += 1
            if after.possessive:
                break
        if end > i + 1:
            spans.append((i + 1, end))
    return spans


def said_by_glosses(word: str, words: frozenset[str]) -> bool:
    """Whether a lower-case ``word`` is one of ``words`` (a theory's ``gloss_words``) in
    any inflection."""
    return bool({word, lemma_of_verb(word), *lemmas_of_past(word)} & words)


@per_theory
def gloss_words(theory: Theory) -> frozenset[str]:
    """The words of the theory's predicate and function glosses, slots aside, lower-cased,
    with their verbs' lemmas ("runs": run, so "run" and "ran" are in too): where a
    definite description ends (the generator draws descriptions without them)."""
    glosses = [gloss for decl in (*theory.predicates.values(), *theory.functions.values())
               for gloss in decl.glosses]
    words = {word.lower() for gloss in glosses
             for word in re.findall(r"[A-Za-z][A-Za-z0-9-]*", re.sub(r"\{[^{}]*\}", " ", gloss))}
    return frozenset(words | {lemma_of_verb(word) for word in words})


def candidates_for(sentence: str, theory: Theory | None = None) -> CandidateSet:
    """Open-mode candidates without a theory, schema-guided ones with it."""
    return open_candidates(sentence) if theory is None else schema_candidates(sentence, theory)
