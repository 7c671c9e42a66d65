"""Text into sentences, the unit the semantic parser reads.

One function, ``split_sentences``. A sentence ends at ``.``, ``!``, ``?`` or ``...``
(with any closing quotes or brackets after it) followed by white space, or at a blank
line. A full stop does not end a sentence when it belongs to the word before it:

- titles (``Mr. Smith``, ``Dr. Who``, ``St. Louis``) and ``No. 1``;
- abbreviations that never end a sentence (``e.g.``, ``i.e.``, ``vs.``, ``approx.``);
- initials (``J. K. Rowling``, ``Barcelona F.C. is``), and abbreviations that may end one
  (``etc.``, ``Inc.``, ``U.S.``) unless a capitalized word follows;
- numbers (``2.5``) have no space after the point, so they never split.

A quotation that ends with its own punctuation ends the sentence only when a capitalized
word follows: ``"Stop!" he said.`` is one sentence.

``titles_unstopped`` drops a title's full stop before a name (``Dr. Lee`` -> ``Dr Lee``),
so that the parser reads the title and the name as one name, ``dr_lee``.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences", "titles_unstopped"]

# Never the last word of a sentence: a name or a number follows.
_TITLES = frozenset("""
    mr mrs ms messrs dr prof st sr jr mt ft gen col lt sgt capt cpt rev hon gov pres sen rep fr
""".split())
_NEVER_FINAL = frozenset("e.g i.e vs cf approx ca viz fig al dept est".split())
# May end a sentence; taken as its end only when a capitalized word follows.
_MAYBE_FINAL = frozenset("etc inc ltd co corp bros jr".split())

_BOUNDARY = re.compile(r"""
    (?P<end> \.{3} | [.!?]+ )        # terminator
    (?P<close> ["'”’)\]]* )          # closing quotes or brackets
    (?P<space> \s+ )                 # white space before the next sentence
""", re.VERBOSE)
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_WORD_BEFORE = re.compile(r"""[^\s"'“‘(\[]*\Z""")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]\Z")


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, stripped, in order, each with its final punctuation.

    >>> split_sentences('Mr. Smith paid 2.5 dollars. "Stop!" he said. Is Bob big?')
    ['Mr. Smith paid 2.5 dollars.', '"Stop!" he said.', 'Is Bob big?']
    """
    sentences: list[str] = []
    for block in _BLANK_LINE.split(text):
        start = 0
        for match in _BOUNDARY.finditer(block):
            if _ends_sentence(block, match):
                sentences.append(block[start:match.end("close")])
                start = match.end()
        sentences.append(block[start:])
    return [" ".join(s.split()) for s in sentences if s.strip()]


def _ends_sentence(block: str, match: re.Match) -> bool:
    """Whether the terminator at ``match`` ends the sentence (see the module docstring)."""
    following = block[match.end():match.end() + 1]
    capital_follows = following.isupper() or following in "\"'“‘(["
    if match.group("close") and following.islower():
        return False  # a quotation inside the sentence: '"Stop!" he said'
    if match.group("end") != ".":
        return True
    word = _WORD_BEFORE.search(block, 0, match.start()).group()
    key = word.lower()
    if key in _TITLES:
        return False
    if key in ("no", "nos") and following.isdigit():
        return False
    if key in _NEVER_FINAL:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "J. K. Rowling"
    if key in _MAYBE_FINAL or _ACRONYM.match(word):
        return capital_follows
    return True


_TITLE_STOP = re.compile(r"\b(?P<title>[A-Za-z]+)\.(?=\s+[A-Z])")


def titles_unstopped(sentence: str) -> str:
    """``sentence`` with the full stop after each title before a capitalized word left out:
    the parser, which never saw a title's stop, read "Dr. Lee is a doctor." as
    ``doctor(dr)`` (doubted: it leaves out Lee) but "Dr Lee is a doctor." as
    ``doctor(dr_lee)`` at 0.999.

    >>> titles_unstopped("Dr. Lee met Mr. T. Smith in St. Louis.")
    'Dr Lee met Mr T. Smith in St Louis.'
    """
    return _TITLE_STOP.sub(lambda match: match.group("title") if match.group("title").lower() in _TITLES
                           else match.group(0), sentence)
