"""Everyday English, open mode and over the rule files: how often is the parser sure and wrong?

The held-out and ProofWriter figures of parser_bench.py measure English the generator
writes. Users write other English, and what harms them is a reading that is wrong and
sure (at least the routing threshold, 0.6): the solver then answers from it as if it
were a proof. This list holds sentences of that other English, each with the readings a
person accepts (an empty tuple where the logic has no right reading: "Most birds can
fly.", "Ann is 5 months pregnant." for a function that counts weeks, since a month is no
whole number of weeks). A top reading counts

- right: one of the accepted readings, at the threshold or above;
- unsure: below the threshold (the sentence goes to the fallback, marked as a guess);
- sure and wrong: any other reading at the threshold or above.

The sentences of OPEN and WITH_RULES were written on 2026-12-06 and 2026-12-07 to
probe the shipped parser, and each reading check of 2026-12-07 (docs/parser.md) answers
one of their misreadings, so those lists are no unbiased sample: they tell whether those
misreadings stay away, and the "sure and wrong" of later weights and checks. FRESH holds
120 open-mode sentences and FRESH_WITH_RULES 40 rule-file statements written later that
day before the checks that answer some of them; their figures with the code before
those checks are in docs/parser.md. FRESH_2 holds 40 more open-mode sentences, written
in the afternoon (see its comment), and PROBLEMS (24), PROBLEMS_2 (30) and PROBLEMS_3 (30,
written that evening before they were first read) small texts whose consistency
``neurosym check`` decides: right, undecided (a sentence read below the threshold) or
wrong.

    python benchmarks/everyday_sentences.py [--parser DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

OPEN = [
    ("The book is on the table.", ("on(book, table)",)),
    ("The meeting is on Monday.", ("on(meeting, monday)",)),
    ("Everyone in the team speaks English.", ()),
    ("Cats and dogs are animals.", ("forall x. cat(x) or dog(x) -> animal(x)",
                                    "(forall x. cat(x) -> animal(x)) and (forall x. dog(x) -> animal(x))")),
    ("Birds and bats can fly.", ("forall x. bird(x) or bat(x) -> fly(x)",
                                 "(forall x. bird(x) -> fly(x)) and (forall x. bat(x) -> fly(x))")),
    ("Maria speaks French and Spanish.", ("speak(maria, french) and speak(maria, spanish)",
                                          "speak_french(maria) and speak_spanish(maria)")),
    ("Mary owns a car and a bike.", ("own_car(mary) and own_bike(mary)",)),
    ("Alice and Bob are students.", ("student(alice) and student(bob)",)),
    ("Every student in the class passed the exam.", ()),
    ("If a patient is allergic to penicillin, they must not take amoxicillin.",
     ("forall x. patient(x) and allergic(x, penicillin) -> not take(x, amoxicillin)",
      "forall x. patient(x) and allergic_to(x, penicillin) -> not take(x, amoxicillin)")),
    ("Bob has worked here for six years.", ()),
    ("Sam lives in Paris.", ("live_in(sam, paris)",)),
    ("Some employees work from home.", ("exists x. employee(x) and work_from_home(x)",)),
    ("Not every bird can fly.", ("not (forall x. bird(x) -> fly(x))", "exists x. bird(x) and not fly(x)")),
    ("Only members can vote.", ("forall x. vote(x) -> member(x)",)),
    ("There are no unicorns.", ("not (exists x. unicorn(x))", "forall x. not unicorn(x)")),
    ("Most birds can fly.", ()),
    ("Interns cannot access the database.", ("forall x. intern(x) -> not access(x, database)",)),
    ("Every cat is an animal, and every animal is mortal.",
     ("(forall x. cat(x) -> animal(x)) and (forall x. animal(x) -> mortal(x))",)),
    ("Socrates is a man.", ("man(socrates)",)),
    ("All men are mortal.", ("forall x. man(x) -> mortal(x)",)),
    ("The sky is blue.", ("blue(sky)",)),
    ("John is Mary's father.", ("father(john, mary)", "father_of(john, mary)")),
    # a verb and its bare object as one name, as "approve expense reports" below and the generator
    # ("drinks coffee") name it: accepted since 2026-12-07 evening (the bare-noun check)
    ("Some cats like fish.", ("exists x. cat(x) and like(x, fish)", "exists x. cat(x) and like_fish(x)")),
    ("No reptiles have fur.", ("forall x. reptile(x) -> not have_fur(x)",)),
    ("Penguins are birds that cannot fly.", ("forall x. penguin(x) -> bird(x) and not fly(x)",)),
    ("Bob will attend the meeting unless he is sick.", ("not sick(bob) -> attend(bob, meeting)",)),
    ("Either Tom or Jerry broke the vase.", ("break(tom, vase) xor break(jerry, vase)",
                                             "break(tom, vase) or break(jerry, vase)")),
    ("Paris is the capital of France.", ("capital_of(paris, france)",)),
    ("The car is red and fast.", ("red(car) and fast(car)",)),
    ("Shakespeare is not a writer.", ("not writer(shakespeare)",)),
    ("Hamlet was written by Shakespeare.", ("write(shakespeare, hamlet)",)),
    ("Whoever wrote something is a writer.", ("forall x, y. write(x, y) -> writer(x)",)),
    ("Bob is neither rich nor famous.", ("not rich(bob) and not famous(bob)",)),
    ("Alice is a student or a teacher.", ("student(alice) or teacher(alice)",)),
    ("Tom regularly drinks coffee.", ("drink_coffee_regularly(tom)",)),
    ("Alice is older than 30.", ("age(alice) > 30",)),
    ("Alice is 17 years old.", ("age(alice) = 17",)),
    ("Alice is 17 years old and weighs 50 kg.", ("age(alice) = 17 and weight(alice) = 50",)),
    # written after this list's checks, to try them on sentences they were not made from
    ("Every nurse in the hospital works at night.", ()),
    ("If a customer complains, the manager apologizes.",
     ("forall x. customer(x) and complain(x) -> apologize(manager)",)),
    ("Maya plays the violin and the piano.", ("play(maya, violin) and play(maya, piano)",)),
    ("Some doctors are not surgeons.", ("exists x. doctor(x) and not surgeon(x)",)),
    ("No student failed the exam.", ("forall x. student(x) -> not fail(x, exam)",)),
    ("The museum is in Berlin.", ("in(museum, berlin)",)),
    ("Sara owns a house and a boat.", ("own_house(sara) and own_boat(sara)",)),
]

# Written on 2026-12-07 (fourth session) before that session's checks, read once with the
# shipped parser, then kept as they were: the one sample here the checks were not made
# from before it was written (that session's checks answer some of its misreadings).
FRESH = [
    ("Paris is the capital of France.", ("capital_of(paris, france)", "capital(paris, france)")),
    ("Every capital is a city.", ("forall x. capital(x) -> city(x)",)),
    ("Marie Curie won the Nobel Prize.", ("win(marie_curie, nobel_prize)",)),
    ("Nobody who won the Nobel Prize is unknown.", ("forall x. win(x, nobel_prize) -> not unknown(x)",)),
    ("Tom is taller than Jerry.", ("height(tom) > height(jerry)", "taller(tom, jerry)", "taller_than(tom, jerry)")),
    ("Jerry is not taller than Tom.", ("not height(jerry) > height(tom)", "height(jerry) <= height(tom)",
                                       "not taller(jerry, tom)", "not taller_than(jerry, tom)")),
    ("All mammals breathe air.", ("forall x. mammal(x) -> breathe_air(x)", "forall x. mammal(x) -> breathe(x, air)")),
    ("Whales are mammals.", ("forall x. whale(x) -> mammal(x)",)),
    ("No fish breathes air.", ("forall x. fish(x) -> not breathe_air(x)", "forall x. fish(x) -> not breathe(x, air)")),
    ("Some birds cannot fly.", ("exists x. bird(x) and not fly(x)",)),
    ("Penguins are birds that cannot fly.", ("forall x. penguin(x) -> bird(x) and not fly(x)",)),
    ("If a shop is closed, nobody can buy anything there.", ()),
    ("The bakery is closed on Sundays.", ("close_on(bakery, sundays)", "close_on(bakery, sunday)")),
    ("Alice has three children.", ("children(alice) = 3", "have_children(alice) = 3")),
    ("Bob owns more than two cars.", ("cars(bob) > 2", "car(bob) > 2", "own_cars(bob) > 2")),
    ("Everyone who owns a car pays tax.", ("forall x, y. car(y) and own(x, y) -> pay_tax(x)",
                                           "forall x. own_car(x) -> pay_tax(x)")),
    ("Carla does not pay tax.", ("not pay_tax(carla)", "not pay(carla, tax)")),
    ("Dogs bark.", ("forall x. dog(x) -> bark(x)",)),
    ("Rex is a dog that does not bark.", ("dog(rex) and not bark(rex)",)),
    ("The meeting starts at nine.", ("start(meeting) = 9", "start_at(meeting) = 9")),
    ("Every employee must attend the meeting.", ("forall x. employee(x) -> attend(x, meeting)",)),
    ("Sam is an employee.", ("employee(sam)",)),
    ("Sam did not attend the meeting.", ("not attend(sam, meeting)",)),
    ("If the light is red, cars stop.", ("red(light) -> (forall x. car(x) -> stop(x))",
                                         "forall x. red(light) and car(x) -> stop(x)",
                                         "forall x. car(x) and red(light) -> stop(x)")),
    ("The light is red.", ("red(light)",)),
    ("Ice is cold.", ("cold(ice)",)),
    ("Fire is hot.", ("hot(fire)",)),
    ("Nothing is both hot and cold.", ("forall x. not (hot(x) and cold(x))", "not (exists x. hot(x) and cold(x))",
                                       "forall x. hot(x) -> not cold(x)")),
    ("Kim speaks German.", ("speak(kim, german)", "speak_german(kim)")),
    ("Everyone who speaks German understands Dutch.", ("forall x. speak_german(x) -> understand(x, dutch)",
                                                       "forall x. speak(x, german) -> understand(x, dutch)",
                                                       "forall x. speak_german(x) -> understand_dutch(x)")),
    ("Kim does not understand Dutch.", ("not understand(kim, dutch)", "not understand_dutch(kim)")),
    ("Lions eat meat.", ("forall x. lion(x) -> eat_meat(x)", "forall x. lion(x) -> eat(x, meat)")),
    ("Leo is a lion who eats only plants.", ()),
    ("A square is a rectangle.", ("forall x. square(x) -> rectangle(x)",)),
    ("Every rectangle has four sides.", ("forall x. rectangle(x) -> sides(x) = 4", "forall x. rectangle(x) -> side(x) = 4")),
    ("The car was repaired by Mike.", ("repair(mike, car)",)),
    ("Mike is a mechanic.", ("mechanic(mike)",)),
    ("Only mechanics repair cars.", ("forall x, y. car(y) and repair(x, y) -> mechanic(x)",
                                     "forall x. repair_cars(x) -> mechanic(x)", "forall x. repair_car(x) -> mechanic(x)")),
    ("Anna is older than Ben, and Ben is older than Chris.", ("age(anna) > age(ben) and age(ben) > age(chris)",)),
    ("Chris is older than Anna.", ("age(chris) > age(anna)",)),
    ("Socrates is a man.", ("man(socrates)",)),
    ("All men are mortal.", ("forall x. man(x) -> mortal(x)",)),
    ("Socrates is not mortal.", ("not mortal(socrates)",)),
    ("Tweety is a bird.", ("bird(tweety)",)),
    ("Birds can fly unless they are injured.", ("forall x. bird(x) and not injured(x) -> fly(x)",
                                                "forall x. bird(x) and not injure(x) -> fly(x)",
                                                "forall x. bird(x) -> not injured(x) -> fly(x)")),
    ("Tweety is injured.", ("injured(tweety)", "injure(tweety)")),
    ("Every student who passes the exam gets a certificate.",
     ("forall x. student(x) and pass(x, exam) -> get_certificate(x)",
      "forall x. student(x) and pass(x, exam) -> get(x, certificate)")),
    ("Lucy passed the exam.", ("pass(lucy, exam)",)),
    ("Lucy did not get a certificate.", ("not get_certificate(lucy)", "not get(lucy, certificate)")),
    ("The museum opens at 10 am.", ("open_at(museum) = 10", "open(museum) = 10")),
    ("Children under 12 enter for free.", ("forall x. child(x) and age(x) < 12 -> enter_free(x)",
                                           "forall x. child(x) and age(x) < 12 -> enter_for_free(x)")),
    ("Max is 10 years old.", ("age(max) = 10",)),
    ("Max paid for his ticket.", ("pay(max, ticket)", "pay_for(max, ticket)")),
    ("All squares have equal sides.", ("forall x. square(x) -> have_equal_sides(x)",
                                       "forall x. square(x) -> equal_sides(x)", "forall x. square(x) -> equal_side(x)")),
    ("Some rectangles are squares.", ("exists x. rectangle(x) and square(x)",)),
    ("A triangle has three sides.", ("forall x. triangle(x) -> sides(x) = 3", "forall x. triangle(x) -> side(x) = 3")),
    ("Water boils at 100 degrees.", ("boiling_point(water) = 100", "boil_at(water) = 100")),
    ("The kettle contains water.", ("contain(kettle, water)", "contain_water(kettle)")),
    ("No reptile has fur.", ("forall x. reptile(x) -> not have_fur(x)",)),
    ("Snakes are reptiles.", ("forall x. snake(x) -> reptile(x)",)),
    ("Sid is a snake with fur.", ("snake(sid) and have_fur(sid)",)),
    ("Either the train is late or the bus is early.", ("late(train) xor early(bus)", "late(train) or early(bus)")),
    ("The train is not late.", ("not late(train)",)),
    ("The bus is not early.", ("not early(bus)",)),
    ("Helen teaches math at the school.", ("teach_math_at_school(helen)", "teach_math_at(helen, school)")),
    ("Every teacher at the school has a degree.", ("forall x. teacher(x) and at(x, school) -> have_degree(x)",
                                                   "forall x. teacher_at(x, school) -> have_degree(x)")),
    ("Helen has no degree.", ("not have_degree(helen)", "not (exists x. degree(x) and have(helen, x))")),
    ("Mark and Sue are married.", ("married(mark) and married(sue)", "married(mark, sue)", "married_to(mark, sue)")),
    ("Mark is not married to anyone.", ("not (exists x. married_to(mark, x))", "forall x. not married_to(mark, x)")),
    ("Gold is a metal.", ("metal(gold)",)),
    ("Metals conduct electricity.", ("forall x. metal(x) -> conduct_electricity(x)",
                                     "forall x. metal(x) -> conduct(x, electricity)")),
    ("Gold does not conduct electricity.", ("not conduct_electricity(gold)", "not conduct(gold, electricity)")),
    ("Olivia likes every movie that Noah likes.", ("forall x. movie(x) and like(noah, x) -> like(olivia, x)",)),
    ("Noah likes Titanic.", ("like(noah, titanic)",)),
    ("Olivia hates Titanic.", ("hate(olivia, titanic)",)),
    ("Nobody hates a movie they like.", ("forall x, y. movie(y) and like(x, y) -> not hate(x, y)",
                                         "forall x, y. movie(y) and hate(x, y) -> not like(x, y)")),
    ("Jack was born in 1990.", ("born_in(jack) = 1990", "birth_year(jack) = 1990")),
    ("Jack is younger than 30.", ("age(jack) < 30",)),
    ("Venus is the second planet from the sun.", ("second_planet_from_sun(venus)", "second_planet_from(venus, sun)")),
    ("All planets orbit a star.", ("forall x. planet(x) -> orbit_star(x)",
                                   "forall x. planet(x) -> (exists y. star(y) and orbit(x, y))")),
    # written later that session, before its possessive check (one of the checks that answer them)
    ("Alice's brother is a doctor.", ("exists x. brother(x, alice) and doctor(x)", "doctor(alice_brother)")),
    ("Every doctor has a license.", ("forall x. doctor(x) -> have_license(x)",)),
    ("Alice's brother does not have a license.", ("not have_license(alice_brother)",)),
    ("Tom bought a new car last week.", ("buy(tom, new_car)",)),
    ("The new car is electric.", ("electric(new_car)",)),
    ("Electric cars do not use gasoline.", ("forall x. electric_car(x) -> not use_gasoline(x)",
                                            "forall x. electric(x) and car(x) -> not use_gasoline(x)")),
    ("Tom's car uses gasoline.", ("use_gasoline(tom_car)",)),
    ("All employees who work remotely get a laptop.",
     ("forall x. employee(x) and work_remotely(x) -> get_laptop(x)",)),
    ("Sara works remotely.", ("work_remotely(sara)",)),
    ("Sara is an employee.", ("employee(sara)",)),
    ("Sara did not get a laptop.", ("not get_laptop(sara)",)),
    ("The store sells bread and milk.", ("sell(store, bread) and sell(store, milk)",
                                         "sell_bread(store) and sell_milk(store)")),
    ("The store does not sell milk.", ("not sell_milk(store)", "not sell(store, milk)")),
    ("No child under 5 may ride the roller coaster.",
     ("forall x. child(x) and age(x) < 5 -> not ride(x, roller_coaster)",)),
    ("Ben is 4 years old.", ("age(ben) = 4",)),
    ("Ben rode the roller coaster.", ("ride(ben, roller_coaster)",)),
    ("Every book in the library has a barcode.", ("forall x. book(x) and in(x, library) -> have_barcode(x)",)),
    ("This book has no barcode.", ("not have_barcode(book)",)),
    ("Kate is allergic to peanuts.", ("allergic(kate, peanuts)", "allergic_to(kate, peanuts)",
                                      "allergic_to_peanuts(kate)")),
    ("People who are allergic to peanuts avoid peanut butter.",
     ("forall x. allergic(x, peanuts) -> avoid(x, peanut_butter)",
      "forall x. allergic_to(x, peanuts) -> avoid(x, peanut_butter)",
      # the bare object in the verb's name, as the next sentence's eat_peanut_butter (added 2026-12-07 evening)
      "forall x. allergic(x, peanuts) -> avoid_peanut_butter(x)",
      "forall x. allergic_to(x, peanuts) -> avoid_peanut_butter(x)")),
    ("Kate eats peanut butter every day.", ("eat(kate, peanut_butter)", "eat_peanut_butter(kate)")),
    ("The concert was cancelled.", ("cancel(concert)", "cancelled(concert)")),
    ("Everyone who bought a ticket got a refund.", ("forall x, y. ticket(y) and buy(x, y) -> get_refund(x)",
                                                    "forall x. buy_ticket(x) -> get_refund(x)")),
    ("Jim bought a ticket.", ("buy_ticket(jim)", "exists x. ticket(x) and buy(jim, x)")),
    ("Jim did not get a refund.", ("not get_refund(jim)",)),
    ("Water freezes at 0 degrees.", ("freezing_point(water) = 0",)),
    ("The lake is frozen.", ("frozen(lake)",)),
    ("Some politicians are honest.", ("exists x. politician(x) and honest(x)",)),
    # "the truth" is a definite object, which names an individual (docs/parser.md, "chases
    # the bear"): tell(x, truth) accepted beside tell_truth since 2026-12-07 afternoon
    ("All honest people tell the truth.", ("forall x. honest(x) -> tell_truth(x)",
                                           "forall x. honest(x) -> tell(x, truth)")),
    ("Senator Smith never tells the truth.", ("not tell_truth(senator_smith)", "not tell(senator_smith, truth)")),
    ("Birds have feathers.", ("forall x. bird(x) -> have_feathers(x)", "forall x. bird(x) -> have_feather(x)")),
    ("A bat is not a bird.", ("forall x. bat(x) -> not bird(x)", "not bird(bat)")),
    ("Bats can fly.", ("forall x. bat(x) -> fly(x)",)),
    ("Every square is a rhombus.", ("forall x. square(x) -> rhombus(x)",)),
    ("Some rhombuses are not squares.", ("exists x. rhombus(x) and not square(x)",)),
    ("The train leaves at 8 and arrives at 10.", ("leave_at(train) = 8 and arrive_at(train) = 10",)),
    ("The trip takes three hours.", ("duration(trip) = 3",)),
    ("Emma is Liam's mother.", ("mother(emma, liam)", "mother_of(emma, liam)")),
    ("Liam is Emma's son.", ("son(liam, emma)", "son_of(liam, emma)")),
    ("Every mother loves her children.", ("forall x, y. mother(x) and child(y, x) -> love(x, y)",)),
]

# Written on 2026-12-07 at 12:05, after that afternoon's rewordings (comparatives, "never",
# "this", two clauses with subjects of their own) and knowing them, but before reading
# any parse of these sentences; the possessive checks of 12:30 were written from their
# misreadings. So this list is no unbiased sample either.
FRESH_2 = [
    ("Every nurse works at a hospital.", ("forall x. nurse(x) -> (exists y. hospital(y) and work_at(x, y))",
                                         "forall x. nurse(x) -> work_at_hospital(x)")),
    ("Linda is a nurse.", ("nurse(linda)",)),
    ("Linda does not work at a hospital.", ("not (exists x. hospital(x) and work_at(linda, x))",
                                            "not work_at_hospital(linda)")),
    ("Managers approve expense reports.", ("forall x. manager(x) -> approve_expense_reports(x)",
                                           "forall x. manager(x) -> approve(x, expense_reports)")),
    ("Kevin is older than his sister.", ()),
    ("Paul is heavier than Mark.", ("weight(paul) > weight(mark)",)),
    ("Mark is not lighter than Paul.", ("not weight(mark) < weight(paul)", "weight(mark) >= weight(paul)")),
    ("Either the door is locked or the alarm is on.", ("locked(door) or on(alarm)", "lock(door) or on(alarm)",
                                                       "locked(door) xor on(alarm)", "lock(door) xor on(alarm)")),
    ("The door is not locked.", ("not locked(door)", "not lock(door)")),
    ("The alarm is off.", ("off(alarm)",)),
    ("Anyone who is late must pay a fine.", ("forall x. late(x) -> pay_fine(x)",)),
    ("Greg was late.", ("late(greg)",)),
    ("Greg never pays fines.", ("not pay_fines(greg)", "not pay_fine(greg)", "not pay(greg, fines)")),
    ("Julia is Mike's wife.", ("wife_of(julia, mike)", "wife(julia, mike)")),
    ("Mike is not married.", ("not married(mike)", "not marry(mike)")),
    ("Whoever is married has a spouse.", ("forall x. married(x) -> have_spouse(x)",
                                          "forall x. marry(x) -> have_spouse(x)")),
    ("All vegetarians avoid meat.", ("forall x. vegetarian(x) -> avoid_meat(x)", "forall x. vegetarian(x) -> avoid(x, meat)")),
    ("Hannah is a vegetarian who eats meat.", ("vegetarian(hannah) and eat_meat(hannah)",
                                               "vegetarian(hannah) and eat(hannah, meat)")),
    ("The bridge is 300 meters long.", ("length(bridge) = 300",)),
    ("The tunnel is longer than the bridge.", ("length(tunnel) > length(bridge)",)),
    ("No bird is a mammal.", ("forall x. bird(x) -> not mammal(x)",)),
    ("Some mammals lay eggs.", ("exists x. mammal(x) and lay_eggs(x)", "exists x. mammal(x) and lay(x, eggs)")),
    ("The platypus is a mammal that lays eggs.", ("mammal(platypus) and lay_eggs(platypus)",
                                                  "mammal(platypus) and lay(platypus, eggs)")),
    ("If it snows, the school is closed.", ("snow -> closed(school)", "snow -> close(school)")),
    ("It is snowing.", ("snow",)),
    ("The school is open.", ("open(school)",)),
    ("Oliver is a student and Emma is a teacher.", ("student(oliver) and teacher(emma)",)),
    ("Every student respects every teacher.", ("forall x, y. student(x) and teacher(y) -> respect(x, y)",)),
    ("Oliver does not respect Emma.", ("not respect(oliver, emma)",)),
    ("The printer is broken and the scanner is working.", ("broken(printer) and working(scanner)",
                                                           "broken(printer) and work(scanner)")),
    ("A broken printer cannot print.", ("forall x. broken(x) and printer(x) -> not print(x)",)),
    ("Rosa is never rude.", ("not rude(rosa)",)),
    ("Polite people are never rude.", ("forall x. polite(x) -> not rude(x)",)),
    ("Rosa is not polite.", ("not polite(rosa)",)),
    ("This phone costs 900 dollars.", ("price(phone) = 900",)),
    ("The laptop is cheaper than the phone.", ("price(laptop) < price(phone)",)),
    ("Victor is 40 years old and Nina is 35 years old.", ("age(victor) = 40 and age(nina) = 35",)),
    ("Nina is older than Victor.", ("age(nina) > age(victor)",)),
    ("Every citizen over 18 can vote.", ("forall x. citizen(x) and age(x) > 18 -> vote(x)",)),
    ("Ivan is a citizen who cannot vote.", ("citizen(ivan) and not vote(ivan)",)),
]

# Small consistency problems, each with the verdict a person gives: the parser's names must
# agree across a problem's sentences too ("is locked" here, "is not locked" there). Written
# on 2026-12-07 at 12:20, knowing that afternoon's rewordings and before running them; the
# name unification of past participles and the weather rewording of 12:35 were written
# from their misses, so no unbiased sample either.
PROBLEMS = [
    ("Shakespeare is not a writer. Hamlet was written by Shakespeare. Whoever wrote something is a writer.", "INCONSISTENT"),
    ("All cats are animals. Tom is a cat. Tom is not an animal.", "INCONSISTENT"),
    ("All cats are animals. Tom is a cat. Tom is an animal.", "CONSISTENT"),
    ("Every employee must attend the meeting. Sam is an employee. Sam did not attend the meeting.", "INCONSISTENT"),
    ("Bob never lies. Bob lies.", "INCONSISTENT"),
    ("Tom is taller than Jerry. Jerry is taller than Tom.", "INCONSISTENT"),
    ("Tom is taller than Jerry. Jerry is taller than Sam. Sam is taller than Tom.", "INCONSISTENT"),
    ("Anna is 30 years old. Anna is older than Ben. Ben is 35 years old.", "INCONSISTENT"),
    ("Anna is 30 years old. Anna is older than Ben. Ben is 25 years old.", "CONSISTENT"),
    ("No reptile has fur. Snakes are reptiles. Sid is a snake with fur.", "INCONSISTENT"),
    ("Emma is Liam's mother. Liam is Emma's son.", "CONSISTENT"),
    ("If it rains, the ground is wet. It is raining. The ground is not wet.", "INCONSISTENT"),
    ("Polite people are never rude. Rosa is polite. Rosa is rude.", "INCONSISTENT"),
    ("Either the door is locked or the window is open. The door is not locked. The window is not open.", "INCONSISTENT"),
    ("Every student respects every teacher. Oliver is a student. Emma is a teacher. Oliver does not respect Emma.", "INCONSISTENT"),
    ("Linda is a nurse. Every nurse is kind. Linda is not kind.", "INCONSISTENT"),
    ("The bridge is 300 meters long. The tunnel is longer than the bridge. The tunnel is 200 meters long.", "INCONSISTENT"),
    ("Ann weighs 154 pounds. Ann weighs more than 60 kilograms.", "CONSISTENT"),
    ("Ann weighs 154 pounds. Ann weighs less than 60 kilograms.", "INCONSISTENT"),
    ("Hannah is a vegetarian. Vegetarians do not eat meat. Hannah eats meat.", "INCONSISTENT"),
    ("Some birds cannot fly. Every bird can fly.", "INCONSISTENT"),
    ("The printer is broken. A broken printer cannot print. The printer prints.", "INCONSISTENT"),
    ("Greg was late. Anyone who is late must pay a fine. Greg never pays fines.", "INCONSISTENT"),
    ("Mike is married. Whoever is married has a spouse. Mike does not have a spouse.", "INCONSISTENT"),
]

# 30 more, written on 2026-12-07 at 12:35 after that afternoon's changes and before running
# them on any code: the session-start code gave 17 right, 11 undecided, 2 wrong; the code
# of then 19, 11, 0. The title and proposition changes that followed were written from
# their misses ("Dr. Lee", "The lamp is on."). "The train is late. The train is on time."
# is consistent for a solver that knows no antonyms.
PROBLEMS_2 = [
    ("All doctors are graduates. Dr. Lee is a doctor. Dr. Lee is not a graduate.", "INCONSISTENT"),
    ("Every visitor must sign in. Paula is a visitor. Paula signed in.", "CONSISTENT"),
    ("Nobody under 18 can buy alcohol. Sam is 16 years old. Sam can buy alcohol.", "INCONSISTENT"),
    ("Karen is a manager. Managers can approve expenses. Karen cannot approve expenses.", "INCONSISTENT"),
    ("The museum is open on Mondays. The museum is closed.", "CONSISTENT"),
    ("Fish live in water. Nemo is a fish. Nemo lives in water.", "CONSISTENT"),
    ("Every planet orbits a star. Mars is a planet. Mars does not orbit a star.", "INCONSISTENT"),
    ("Rick is faster than Morty. Morty is faster than Rick.", "INCONSISTENT"),
    ("Dave owns a red car. Dave does not own a car.", "INCONSISTENT"),
    ("If a student fails the exam, the student must retake the course. Amy failed the exam. Amy is a student.", "CONSISTENT"),
    ("Gold is a metal. All metals conduct electricity. Gold does not conduct electricity.", "INCONSISTENT"),
    ("Sarah is a teacher. Sarah is not a teacher.", "INCONSISTENT"),
    ("The cake contains nuts. Peter is allergic to nuts. Peter ate the cake.", "CONSISTENT"),
    ("Every cat chases mice. Felix is a cat. Felix does not chase mice.", "INCONSISTENT"),
    ("John is 25 years old. John is younger than 20 years old.", "INCONSISTENT"),
    ("The store is open or the store is closed. The store is not open. The store is not closed.", "INCONSISTENT"),
    ("Lisa speaks French. Everyone who speaks French can order in Paris. Lisa cannot order in Paris.", "INCONSISTENT"),
    ("Tim is a baker. Tim is a father.", "CONSISTENT"),
    ("No vegan eats cheese. Maya is a vegan. Maya eats cheese.", "INCONSISTENT"),
    ("Penguins cannot fly. Pingu is a penguin. Pingu can fly.", "INCONSISTENT"),
    ("The box weighs 5 kilograms. The box weighs more than 10 kilograms.", "INCONSISTENT"),
    ("If Bob is hungry, he eats. Bob is hungry. Bob does not eat.", "INCONSISTENT"),
    ("Either Alice or Bob won the race. Alice did not win the race. Bob did not win the race.", "INCONSISTENT"),
    ("Each employee has a badge. Omar is an employee.", "CONSISTENT"),
    ("The train is late. The train is on time.", "CONSISTENT"),
    ("All roses are flowers. Some flowers are red.", "CONSISTENT"),
    ("Anna is taller than Beth. Beth is taller than Carla. Carla is taller than Anna.", "INCONSISTENT"),
    ("Ben never drinks coffee. Ben drinks coffee every morning.", "INCONSISTENT"),
    ("Whoever breaks a rule is punished. Jack broke a rule. Jack was not punished.", "INCONSISTENT"),
    ("The lamp is on. The lamp is not on.", "INCONSISTENT"),
]

# Written on the evening of 2026-12-07, before they were first read (figures of that
# first reading in docs/parser.md).
PROBLEMS_3 = [
    ("All pilots are trained. Maria is a pilot. Maria is not trained.", "INCONSISTENT"),
    ("No vegetarian eats meat. Priya is a vegetarian. Priya eats meat.", "INCONSISTENT"),
    ("Every bird has feathers. Tweety is a bird. Tweety has no feathers.", "INCONSISTENT"),
    ("Jack is older than Jill. Jill is older than Jack.", "INCONSISTENT"),
    ("All squares are rectangles. Shape A is a square. Shape A is not a rectangle.", "INCONSISTENT"),
    ("Ann is a teacher. Ann is not a teacher.", "INCONSISTENT"),
    ("Lions are mammals. Mammals are animals. Leo is a lion. Leo is not an animal.", "INCONSISTENT"),
    ("Lions are mammals. Leo is a lion. Leo is an animal.", "CONSISTENT"),
    ("Either Kim or Lee is guilty. Kim is not guilty. Lee is not guilty.", "INCONSISTENT"),
    ("If Bob is sick, he stays home. Bob is sick. Bob does not stay home.", "INCONSISTENT"),
    ("Whoever passes the exam gets a certificate. Nina passes the exam. Nina does not get a certificate.",
     "INCONSISTENT"),
    ("Sara is 25 years old. Sara is younger than Tim. Tim is 20 years old.", "INCONSISTENT"),
    ("The box weighs 10 kg. The box weighs more than 20 kg.", "INCONSISTENT"),
    ("Every employee who works overtime receives a bonus. Omar is an employee. Omar works overtime. "
     "Omar does not receive a bonus.", "INCONSISTENT"),
    ("Some students are athletes. Every athlete trains daily. No student trains daily.", "INCONSISTENT"),
    ("Dogs bark. Rex is a dog. Rex barks.", "CONSISTENT"),
    ("Nobody smokes. Carl smokes.", "INCONSISTENT"),
    ("Emma is a vegan. Vegans do not eat cheese. Emma eats cheese.", "INCONSISTENT"),
    ("Alice is taller than Bob. Bob is taller than Carol. Carol is taller than Alice.", "INCONSISTENT"),
    ("Every cat chases some mouse. Felix is a cat.", "CONSISTENT"),
    ("If it is snowing, the road is icy. It is snowing. The road is not icy.", "INCONSISTENT"),
    ("Max is a dog or a cat. Max is not a dog. Max is not a cat.", "INCONSISTENT"),
    ("Neither Ann nor Ben came to the party. Ann came to the party.", "INCONSISTENT"),
    ("Only managers can approve budgets. Zoe can approve budgets. Zoe is not a manager.", "INCONSISTENT"),
    ("Every planet orbits a star. Mars is a planet. Mars does not orbit a star.", "INCONSISTENT"),
    ("Hamlet was written by Shakespeare. Shakespeare wrote Hamlet.", "CONSISTENT"),
    ("The kettle is hot. The kettle is not cold.", "CONSISTENT"),
    ("Every child in the class likes music. Ivy is a child.", "CONSISTENT"),
    ("Paul is a doctor and a runner. Paul is not a runner.", "INCONSISTENT"),
    ("All metals conduct electricity. Copper is a metal. Copper does not conduct electricity.", "INCONSISTENT"),
]

WITH_RULES = {
    "leave.rules": [
        ("Maria joined 4 months ago.", ("months_of_service(maria) = 4",)),
        ("Maria joined 3 years ago.", ("months_of_service(maria) = 3 * 12",)),
        ("Tom is a part-time employee.", ("part_time(tom)",)),
        ("Bob gave two weeks' notice.", ("notice_days(bob) = 2 * 7",)),
        ("Bob gave 36 hours' notice.", ()),
        ("Bob works in the finance team.", ("finance_team(bob)",)),
        ("Bob does not get the time off.", ("not leave_approved(bob)",)),
        ("Carol is entitled to 25 days of leave a year.", ("entitlement_days(carol) = 25",)),
        ("Eve is no longer on probation.", ("not on_probation(eve)",)),
        ("Ann has a doctor's note.", ("medical_certificate(ann)",)),
        ("Tom asks for two weeks off.", ("requested_days(tom) = 2 * 7",)),
        ("Frank works full time and has taken 20 days off this year.",
         ("full_time(frank) and days_taken(frank) = 20",)),
    ],
    "dosage.rules": [
        ("Ann weighs 154 pounds.", ("weight_kg(ann) = 154 * 0.45359237",)),
        ("Ann weighs 70 kg.", ("weight_kg(ann) = 70",)),
        ("Ann is 5 months pregnant.", ()),
        ("Carl is 10 months old.", ()),
        ("Dina takes ibuprofen and aspirin.", ("prescribed(dina, ibuprofen) and prescribed(dina, aspirin)",)),
        ("Bob is on warfarin.", ("prescribed(bob, warfarin)",)),
        ("Ann's kidneys are failing.", ("severe_renal_impairment(ann)",)),
        ("Ben is a child and is on ibuprofen.", ("child(ben) and prescribed(ben, ibuprofen)",)),
        ("Warfarin is a blood thinner.", ("anticoagulant(warfarin)",)),
        ("Ann takes 3000 mg of paracetamol a day.", ("daily_dose_mg(ann, paracetamol) = 3000",)),
        ("Ann may take ibuprofen.", ("not contraindicated(ann, ibuprofen)",)),
        ("Ann is 30 years old and weighs 60 kg.", ("age(ann) = 30 and weight_kg(ann) = 60",)),
    ],
    "lending.rules": [
        ("Bob has a credit score of 720.", ("credit_score(bob) = 720",)),
        ("Bob earns 60000 dollars a year.", ("monthly_income(bob) = 60000 / 12",)),
        ("Bob earns 1200 dollars a week.", ()),
        ("Bob is unemployed.", ("not employed(bob)",)),
        ("Bob filed for bankruptcy last year.", ("recent_bankruptcy(bob)",)),
        ("Bob has been employed for 2 years.", ("months_employed(bob) = 2 * 12",)),
        ("Bob runs his own business.", ("self_employed(bob)",)),
        ("Bob wants to borrow 20000.", ("loan_amount(bob) = 20000",)),
        ("Alice cosigns Bob's loan.", ("cosigner_of(alice, bob)",)),
        ("Bob earns 5000 a month and has a credit score of 700.",
         ("monthly_income(bob) = 5000 and credit_score(bob) = 700",)),
    ],
    "access.rules": [
        ("Dana is a contractor.", ("contractor(dana)",)),
        ("Dana is an employee.", ("not contractor(dana)",)),
        ("Dana is not locked out.", ("not suspended(dana)",)),
        ("Dana cannot write the payroll database.", ("not can_write(dana, payroll_database)",)),
        ("Dana last took security training 400 days ago.", ("days_since_training(dana) = 400",)),
    ],
}


# Written with FRESH, before that session's rule-file check (symbols_unsaid), which answers
# four of their misreadings: statements a rule file has no symbol for.
FRESH_WITH_RULES = {
    "access.rules": [
        ("Priya is an external contractor.", ("contractor(priya)",)),
        ("Priya's account is locked out.", ("suspended(priya)",)),
        ("Omar holds the auditor role.", ("has_role(omar, auditor)",)),
        ("Omar is not on call this week.", ("not on_call(omar)",)),
        ("The billing database runs in production.", ("production(billing_database)",)),
        ("Lena owns the billing database.", ("owns(lena, billing_database)",)),
        ("There is an open incident on the billing database.", ("incident_open(billing_database)",)),
        ("Lena can change the billing database.", ("can_write(lena, billing_database)",)),
        ("Request 42 was raised by Tom.", ("submitted(tom, request_42)",)),
        ("Request 42 was approved by Tom.", ("approved_by(tom, request_42)",)),
        ("Mia does not use multi-factor authentication.", ("not mfa_enrolled(mia)",)),
        ("Mia drinks coffee every morning.", ()),
    ],
    "leave.rules": [
        ("Karl works four days a week.", ("days_per_week(karl) = 4",)),
        ("Karl has been here for 18 months.", ("months_of_service(karl) = 18",)),
        ("Karl has already taken 12 days off this year.", ("days_taken(karl) = 12",)),
        ("Karl wants 5 days off next month.", ("requested_days(karl) = 5",)),
        ("Karl's manager signed off his request.", ("manager_approved(karl)",)),
        ("Nina is still in her probation period.", ("on_probation(nina)",)),
        ("Nina is paid while she is off sick.", ("sick_pay(nina)",)),
        ("Nina's leave overlaps the year-end close.", ("overlaps_year_end(nina)",)),
        ("Nina owns a red bicycle.", ()),
    ],
    "dosage.rules": [
        ("Omar is expecting a baby.", ("pregnant(omar)",)),
        ("Omar is prescribed isotretinoin.", ("prescribed(omar, isotretinoin)",)),
        ("Lily is 8 years old.", ("age(lily) = 8",)),
        ("Lily takes aspirin.", ("prescribed(lily, aspirin)",)),
        ("Lily weighs 25 kg.", ("weight_kg(lily) = 25",)),
        ("Paul has hepatic impairment.", ("liver_disease(paul)",)),
        ("Paul is not allergic to penicillin.", ("not allergic(paul, penicillin)",)),
        ("Paul takes 500 mg of ibuprofen three times a day.", ("daily_dose_mg(paul, ibuprofen) = 500 * 3",
                                                               "single_dose_mg(paul, ibuprofen) = 500")),
        ("Paul has no job.", ()),
        ("Sildenafil is not a nitrate.", ("not nitrate(sildenafil)",)),
    ],
    "lending.rules": [
        ("Rosa earns 4200 a month.", ("monthly_income(rosa) = 4200",)),
        ("Rosa pays 1500 a month towards her debts.", ("monthly_debt(rosa) = 1500",)),
        ("Rosa's credit score is 640.", ("credit_score(rosa) = 640",)),
        ("Rosa has been employed for two years.", ("months_employed(rosa) = 2 * 12",)),
        ("Rosa runs her own bakery.", ("self_employed(rosa)",)),
        ("Rosa was bankrupt four years ago.", ("recent_bankruptcy(rosa)",)),
        ("Ivan guarantees Rosa's loan.", ("cosigner_of(ivan, rosa)",)),
        ("Rosa wants to borrow 20000.", ("loan_amount(rosa) = 20000",)),
        ("Rosa has a dog named Max.", ()),
    ],
}

def judged(items, readings) -> dict:
    """Right, unsure and sure-and-wrong counts of ``items`` ((sentence, accepted) pairs)
    given each one's readings, with the sure and wrong ones listed."""
    from neurosym.logic.parser import parse_formula
    from neurosym.logic.printer import to_text
    from neurosym.routing import DEFAULT_THRESHOLD

    figures = {"sentences": 0, "right": 0, "unsure": 0, "sure_and_wrong": 0, "wrong": []}
    for (sentence, accepted), found in zip(items, readings):
        figures["sentences"] += 1
        top = found[0] if found else None
        # Compared as the printer writes the text parsed back: a reading's own text may
        # bracket what the printer does not ("not (a > b)" is "not a > b").
        if top is None or top.probability < DEFAULT_THRESHOLD:
            figures["unsure"] += 1
        elif to_text(parse_formula(top.text)) in {to_text(parse_formula(text)) for text in accepted}:
            figures["right"] += 1
        else:
            figures["sure_and_wrong"] += 1
            figures["wrong"].append({"sentence": sentence, "read": top.text,
                                     "confidence": round(top.probability, 3)})
    return figures


def judged_problems(problems, pipeline) -> dict:
    """Right, undecided and wrong verdicts of ``problems`` ((text, expected consistency)
    pairs) as ``neurosym check`` gives them: undecided where a sentence is read below the
    threshold (its claims are then routed one by one), wrong where the solver's verdict
    is not the expected one."""
    figures = {"problems": 0, "right": 0, "undecided": 0, "wrong": 0, "wrong_texts": []}
    for text, expected in problems:
        figures["problems"] += 1
        result = pipeline.check_text(text).result
        if result is None:
            figures["undecided"] += 1
        elif str(result.consistency) == expected:
            figures["right"] += 1
        else:
            figures["wrong"] += 1
            figures["wrong_texts"].append({"text": text, "verdict": str(result.consistency)})
    return figures


def measure(parser) -> dict:
    """The figures of the open-mode lists and of the rule files' lists."""
    from neurosym.rules.loader import load_theory

    figures = {"open": judged(OPEN, parser.parse([sentence for sentence, _ in OPEN], n_best=4)),
               "fresh": judged(FRESH, parser.parse([sentence for sentence, _ in FRESH], n_best=4)),
               "fresh_2": judged(FRESH_2, parser.parse([sentence for sentence, _ in FRESH_2], n_best=4))}
    for name, lists in (("rule_files", WITH_RULES), ("fresh_rule_files", FRESH_WITH_RULES)):
        items, readings = [], []
        for rule_file, group in lists.items():
            theory = load_theory([ROOT / "rules" / rule_file])
            items += group
            readings += parser.parse([sentence for sentence, _ in group], theory=theory, n_best=4)
        figures[name] = judged(items, readings)
    from neurosym.pipeline import Pipeline

    pipeline = Pipeline(parser=parser)
    figures["problems"] = judged_problems(PROBLEMS, pipeline)
    figures["problems_2"] = judged_problems(PROBLEMS_2, pipeline)
    figures["problems_3"] = judged_problems(PROBLEMS_3, pipeline)
    return figures


def main(argv=None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--parser", metavar="DIR", help="trained parser (default: the shipped one)")
    options.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = options.parse_args(argv)

    from neurosym.parser.semantic_parser import SemanticParser

    figures = measure(SemanticParser.load(args.parser, device="cpu"))
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    problem_lists = {name: figures.pop(name) for name in [name for name in figures if name.startswith("problems")]}
    for name, group in figures.items():
        for wrong in group["wrong"]:
            print(f"  sure and wrong: {wrong['sentence']}  ->  {wrong['read']} ({wrong['confidence']})")
        print(f"{name}: {group['sentences']} sentences, {group['right']} right, {group['unsure']} unsure, "
              f"{group['sure_and_wrong']} sure and wrong")
    for name, problems in problem_lists.items():
        for wrong in problems["wrong_texts"]:
            print(f"  wrong verdict: {wrong['text']}  ->  {wrong['verdict']}")
        print(f"{name}: {problems['problems']} texts, {problems['right']} right, {problems['undecided']} undecided, "
              f"{problems['wrong']} wrong verdicts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
