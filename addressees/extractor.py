"""Who an operative paragraph addresses, from its words: the actors it asks to act, and those its lead commends or
condemns by name.  No Django; reads the UN's bodies and states from resolutions.un (through ``labels``).

``extract(lead, text, parent=None)`` -> ``Addressing(action, addressees)``.

How the words are read (the gold's rules, tests/data/addressees_gold.tsv):

1. The action is the lead's (``actions.action_of``); a sub-paragraph takes its parent's unless it opens with a
   lead of its own.
2. Directive clauses anywhere in the paragraph: 'requests / urges / calls upon / invites / encourages / appeals to /
   authorizes / directs / reminds / requires X to ...' (X: the words after the verb, up to 'to <verb>', 'that', a
   colon or semicolon, 'which' or 'who'; commas between actors are followed, an aside naming nobody (', within
   their respective mandates,') is left out, one naming actors (', in consultation with civil society,') ends the
   list; nothing when the verb's object is no actor, 'urges the immediate cessation of ...'); a second object of
   the same 'calls on' ('... and on all those with influence on them to'); 'them' / 'it' / 'him' as the object:
   the actors the nearest clause before names first, agreeing in number ('him' a person, 'it' no plural);
   an adverbial between the verb and its object is passed over ('Urges in the meantime all other States');
   those whose efforts the verb asks for ('encourages enhanced diplomatic efforts by all parties'); 'as well as X'
   goes on with the list; a participle's agent ends it ('the sanctions committees established by the Security
   Council'); a sub-paragraph opening with the bare infinitive under 'Decides:' ('To request the Secretary-General');
   'its previous call to X'; 'Recommends to X that'; 'stresses to X'; the body's own 'Decides ... to request X to';
   'demands / urges / recommends / requests that X ...' (X: the first words after 'that'); 'that X shall / should /
   must <act>' (not 'shall be', 'shall apply': nothing is asked of X), and in a decision 'that X will <act>' (not
   the Council or Assembly itself); 'X's mandate shall'; a body the resolution establishes or dispatches, or
   authorizes or requests someone to establish, 'to <act>' (a UN body).  Where the paragraph speaks of a
   convention or treaty and not of a conflict, its 'parties' are States parties.
3. The lead's evaluative verbs (commends, congratulates, thanks, pays tribute or homage to, condemns, expresses its
   appreciation to) when an actor is named first after them, with those listed with it: 'Condemns Israel for' (not
   'Condemns the action of'; not the places or bodies named in a complement: 'the States Parties to the treaties
   of ... Mongolia', 'for including ... in meetings with heads of international organizations').
4. A sub-paragraph adds its parent's addressees to its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from addressees.actions import ACTION_VERBS, action_of, opens_with_action
from addressees.labels import SECRETARY_GENERAL, labels_in

# The verbs a clause of an operative paragraph opens with (the taxonomy's and a few that only join clauses).
CLAUSE_VERBS = {verb for verbs in ACTION_VERBS.values() for verb in verbs} | {"brings", "draws", "looks forward",
                                                                               "takes", "pays", "remains"}
# A directive verb in the third person ('requests the Secretary-General to'), never the noun ('at the request of',
# 'its requests'); its bare form only where the body itself acts through it ('Decides ... to request X to').
_DIRECTIVE_VERBS = (r"request|ask|urge|call(?:\s+(?:once\s+again|again|also|further|in\s+particular))?\s+(?:upon|on)|"
                    r"appeal(?:\s+once\s+again)?\s+to|encourage|invite|authori[sz]e|direct|instruct|remind|require|"
                    r"exhort|entrust")
# Adverbials the Bulletin's drafting puts between the verb and its object ('Urges in the meantime all other States',
# 'Requests, as a matter of priority, the Secretary-General'): passed over.
_AFTER_VERB = (r"(?:,?\s+(?:also|further|again|once\s+(?:again|more)|strongly|most\s+strongly|urgently|earnestly|"
               r"immediately|firmly|respectfully|meanwhile|accordingly|therefore|in\s+particular|in\s+the\s+meantime|"
               r"in\s+the\s+interim|in\s+(?:this|that)\s+(?:regard|context|respect)|as\s+a\s+matter\s+of\s+"
               r"(?:priority|urgency)))*,?\s+(?!that\b|the\s+need\b)")
# (The lookahead on the verbs' first letters first: most positions fail there, before the look-behinds are tried.)
DIRECTIVE = re.compile(rf"(?=[raucedixRAUCEDIX])\b(?<!\bits\s)(?<!\btheir\s)(?<!\bthe\s)(?<!\bsuch\s)(?<!\bof\s)(?<!\bupon\s)(?<!\bon\s)"
                       rf"(?<!\bat\s)(?<!\bto\s)(?<!\bby\s)(?<!\bwith\s)(?<!\bthese\s)(?<!\bhis\s)(?<!\bher\s)"
                       rf"\b(?:{_DIRECTIVE_VERBS.replace('call(', 'calls?(').replace('appeal(', 'appeals?(')})s?"
                       rf"(?<!\brequest)(?<!\bask)(?<!\burge)(?<!\bencourage)(?<!\binvite)(?<!\bauthori[sz]e)"
                       rf"(?<!\bdirect)(?<!\binstruct)(?<!\bremind)(?<!\brequire)(?<!\bexhort)(?<!\bentrust)"
                       rf"{_AFTER_VERB}", re.IGNORECASE)
# 'Reiterates its calls upon the parties to', 'Reiterates its request to the Secretary-General to'.
ITS_DIRECTIVE = re.compile(r"\b(?:its|their)\s+(?:\w+\s+)?(?:calls?\s+(?:upon|on|to)|appeals?\s+to|requests?\s+to|"
                           r"invitation\s+to|encouragement\s+to)\s+", re.IGNORECASE)
# '(c) To request the Secretary-General to submit ...' under 'Decides:': the body acts through the infinitive.
OPENS_WITH_DIRECTIVE = re.compile(rf"^(?:[\u2013\u2014-]\s*)?to\s+(?:{_DIRECTIVE_VERBS}){_AFTER_VERB}", re.IGNORECASE)
BODY_ACTS_THROUGH = re.compile(rf"\bdecides?\b[^;:.]{{0,160}}?\bto\s+(?:{_DIRECTIVE_VERBS}){_AFTER_VERB}",
                               re.IGNORECASE)
# 'Recommends to the General Assembly that Malta be admitted': a recommendation is addressed to the body it goes to.
RECOMMENDS_TO = re.compile(r"\brecommends\s+(?:also\s+|further\s+)?to\s+(?=the\b|all\b|[A-Z])", re.IGNORECASE)
# 'calls on all parties to exercise restraint and on all those with influence on them to ...': a second object of
# the same 'calls on' (read only where one precedes it).
AND_ON = re.compile(r"(?:,\s*|\s)and\s+(?:also\s+)?(?:upon|on)\s+(?=[A-Z]|the\b|all\b|those\b|each\b)")
CALLS_ON = re.compile(r"\bcalls?\s+(?:\w+\s+)?(?:upon|on)\b", re.IGNORECASE)
# 'stresses to all Member States the importance of ...': told to the actor named.
TOLD_TO = re.compile(r"\b(?:stresses|emphasizes|underlines|underscores|reiterates|recalls)\s+(?:also\s+)?to\s+"
                     r"(?=all\b|the\b|[A-Z])", re.IGNORECASE)
# Where a paragraph speaks of a convention or treaty (not of a conflict), its 'parties' are its States parties.
TREATY = re.compile(r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:Convention|Protocol|Covenant|Treaty)\b")
CONFLICT = re.compile(r"\bconflict|\bceasefire|\bcease-fire|\bhostilities|\barmed\b|\bpeace (?:agreement|process)",
                      re.IGNORECASE)
# 'Decides to establish ... a Committee of the Security Council, consisting of ..., to undertake the following
# tasks', 'Decides to dispatch immediately a special mission ... to assess': the body made is given the task.
ESTABLISHED = re.compile(r"(?:\b(?:[Dd]ecides?|[Aa]uthori[sz]es?|[Rr]equests?)\b[^;:.]{0,80}?\bto\s+(?:\w+\s+)?|"
                         r"^(?:\w+\s+)?)(?:establish|set\s+up|create|dispatch|send|constitute)(?:e?s)?"
                         r"(?:\s+and\s+(?:deploy|dispatch|send|maintain))?(?:,[^,;:]{0,120},)?\s+"
                         r"(?:\w+\s+){0,2}?(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:[Cc]ommittee|[Gg]roup|[Pp]anel|"
                         r"[Mm]ission|[Cc]ommission|[Tt]eam|[Oo]ffice|[Ff]orce|[Oo]peration|[Mm]echanism)\b"
                         r"(?P<rest>[^;:]{0,300}?)\sto\s+[a-z]+")
PRONOUN = re.compile(r"(?P<pronoun>them|it|him|her)\s+(?:also\s+|further\s+)?(?:not\s+)?to\s+[a-z]")
# Where a clause of the same paragraph begins: the Council's or Assembly's next verb after a comma or 'and'
# ('..., brings to the attention of the parties ..., and accordingly calls upon them').
CLAUSE = re.compile(r"(?:,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+)(?:(?:also|further|accordingly|therefore|"
                    r"once\s+again|again|strongly|in\s+this\s+regard|in\s+this\s+context),?\s+)*(?=(?:" + "|".join(
                        re.escape(verb) for verb in sorted(CLAUSE_VERBS, key=len, reverse=True)) + r")\b)")
# Where the first actors' list ends: a preposition, a possessive not opening the list's next item ('the
# Secretary-General, his Special Representative and ...'), a relative, a participle, a parenthesis.
LIST_END = re.compile(r"\s(?:for|in|to|under|on|at|by|with|from|into|over|during|through|against|towards?|regarding|"
                      r"concerning|about|throughout|who|which|whose|that|whether|since|until)\b|"
                      r"(?<!,)(?<!\band)\s(?:their|its|his|her)\b|"
                      r"\s(?!including\b)[a-z]{2,}ing\b|[;:(]")
# An actor's acronym no label reads ('the failure of the RUF'): a clause naming one is where the pronoun's
# antecedent is, though it gets no label.
UNREAD_NAME = re.compile(r"\b[A-Z]{2,}s?\b")
# Labels that name many actors, which 'it' cannot stand for.
PLURAL = ("Member States", "States", "States parties", "parties", "donors", "stakeholders")
THAT = re.compile(r"\bthat\b,?\s*", re.IGNORECASE)
THAT_DIRECTIVE = re.compile(r"\b(?:demands?|urges?|recommends?|requests?|insists?)\s+(?:also\s+|further\s+)?that\s+$",
                            re.IGNORECASE)
# In a decision ('Decides that the President of the General Assembly will circulate ...') 'will' sets a task too.
DECIDED_THAT = re.compile(r"\bdecides?\s+(?:also\s+|further\s+|moreover\s+)?that\b,?\s*$", re.IGNORECASE)
MODAL = re.compile(r"\b(?:shall|should|must|(?P<will>will))\s+(?:(?:also|further|not|fully|immediately|continue\s+to|"
                   r"\w+ly)\s+)*(?P<verb>[a-z]+)")
ADOPTING_BODIES = ("organ:Security Council", "organ:General Assembly")
NOT_ASKED = frozenset({"be", "been", "apply", "remain", "end", "expire", "cease"})
MANDATE_OF = re.compile(r"\b(?:the\s+mandate\s+of\s+(?P<of>[^,;:]{2,80}?)|(?P<own>\b[\w’'-]{2,40}?)['’]s\s+mandate)"
                        r"\s+(?:shall|as\s+follows|to\s+undertake|to\s+include|to\s+monitor)", re.IGNORECASE)
EVALUATIVE = re.compile(r"^(?:also\s+|further\s+|strongly\s+|warmly\s+|unequivocally\s+)*(?:commends?|congratulates?|"
                        r"thanks?|pays\s+(?:a\s+)?(?:tribute|homage)\s+to|condemns?|expresses\s+(?:its\s+)?(?:deep\s+|"
                        r"sincere\s+|profound\s+)?(?:appreciation|gratitude|thanks)\s+to)\s+", re.IGNORECASE)
# Where the actors named after a directive verb end.
ACTOR_END = re.compile(r"\s(?:to|not\s+to)\s+(?!the\b|all\b|those\b|their\b|its\b|this\b|that\b|States\b|Member\b|"
                       r"a\b|an\b)[a-z]|\s+that\s|[:;]|\s+for\s+(?:its|his|her|their|the)\b|\s+on\s+(?:its|his|her|"
                       r"their)\b|\s+in\s+order\s|\s+(?:which|who|whose)\s|\.\s|\.$|\s+other\s+than\b"
                       # 'the sanctions committees established by the Security Council', 'engagement by the sides,
                       # facilitated by UNFICYP': who is named after the participle is not asked
                       r"|,?\s(?:[a-z]{3,}ed|set\s+up)\s+(?:by|pursuant\s+to)\b")
# A stretch between commas that names no actor: ', in consultation with ...', ', within its mandate', ', as
# appropriate', ', until 31 July 2022'.
ASIDE = re.compile(r"^\s*(?:and\s+)?(?:(?:particularly|notably|especially)\s+(?:in|through|with|by|at)|"
                   r"in(?!\s+particular\b)|within|at|as(?!\s+well\s+as\b)|where|upon|through|with|taking|on|"
                   r"consistent|bearing|building|while|inter|under|by|if|when|from|after|before|pending|wherever|"
                   r"whenever|mindful|recognizing|acknowledging|subject|until|to|for|during|without|respectively|"
                   r"including\s+through|notably\s+through|among|following|acting|pursuant|according|via)\b",
                   re.IGNORECASE)
# What a verb may be followed by that is not an actor: 'Urges the immediate resolution of the conflict between ...',
# 'encourages the participation of countries', 'authorizes the expansion of MONUC'.
NOT_AN_ACTOR = re.compile(r"^(?:[Tt]he\s+|all\s+|further\s+|increased\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?"
                          r"(?:efforts?|participation|establishment|support|implementation|cooperation|development|"
                          r"use|adoption|continuation|work|involvement|engagement|contributions?|provision|steps|"
                          r"measures|initiatives?|resumption|deployment|holding|entry|ratification|inclusion|"
                          r"strengthening|resolution|cessation|release|withdrawal|end|settlement|halt|expansion|"
                          r"extension|transfer|renewal|conversion|importance|need|action|actions|role|decision|"
                          r"commitment|progress|construction|violations?|attacks?|activities|readiness|"
                          r"announcement|intention|fact|situation|report|reports|recommendations?|assistance)\b")
# 'requests the support of troop- and police-contributing countries': those named after it are asked.
HELP_OF = re.compile(r"^(?:the\s+)?(?:full\s+)?(?:support|assistance|cooperation|contributions?|help)\s+of\s+")
# 'encourages enhanced diplomatic efforts by all parties': those whose efforts a directive verb asks for are asked.
EFFORTS_OF = re.compile(r"^(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:efforts|engagement|action|steps)\s+(?:of|by)\s+")
ACTOR_WINDOW = 420                     # characters read after a directive verb
THAT_WINDOW = 320                      # characters read after 'that' for its modal verb


@dataclass
class Addressing:
    action: str                        # one of addressees.actions.ACTIONS, or ''
    addressees: list[str] = field(default_factory=list)


def extract(lead: str | None, text: str, parent: Addressing | None = None) -> Addressing:
    """The action and addressees of one paragraph (``parent``: its parent's, for a sub-paragraph)."""
    text = re.sub(r"\s+", " ", text or "").strip()
    if parent is None:
        # The text holds the lead and what follows it ('Reiterates its calls upon', where the lead is 'Reiterates').
        action = action_of(text if lead and text.startswith(lead) else lead, text)
        inherited: list[str] = []
    else:
        action = opens_with_action(text) or parent.action
        inherited = parent.addressees
    own = _directed(text) + _evaluated(text, action)
    if "parties" in own and TREATY.search(text) and not CONFLICT.search(text):
        own = [("States parties" if label == "parties" else label) for label in own]
    return Addressing(action, list(dict.fromkeys(inherited + own)))


def _directed(text: str) -> list[str]:
    found: list[str] = []
    verbs = {m.end(): m.start() for pattern in (DIRECTIVE, ITS_DIRECTIVE, BODY_ACTS_THROUGH, TOLD_TO, RECOMMENDS_TO,
                                                  OPENS_WITH_DIRECTIVE)
             for m in pattern.finditer(text)}
    first_call = CALLS_ON.search(text)
    if first_call:
        verbs.update((m.end(), m.start()) for m in AND_ON.finditer(text, first_call.end()))
    for start in sorted(verbs):
        pronoun = PRONOUN.match(text, start)
        if pronoun:
            # 'Welcomes the efforts of Member States and invites them to ...': whom the clause before named.
            found.extend(_antecedent(text[:verbs[start]], pronoun.group("pronoun")))
            continue
        found.extend(labels_in(_actors_after(text, start, asked=True)))
    for match in THAT.finditer(text):
        window = text[match.end():match.end() + THAT_WINDOW]
        window = re.split(r"[;:]|\bthat\b", window)[0]
        modal = MODAL.search(window)
        if modal and modal.group("will") and not DECIDED_THAT.search(text[max(0, match.start() - 40):match.end()]):
            modal = None
        if modal and modal.group("verb") not in NOT_ASKED:
            subject = labels_in(_subject(window[:modal.start()]))
            # What the Council or the Assembly decides it will do itself is asked of nobody.
            found.extend(label for label in subject if not (modal.group("will") and label in ADOPTING_BODIES))
        elif THAT_DIRECTIVE.search(text[max(0, match.start() - 40):match.end()]):
            # 'Demands that Israel immediately desist': the actor is the first words.
            found.extend(labels_in(" ".join(window.split()[:4])))
    for match in ESTABLISHED.finditer(text):
        if not re.search(r"\b(?:requests?|asks?|invites?|urges?)\b", match.group("rest")):
            found.append("UN body")
    for match in MANDATE_OF.finditer(text):
        found.extend(labels_in(match.group("of") or match.group("own")))
    return found


def _antecedent(before: str, pronoun: str) -> list[str]:
    """Whom 'them' / 'it' / 'him' after a directive verb stands for: the actors the nearest clause before it names
    first (its object: 'brings to the attention of the parties their obligations under ... the Security Council's
    resolution 54, and calls upon them' -> the parties; 'Takes note of the measures decided on by the
    Secretary-General and requests him' -> the Secretary-General), going back a clause when one names nobody (no
    label, no acronym) that the pronoun can stand for ('him' a person, 'it' one state or body, 'them' any)."""
    clauses = CLAUSE.split(re.split(r"[;:]", before)[-1])
    for clause in reversed(clauses):
        named = _first_named(clause)
        labels = [label for label in named if _agrees(label, pronoun)]
        if labels or (not named and UNREAD_NAME.search(clause)):
            return labels
    return []


def _first_named(words: str) -> list[str]:
    """The labels of the first actors ``words`` name and those listed with them, up to the preposition, pronoun or
    relative that ends the list ('the private sector and other relevant stakeholders, as well as civil society, in
    the implementation of ...')."""
    cut = next((end for end in (m.end() for m in re.finditer(r"[\w)’'-]+", words)) if labels_in(words[:end])), None)
    if cut is None:
        return []
    end = LIST_END.search(words, cut)
    return labels_in(words[:end.start() if end else len(words)])


def _agrees(label: str, pronoun: str) -> bool:
    if pronoun in ("him", "her"):
        return label in (SECRETARY_GENERAL, "UN body", "other")
    if pronoun == "it":
        return label not in (SECRETARY_GENERAL, *PLURAL)
    return True


def _subject(words: str) -> str:
    """The subject of a 'that' clause without its asides: ', until 31 July 2022, all Member States' -> 'all Member
    States'; ', to support the parties ..., UNMHA' -> 'UNMHA'."""
    return ",".join(part for part in words.split(",") if part.strip() and not ASIDE.match(part))


def _evaluated(text: str, action: str) -> list[str]:
    """'Commends the Secretary-General for ...', 'Strongly condemns the racist régime of South Africa for ...': the
    actor named first after the lead's evaluative verb."""
    if action not in ("commends", "condemns", "expresses"):
        return []
    match = EVALUATIVE.match(text)
    if not match:
        return []
    actors = _actors_after(text, match.end())
    first = re.match(r"(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:Government|régime|regime|authorities)\s+of\s+", actors)
    labels = _first_named(actors)
    if first or (labels and labels_in(" ".join(actors.split()[:6]))):
        return labels
    return []


def _actors_after(text: str, start: int, asked: bool = False) -> str:
    """The actors named from ``start`` on: up to the infinitive, 'that', a colon or semicolon, without the asides
    set off by commas; nothing when what follows the verb is no actor ('the participation of countries')."""
    window = text[start:start + ACTOR_WINDOW]
    end = ACTOR_END.search(window)
    window = window[:end.start()] if end else window
    helped = HELP_OF.match(window) or (EFFORTS_OF.match(window) if asked else None)
    if helped:
        window = window[helped.end():]
    elif NOT_AN_ACTOR.match(window):
        return ""
    actors = []
    for part in window.split(","):
        if ASIDE.match(part):
            if labels_in(part):      # an aside naming actors ends the list: ', in cooperation with Member States, ...'
                break
            continue                 # one naming none is left out: ', within their respective mandates,'

        actors.append(part)
    return ",".join(actors)
