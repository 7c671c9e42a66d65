"""In schema-guided mode a reading uses every declared predicate and function whose gloss
its sentence says word for word; a slot's filler may stand between a gloss's fixed
words, the longest gloss wins where two overlap, and glosses of function words alone do
not count. A prohibition gloss ("X must not take Y") is denied by its permission ("Ann
may take ibuprofen."): a reading that uses its predicate there negates it; said in its
own words ("Ben mustn't take aspirin.") it is the predicate, negated only by another
negation. No gold LF of the generator breaks any of these for any shipped rule file."""

import pytest

from neurosym.logic.parser import parse_formula
from neurosym.logic.printer import to_text
from neurosym.parser.declared_glosses import (antonyms_read_as_glosses, facts_read_as_prohibitions, gloss_mentions,
                                              permissions_read_as_prohibitions,
                                              prohibitions_read_as_permissions, symbols_misattributed, symbols_unsaid,
                                              units_converted, units_mismatched, unsaid_glosses,
                                              opposites_said_plainly)
from neurosym.parser.candidates import candidates_for
from neurosym.rules.loader import load_theory
from neurosym.training import generate_pairs
from neurosym.training.train_parser import shipped_theories

LENDING = load_theory(["rules/lending.rules"])
DOSAGE = load_theory(["rules/dosage.rules"])  # contraindicated: "{0} must not take {1}"
LEAVE = load_theory(["rules/leave.rules"])  # days_per_week: "{0} works {value} days a week"


def unsaid(lf: str, sentence: str, theory=LENDING) -> list[str]:
    return unsaid_glosses(parse_formula(lf), sentence, theory)


@pytest.mark.parametrize("sentence, lf, left_out", [
    # misreadings of the shipped parser
    ("Bob has a credit score of 720 and is employed.", "credit_score(bob) = 720", ["employed"]),
    ("Bob earns 5000 a month.", "employed(bob)", ["monthly_income"]),
    ("If Ann is employed then she has a stable income.", "employed(ann)", ["stable_income"]),
])
def test_a_gloss_said_word_for_word_needs_its_symbol(sentence, lf, left_out):
    assert unsaid(lf, sentence) == left_out


@pytest.mark.parametrize("sentence, lf", [
    ("Bob has a credit score of 720 and is employed.", "credit_score(bob) = 720 and employed(bob)"),
    ("Bob's FICO score is 720.", "credit_score(bob) = 720"),  # "{0}'s FICO score" follows its owner
    ("Mary Ann Lee earns two thousand and fifty a month.", "monthly_income(mary_ann_lee) = 2050"),
    ("Bob is not employed.", "not employed(bob)"),
    ("Bob is unemployed.", "not employed(bob)"),  # a paraphrase is not judged
])
def test_readings_that_use_the_said_glosses_pass(sentence, lf):
    assert unsaid(lf, sentence) == []


def test_a_contraction_says_the_gloss_written_in_full():
    # The shipped parser read "Ann mustn't take metformin." as not prescribed(ann, metformin) (0.92).
    assert gloss_mentions("Ann mustn't take metformin.", DOSAGE) == {"contraindicated"}
    assert unsaid("not prescribed(ann, metformin)", "Ann mustn't take metformin.", DOSAGE) == ["contraindicated"]


def test_a_slot_filler_may_hold_a_possessive_mark():
    access = load_theory(["rules/access.rules"])  # "the day {0}'s contract ends"
    assert gloss_mentions("The day Mary Ann's contract ends is 300.", access) == {"contract_end"}


def test_a_slot_filler_of_more_than_six_words_says_no_gloss():
    assert "monthly_income" not in gloss_mentions("Bob earns one two three four five six seven a month.",
                                                  LENDING)


def test_the_longest_gloss_wins_where_glosses_overlap():
    access = load_theory(["rules/access.rules"])  # "{0} is a contractor" | "{0} is an external contractor"
    assert gloss_mentions("Ann is an external contractor.", access) == {"contractor"}
    assert gloss_mentions("The amount of the request is 900.", access) == {"amount"}


def test_glosses_of_function_words_alone_do_not_count(tmp_path):
    rules = tmp_path / "friends.rules"
    rules.write_text('sort Person\n'
                     'pred friend(Person, Person) "{0} has {1}" | "{0} likes {1}" | "{0} is a friend of {1}"\n')
    theory = load_theory(rules)
    assert gloss_mentions("Ann has Bob.", theory) == frozenset()
    assert gloss_mentions("Ann likes Bob.", theory) == {"friend"}
    assert gloss_mentions("Ann is a friend of Bob.", theory) == {"friend"}


def test_no_generated_gold_lf_leaves_out_a_said_gloss():
    checked = 0
    for k, theory in enumerate(shipped_theories()):
        for pair in generate_pairs(300, seed=46 + k, theory=theory):
            assert unsaid(pair.lf, pair.sentence, theory) == [], pair
            checked += bool(gloss_mentions(pair.sentence, theory))
    assert checked > 500  # the glosses are said often enough to test this


@pytest.mark.parametrize("sentence, lf, misread", [
    # a fine-tune's best reading (0.86): the opposite of what the sentence says
    ("Ann may take ibuprofen.", "contraindicated(ann, ibuprofen)", ["contraindicated"]),
    ("Ann can take ibuprofen.", "contraindicated(ann, ibuprofen)", ["contraindicated"]),
    ("Ann may take ibuprofen.", "not contraindicated(ann, ibuprofen)", []),
    ("If Ann may take aspirin, Bob may take aspirin.",
     "not contraindicated(ann, aspirin) -> contraindicated(bob, aspirin)", ["contraindicated"]),
    ("If Ann may take aspirin, Bob may take aspirin.",
     "not contraindicated(ann, aspirin) -> not contraindicated(bob, aspirin)", []),
    # the prohibition itself, its negations, and readings without the predicate
    ("Ann must not take ibuprofen.", "contraindicated(ann, ibuprofen)", []),
    ("Ann cannot take ibuprofen.", "contraindicated(ann, ibuprofen)", []),
    ("Ann may not take ibuprofen.", "contraindicated(ann, ibuprofen)", []),
    ("Ann may take ibuprofen.", "prescribed(ann, ibuprofen)", []),
])
def test_a_permission_denies_the_prohibition_it_words(sentence, lf, misread):
    assert permissions_read_as_prohibitions(parse_formula(lf), sentence, DOSAGE) == misread


@pytest.mark.parametrize("sentence, lf, misread", [
    # run 43's best reading (0.87): the "n't" belongs to the gloss
    ("Ben mustn't take aspirin.", "not contraindicated(ben, aspirin)", ["contraindicated"]),
    ("Ben must not take aspirin.", "not contraindicated(ben, aspirin)", ["contraindicated"]),
    ("Ben mustn't take aspirin.", "contraindicated(ben, aspirin)", []),
    # another negation may deny the prohibition
    ("It is not the case that Ben must not take aspirin.", "not contraindicated(ben, aspirin)", []),
    ("Ben must not take aspirin unless he is an adult.",
     "not adult(ben) -> contraindicated(ben, aspirin)", []),
])
def test_a_prohibition_in_its_own_words_is_the_predicate(sentence, lf, misread):
    assert prohibitions_read_as_permissions(parse_formula(lf), sentence, DOSAGE) == misread


@pytest.mark.parametrize("sentence, lf, misread", [
    # the shipped parser's reading, 0.87: "takes" says what Dina does
    ("Dina takes ibuprofen and aspirin.", "contraindicated(dina, ibuprofen) and prescribed(dina, aspirin)",
     ["contraindicated"]),
    ("Dina takes ibuprofen and aspirin.", "prescribed(dina, ibuprofen) and prescribed(dina, aspirin)", []),
    ("Dina took ibuprofen.", "contraindicated(dina, ibuprofen)", ["contraindicated"]),
    ("Dina cannot take ibuprofen.", "contraindicated(dina, ibuprofen)", []),  # after a modal
    ("Dina does not take ibuprofen.", "not prescribed(dina, ibuprofen)", []),
    # the prohibition said once, besides a plain "take"
    ("Anyone who takes warfarin must not take aspirin.",
     "forall x. prescribed(x, warfarin) -> contraindicated(x, aspirin)", []),
    ("Anyone who takes warfarin must not take aspirin.",
     "forall x. contraindicated(x, warfarin) -> contraindicated(x, aspirin)", ["contraindicated"]),
    # another gloss says it
    ("If Ann takes warfarin, aspirin is contraindicated for Ann.",
     "prescribed(ann, warfarin) -> contraindicated(ann, aspirin)", []),
    ("Ann should avoid ibuprofen.", "contraindicated(ann, ibuprofen)", []),  # a paraphrase: not judged
])
def test_a_plain_verb_is_no_prohibition(sentence, lf, misread):
    assert facts_read_as_prohibitions(parse_formula(lf), sentence, DOSAGE) == misread


def test_no_generated_gold_lf_reads_a_permission_and_its_prohibition_the_wrong_way_round():
    dosage = [k for k, theory in enumerate(shipped_theories()) if "contraindicated" in theory.predicates]
    permissions = 0
    for k in dosage:
        theory = shipped_theories()[k]
        for pair in generate_pairs(1500, seed=46 + k, theory=theory):
            formula = parse_formula(pair.lf)
            assert permissions_read_as_prohibitions(formula, pair.sentence, theory) == [], pair
            assert prohibitions_read_as_permissions(formula, pair.sentence, theory) == [], pair
            assert facts_read_as_prohibitions(formula, pair.sentence, theory) == [], pair
            permissions += " may take " in pair.sentence
    assert permissions > 5  # the generator says permissions often enough to test this


@pytest.mark.parametrize("sentence, lf, theory, mismatched", [
    # the shipped parser's readings, 0.998, 1.000 and 0.998
    ("Ann weighs 154 pounds.", "weight_kg(ann) = 154", DOSAGE, ["154 pounds (weight_kg)"]),
    ("Ann is 5 months pregnant.", "weeks_pregnant(ann) = 5", DOSAGE, ["5 months (weeks_pregnant)"]),
    ("Bob gave two weeks' notice.", "notice_days(bob) = 2", LEAVE, ["two weeks (notice_days)"]),
    ("Ann takes 4 g of paracetamol a day.", "daily_dose_mg(ann, paracetamol) = 4", DOSAGE,
     ["4 g (daily_dose_mg)"]),
    ("Ann weighs 70 kg.", "weight_kg(ann) = 70", DOSAGE, []),
    ("Ann weighs 70 kilograms.", "weight_kg(ann) = 70", DOSAGE, []),
    ("Bob gave 10 days' notice.", "notice_days(bob) = 10", LEAVE, []),
    ("Tom works three days a week.", "days_per_week(tom) = 3", LEAVE, []),
    ("Bob's eGFR is 25.", "egfr(bob) = 25", DOSAGE, []),  # no unit said, none declared
    # periods: the shipped parser's reading, 0.996
    ("Bob earns 60000 dollars a year.", "monthly_income(bob) = 60000", LENDING,
     ["60000 dollars a year (monthly_income)"]),
    ("Bob earns 5000 dollars a month.", "monthly_income(bob) = 5000", LENDING, []),
    ("Bob earns 5000 a month and pays 300 a week in debt.",
     "monthly_income(bob) = 5000 and monthly_debt(bob) = 300", LENDING, ["300 a week (monthly_debt)"]),
    ("Ann takes 3000 mg of paracetamol daily.", "daily_dose_mg(ann, paracetamol) = 3000", DOSAGE, []),
    ("Carol has taken 8 days off this year.", "days_taken(carol) = 8", LEAVE, []),  # "this year" is no rate
])
def test_a_quantity_is_compared_with_a_function_of_its_unit(sentence, lf, theory, mismatched):
    found = units_mismatched(parse_formula(lf), sentence, candidates_for(sentence, theory), theory)
    assert found == mismatched


def test_no_generated_gold_lf_compares_a_quantity_with_a_function_of_another_unit():
    compared = 0
    for k, theory in enumerate(shipped_theories()):
        for pair in generate_pairs(800, seed=90 + k, theory=theory):
            formula = parse_formula(pair.lf)
            assert units_mismatched(formula, pair.sentence, candidates_for(pair.sentence, theory), theory) == [], pair
            compared += any(ch.isdigit() for ch in pair.lf)
    assert compared > 300


@pytest.mark.parametrize("sentence, lf, misattributed", [
    # the shipped parser's readings, 0.98 and 0.995: "earns" is monthly_income's word, and
    # "bankruptcy" recent_bankruptcy's
    ("Bob earns 60000 dollars a year.", "loan_amount(bob) = 60000", ["loan_amount"]),
    ("Bob filed for bankruptcy last year.", "resident(bob)", ["resident"]),
    ("Bob filed for bankruptcy last year.", "recent_bankruptcy(bob)", []),
    ("Bob wants to borrow 20000.", "loan_amount(bob) = 20000", []),
    ("Bob earns 5000 a month.", "monthly_income(bob) = 5000", []),
    ("The loan is for 20000.", "loan_amount(bob) = 20000", []),  # says loan_amount's own word
    ("Bob is a good payer.", "good_credit(bob)", []),  # a paraphrase that says no other's word
])
def test_a_symbol_is_used_for_what_the_sentence_says_of_it(sentence, lf, misattributed):
    assert symbols_misattributed(parse_formula(lf), sentence, LENDING) == misattributed


def test_a_unit_word_says_no_symbol():
    # "years" is age's unit and months_of_service's alike; "joined" is months_of_service's
    assert symbols_misattributed(parse_formula("age(maria) = 3"), "Maria joined 3 years ago.", LEAVE) == ["age"]
    assert symbols_misattributed(parse_formula("age(maria) = 3"), "Maria is 3 years old.", LEAVE) == []


def test_no_generated_gold_lf_uses_a_symbol_for_what_the_sentence_says_of_another():
    for k, theory in enumerate(shipped_theories()):
        for pair in generate_pairs(800, seed=95 + k, theory=theory):
            assert symbols_misattributed(parse_formula(pair.lf), pair.sentence, theory) == [], pair


ACCESS = load_theory(["rules/access.rules"])


@pytest.mark.parametrize("sentence, lf, theory, unsaid_symbols", [
    # the shipped parser's readings (0.999, 0.998): statements the rule file has no symbol for
    ("Mia drinks coffee every morning.", "incident_open(mia)", ACCESS, ["incident_open"]),
    ("Paul has no job.", "not child(paul)", DOSAGE, ["child"]),
    ("Paul is under 12.", "child(paul)", DOSAGE, []),  # a gloss of function words, all said
    ("Bob is a good payer.", "good_credit(bob)", LENDING, []),  # one word of the symbol suffices
    ("Request 7 was approved by Ann.", "approved_by(ann, request_7)", ACCESS, []),  # "approved": a past form
    ("The request is for 500.", "amount(request) = 500", ACCESS, []),
])
def test_a_reading_uses_a_symbol_the_sentence_says_a_word_of(sentence, lf, theory, unsaid_symbols):
    assert symbols_unsaid(parse_formula(lf), sentence, theory) == unsaid_symbols


def test_no_generated_gold_lf_uses_only_symbols_its_sentence_says_no_word_of():
    for k, theory in enumerate(shipped_theories()):
        for pair in generate_pairs(800, seed=99 + k, theory=theory):
            assert symbols_unsaid(parse_formula(pair.lf), pair.sentence, theory) == [], pair


@pytest.mark.parametrize("sentence, lf, theory, asserted", [
    ("Bob is unemployed.", "employed(bob)", LENDING, ["employed"]),  # the shipped parser's reading, 0.97
    ("Bob is unemployed.", "not employed(bob)", LENDING, []),
    ("Bob is unemployed.", "stable_income(bob)", LENDING, ["employed"]),  # its next reading, 0.79
    ("Bob is not unemployed.", "employed(bob)", LENDING, []),  # another negation: not judged
    ("Bob is employed or unemployed.", "employed(bob) or not employed(bob)", LENDING, []),
    ("Methotrexate is unsafe for Rome.", "contraindicated(rome, methotrexate)", DOSAGE, []),  # a gloss's word
])
def test_an_opposite_is_not_read_as_the_gloss_it_negates(sentence, lf, theory, asserted):
    assert antonyms_read_as_glosses(parse_formula(lf), sentence, theory) == asserted


def test_no_generated_gold_lf_asserts_the_gloss_its_sentence_says_the_opposite_of():
    for k, theory in enumerate(shipped_theories()):
        for pair in generate_pairs(800, seed=97 + k, theory=theory):
            assert antonyms_read_as_glosses(parse_formula(pair.lf), pair.sentence, theory) == [], pair


@pytest.mark.parametrize("sentence, lf, theory, converted", [
    ("Bob gave two weeks' notice.", "notice_days(bob) = 2", LEAVE, "notice_days(bob) = 2 * 7"),
    ("Ann weighs 154 pounds.", "weight_kg(ann) = 154", DOSAGE, "weight_kg(ann) = 154 * 0.45359237"),
    ("Ann takes 4 g of paracetamol a day.", "daily_dose_mg(ann, paracetamol) = 4", DOSAGE,
     "daily_dose_mg(ann, paracetamol) = 4 * 1000"),
    ("Bob earns 50000 dollars a year.", "monthly_income(bob) > 50000", LENDING, "monthly_income(bob) > 50000 / 12"),
    ("Bob gave 48 hours' notice.", "notice_days(bob) = 48", LEAVE, "notice_days(bob) = 48 / 24"),
    # no exact factor (a month is no whole number of weeks), or a whole-number function left a fraction
    ("Ann is 5 months pregnant.", "weeks_pregnant(ann) = 5", DOSAGE, None),
    ("Bob gave 36 hours' notice.", "notice_days(bob) = 36", LEAVE, None),
    ("Bob earns 300 dollars a week.", "monthly_income(bob) = 300", LENDING, None),
    ("Ann weighs 70 kg.", "weight_kg(ann) = 70", DOSAGE, None),  # nothing to convert
])
def test_a_quantity_in_another_unit_is_converted_by_an_exact_factor(sentence, lf, theory, converted):
    found = units_converted(parse_formula(lf), sentence, candidates_for(sentence, theory), theory)
    assert (found and to_text(found)) == converted


@pytest.mark.parametrize("sentence, converted", [
    ("Bob lives 3 km from work.", "commute_m(bob) = 3 * 1000"),
    ("Bob lives 2 miles from work.", "commute_m(bob) = 2 * 1609.344"),
    ("Bob lives 250 cm from work.", "commute_m(bob) = 250 / 100"),
])
def test_lengths_convert_by_their_defined_factors(tmp_path, sentence, converted):
    rules = tmp_path / "commute.rules"
    rules.write_text('sort Person\nfunc commute_m(Person) -> Real "{0} lives {value} m from work"\n')
    theory = load_theory([rules])
    lf = f"commute_m(bob) = {sentence.split()[2]}"
    found = units_converted(parse_formula(lf), sentence, candidates_for(sentence, theory), theory)
    assert found is not None and to_text(found) == converted


@pytest.mark.parametrize("sentence, lf, converted", [
    ("Ann weighs 154 pounds.", "weight(ann) = 154", "weight(ann) = 154 * 0.45359237"),
    ("Carl is 10 months old.", "age(carl) = 10", "age(carl) = 10 / 12"),  # no whole-number rule here
    ("The rope is 2 km long.", "length(rope) = 2", "length(rope) = 2 * 1000"),
    ("Ann weighs 60 kg.", "weight(ann) = 60", None),  # the attribute's own unit
    ("The book costs 20 euros.", "price(book) = 20", None),  # no currency converts
])
def test_open_mode_attributes_convert_into_the_units_the_generator_says(sentence, lf, converted):
    found = units_converted(parse_formula(lf), sentence, candidates_for(sentence), None)
    assert (found and to_text(found)) == converted


def test_open_mode_attribute_units_are_those_of_the_generator():
    from neurosym.parser.units import OPEN_MEASURES, UNITS
    from neurosym.training.lexicon import ATTRIBUTES

    said = {name: UNITS.get((phrase.split("{value}")[1].split() or [""])[0]) for name, _, (_, phrase), *_ in ATTRIBUTES}
    assert {name: unit for name, (unit, _) in OPEN_MEASURES.items()} == \
        {name: said[name] for name in OPEN_MEASURES}
    assert set(OPEN_MEASURES) == {name for name, unit in said.items() if unit and unit != "dollar"}


def test_a_converted_quantity_keeps_its_meaning_for_the_solver():
    from neurosym.reasoner import Reasoner

    reasoner = Reasoner(LENDING)
    sentence = "Bob earns 50000 dollars a year."  # 4166.67 a month, not 4166: the division is exact
    claim = units_converted(parse_formula("monthly_income(bob) > 50000"), sentence,
                            candidates_for(sentence, LENDING), LENDING)
    verdict = lambda premise: reasoner.check([claim], [premise]).claims[0].verdict.value  # noqa: E731
    assert verdict("monthly_income(bob) = 4166.7") == "ENTAILED"
    assert verdict("monthly_income(bob) = 4166.5") == "CONTRADICTED"


def test_a_unit_after_the_value_says_the_gloss_in_any_unit_an_exact_factor_joins():
    assert "requested_days" in gloss_mentions("Tom asks for two weeks off.", LEAVE)  # "{value} days off"
    assert "notice_days" in gloss_mentions("Bob gave 48 hours' notice.", LEAVE)
    assert "requested_days" not in gloss_mentions("Tom asks for two kg off.", LEAVE)  # no factor joins kg to days


@pytest.mark.parametrize("sentence, plain", [
    ("Bob is unemployed.", "Bob is not employed."),  # lending: "{0} is employed"
    ("Bob was unemployed and Ann is unhappy.", "Bob was not employed and Ann is unhappy."),  # "happy": no gloss
    ("Bob is not unemployed.", None),  # a negation before: left as it is
    ("Bob is employed.", None),
])
def test_an_opposite_of_a_glosss_word_is_said_as_its_negation(sentence, plain):
    assert opposites_said_plainly(sentence, LENDING) == plain
