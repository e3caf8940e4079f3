"""Structuring, the closing line's vote: how a text printed in the Security Council's compilations was adopted.

The Council's printed volumes (the cr-unsc-gold texts) end each resolution with one sentence, sometimes wrapped
over several lines, and at times a note on it:

* 'Adopted unanimously at the 1521st meeting.'  /  'Adopted without a vote at the 3003rd meeting.'
* 'Adopted at the 1810th meeting by consensus.'
* 'Adopted at the 2963rd meeting by 12 votes to 2 (Cuba and Yemen), with 1 abstention (China).'
* 'Adopted at the 2nd meeting.' with the note '22 Adopted without vote.'
* 'Adopted at the 1748th meeting by 14 votes to none 28' with '28 One member (China) did not participate in
  the voting.'

Read: the closing sentence (its lines joined, line-end hyphens repaired) and the text of the note it cites.
Write: a ``Votes`` (adoption type, meeting, counts, the states named against, abstaining or not participating)
and the words of the sentence no field holds (kept by the caller as unplaced text).

A count phrase 'by 14 votes to none' without an abstention clause means none abstained: the compilations print
'with N abstentions' whenever there were any, so abstaining is 0, not unknown. A unanimous adoption prints no
count, and none is invented. No Django: names are matched by the table of states (resolutions.un).
"""
from __future__ import annotations

import re

from .document import Vote, Votes
from .sponsors import split_sponsors

NUMBER_WORDS = {word: value for value, word in enumerate(
    "none one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split())}
NUMBER = r"(?:\d{1,3}|" + "|".join(NUMBER_WORDS) + r")"
# The compilations' OCR prints a leading 1 as 'I' at times ('the I851st meeting', S/RES/378 (1975)).
ORDINAL = r"(?:\d|I(?=\d))\d{0,4}(?:st|nd|rd|th)"
NAMES = r"(?:\s*\((?P<{}>[^()]*)\))?"

HEAD = re.compile(
    rf"Adopted\s+(?P<how>unanimously|without\s+(?:a\s+)?vote)?\s*(?:at\s+)?(?:the|its)\s+"
    rf"(?P<meeting>{ORDINAL}\s+(?:plenary\s+)?meeting)\b[.,]?\s*", re.IGNORECASE)
COUNTS = re.compile(
    rf"by\s+(?P<yes>{NUMBER})\s+votes?\s+to\s+(?P<no>{NUMBER}){NAMES.format('against')}"
    rf"(?:\s*[,.;]?\s*with\s+(?P<abstaining>{NUMBER})\s+abstentions?{NAMES.format('abstainers')})?\s*[.,]?\s*",
    re.IGNORECASE)
CONSENSUS = re.compile(r"by\s+consensus\s*[.,]?\s*", re.IGNORECASE)
MARKER_AT_END = re.compile(r"\s*(?:<sup>(\d{1,3})</sup>|(?<=[\s.)])(\d{1,3}))\s*$")
# A vote's note: 'Adopted without vote.'; '(China) did not participate in the voting'; '(Union of Soviet Socialist
# Republics) was absent' (S/RES/79 (1950): both in one note).
NOTE_WITHOUT_VOTE = re.compile(r"^\s*Adopted\s+without\s+(?:a\s+)?vote\b", re.IGNORECASE)
NOTE_NOT_VOTING = re.compile(r"\(([^()]+)\)\s+(?:did\s+not\s+participate\s+in\s+the\s+voting|w(?:as|ere)\s+absent)",
                             re.IGNORECASE)


def join_wrapped(lines: list[str]) -> str:
    """Lines of one sentence as one line: 'Re-' / 'publics' is 'Republics', other lines meet at a space."""
    text = ""
    for line in lines:
        line = line.strip()
        if text.endswith("-") and line[:1].islower():
            text = text[:-1] + line
        else:
            text = f"{text} {line}".strip()
    return re.sub(r"(\w)- (?=[a-z])", r"\1", text)


def sentence_ended(text: str) -> bool:
    """Whether a closing sentence read so far is complete: brackets closed, and it ends with a full stop or a
    bracket, a note marker possibly after it."""
    if text.count("(") > text.count(")"):
        return False
    text = MARKER_AT_END.sub("", text).rstrip()
    return text.endswith((".", ")"))


def _number(text: str) -> int:
    text = text.lower()
    return NUMBER_WORDS[text] if text in NUMBER_WORDS else int(text)


def _states(names: str | None, vote: str) -> list[Vote]:
    if not names:
        return []
    return [Vote(state=ref.state or ref.name, vote=vote) for ref in split_sponsors(names)]


def read_closing_vote(sentence: str) -> tuple[Votes | None, str, str | None]:
    """Read: one closing sentence.  Write: (its Votes or None when it is no 'Adopted ... meeting' sentence, the
    words no field holds, the marker of the note it cites or None)."""
    text = re.sub(r"\s+", " ", sentence.replace("*", "")).strip()
    marker = None
    found = MARKER_AT_END.search(text)
    # A bare number at the end is a note's marker unless it is the count itself ('by 12 votes to 2').
    if found and (found.group(1) or not re.search(r"\b(?:to|by|with)\s*$", text[:found.start()])):
        marker = found.group(1) or found.group(2)
        text = text[:found.start()].rstrip()
    head = HEAD.match(text)
    if not head:
        return None, text, marker
    how = (head.group("how") or "").lower()
    votes = Votes(meeting=re.sub(r"\s+", " ", re.sub(r"^I", "1", head.group("meeting"))))
    if how == "unanimously":
        votes.adoption_type = "unanimous"
    elif how:
        votes.adoption_type = "without a vote"
    rest = text[head.end():]
    counts = COUNTS.match(rest)
    consensus = CONSENSUS.match(rest)
    if counts:
        votes.adoption_type = votes.adoption_type or "recorded vote"
        votes.in_favour, votes.against = _number(counts.group("yes")), _number(counts.group("no"))
        votes.abstaining = _number(counts.group("abstaining")) if counts.group("abstaining") else 0
        votes.states = _states(counts.group("against"), "no") + _states(counts.group("abstainers"), "abstain")
        rest = rest[counts.end():]
    elif consensus:
        votes.adoption_type = "consensus"
        rest = rest[consensus.end():]
    rest = rest.strip(" ,")
    return votes, "" if rest in ("", ".") else rest, marker


def read_vote_note(note: str, votes: Votes) -> None:
    """Read: the text of the note the closing sentence cites.  Write: votes.adoption_type when the note says it was
    adopted without a vote, and the states it names as not participating or absent ('non-voting')."""
    if NOTE_WITHOUT_VOTE.match(note) and votes.adoption_type is None:
        votes.adoption_type = "without a vote"
    named = {vote.state for vote in votes.states}
    for match in NOTE_NOT_VOTING.finditer(note):
        for vote in _states(match.group(1), "non-voting"):
            if vote.state not in named:
                votes.states.append(vote)
                named.add(vote.state)
