"""English sentences to scored, type-checked logical forms: the public parser.

>>> parser = SemanticParser.load()                       # doctest: +SKIP
>>> [r.text for r in parser.parse(["The cat chases the dog."])[0]][:1]  # doctest: +SKIP
['chase(cat, dog)']

``parse`` returns, per sentence, up to ``n_best`` ``Reading`` objects (best first) that
the grammar-constrained beam search produced and the type checker accepted: in open mode
against the signature the reading itself implies (``infer_signature`` + ``typecheck``),
in schema-guided mode against the theory's signature with no new predicates or
functions (open mode also drops predicates and functions of more than two arguments,
``MAX_OPEN_ARITY``, which nothing it learnt from has, and a function's value as an
argument: ``chase(cat(rabbit), rabbit)``). Degenerate readings (a conjunct
said twice, ``big(x) -> big(x)``: see ``neurosym.parser.degenerate``) are dropped too,
and so are readings that leave out a word or a mention of the sentence when another
reading says them all (``neurosym.parser.omission``), or in schema-guided mode name
other declared constants than the sentence says (``neurosym.parser.declared_constants``:
the decoder may not even point at those); readings equal up to the order of commutative
operands become one (``neurosym.parser.commutation``). The probability of
all dropped readings is given back to the kept ones.
``reading.score`` is the log of the reading's calibrated confidence, so
``reading.probability`` (``exp(score)``, in [0, 1]) is comparable across sentences and is
the confidence to threshold: the beam's log-probability among grammatical readings
(renormalized as above), scaled on its log-odds, ``sigmoid(logit(p) / T + b)``, with the
temperature ``T`` and bias ``b`` fitted on a validation set (``neurosym.parser.calibration``,
config.json ``"calibration"``; none stored means the raw log-probability). Scaling is
increasing, so the order of readings is the beam's. ``reading.normalized_score`` stays the raw per-action mean.
A sentence with no reading left gets an empty list (the pipeline's UNTRANSLATED case).
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Sequence

import torch

from ..errors import NeurosymError
from ..logic import ast
from ..logic.parser import parse_formula
from ..logic.printer import to_text
from ..logic.typecheck import infer_signature, typecheck
from ..rules.glosses import render_english
from ..rules.model import Theory
from ..text import titles_unstopped
from .calibration import bias_of, calibrated_log_confidence, temperature_of
from .candidates import CandidateSet, candidates_for
from .clauses import independent_clauses, shared_subject_clauses, shared_verb_clauses
from .relatives import adjectives_concluded, relative_rules
from .connectives import clause_subjects_unnamed, connectives_unread, outer_connective, pronoun_conditions_misresolved
from .commutation import merge_commuted, token_bag
from .decoding import BeamConfig, Reading, beam_search_batch
from .degenerate import is_degenerate
from .declared_constants import constant_mentions, misgrounded_constants
from .declared_glosses import (antonyms_read_as_glosses, facts_read_as_prohibitions, opposites_said_plainly,
                              permissions_read_as_prohibitions, prohibitions_read_as_permissions, symbols_misattributed,
                              symbols_unsaid, units_converted, units_mismatched, unsaid_glosses)
from .omission import (PERSONAL_PRONOUNS, REFLEXIVE_PRONOUNS, adverbs_misattached, agents_as_objects,
                       bare_nouns_named, bare_objects_singularised, compares_unsaid, conditions_unsaid,
                       coordinated_kinds_intersected, definites_inside_names, disconnected_existentials,
                       existence_denied_unread, existence_unread, generics_named, generics_read_as_some,
                       indefinite_objects_read_as_doers, indefinite_objects_read_as_kinds, indefinites_named,
                       inexpressible_quantities, inflected_names, kinds_named_in_plural, misdirected_comparisons,
                       names_read_as_kinds, negated_generalities_unread, negates_unsaid, objects_as_subjects,
                       objects_read_as_properties, objects_said_again, omitted_words, only_misread, particles_dropped,
                       passive_names, phrases_named_twice, places_read_as_kinds, possessions_read_as_kinds,
                       possessions_read_as_relations, possessives_read_as_kinds, pronoun_objects_dropped,
                       pronoun_possessions_dropped, quantifiers_unbound, quantifies_unsaid, related_to_itself,
                       singular_subjects_read_as_plurals, some_read_as_every, states_merged_into_kinds,
                       states_read_as_actions, subjects_left_out_of_conclusions, subjects_merged_into_verbs,
                       things_read_as_propositions, unsaid_mentions, unsaid_variables, weather_given_subjects)
from ..encoder import inference_dtype, pick_device
from .model import IncrementalDecoder, ParserNetwork, collate, featurize
from .paraphrases import existence_said_plainly, lowered_article, plain_paraphrase
from .stand_ins import subject_said_as_a_name
from .vocabulary import actions_to_formula, canonical_variables

__all__ = ["SemanticParser", "default_weights_path", "pick_device", "describe_readings",
           "MAX_OPEN_ARITY", "SCHEMA_WEIGHTS", "cross_checked"]

# In open mode no predicate or function takes more than two arguments: no generated form
# and no FOLIO premise the parser learns from has more, so a third argument is a copying
# slip ("The squirrel sees the squirrel." -> see(squirrel, squirrel, squirrel)).
MAX_OPEN_ARITY = 2


# Share of the first kept reading's probability under which a later reading is not worth
# parsing (``SemanticParser._kept_readings``).
NEGLIGIBLE = 1e-3

# Share of a sentence's best finished reading under which the beam drops a hypothesis
# (``BeamConfig.min_ratio``). A tenth of NEGLIGIBLE, so that what the search drops could
# matter only when the best finished reading itself fails the checks.
BEAM_MIN_RATIO = NEGLIGIBLE / 10


def default_weights_path() -> Path:
    """The shipped parser weights (neurosym/weights/parser)."""
    return Path(__file__).resolve().parent.parent / "weights" / "parser"


# A weights folder may hold, in this subfolder, a network that parses in schema-guided
# mode only (a fine-tune on rule files' glosses): learning them in the one network made
# open-mode readings worse (docs/parser.md, "Two networks").
SCHEMA_WEIGHTS = "schema"


class _Encoded:
    """The encoded batch as the beam search's ``GridStepModel``: one cached decoder step
    per call for every hypothesis of every sentence."""

    def __init__(self, network: ParserNetwork, memory, memory_mask, candidates, candidate_mask) -> None:
        self.n_fixed = network.config.n_fixed
        self.decoder = IncrementalDecoder(network, memory, memory_mask, candidates, candidate_mask)
        self.device = memory.device

    def step_grid(self, items, parents, last_actions, live, position: int):
        if last_actions is None:  # the first step: every prefix is <start>
            last = torch.full((items.shape[0], 1), self.n_fixed, dtype=torch.long, device=self.device)
        else:  # the decoder numbers a copy of candidate i n_fixed + 1 + i (past <start>)
            last = torch.where(last_actions < self.n_fixed, last_actions, last_actions + 1)
        return self.decoder.step_grid(items, parents, last, position)


class SemanticParser:
    """The trained BERT semantic parser with grammar-constrained beam search."""

    def __init__(self, network: ParserNetwork, *, device: torch.device | str = "cpu",
                 batch_size: int = 256, beam_size: int = 4, max_length: int = 64,
                 temperature: float = 1.0, bias: float = 0.0, precision: str | None = None,
                 schema_parser: SemanticParser | None = None, cross_check: bool = False) -> None:
        """``schema_parser``, when given, parses every call with a theory (schema-guided
        mode); ``network`` then parses open mode only. ``cross_check``: where there are two
        networks, each sentence is parsed by both and a reading's confidence is the mean of
        the two networks' (``cross_checked``): twice the work, fewer confident misreadings
        of unfamiliar English (docs/parser.md, "Cross-checking")."""
        if not temperature > 0:
            raise NeurosymError(f"the confidence temperature must be positive, got {temperature}")
        self.network = network.to(device).eval()
        self.device = torch.device(device)
        if precision is not None:  # else the network keeps the dtypes it has
            self.network.run_in(inference_dtype(self.device, precision))
        self.batch_size = batch_size  # 256: taller matrices per decoder step (docs/parser.md, throughput)
        self.beam_size = beam_size
        self.max_length = max_length
        self.temperature = temperature
        self.bias = bias
        self.spare_readings = 3
        self.schema_parser = schema_parser
        self.cross_check = cross_check
        # Whether a sentence with no reading that passes the checks is read again reworded,
        # split into its clauses, or at its connective (``_parse_with_rewordings``): off,
        # the network's own readings alone, as parser_bench.py measures them apart.
        self.rereads = True
        self._descriptions: dict[int, tuple[Theory, dict[str, int], torch.Tensor | None]] = {}

    @classmethod
    def load(cls, path: str | Path | None = None, *, device: str = "auto",
             precision: str = "auto", cross_check: bool = False) -> SemanticParser:
        """The parser saved in ``path`` (default: the shipped weights), loaded offline.

        ``precision`` is the network's (``encoder.inference_dtype``, ``ParserNetwork.run_in``):
        ``auto`` runs it in bfloat16 where the hardware does so natively, which parses
        faster (docs/parser.md gives the figures) and changes a top reading about once in
        200 sentences; ``float32`` keeps full precision (the readings the confidence
        scaling was fitted on).

        Weights in the subfolder ``schema`` (``SCHEMA_WEIGHTS``), where there are some, are
        loaded as well and parse schema-guided mode (``schema_parser``); ``cross_check``
        then has every sentence parsed by both networks (``__init__``)."""
        directory = Path(path) if path is not None else default_weights_path()
        if not (directory / "config.json").is_file():
            raise NeurosymError(f"{directory}: no parser weights here (config.json is missing); "
                                "train some with `neurosym train parser --out DIR`")
        network = ParserNetwork.load(directory)
        schema = directory / SCHEMA_WEIGHTS
        schema_parser = None
        if (schema / "config.json").is_file():
            # one copy of the frozen encoder for both networks (about 90 MB in float32)
            schema_parser = cls(ParserNetwork.load(schema, share_encoder_of=network), device=pick_device(device),
                                temperature=temperature_of(schema), bias=bias_of(schema), precision=precision)
        return cls(network, device=pick_device(device), temperature=temperature_of(directory),
                   bias=bias_of(directory), precision=precision, schema_parser=schema_parser,
                   cross_check=cross_check)

    # ---- parsing

    def candidates(self, sentence: str, theory: Theory | None = None) -> CandidateSet:
        """The copy candidates of one sentence (open or schema-guided)."""
        return candidates_for(sentence, theory)

    @torch.inference_mode()
    def parse(self, sentences: Sequence[str], *, theory: Theory | None = None,
              n_best: int = 4) -> list[list[Reading]]:
        """Per sentence, up to ``n_best`` type-checked readings, best first."""
        if isinstance(sentences, str):
            raise TypeError("parse expects a list of sentences, not one string")
        sentences = [titles_unstopped(sentence) for sentence in sentences]  # "Dr. Lee" is dr_lee
        own, other = self, self.schema_parser
        if theory is not None and self.schema_parser is not None:
            own, other = self.schema_parser, self
        readings = own._parse_with_rewordings(sentences, theory, n_best)
        if not self.cross_check or other is None:
            return readings
        second = other._parse_with_rewordings(sentences, theory, n_best)
        return [cross_checked(first, other_readings, n_best) for first, other_readings in zip(readings, second)]

    def _parse_with_rewordings(self, sentences: Sequence[str], theory: Theory | None,
                               n_best: int) -> list[list[Reading]]:
        """``parse`` with this object's network alone, where a sentence has no reading that
        passes the checks helped by rewording it as the parser was trained to read
        (``parser.paraphrases``), then by reading its two clauses apart; then, where it
        still has none or a best one under ``CONNECTIVE_RECHECK``, by reading apart the
        clauses its outermost connective joins (``parser.connectives``)."""
        readings = self._parse_alone(sentences, theory, n_best)
        if not self.rereads:
            return readings
        readings = self._with_paraphrase_readings(sentences, readings, theory, n_best)
        readings = self._with_stand_in_readings(sentences, readings, theory, n_best)
        readings = self._with_clause_readings(sentences, readings, theory, n_best)
        readings = self._with_connective_readings(sentences, readings, theory, n_best)
        return self._with_relative_readings(sentences, readings, theory, n_best)

    def _with_paraphrase_readings(self, sentences: Sequence[str], readings: list[list[Reading]],
                                  theory: Theory | None, n_best: int) -> list[list[Reading]]:
        """``readings``, where a sentence that says something as the generator never does
        ("Helen has no degree.", "Tom is taller than Jerry.", "Bob never lies.";
        ``parser.paraphrases``) has no reading that passes the checks, with the best
        reading of the sentence said plainly
        ("Helen does not have a degree.", "Sid is a snake that has fur.") first, at its own
        confidence, when that reading passes the checks. (They judge it against the plain
        wording, which says the same: against the first, "has no degree" has no "has
        degree" for ``have_degree`` to name.) In schema-guided mode, whose glosses say
        possessions and comparisons their own way, only an opposite of a gloss's word is
        said as its negation ("Bob is unemployed." -> "Bob is not employed.";
        ``declared_glosses.opposites_said_plainly``)."""
        def reworded_of(sentence: str) -> str | None:
            if theory is None:
                return plain_paraphrase(sentence)
            return opposites_said_plainly(sentence, theory) or existence_said_plainly(sentence, placed=False)

        reworded = {i: paraphrase for i, sentence in enumerate(sentences)
                    if _unresolved(readings[i]) and (paraphrase := reworded_of(sentence)) is not None}
        if not reworded:
            return readings
        readings = list(readings)
        # A rewording may be a rule with a relative clause ("Only managers can approve budgets."
        # as "Everyone who can approve budgets is a manager."), read a part at a time too.
        paraphrases = list(reworded.values())
        parsed = self._with_relative_readings(paraphrases, self._parse_alone(paraphrases, theory, PART_READINGS),
                                              theory, PART_READINGS)
        for (i, paraphrase), paraphrased in zip(reworded.items(), parsed):
            if not paraphrased or paraphrased[0].doubt is not None:
                continue
            reading = dataclasses.replace(paraphrased[0], read_as=f"reworded: {_quoted(paraphrase)}")
            readings[i] = [reading, *readings[i]][:n_best]
        return readings

    def _with_stand_in_readings(self, sentences: Sequence[str], readings: list[list[Reading]],
                                theory: Theory | None, n_best: int) -> list[list[Reading]]:
        """``readings``, where a sentence whose subject is "the" and a noun, or a name, has
        no reading that passes the checks, with the best reading of the sentence said with
        a stand-in name for its subject (``parser.stand_ins``) first, the name made the subject's constant,
        when that passes the checks for the sentence as written. Open mode: a rule file's
        glosses name its constants."""
        if theory is not None:
            return readings
        said = {i: stand_in for i, sentence in enumerate(sentences)
                if _unresolved(readings[i]) and (stand_in := subject_said_as_a_name(sentence)) is not None}
        if not said:
            return readings
        reworded = [stand_in.sentence for stand_in in said.values()]
        parsed = self._with_paraphrase_readings(reworded, self._parse_alone(reworded, theory, PART_READINGS), theory,
                                                PART_READINGS)
        readings = list(readings)
        for (i, stand_in), found in zip(said.items(), parsed):
            if found and stand_in.stand_in not in ast.constant_names(found[0].formula):
                continue  # the name was read into another: nothing stands for the subject
            joined = _joined_reading(stand_in.restored, [found], sentences[i], theory,
                                     f"its subject said as a name: {_quoted(stand_in.sentence)}")
            if joined is not None:
                readings[i] = [joined, *readings[i]][:n_best]
        return readings

    def _with_clause_readings(self, sentences: Sequence[str], readings: list[list[Reading]], theory: Theory | None,
                              n_best: int) -> list[list[Reading]]:
        """``readings``, where a sentence of two clauses, about one subject or each about its
        own, has no reading that passes the checks ("Ann is 30 years old and weighs 60 kg.",
        "Anna is older than Ben, and Ben is older than Chris."; ``parser.clauses``), with
        the conjunction of its clauses' best readings first: each clause read on its own
        (reworded too where it needs it), the conjunction's confidence the product of
        theirs. Only when both clauses have a reading that passes the checks, and the
        conjunction passes them for the whole sentence. A verb of two objects ("Mary owns a
        car and a bike.") is said of each, and the conjunction judged against the sentence so
        said ("Mary owns a car and Mary owns a bike."): ``own_bike`` names no words that the
        sentence says together."""
        split: dict[int, tuple[tuple[str, str], str]] = {}
        for i, sentence in enumerate(sentences):
            if not _unresolved(readings[i]):
                continue
            if clauses := shared_subject_clauses(sentence) or independent_clauses(sentence):
                split[i] = clauses, sentence
            elif clauses := shared_verb_clauses(sentence):
                first, second = clauses
                split[i] = clauses, f"{first[:-1]} and {lowered_article(second)}"
        if not split:
            return readings
        parts = [clause for clauses, _ in split.values() for clause in clauses]
        parsed = self._with_paraphrase_readings(parts, self._parse_alone(parts, theory, PART_READINGS), theory,
                                                PART_READINGS)
        parsed = iter(parsed)
        readings = list(readings)
        for i, (clauses, judged) in split.items():
            joined = _joined_reading(lambda first, second: ast.And((first, second)), [next(parsed), next(parsed)],
                                     judged, theory, f"its clauses read apart: {_quoted(*clauses)}")
            if joined is not None:
                readings[i] = [joined, *readings[i]][:n_best]
        return readings

    def _with_connective_readings(self, sentences: Sequence[str], readings: list[list[Reading]],
                                  theory: Theory | None, n_best: int) -> list[list[Reading]]:
        """``readings``, where a sentence joins clauses by a connective ("Not every writer
        feeds the kangaroo.", "Grace avoids Dan as long as it is raining.";
        ``parser.connectives``), with the clauses' best readings joined by the connective
        first, its confidence the product of theirs, when the whole sentence has no
        reading that passes the checks, or a best one less confident than the join and
        than ``CONNECTIVE_RECHECK``. Each clause is read as a sentence is (reworded,
        split, and its own connective read apart where it needs it); only when every
        clause has a reading that passes the checks, and the join passes them for the
        whole sentence."""
        split = {i: connective for i, sentence in enumerate(sentences)
                 if (_unresolved(readings[i]) or readings[i][0].probability < CONNECTIVE_RECHECK)
                 and (connective := outer_connective(sentence)) is not None}
        if not split:
            return readings
        parts = [clause for connective in split.values() for clause in connective.clauses]
        parsed = iter(self._parse_with_rewordings(parts, theory, PART_READINGS))
        readings = list(readings)
        for i, connective in split.items():
            joined = _joined_reading(lambda *formulas: connective.formula(formulas),
                                     [next(parsed) for _ in connective.clauses], sentences[i], theory,
                                     f'read apart at "{connective.word}": {_quoted(*connective.clauses)}')
            if joined is not None and (_unresolved(readings[i]) or joined.probability > readings[i][0].probability):
                readings[i] = [joined, *(r for r in readings[i] if r.text != joined.text)][:n_best]
        return readings

    def _with_relative_readings(self, sentences: Sequence[str], readings: list[list[Reading]],
                                theory: Theory | None, n_best: int) -> list[list[Reading]]:
        """``readings``, where a rule's subject is restricted by a relative clause
        ("Whoever passes the exam gets a certificate."; ``parser.relatives``), with the
        best join of its parts' readings first (the parts said of a stand-in name, read
        as sentences are, the name bound by the rule's ``forall``), its confidence the
        product of theirs, when the whole sentence has no reading that passes the checks,
        or a best one less confident than the join and than ``RELATIVE_RECHECK``. The
        relative clause may end at more than one word; each ending is read, and the join
        kept is one that a reading of the whole sentence agrees with, else the first
        ending's whose parts join into a reading that passes the checks for the whole
        sentence (of its stand-ins', the more confident)."""
        split = {i: rules for i, sentence in enumerate(sentences)
                 if (_unresolved(readings[i]) or readings[i][0].probability < RELATIVE_RECHECK)
                 and (rules := relative_rules(sentence))}
        if not split:
            return readings
        parts = [part for rules in split.values() for rule in rules for part in rule.parts]
        parsed = iter(self._parse_with_rewordings(parts, theory, PART_READINGS))
        readings = list(readings)
        for i, rules in split.items():
            joins = {}
            for rule in rules:
                join = _joined_reading(lambda *formulas, rule=rule: rule.formula(formulas),
                                       [next(parsed) for _ in rule.parts], sentences[i], theory,
                                       f"its parts read apart: {_quoted(*rule.parts)}")
                if join is not None:
                    joins.setdefault(rule.ending, []).append(join)
            # A join that a reading of the whole sentence agrees with, else the first ending's:
            # a later ending cuts the conclusion short ("People who are allergic to peanuts
            # avoid | peanut butter.": allergic(alice, peanuts_avoid_peanut) and butter(alice),
            # 0.78), an earlier one may cut a noun phrase ("All people who find the folk | song
            # play with Dan.", 0.77, where the whole sentence's own reading agrees with the next).
            whole = {reading.text for reading in readings[i]}
            agreed = [join for found in joins.values() for join in found if join.text in whole]
            first = agreed or (joins[min(joins)] if joins else [])
            joined = max(first, key=lambda join: join.score, default=None)
            if joined is not None and (_unresolved(readings[i]) or joined.probability > readings[i][0].probability):
                readings[i] = [joined, *(r for r in readings[i] if r.text != joined.text)][:n_best]
        return readings

    def _parse_alone(self, sentences: Sequence[str], theory: Theory | None, n_best: int) -> list[list[Reading]]:
        """``parse`` with this object's network alone."""
        description_ids, description_states = self._description_table(theory)
        # A few spare readings, so that one failing the type checker leaves n_best.
        config = BeamConfig(beam_size=max(self.beam_size, n_best), n_best=n_best + self.spare_readings,
                            max_length=self.max_length, min_ratio=BEAM_MIN_RATIO)
        candidate_sets = [candidates_for(s, theory) for s in sentences]
        features = [featurize(self.network.tokenizer, s, c, description_ids,
                              max_tokens=self.network.config.max_tokens)
                    for s, c in zip(sentences, candidate_sets)]
        # Batches of sentences of similar length: little padding for the encoder, and
        # long logical forms decoded together instead of holding up short ones.
        order = sorted(range(len(sentences)), key=lambda i: len(features[i].input_ids))
        results: list[list[Reading]] = [[] for _ in sentences]
        for start in range(0, len(order), self.batch_size):
            chunk = order[start: start + self.batch_size]
            batch = collate([features[i] for i in chunk]).to(self.device)
            memory, memory_mask, cands = self.network.encode(batch, description_states)
            # In schema-guided mode the decoder points only at declared constants the
            # sentence names (parser.declared_constants): it would otherwise spend its beam on
            # look-alikes ("metformin" for "methotrexate") that the checks then drop.
            pointable = batch.candidate_mask
            if theory is not None:
                pointable = pointable.clone()
                for row, i in enumerate(chunk):
                    pointable[row, _unsaid_constants(candidate_sets[i], sentences[i], theory)] = False
            model = _Encoded(self.network, memory, memory_mask, cands, pointable)
            decoded = beam_search_batch(model, [candidate_sets[i].items for i in chunk], config=config,
                                        parse=False)
            for i, readings in zip(chunk, decoded):
                kept = self._kept_readings(readings, theory, n_best, sentence=sentences[i],
                                           candidates=candidate_sets[i])
                results[i] = self._calibrated(kept)
        return results

    def _calibrated(self, readings: list[Reading]) -> list[Reading]:
        """The readings with ``score`` the log of the scaled confidence (temperature, bias)."""
        if self.temperature == 1.0 and self.bias == 0.0:
            return readings
        return [dataclasses.replace(r, score=calibrated_log_confidence(r.score, self.temperature,
                                                                         self.bias))
                for r in readings]

    def _description_table(self, theory: Theory | None):
        """Encoded descriptions of the theory's declared symbols (cached per theory)."""
        if theory is None:
            return {}, None
        cached = self._descriptions.get(id(theory))
        if cached is not None and cached[0] is theory:
            return cached[1], cached[2]
        texts = sorted({d for d in candidates_for("", theory).descriptions if d is not None})
        ids = {text: i for i, text in enumerate(texts)}
        states = None
        if texts:
            encoded = self.network.tokenizer(texts, padding=True, truncation=True,
                                             max_length=self.network.config.max_tokens, return_tensors="pt")
            input_ids = encoded["input_ids"].to(self.device)
            mask = encoded["attention_mask"].to(self.device).bool()
            states = self.network.encode_descriptions(self.network.lower_states(input_ids, mask), mask)
        self._descriptions[id(theory)] = (theory, ids, states)
        return ids, states

    @staticmethod
    def _kept_readings(readings: list[Reading], theory: Theory | None, limit: int, *,
                       sentence: str | None = None, candidates: CandidateSet | None = None) -> list[Reading]:
        """The first ``limit`` readings the type checker accepts, that are not degenerate
        (``parser.degenerate``) and, given the ``sentence`` and its ``candidates``, leave
        out none of its words, negate nothing it does not and turn no comparison with a
        number against its comparator, nor (in open mode)
        quantify over or compare what it does not, make a subject of what it only says
        as an object, give one phrase two names, keep a passive's form in a name or
        relate to itself what it says once (``parser.omission``), nor (in schema-guided
        mode) name a declared constant other than those it says
        (``parser.declared_constants``); binders' sorts filled in, and (in schema-guided
        mode) quantities in another unit than their function's converted by an exact
        factor (``declared_glosses.units_converted``). Readings equal up to
        the order of commutative operands are merged into one (``parser.commutation``),
        written in the sentence's order. Readings past the
        first ``limit`` kept ones are looked at only when they hold the same tokens as a
        kept one (a commuted twin), and once one is kept, readings less likely than
        ``NEGLIGIBLE`` times it are not looked at; the probability of readings not looked
        at is left out of the account.

        The probability the dropped readings took is given back to the kept ones
        (``score - log(1 - dropped)``): the confidence is then the model's probability of
        a reading among those a sentence could mean. Fallbacks, so that a person still sees
        what was understood: when no reading says every word, the well-typed,
        non-degenerate ones are kept, each with ``NEGLIGIBLE`` times its probability (none
        is a likely meaning: of 46 such top readings, of generated held-out sentences,
        FOLIO validation premises and ProofWriter's development part, none was right,
        though half had a confidence above 0.75); when every well-typed reading is
        degenerate, those that say every word are kept ("Big things are big."; not
        ``forall x. red(x) and young(x) -> young(x)`` for "Red, cold people are young.")."""
        complete: list[Reading] = []
        omitting: list[Reading] = []
        degenerate: list[Reading] = []
        dropped_mass = 0.0
        twins_of_kept: set[tuple[str, ...]] = set()
        misnamings = _misnamings(candidates) if candidates is not None else {}
        for reading in readings:
            # Past the limit, only a reading with the words of a kept one can still count: it
            # may say the same with its operands in another order. (Parsing the others would
            # double the parse time for nothing.) Once a reading is kept, one less likely than
            # NEGLIGIBLE times it is not looked at either: it cannot change the choice, and
            # whether it is kept, merged or dropped moves the kept one's confidence by less
            # than that share. (Six in ten of the beam's readings are such.)
            if complete and reading.probability < NEGLIGIBLE * complete[0].probability:
                continue
            if len(complete) >= limit and token_bag(reading.text) not in twins_of_kept:
                continue
            checked = _type_checked(reading, theory, candidates)
            if checked is not None and sentence is not None and candidates is not None:
                checked = _with_units_converted(checked, sentence, candidates, theory)
            if checked is None or _misnamed(checked.formula, misnamings) \
                    or (theory is None and _names_a_pronoun(checked.formula)):
                dropped_mass += reading.probability
            elif is_degenerate(checked.formula):
                dropped_mass += reading.probability
                if _misreads(checked.formula, sentence, candidates, theory) is None:
                    degenerate.append(checked)
            elif (doubt := _misreads(checked.formula, sentence, candidates, theory)) is not None:
                omitting.append(dataclasses.replace(checked, doubt=doubt))
            else:
                complete.append(checked)
                twins_of_kept.add(token_bag(reading.text))
        if omitting and not complete:
            return [dataclasses.replace(r, score=r.score + math.log(NEGLIGIBLE))
                    for r in merge_commuted(omitting, _first_mentions(candidates))[:limit]]
        if not complete:
            return degenerate[:limit]
        dropped_mass += sum(r.probability for r in omitting)
        kept = merge_commuted(complete, _first_mentions(candidates))[:limit]
        if dropped_mass <= 0.0:
            return kept
        correction = math.log1p(-min(dropped_mass, 1.0 - 1e-12))
        return [dataclasses.replace(r, score=min(0.0, r.score - correction)) for r in kept]


def cross_checked(readings: Sequence[Reading], others: Sequence[Reading], n_best: int) -> list[Reading]:
    """The readings of one sentence by two networks as one list: each reading's confidence
    the mean of the two networks' (0 where a network did not find it), best first. A
    reading only one network finds keeps half its confidence, so it reaches the routing
    threshold (0.6) only above 0.9 alone. Measured on the held-out templates, open mode
    (docs/parser.md, "Cross-checking"): of the top readings at 0.6 or more, 92.3% exact
    alone and 95.4% cross-checked, for 73.8% of the sentences instead of 77.6%."""
    merged: dict[str, list] = {}
    for reading in (*readings, *others):
        entry = merged.setdefault(reading.text, [reading, 0.0])
        entry[1] += reading.probability / 2
    ranked = sorted(merged.values(), key=lambda entry: -entry[1])[:n_best]
    return [dataclasses.replace(reading, score=math.log(max(mean, 1e-300))) for reading, mean in ranked]


# A sentence whose best reading is less confident than this is read at its connective as
# well, and the more confident reading comes first: on the validation sentences the
# network's reading of the whole was the wrong one of two that differ mostly below it.
CONNECTIVE_RECHECK = 0.9
# A rule whose best reading is less confident than this (the routing threshold) is read a
# part at a time as well (``parser.relatives``). Lower than CONNECTIVE_RECHECK: on the
# validation sentences the network's reading of a whole rule above it was right more often
# than the parts' join ("Anyone who found a village ..." read 0.64 and right; its parts
# joined 0.94 and wrong).
RELATIVE_RECHECK = 0.6
# Readings asked of a reworded sentence or a clause read apart, of which the best that
# passes the checks is used: with one, the beam returns too few for a passing second one
# to be found ("Cats meow." read alone: meow(x, cats_meow), doubted, first; meow(x) second).
PART_READINGS = 2


def _unsaid_constants(candidates: CandidateSet, sentence: str, theory: Theory) -> list[int]:
    """Columns of the declared constants ``sentence`` does not name (``parser.declared_constants``)."""
    said = constant_mentions(sentence, theory)
    return [column for column, (candidate, tags) in enumerate(zip(candidates.items, candidates.tags))
            if candidate.span is None and "constant" in tags and not said[candidate.text]]


def _unresolved(readings: list[Reading]) -> bool:
    """Whether a sentence has no reading that passes the checks (none, or a doubted best):
    only then is it reworded (``SemanticParser._parse_with_rewordings``)."""
    return not readings or readings[0].doubt is not None


def _joined_reading(join, clause_readings: list[list[Reading]], sentence: str,
                    theory: Theory | None, read_as: str) -> Reading | None:
    """The reading of ``sentence`` that ``join`` makes of its clauses' best readings, its
    score the sum of theirs, ``read_as`` saying so; None unless each clause has a reading
    that passes the checks and the joined formula passes them for the whole sentence."""
    if any(not found or found[0].doubt is not None for found in clause_readings):
        return None
    # Each clause binds its variables from "x" on: renamed apart, no quantifier shadows another.
    formula = canonical_variables(join(*(found[0].formula for found in clause_readings)))
    if _misreads(formula, sentence, candidates_for(sentence, theory), theory) is not None:
        return None
    return Reading(text=_written(formula), formula=formula, actions=(),
                   score=sum(found[0].score for found in clause_readings), normalized_score=0.0, read_as=read_as)


def _quoted(*sentences: str) -> str:
    """``sentences`` quoted, joined by " / "."""
    return " / ".join(f'"{sentence}"' for sentence in sentences)


def _misreads(formula: ast.Formula, sentence: str | None, candidates: CandidateSet | None,
              theory: Theory | None) -> str | None:
    """Why ``formula`` misreads ``sentence``, in words, or None: the first reading check
    it fails (it leaves out a word or mention, or says what the sentence does not;
    ``parser.omission``, and in schema-guided mode ``parser.declared_constants`` and
    ``parser.declared_glosses``). Shown with the reading (``Reading.doubt``)."""
    if sentence is None:
        return None
    schema = theory is not None
    checks = [
        (lambda: omitted_words(formula, sentence, candidates, schema=schema), "leaves out {}"),
        (lambda: unsaid_mentions(formula, sentence, candidates), "says {} fewer times than the sentence"),
        (lambda: negates_unsaid(formula, sentence, schema=schema), "negates what the sentence does not"),
        (lambda: misdirected_comparisons(formula, sentence, candidates),
         "orders against the sentence's comparator ({})"),
        (lambda: disconnected_existentials(formula), "binds {} and says nothing else of it"),
        (lambda: unsaid_variables(formula, sentence), "binds {}, which no word of the sentence stands for"),
        (lambda: negated_generalities_unread(formula, sentence), "denies no generality, where the sentence says {}"),
        (lambda: quantifiers_unbound(formula, sentence), "binds no variable for {}"),
        (lambda: conditions_unsaid(formula, sentence), "makes a condition the sentence does not say"),
        (lambda: weather_given_subjects(formula, sentence), "gives {} a subject, where the sentence's 'it' is empty"),
        (lambda: existence_denied_unread(formula, sentence), "says that something exists, which the sentence denies"),
        (lambda: existence_unread(formula, sentence, schema=schema),
         "does not say that something exists, as the sentence does"),
        (lambda: generics_read_as_some(formula, sentence), "reads the generic {} as 'some'"),
        (lambda: inexpressible_quantities(sentence), "says {}, which the logic has no reading for"),
        (lambda: coordinated_kinds_intersected(formula, sentence), "reads {} as things that are both"),
        (lambda: subjects_left_out_of_conclusions(formula, sentence),
         "concludes nothing of {}, the sentence's subject"),
        (lambda: units_mismatched(formula, sentence, candidates, theory),
         "compares a quantity with a function of another unit or period: {}"),
        (lambda: connectives_unread(formula, sentence), "does not join the sentence's clauses by its {}"),
        (lambda: related_to_itself(formula, sentence, candidates), "relates {} to itself"),
    ]
    if schema:
        checks += [
            (lambda: misgrounded_constants(formula, sentence, theory), "names {}, which the sentence does not"),
            (lambda: unsaid_glosses(formula, sentence, theory), "leaves out {}, whose gloss the sentence says"),
            (lambda: permissions_read_as_prohibitions(formula, sentence, theory), "reads a permission as {}"),
            (lambda: prohibitions_read_as_permissions(formula, sentence, theory), "negates the prohibition {}"),
            (lambda: facts_read_as_prohibitions(formula, sentence, theory),
             "reads as the prohibition {} what the sentence says is done"),
            (lambda: symbols_misattributed(formula, sentence, theory),
             "uses {}, of which the sentence says no word, for another's"),
            (lambda: antonyms_read_as_glosses(formula, sentence, theory),
             "does not negate {}, whose opposite the sentence says"),
            (lambda: symbols_unsaid(formula, sentence, theory), "uses {}, of which the sentence says no word"),
        ]
    else:
        checks += [
            (lambda: quantifies_unsaid(formula, sentence), "quantifies though the sentence says nothing general"),
            (lambda: compares_unsaid(formula, sentence, candidates), "orders terms though the sentence compares none"),
            (lambda: objects_as_subjects(formula, sentence, candidates),
             "makes {} a subject, which the sentence says only as an object"),
            (lambda: indefinites_named(formula, sentence, candidates),
             "names {}, which the sentence says only as an indefinite"),
            (lambda: bare_nouns_named(formula, sentence, candidates),
             "names {}, which the sentence says only as a bare noun"),
            (lambda: bare_objects_singularised(formula, sentence, candidates),
             "names {} in the singular, though the sentence says its object in the plural"),
            (lambda: agents_as_objects(formula, sentence, candidates), "makes {}, the passive's agent, an object"),
            (lambda: phrases_named_twice(formula, candidates), "gives one phrase two names: {}"),
            (lambda: passive_names(formula, sentence, candidates), "keeps a passive's form in {}"),
            (lambda: particles_dropped(formula, sentence, candidates), "leaves out the particle {}"),
            (lambda: states_read_as_actions(formula, sentence), "reads the state {} as an action"),
            (lambda: states_merged_into_kinds(formula, sentence), "merges a state into the kind {}"),
            (lambda: inflected_names(formula), "names {} by an inflected verb, not its lemma"),
            (lambda: subjects_merged_into_verbs(formula, sentence), "joins a subject to its verb in the name {}"),
            (lambda: adjectives_concluded(formula, sentence), "concludes {}, which the sentence says of its subject"),
            (lambda: objects_said_again(formula, sentence, candidates),
             "makes {} the object of more verbs than the sentence says it"),
            (lambda: only_misread(formula, sentence, candidates),
             "concludes {} in no rule, as the sentence's 'only' does"),
            (lambda: places_read_as_kinds(formula, sentence, candidates),
             "reads {}, which says where something is, as what it is"),
            (lambda: objects_read_as_properties(formula, sentence, candidates),
             "reads the object {} as a property of the subject"),
            (lambda: indefinite_objects_read_as_kinds(formula, sentence, candidates),
             "reads {}, which the sentence says is a verb's object, as what something is"),
            (lambda: possessions_read_as_relations(formula, sentence),
             "says the possession {} by a relation, not by its name with 'have'"),
            (lambda: possessions_read_as_kinds(formula, sentence),
             "reads {}, which the sentence says is had (or not), as what the subject is"),
            (lambda: generics_named(formula, sentence), "names {}, which the sentence says as a generic plural"),
            (lambda: names_read_as_kinds(formula, sentence), "reads {}, a bare singular subject, as a kind"),
            (lambda: some_read_as_every(formula, sentence), "reads {} as every, or as a name"),
            (lambda: adverbs_misattached(formula, sentence), "gives {} an adverb the sentence says of another verb"),
            (lambda: definites_inside_names(formula, sentence, candidates),
             "names {}, which holds a thing said with 'the'"),
            (lambda: indefinite_objects_read_as_doers(formula, sentence),
             "reads {}, whose object is an indefinite pronoun, as said of two things alone"),
            (lambda: possessives_read_as_kinds(formula, sentence),
             "reads the possessive {} as its owner, or as apart from its owner"),
            (lambda: pronoun_possessions_dropped(formula, sentence), "leaves out whose {} are"),
            (lambda: pronoun_objects_dropped(formula, sentence), "reads {} without the object its pronoun says"),
            (lambda: things_read_as_propositions(formula, sentence), "reads the thing {} as a proposition"),
            (lambda: kinds_named_in_plural(formula, sentence, candidates), "names the kind {} in the plural"),
            (lambda: singular_subjects_read_as_plurals(formula, sentence),
             "reads {}, the subject of a singular verb, as a plural"),
            (lambda: clause_subjects_unnamed(formula, sentence), "does not name {}, a clause's subject, in its clause"),
            (lambda: pronoun_conditions_misresolved(formula, sentence),
             "reads {}, the condition's subject, as another thing than the sentence's subject"),
        ]
    for check, doubt in checks:
        found = check()
        if found:
            if "{}" not in doubt:
                return doubt
            return doubt.format(found if isinstance(found, str) else _listed(found))  # a str is said as it is
    return None


def _listed(found) -> str:
    """What a check found, for a person: 'duck', or 'poet' and 'adult'; pairs as a and b."""
    items = [" and ".join(item) if isinstance(item, tuple) else str(item) for item in found]
    return ", ".join(f"'{item}'" for item in items)


# Pronouns stand for things; they never name one, nor take part in a name.
_PRONOUNS = PERSONAL_PRONOUNS | REFLEXIVE_PRONOUNS


def _names_a_pronoun(formula: ast.Formula) -> bool:
    """Whether a name of ``formula`` is or holds a pronoun (``like(bob, himself)``,
    ``like_himself(bob)`` for "Bob likes himself."): open mode names come from the
    words, and a pronoun's word names nothing. No generated or FOLIO gold LF has one."""
    return any(isinstance(node, (ast.Const, ast.Pred, ast.FuncApp))
               and not _PRONOUNS.isdisjoint(node.name.split("_"))
               for node in ast.walk(formula))


def _misnamings(candidates: CandidateSet) -> dict[str, tuple[type, ...]]:
    """Per name of the sentence's candidates, the kinds of symbol it may not be in a
    reading, from the candidate builder's own knowledge of where it came from:
    - a constant, when only a verb rule made it (``CandidateSet.verb_phrase_names``:
      ``eat(cat, eat_bear)``) or it is a number's unit (``CandidateSet.unit_names``:
      ``work_here(bob, years) = 6``);
    - a function, when it is a word that cues a numeric attribute
      (``CandidateSet.attribute_cue_names``: ``taller(joseph) > height(mountain)``);
    - a constant or predicate, when only the attribute rule made it
      (``CandidateSet.attribute_names``: ``work_here(bob, age) = 6``);
    - anything, when it joins a verb to its definite object
      (``CandidateSet.definite_object_names``: chase_bear for "chases the bear"), or
      holds a word of negation or a demonstrative (``CandidateSet.function_word_names``:
      lie_never for "never lies", this_car for "this car").
    No generated gold LF uses a name so; two of FOLIO's premises join a verb to its
    definite object ("strike the right notes" is gold ``strike_right_note(x)``)."""
    kinds: dict[str, set[type]] = {}
    anything = (ast.Const, ast.Pred, ast.FuncApp)
    for names, not_as in ((candidates.verb_phrase_names(), (ast.Const,)),
                          (candidates.unit_names(), (ast.Const,)),
                          (candidates.attribute_cue_names(), (ast.FuncApp,)),
                          (candidates.attribute_names(), (ast.Const, ast.Pred)),
                          (candidates.definite_object_names, anything),
                          (candidates.function_word_names(), anything)):
        for name in names:
            kinds.setdefault(name, set()).update(not_as)
    return {name: tuple(not_as) for name, not_as in kinds.items()}


def _misnamed(formula: ast.Formula, misnamings: dict[str, tuple[type, ...]]) -> bool:
    """Whether a name of ``formula`` is used as a kind of symbol it may not be
    (``_misnamings``): such a reading is dropped like an ill-typed one."""
    return bool(misnamings) and any(
        isinstance(node, (ast.Pred, ast.FuncApp, ast.Const)) and isinstance(node, misnamings.get(node.name, ()))
        for node in ast.walk(formula))


def _first_mentions(candidates: CandidateSet | None) -> dict[str, int]:
    """Per copied name, where the sentence first says it (character offset)."""
    positions: dict[str, int] = {}
    for candidate in candidates.items if candidates is not None else ():
        if candidate.span is not None:
            positions[candidate.text] = min(candidate.span[0], positions.get(candidate.text, candidate.span[0]))
    return positions


def _with_units_converted(reading: Reading, sentence: str, candidates: CandidateSet,
                          theory: Theory | None) -> Reading | None:
    """``reading`` with its quantities converted into the units and periods of the declared
    functions (or, in open mode, attributes) they are compared with, by exact factors
    (``declared_glosses.units_converted``: ``notice_days(bob) = 2 * 7`` for "Bob gave two
    weeks' notice.", ``weight(ann) = 154 * 0.45359237`` for "Ann weighs 154 pounds.");
    type-checked again,
    None when the conversion fails the type checker. Unchanged when nothing is to be
    converted."""
    converted = units_converted(reading.formula, sentence, candidates, theory)
    if converted is None:
        return reading
    return _type_checked(dataclasses.replace(reading, formula=converted, text=_written(converted)), theory)


def _written(formula: ast.Formula) -> str:
    """The text of a reading built from type-checked ones (a conversion, a conjunction of
    clauses), written as the decoder writes readings: with no binder's sort, which the
    type checker filled in ("forall x. ...", not "forall x: Entity. ...")."""
    def unsorted(node: ast.Node) -> ast.Node:
        if isinstance(node, (ast.Forall, ast.Exists)):
            node = dataclasses.replace(node, binders=tuple(dataclasses.replace(binder, sort=None)
                                                           for binder in node.binders))
        return ast.map_children(node, unsorted)

    return to_text(unsorted(formula))


def _type_checked(reading: Reading, theory: Theory | None,
                  candidates: CandidateSet | None = None) -> Reading | None:
    """``reading`` with its binders' sorts filled in, or None when it fails the type
    checker (built here when the search left it unparsed: only the readings looked at;
    from its actions when the ``candidates`` they copy are given, else from its text)."""
    try:
        formula = reading.formula
        if formula is None:
            formula = actions_to_formula(reading.actions, candidates.items) if candidates is not None \
                else parse_formula(reading.text, spans=False)
        statements = [(formula, "<reading>", reading.text)]
        if theory is None:
            signature = infer_signature(statements)
        else:
            signature = infer_signature(statements, base=theory.signature, allow_new_symbols=False)
        checked = typecheck(formula, signature, path="<reading>", source=reading.text)
    except NeurosymError:
        return None
    if theory is None and (_widest_application(checked) > MAX_OPEN_ARITY or _applies_to_an_application(checked)):
        return None
    return dataclasses.replace(reading, formula=checked)


def _applies_to_an_application(formula: ast.Formula) -> bool:
    """Whether a predicate or function of ``formula`` takes a function's value as an
    argument (``chase(cat(rabbit), rabbit)``): open mode's functions are numeric
    attributes, compared with numbers or each other, never an argument."""
    return any(isinstance(node, (ast.Pred, ast.FuncApp)) and any(isinstance(arg, ast.FuncApp) for arg in node.args)
               for node in ast.walk(formula))


def _widest_application(formula: ast.Formula) -> int:
    """The most arguments any predicate or function of ``formula`` takes."""
    return max((len(node.args) for node in ast.walk(formula)
                if isinstance(node, (ast.Pred, ast.FuncApp))), default=0)


def describe_readings(sentences: Sequence[str], readings: Sequence[Sequence[Reading]],
                      theory: Theory | None = None) -> list[dict]:
    """JSON-ready view of ``parse`` results: per sentence, each reading's LF, score,
    confidence and English paraphrase (through the theory's glosses when given), and
    where there is one its doubt and how the sentence was read (``Reading.read_as``)."""
    return [{"sentence": sentence,
             "readings": [{"lf": r.text, "score": round(r.score, 6), "confidence": round(r.probability, 6),
                           "english": render_english(r.formula, theory),
                           **({"doubt": r.doubt} if r.doubt else {}),
                           **({"read_as": r.read_as} if r.read_as else {})} for r in found]}
            for sentence, found in zip(sentences, readings)]
