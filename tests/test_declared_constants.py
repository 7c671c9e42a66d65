"""In schema-guided mode a reading names the declared constants its sentence says, by
name or gloss, as often as the sentence says them, and no others; a pronoun may repeat
one, and a longer declared name holds the shorter ones inside it. No gold LF of the
generator breaks this for any shipped rule file."""

import pytest

from neurosym.logic.parser import parse_formula
from neurosym.parser.declared_constants import constant_mentions, misgrounded_constants
from neurosym.rules.loader import load_theory
from neurosym.training import generate_pairs
from neurosym.training.train_parser import shipped_theories

DOSAGE = load_theory(["rules/dosage.rules"])


def misgrounded(lf: str, sentence: str, theory=DOSAGE) -> list[str]:
    return misgrounded_constants(parse_formula(lf), sentence, theory)


@pytest.mark.parametrize("sentence, lf, wrong", [
    # misreadings of the shipped parser on held-out sentences
    ("Metformin, nitroglycerin and isotretinoin are NSAIDs.",
     "nsaid(metformin) and nsaid(paracetamol)", ["paracetamol", "nitroglycerin", "isotretinoin"]),
    ("If nitroglycerin is a nitrate, then it is not cleared by the kidneys.",
     "nitrate(sildenafil) -> not renally_cleared(methotrexate)",
     ["sildenafil", "methotrexate", "nitroglycerin"]),
    ("Trimethoprim was interacted with by methotrexate.",
     "interacts(trimethoprim, trimethoprim)", ["methotrexate"]),
    ("If someone interacts with warfarin, warfarin is a nitrate.",
     "forall x. interacts(x, warfarin) -> nitrate(x)", ["warfarin"]),
])
def test_a_constant_named_against_the_words_is_caught(sentence, lf, wrong):
    assert misgrounded(lf, sentence) == wrong


@pytest.mark.parametrize("sentence, lf", [
    ("If nitroglycerin is a nitrate, then it is not cleared by the kidneys.",
     "nitrate(nitroglycerin) -> not renally_cleared(nitroglycerin)"),
    ("Acetylsalicylic acid interacts with warfarin.", "interacts(aspirin, warfarin)"),
    ("Ann takes more than the maximum daily dose of paracetamol in mg of paracetamol a day.",
     "daily_dose_mg(ann, paracetamol) > paracetamol_daily_cap_mg"),
    ("Ann is an adult.", "adult(ann)"),
])
def test_names_glosses_and_pronouns_ground_a_constant(sentence, lf):
    assert misgrounded(lf, sentence) == []


def test_a_constant_is_also_named_without_its_sort_noun():
    access = load_theory(["rules/access.rules"])
    sentence = "Ann is an administrator and holds the payment approver role."
    assert constant_mentions(sentence, access) == {"admin": 1, "payment_approver": 1}
    assert misgrounded("has_role(ann, admin) and has_role(ann, payment_approver)", sentence, access) == []


def test_the_longest_name_wins_where_names_overlap():
    sentence = "The cap is the maximum daily dose of paracetamol in mg."
    assert constant_mentions(sentence, DOSAGE) == {"paracetamol_daily_cap_mg": 1}


def test_no_generated_gold_lf_names_a_constant_against_the_words():
    checked = 0
    for k, theory in enumerate(shipped_theories()):
        for pair in generate_pairs(300, seed=46 + k, theory=theory):
            assert misgrounded(pair.lf, pair.sentence, theory) == [], pair
            checked += bool(constant_mentions(pair.sentence, theory))
    assert checked > 100  # the rule files' constants are said often enough to test this
