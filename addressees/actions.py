"""What an operative paragraph does: its action, from its lead ('Requests', 'Strongly urges', 'Reiterates its call
upon', 'Takes note with appreciation'), in a small taxonomy built on the UN Terminology Bulletin No. 313's
operative phrases (../shared/corpus/real/un-terminology-bulletin/).  No Django.

``action_of(lead, text)`` -> one of ``ACTIONS`` or '' (no lead: a heading read as a paragraph).
"""
from __future__ import annotations

import re

# Each action and the verbs (the lead's first verb, stem as printed in the third person) that say it.
ACTION_VERBS: dict[str, tuple[str, ...]] = {
    "requests": ("requests", "asks"),
    "urges": ("urges",),
    "calls upon": ("calls upon", "calls on", "appeals", "calls once again upon", "calls again upon"),
    "calls for": ("calls for",),
    "encourages": ("encourages", "exhorts"),
    "invites": ("invites",),
    "decides": ("decides", "resolves", "agrees", "appropriates", "decreases", "increases", "reduces"),
    "demands": ("demands", "insists", "requires"),
    "authorizes": ("authorizes", "authorises", "empowers", "mandates"),
    "directs": ("directs", "instructs", "entrusts"),
    "recommends": ("recommends", "suggests", "proposes"),
    "welcomes": ("welcomes", "applauds"),
    "commends": ("commends", "congratulates", "thanks", "pays tribute", "pays homage", "appreciates", "compliments"),
    "expresses": ("expresses", "regrets", "extends its"),
    "condemns": ("condemns", "deplores", "denounces", "censures", "rejects", "deprecates"),
    "reaffirms": ("reaffirms", "reiterates", "recalls", "renews its"),
    "declares": ("declares", "affirms", "proclaims", "asserts", "confirms", "considers", "deems", "believes",
                 "determines"),
    "recognizes": ("recognizes", "recognises", "acknowledges", "realizes", "takes into account", "bears in mind",
                   "is aware", "is conscious", "is convinced"),
    "notes": ("notes", "takes note", "observes"),
    "stresses": ("stresses", "emphasizes", "emphasises", "underlines", "underscores", "highlights",
                 "re-emphasizes", "reminds", "warns"),
    "endorses": ("endorses", "approves", "adopts", "accepts", "supports"),
    "establishes": ("establishes", "extends", "renews", "designates", "appoints", "sets up", "creates",
                    "dissolves", "terminates"),
}
ACTIONS = tuple(ACTION_VERBS)
# 'Reiterates its request to', 'Renews its call upon', 'Recalls its demand for': the act repeated is the action.
REPEATED_ACT = re.compile(r"^(?:reiterates|renews|repeats|reaffirms|recalls)\s+(?:also\s+|further\s+|once again\s+)?"
                          r"its\s+(?:previous\s+|urgent\s+|strong\s+)?(?P<act>request|call|calls|demand|appeal|invitation|"
                          r"encouragement|recommendation)s?\b(?:\s+(?P<particle>upon|on|for|to|that))?")
REPEATED = {"request": "requests", "demand": "demands", "appeal": "calls upon", "invitation": "invites",
            "encouragement": "encourages", "recommendation": "recommends"}
# Words before the verb that do not change the act: 'Also', 'Further', 'Strongly', 'Once again'.
ADVERBS = re.compile(r"^(?:(?:also|further|furthermore|again|once again|once more|strongly|firmly|deeply|warmly|"
                     r"fully|emphatically|unequivocally|unreservedly|resolutely|urgently|respectfully|"
                     r"in this regard|in this context|in addition|moreover|finally|therefore|accordingly|"
                     r"hereby|expressly|invariably|repeatedly|equally|likewise|similarly|"
                     r"the (?:general assembly|security council|economic and social council|council|assembly)"
                     r"),?\s+)+", re.IGNORECASE)
_VERBS = sorted(((verb, action) for action, verbs in ACTION_VERBS.items() for verb in verbs),
                key=lambda item: -len(item[0]))
VERB = re.compile(r"^(?:" + "|".join(re.escape(verb) for verb, _ in _VERBS) + r")\b", re.IGNORECASE)
ACTION_OF_VERB = {verb: action for verb, action in _VERBS}
EVALUATIVE_EXTENDS = re.compile(r"^extends\s+its\s+(?:appreciation|gratitude|thanks|condolences|congratulations|"
                                r"sympathy)", re.IGNORECASE)


def action_of(lead: str | None, text: str = "") -> str:
    """The action of a paragraph whose lead is ``lead`` (read from ``text``'s first words when there is no lead:
    'The Security Council directs ...' in the Council's early texts); '' when neither opens with an act."""
    for words in (lead or "", text or ""):
        words = re.sub(r"^[\s\u2013\u2014–-]+", "", words.strip())
        if not words:
            continue
        found = _action(words)
        if found:
            return found
    return ""


def opens_with_action(text: str) -> str:
    """The action a sub-paragraph's own text opens with ('– Demands that all parties ...'), or ''."""
    return action_of(None, text)


def _action(words: str) -> str:
    words = ADVERBS.sub("", words)
    continued = re.match(r"continues to (\w+)(.*)", words, re.IGNORECASE | re.S)
    if continued:    # "Continues to welcome" welcomes
        words = f"{continued.group(1)}s{continued.group(2)}"
    lowered = words.lower()
    repeated = REPEATED_ACT.match(lowered)
    if repeated:
        act = repeated.group("act")
        if act.startswith("call"):
            return "calls for" if repeated.group("particle") == "for" else "calls upon"
        return REPEATED[act]
    if lowered.startswith("extends"):
        return "expresses" if EVALUATIVE_EXTENDS.match(words) else "establishes"
    if re.match(r"^calls\s+(?:once again\s+|again\s+|further\s+|also\s+)?for\b", lowered):
        return "calls for"
    if re.match(r"^calls\s+(?:once again\s+|again\s+|further\s+|also\s+|in particular\s+)?(?:upon|on)\b", lowered):
        return "calls upon"
    verb = VERB.match(words)
    return ACTION_OF_VERB[verb.group(0).lower()] if verb else ""
