"""The open vocabulary: English words and invented ones, with inflections and symbol names.

Every entry becomes a vocabulary item (``neurosym.training.vocabulary``) once, at import:
adjectives ("red" -> ``red``), class nouns ("bald eagle" -> ``bald_eagle``, also usable
as the entity "the bald eagle"), transitive verbs and copular relations ("chases" ->
``chase``, "is afraid of" -> ``afraid_of``), activities ("regularly drinks coffee" ->
``drink_coffee_regularly``), names ("Bob" -> ``bob``), numeric attributes ("is 17 years
old" -> ``age(x) = 17``) and weather propositions ("it is raining" -> ``rain``).

``Lexicon.draw`` samples a small ``Vocabulary`` for one sentence or problem, keeping the
roles of a word apart (a noun is a class or an entity, never both in one draw).
``split_vocabulary`` divides the lexicon into disjoint parts, so that a test set can use
words that training never saw.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, fields, replace

from .coinage import coin
from .morphology import pluralize, with_article
from .vocabulary import Attribute, Entity, Predicate, Proposition, VerbPhrase, Vocabulary, symbol_name

__all__ = ["Lexicon", "DEFAULT_LEXICON", "LexiconSplit", "split_vocabulary"]

# ---------------------------------------------------------------- word lists

ADJECTIVES = """
red blue green white black yellow purple orange brown grey pink
big small large tiny huge little tall short round square flat heavy light
cold hot warm cool wet dry young old new ancient modern
kind nice rough smooth quiet loud smart clever wise dull bright dark furry fluffy soft hard
fast slow strong weak rich poor wealthy happy sad angry calm brave shy lazy busy sleepy
hungry thirsty tired cute lovely beautiful ugly awful fierce gentle friendly rude polite
honest famous popular healthy sick clean dirty empty full cheap expensive thin high low
sweet sour bitter fresh ripe rare common careful careless curious proud lucky noisy shiny
sharp wild tame quick loyal cheerful grumpy bold clumsy elegant fancy fragile graceful
humble jolly lively modest nervous plain silly simple strict tidy messy vivid green-eyed
""".split()

# Class nouns: "is a dog" -> dog(x); the same words name entities ("the dog" -> dog).
# "person" and "thing" are not here: "people", "things", "someone" and "something" say
# no more than "x" (docs/generator.md), so they never become predicates.
NOUNS = """
dog cat mouse rabbit bear lion tiger squirrel cow horse sheep wolf fox bird owl snake frog
duck goose pig goat deer rat whale dolphin shark fish turtle spider bee ant butterfly
animal crocodile leopard dinosaur elephant giraffe monkey zebra kangaroo penguin parrot hamster
student teacher doctor nurse lawyer farmer artist writer singer dancer musician
scientist engineer pilot chef driver player athlete child adult manager worker painter poet
soldier judge customer tourist neighbor patient employee citizen
car bike truck boat train plane house tree flower book song movie phone computer table
chair apple banana cake robot machine toy ball game city village river mountain island
lake garden school hospital library museum bridge tower
""".split() + [
    "bald eagle", "police officer", "fire truck", "computer scientist", "baby elephant",
    "grizzly bear", "sea turtle", "polar bear", "race car", "folk song", "video game",
    "movie star", "tennis player", "coffee shop", "science fiction book",
]

# Transitive verbs: (lemma, particle). "looks after" -> look_after.
VERBS = [(v, "") for v in """
chase like see need eat visit love hate know help meet follow watch admire trust fear
attack kick push pull catch call teach hug greet feed avoid annoy amuse support respect
envy blame praise protect carry own buy sell build paint draw read write play find miss
""".split()] + [
    ("live", "in"), ("look", "after"), ("depend", "on"), ("care", "for"), ("listen", "to"),
    ("talk", "to"), ("work", "for"), ("belong", "to"), ("run", "from"), ("hide", "from"),
    ("wait", "for"), ("look", "at"), ("play", "with"), ("laugh", "at"), ("know", "about"),
]

# Copular relations: "is afraid of {1}" -> afraid_of; nouns take an article.
BE_RELATIONS = ["afraid of", "married to", "next to", "proud of", "related to", "jealous of",
                "fond of", "close to", "aware of", "worried about", "angry at", "kind to"]
NOUN_RELATIONS = ["parent", "friend", "sibling", "neighbor", "fan", "cousin", "student",
                  "teacher", "owner"]

# Activities: (verb, rest, adverb). The adverb is part of the concept and may move.
ACTIVITIES = [
    ("bark", "", ""), ("sleep", "", ""), ("swim", "", ""), ("run", "", ""), ("sing", "", ""),
    ("dance", "", ""), ("fly", "", ""), ("smile", "", ""), ("laugh", "", ""), ("cry", "", ""),
    ("jump", "", ""), ("cook", "", ""), ("travel", "", ""), ("snore", "", ""),
    ("drink", "coffee", ""), ("drink", "tea", ""), ("eat", "meat", ""), ("play", "chess", ""),
    ("play", "tennis", ""), ("read", "books", ""), ("write", "poems", ""),
    ("grow", "vegetables", ""), ("speak", "French", ""), ("wear", "glasses", ""),
    ("ride", "horses", ""), ("play", "piano", ""), ("go", "to school", ""),
    ("have", "a car", ""), ("have", "children", ""), ("work", "from home", ""),
    ("drink", "coffee", "regularly"), ("exercise", "", "regularly"), ("travel", "", "often"),
    ("sleep", "", "early"), ("cook", "", "well"), ("read", "books", "often"),
    ("eat", "vegetables", "daily"), ("sing", "", "loudly"), ("run", "", "quickly"),
]

# (name, pronoun). A few full names give multi-word constants: "Alice Smith" -> alice_smith.
NAMES = [(n, "he") for n in """
Bob Charlie Dave Gary Harry Alan Liam Noah Ethan Mason Lucas Oliver James Benjamin Henry
Jack Leo Samuel David Joseph Daniel Matthew Thomas Peter Paul Mark Simon George Victor
Oscar Joe Max Dan Tom Hugo Felix Arthur Ivan Omar Ravi Kenji Pablo Marco
""".split()] + [(n, "she") for n in """
Alice Anne Erin Fiona Emma Olivia Ava Sophia Mia Isabella Amelia Harper Evelyn Abigail Emily
Ella Grace Chloe Lily Zoe Nora Ruby Hannah Julia Laura Clara Rose Maria Susan Rina Lucy
Nina Sara Tara Vera Wendy Yara Ines Priya Mei
""".split()] + [
    ("Alice Smith", "she"), ("Tom Jones", "he"), ("Maria Garcia", "she"), ("Ivan Petrov", "he"),
    ("Emma Clark", "she"), ("David Miller", "he"), ("Nora Walker", "she"), ("Omar Haddad", "he"),
]
PLACES = """Paris London Berlin Rome Tokyo Madrid Boston Chicago Oslo Lima Cairo Dublin""".split()

# (name, noun, value phrase (verb, rest), more, less, low, high)
ATTRIBUTES = [
    ("age", "age", ("be", "{value} years old"), "older", "younger", 1, 99),
    ("height", "height", ("be", "{value} centimeters tall"), "taller", "shorter", 40, 220),
    ("weight", "weight", ("weigh", "{value} kilograms"), "heavier", "lighter", 1, 500),
    ("price", "price", ("cost", "{value} dollars"), "more expensive", "cheaper", 1, 5000),
    ("length", "length", ("be", "{value} meters long"), "longer", None, 1, 300),
    ("score", "score", ("have", "a score of {value}"), None, None, 0, 100),
]

# (name, clause, negated clause)
PROPOSITIONS = [
    ("rain", "it is raining", "it is not raining"),
    ("snow", "it is snowing", "it is not snowing"),
    ("sunny", "it is sunny", "it is not sunny"),
    ("windy", "it is windy", "it is not windy"),
    ("foggy", "it is foggy", "it is not foggy"),
    ("stormy", "it is stormy", "it is not stormy"),
    ("hail", "it is hailing", "it is not hailing"),
]

# Invented words ("Every blicket is a daxel."): made by a syllable model, kept if they are
# not English words; none of them is taken from a benchmark's vocabulary.
INVENTED_NOUNS = """
blicket dax wug fep toma zorp daxel thugling snombor stengling prootel kumor prengax
breebick brauzax grezel trumid prezon trapin londet trogump queenel ploobel stunid
kreemex drooshor vexolo brulkel brepor vebid laungor koongor taukor zongor jandon nolket
flomling lundex quirpel spetolo nurkin spaunon bligex deenling derkump trubick
""".split()
INVENTED_ADJECTIVES = """
jalkous prubal zoonish praundal skenish frotous zuxish skaumful zeelkish snatic kirkish
treendal kraungous prunish trandful staunous lorkent grondous glaungic krookal laxent
neekish plaundal datic plebful munal theekic progy zalkal
""".split()
INVENTED_VERBS = """
fraumle ploomble dootate krork plendate kreeble glushate meerkle skaker groond floogate
snepate tandle weerp grauber skaumate dingate flaup kroong jumate
""".split()

# ---------------------------------------------------------------- entries -> vocabulary items


def _adjective(word: str, invented: bool = False) -> Predicate:
    return Predicate(symbol_name(word), 1, (VerbPhrase("be", word),), adjective=word, invented=invented)


def _noun(word: str, invented: bool = False) -> Predicate:
    plural = pluralize(word)
    return Predicate(symbol_name(word), 1, (VerbPhrase("be", with_article(word), plural),),
                     noun=word, noun_plural=plural, invented=invented)


def _verb(lemma: str, particle: str, invented: bool = False) -> Predicate:
    rest = f"{particle} {{1}}" if particle else "{1}"
    return Predicate(symbol_name(lemma, particle), 2, (VerbPhrase(lemma, rest),), invented=invented)


def _be_relation(words: str) -> Predicate:
    return Predicate(symbol_name(words), 2, (VerbPhrase("be", words + " {1}"),))


def _noun_relation(noun: str) -> Predicate:
    singular = f"{with_article(noun)} of {{1}}"
    plural = f"{pluralize(noun)} of {{1}}"
    return Predicate(symbol_name(noun, "of"), 2, (VerbPhrase("be", singular, plural),))


def _activity(verb: str, rest: str, adverb: str) -> Predicate:
    return Predicate(symbol_name(verb, rest, adverb), 1, (VerbPhrase(verb, rest, adverb=adverb),))


def _attribute(name, noun, phrase, more, less, low, high) -> Attribute:
    verb, rest = phrase
    return Attribute(name, noun, (VerbPhrase(verb, rest),), more=more, less=less, low=low, high=high)


def _entity_from_noun(word: str) -> Entity:
    return Entity(symbol_name(word), "the " + word, "it")


# ---------------------------------------------------------------- the lexicon


@dataclass(frozen=True)
class Lexicon:
    """Pools of vocabulary items to draw from. Every pool is a tuple, so a lexicon is hashable.

    ``nouns`` serve both as classes ("is a dog") and as entities ("the dog"); a draw gives
    each noun one role. ``people`` and ``places`` are named entities.
    """

    adjectives: tuple[Predicate, ...]
    nouns: tuple[Predicate, ...]
    verbs: tuple[Predicate, ...]
    relations: tuple[Predicate, ...]
    activities: tuple[Predicate, ...]
    people: tuple[Entity, ...]
    places: tuple[Entity, ...]
    attributes: tuple[Attribute, ...]
    propositions: tuple[Proposition, ...]

    def __post_init__(self) -> None:
        # Each pool split once into real and invented words, for fast draws.
        parts = {}
        for f in fields(self):
            if f.name.startswith("_"):
                continue
            pool = getattr(self, f.name)
            parts[f.name] = (tuple(p for p in pool if not getattr(p, "invented", False)),
                             tuple(p for p in pool if getattr(p, "invented", False)))
        object.__setattr__(self, "_parts", parts)
        object.__setattr__(self, "_noun_entities", {n.name: _entity_from_noun(n.noun) for n in self.nouns})

    def draw(self, rng: random.Random, *, invented: float = 0.2, coined: float = 0.0) -> Vocabulary:
        """A small vocabulary for one sentence or problem, with disjoint symbol names.

        ``invented`` is the share of class nouns, adjectives and verbs that are made-up
        words ("Every blicket is a daxel."); ``coined`` the share of those made up on the
        spot (``neurosym.training.coinage``) instead of taken from the lexicon's list.
        """
        def pick(pool: str, k: int) -> list:
            real, made_up = self._parts[pool]
            wanted = sum(rng.random() < invented for _ in range(k)) if made_up else 0
            wanted = max(wanted, k - len(real))
            fresh = 0  # no random draw when nothing is coined: the streams of older seeds stay as they were
            if coined > 0 and pool in _COINERS:
                fresh = sum(rng.random() < coined for _ in range(wanted))
            if fresh:
                kind, build = _COINERS[pool]
                chosen = [build(coin(rng, kind)) for _ in range(fresh)]
            else:
                chosen = []
            chosen += rng.sample(made_up, min(wanted - fresh, len(made_up)))
            chosen += rng.sample(real, min(k - len(chosen), len(real)))
            rng.shuffle(chosen)
            return chosen

        nouns = pick("nouns", 8)
        class_nouns, entity_nouns = nouns[:4], nouns[4:]
        entities = [self._noun_entities.get(n.name) or _entity_from_noun(n.noun) for n in entity_nouns]
        entities += rng.sample(self.people, min(4, len(self.people)))
        entities += rng.sample(self.places, min(1, len(self.places)))
        predicates = [*pick("adjectives", 7), *class_nouns, *pick("activities", 3),
                      *pick("verbs", 4), *pick("relations", 2)]
        return _disjoint_vocabulary(
            predicates, entities,
            rng.sample(self.attributes, min(2, len(self.attributes))),
            rng.sample(self.propositions, min(1, len(self.propositions))),
        )

    def words(self) -> dict[str, frozenset[str]]:
        """The symbol names of each pool (what ``split_vocabulary`` keeps apart)."""
        return {f.name: frozenset(item.name for item in getattr(self, f.name)) for f in fields(self)}


# Pool -> (the kind of word to coin for it, the vocabulary item a coined word becomes).
_COINERS = {
    "nouns": ("noun", lambda word: _noun(word, invented=True)),
    "adjectives": ("adjective", lambda word: _adjective(word, invented=True)),
    "verbs": ("verb", lambda word: _verb(word, "", invented=True)),
}


def _disjoint_vocabulary(predicates, entities, attributes, propositions) -> Vocabulary:
    """A vocabulary from the drawn items, dropping later items whose name is taken."""
    seen: set[str] = set()

    def keep(items):
        kept = []
        for item in items:
            if item.name not in seen:
                seen.add(item.name)
                kept.append(item)
        return tuple(kept)

    return Vocabulary(keep(predicates), keep(entities), keep(attributes), keep(propositions))


def _build_default() -> Lexicon:
    return Lexicon(
        adjectives=tuple([_adjective(w) for w in ADJECTIVES]
                         + [_adjective(w, invented=True) for w in INVENTED_ADJECTIVES]),
        nouns=tuple([_noun(w) for w in NOUNS] + [_noun(w, invented=True) for w in INVENTED_NOUNS]),
        verbs=tuple([_verb(v, p) for v, p in VERBS]
                    + [_verb(v, "", invented=True) for v in INVENTED_VERBS]),
        relations=tuple([_be_relation(w) for w in BE_RELATIONS]
                        + [_noun_relation(n) for n in NOUN_RELATIONS]),
        activities=tuple(_activity(*entry) for entry in ACTIVITIES),
        people=tuple(Entity(symbol_name(n), n, p) for n, p in NAMES),
        places=tuple(Entity(symbol_name(n), n, "it") for n in PLACES),
        attributes=tuple(_attribute(*entry) for entry in ATTRIBUTES),
        propositions=tuple(Proposition(*entry) for entry in PROPOSITIONS),
    )


DEFAULT_LEXICON = _build_default()


# ---------------------------------------------------------------- held-out words


@dataclass(frozen=True)
class LexiconSplit:
    """Two lexicons with no symbol name in common: one to train on, one to test on."""

    train: Lexicon
    test: Lexicon


def split_vocabulary(seed: int, *, test_fraction: float = 0.2,
                     lexicon: Lexicon = DEFAULT_LEXICON) -> LexiconSplit:
    """Split every pool of ``lexicon`` into disjoint train and test parts.

    A name goes to one side only, whichever pools hold it, so no symbol of the test part
    ever occurs in training. Each side keeps at least one item of every pool.

    >>> split = split_vocabulary(0)
    >>> set(split.train.words()["adjectives"]) & set(split.test.words()["adjectives"])
    set()
    """
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must be between 0 and 1, got {test_fraction}")
    rng = random.Random(seed)
    test_names: set[str] = set()
    for f in fields(lexicon):
        names = sorted({item.name for item in getattr(lexicon, f.name)})
        rng.shuffle(names)
        count = min(max(1, round(len(names) * test_fraction)), len(names) - 1)
        test_names.update(names[:count])

    def part(keep_test: bool) -> Lexicon:
        return replace(lexicon, **{
            f.name: tuple(item for item in getattr(lexicon, f.name)
                          if (item.name in test_names) == keep_test)
            for f in fields(lexicon)
        })

    return LexiconSplit(train=part(False), test=part(True))
