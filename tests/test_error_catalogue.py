"""The catalogue of rule-file mistakes and the errors they give (the spec of the messages).

Each case writes ``main.rules`` (and any other files it names) into a fresh directory,
loads ``main.rules``, and expects one error: its class, file:line:col, a fragment of the
message, and the "did you mean" suggestion (or none). ``decls.rules`` is available to
every case that includes it. docs/rules.md shows the same messages to users.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from neurosym.errors import NeurosymError, RuleFileError, TypeCheckError
from neurosym.rules.loader import load_theory

DECLS = '''\
sort Applicant "applicant"
sort Drug "drug"
const alice: Applicant "Alice"
const aspirin: Drug
pred adult(Applicant) "{0} is an adult"
pred eligible(Applicant) "{0} is eligible for a loan"
pred takes(Applicant, Drug) "{0} takes {1}"
func age(Applicant) -> Int "the age of {0}"
'''
INCLUDE = 'include "decls.rules"\n'


@dataclass(frozen=True)
class Case:
    id: str
    main: str
    error: type
    where: str  # file:line:col, the file by name
    fragment: str
    suggestion: str | None = None
    files: dict[str, str] = field(default_factory=dict)


CATALOGUE = [
    # ---------------------------------------------------------------- syntax
    Case("keyword typo", "sort A\nprd p(A)\n", RuleFileError, "main.rules:2:1",
         "unexpected 'prd'; expected a quoted string, a new statement", "pred"),
    Case("keyword typo after a formula", "sort A\npred p\nfact p\nrul r: p\n", RuleFileError,
         "main.rules:4:1", "expected '(', ':', an operator or a new statement", "rule"),
    Case("rule without colon", "pred p\nrule r p\n", RuleFileError, "main.rules:2:8",
         "unexpected 'p'; expected ':'"),
    Case("formula ends too early", "pred p\nrule r: p ->\n", RuleFileError, "main.rules:2:13",
         "the input ends too early; expected '('"),
    Case("unclosed parenthesis", "pred p(Int)\nrule r: p(1\n", RuleFileError, "main.rules:2:12",
         "the input ends too early"),
    Case("missing operator", INCLUDE + "fact adult(alice) eligible(alice)\n", RuleFileError,
         "main.rules:2:19", "unexpected 'eligible'; expected an operator or a new statement"),
    Case("not a verdict", INCLUDE + "example e: expect adult(alice) => TRUE\n", RuleFileError,
         "main.rules:2:35", "expected a verdict (ENTAILED, CONTRADICTED"),
    Case("expect without arrow", INCLUDE + "example e: expect adult(alice) ENTAILED\n",
         RuleFileError, "main.rules:2:32", "expected an operator or '=>'"),
    Case("a term where a formula belongs", INCLUDE + "rule r: age(alice) + 1\n", RuleFileError,
         "main.rules:2:9", "expected a formula, found the term 'age(alice) + 1'"),
    Case("variable bound twice", INCLUDE + "rule r: forall a, a. adult(a)\n", RuleFileError,
         "main.rules:2:16", "the variable 'a' is bound twice"),
    Case("stray character", "sort A\n$\n", RuleFileError, "main.rules:2:1",
         "unexpected character '$'"),
    Case("unknown string escape", 'sort A "a \\q"\n', RuleFileError, "main.rules:1:11",
         "unknown escape '\\q'"),
    Case("closed-world with a hyphen", "pred p\nexample e under closed-world: expect p => ENTAILED\n",
         RuleFileError, "main.rules:2:23", "unexpected '-'", "closed_world"),
    Case("example without expectation", INCLUDE + "example e: given adult(alice)\n",
         RuleFileError, "main.rules:2:1", "the example 'e' expects nothing"),
    Case("two set expectations", "pred p\nexample e: given p\n expect CONSISTENT\n expect INCONSISTENT\n",
         RuleFileError, "main.rules:4:2", "already expects CONSISTENT (line 3)"),
    Case("unknown semantics", "pred p\nexample e under classic: expect p => ENTAILED\n",
         RuleFileError, "main.rules:2:17", "unknown semantics 'classic'", "classical"),
    # ---------------------------------------------------------------- glosses
    Case("gloss slot beyond the arity", 'sort A\npred p(A) "{1} is p"\n', RuleFileError,
         "main.rules:2:11", "unknown slot {1}; this predicate takes 1 argument, so the slots are {0}"),
    Case("gloss missing an argument", 'sort A\npred likes(A, A) "{0} likes things"\n',
         RuleFileError, "main.rules:2:18", "does not mention argument {1}"),
    Case("value slot in a predicate gloss", 'sort A\npred p(A) "{0} is {value}"\n', RuleFileError,
         "main.rules:2:11", "{value} is only for function glosses"),
    Case("named slot", 'sort A\nfunc f(A) -> Int "{0} has {amount}"\n', RuleFileError,
         "main.rules:2:18", "unknown slot {amount}"),
    Case("slot in a constant gloss", 'sort A\nconst a: A "the {0}"\n', RuleFileError,
         "main.rules:2:12", "a constant gloss has no slots"),
    Case("stray brace", 'sort A\npred p(A) "{0} is {big"\n', RuleFileError,
         "main.rules:2:11", "stray '{' in the gloss"),
    Case("second gloss bad", 'sort A\npred p(A) "{0} is ok" | "{0} and {2}"\n', RuleFileError,
         "main.rules:2:25", "unknown slot {2}"),
    # ---------------------------------------------------------------- declarations
    Case("unknown sort in a predicate", "sort Applicant\npred adult(Aplicant)\n", TypeCheckError,
         "main.rules:2:12", "unknown sort 'Aplicant' in argument 1 of 'adult'", "Applicant"),
    Case("unknown sort of a constant", "sort Drug\nconst bob: Person\n", TypeCheckError,
         "main.rules:2:12", "unknown sort 'Person' in the constant 'bob'"),
    Case("unknown result sort", "sort A\nfunc f(A) -> Integer\n", TypeCheckError,
         "main.rules:2:14", "unknown sort 'Integer' in the value of 'f'", "Int"),
    Case("built-in sort declared", "sort Int\n", TypeCheckError, "main.rules:1:1",
         "'Int' is a built-in sort"),
    Case("duplicate sort across includes", INCLUDE + "sort Drug\n", TypeCheckError,
         "main.rules:2:1", "duplicate name 'Drug': first declared at {dir}/decls.rules:2"),
    Case("duplicate symbol of another kind", INCLUDE + "func adult(Applicant) -> Int\n",
         TypeCheckError, "main.rules:2:1",
         "duplicate name 'adult': first declared as a predicate at {dir}/decls.rules:5"),
    Case("duplicate rule name", INCLUDE + "rule r: adult(alice)\nrule r: eligible(alice)\n",
         TypeCheckError, "main.rules:3:1", "duplicate name 'r': first declared at {dir}/main.rules:2"),
    Case("duplicate fact and rule", INCLUDE + "fact r: adult(alice)\nrule r: eligible(alice)\n",
         TypeCheckError, "main.rules:3:1", "first declared as a fact at"),
    Case("duplicate example across files", INCLUDE + 'include "more.rules"\n'
         "example e: expect adult(alice) => POSSIBLE\n", TypeCheckError, "main.rules:3:1",
         "duplicate name 'e': first declared at {dir}/more.rules:2",
         files={"more.rules": INCLUDE + "example e: expect eligible(alice) => POSSIBLE\n"}),
    # ---------------------------------------------------------------- includes
    Case("missing include", 'sort A\ninclude "nowhere.rules"\n', RuleFileError, "main.rules:2:1",
         "cannot include '{dir}/nowhere.rules': no such file"),
    Case("include cycle", 'include "b.rules"\n', RuleFileError, "b.rules:2:1",
         "include cycle: {dir}/main.rules -> {dir}/b.rules -> {dir}/main.rules",
         files={"b.rules": 'sort B\ninclude "main.rules"\n'}),
    Case("include of itself", 'sort A\ninclude "main.rules"\n', RuleFileError, "main.rules:2:1",
         "include cycle: {dir}/main.rules -> {dir}/main.rules"),
    Case("empty include", 'include ""\n', RuleFileError, "main.rules:1:9", "include needs a file name"),
    Case("syntax error in an included file", 'include "b.rules"\n', RuleFileError, "b.rules:1:5",
         "unexpected '('; expected a name", files={"b.rules": "pred(p)\n"}),
    # ---------------------------------------------------------------- types in rules and facts
    Case("undeclared predicate", INCLUDE + "rule r: forall a: Applicant. eligble(a)\n",
         TypeCheckError, "main.rules:2:30", "undeclared predicate 'eligble'", "eligible"),
    Case("undeclared constant", INCLUDE + "fact adult(alcie)\n", TypeCheckError,
         "main.rules:2:12", "undeclared constant 'alcie'", "alice"),
    Case("undeclared function", INCLUDE + "fact aeg(alice) = 3\n", TypeCheckError,
         "main.rules:2:6", "undeclared function 'aeg'", "age"),
    Case("wrong arity", INCLUDE + "fact takes(alice)\n", TypeCheckError, "main.rules:2:6",
         "predicate 'takes' takes 2 arguments, but is given 1"),
    Case("argument of the wrong sort", INCLUDE + "fact takes(aspirin, alice)\n", TypeCheckError,
         "main.rules:2:12", "argument 1 of 'takes' must be an Applicant, but 'aspirin' is a Drug"),
    Case("comparing different sorts", INCLUDE + "fact age(alice) = aspirin\n", TypeCheckError,
         "main.rules:2:6", "cannot compare an Int with a Drug"),
    Case("ordering individuals", INCLUDE + "rule r: forall a. age(a) < 3 and a > alice\n",
         TypeCheckError, "main.rules:2:34", "'>' needs numbers, but the variable 'a' is an Applicant"),
    Case("a variable with two sorts", INCLUDE + "rule r: forall x. adult(x) -> takes(alice, x)\n",
         TypeCheckError, "main.rules:2:44", "argument 2 of 'takes' must be a Drug, but the variable "
         "'x' is an Applicant (from argument 1 of 'adult' at {dir}/main.rules:2:25)"),
    Case("a variable of no telling sort", INCLUDE + "rule r: exists x. x = x\n", TypeCheckError,
         "main.rules:2:16", "cannot tell the sort of the variable 'x'; give x a sort"),
    Case("unknown sort at a binder", INCLUDE + "rule r: forall a: Aplicant. adult(a)\n",
         TypeCheckError, "main.rules:2:16", "unknown sort 'Aplicant' for the variable 'a'", "Applicant"),
    Case("function used as a statement", INCLUDE + "rule r: forall a. age(a)\n", TypeCheckError,
         "main.rules:2:19", "'age' is a function of 1 argument, not a statement"),
    Case("predicate used as a term", INCLUDE + "fact age(alice) = adult\n", TypeCheckError,
         "main.rules:2:19", "'adult' is a predicate, not a term"),
    # ---------------------------------------------------------------- types in examples
    Case("example with an undeclared predicate", INCLUDE + "example e:\n given adult(carol)\n"
         " expect eligble(carol) => ENTAILED\n", TypeCheckError, "main.rules:4:9",
         "undeclared predicate 'eligble'", "eligible"),
    Case("example individual used with two sorts", INCLUDE + "example e:\n given adult(x)\n"
         " expect takes(alice, x) => POSSIBLE\n", TypeCheckError, "main.rules:4:22",
         "argument 2 of 'takes'"),
]


def load_case(case: Case, directory: Path):
    (directory / "decls.rules").write_text(DECLS, encoding="utf-8")
    for name, text in case.files.items():
        (directory / name).write_text(text, encoding="utf-8")
    (directory / "main.rules").write_text(case.main, encoding="utf-8")
    return load_theory(str(directory / "main.rules"))


@pytest.mark.parametrize("case", CATALOGUE, ids=[c.id for c in CATALOGUE])
def test_the_catalogue(case: Case, tmp_path):
    with pytest.raises(NeurosymError) as caught:
        load_case(case, tmp_path)
    error = caught.value
    assert type(error) is case.error, error
    file, line, column = case.where.split(":")
    assert (Path(error.path).name, error.line, error.column) == (file, int(line), int(column)), error
    assert case.fragment.replace("{dir}", str(tmp_path)) in error.message
    assert error.suggestion == case.suggestion
    # The rendered message shows the line with a caret under the column.
    rendered = str(error).splitlines()
    source_line = Path(error.path).read_text(encoding="utf-8").splitlines()[error.line - 1]
    assert rendered[1] == "    " + source_line.expandtabs(1)
    assert rendered[2] == "    " + " " * (error.column - 1) + "^"
    if case.suggestion:
        assert f"did you mean '{case.suggestion}'?" in rendered


def test_the_catalogue_covers_every_kind_of_error():
    kinds = {case.error for case in CATALOGUE}
    assert kinds == {RuleFileError, TypeCheckError}
    assert len({case.id for case in CATALOGUE}) == len(CATALOGUE)


def test_without_the_mistake_each_base_file_loads(tmp_path):
    """The shared declarations themselves are fine, so every error above is the case's own."""
    (tmp_path / "decls.rules").write_text(DECLS, encoding="utf-8")
    theory = load_theory(tmp_path / "decls.rules")
    assert set(theory.predicates) == {"adult", "eligible", "takes"}
