"""The addressees an extractor can name, and the words that name them.  No Django.

A label is one of ``CATEGORIES`` or ``state:<UN short name>`` (resolutions.un.member_states) or ``organ:<official
name>`` (resolutions.un.actors.NAMED_BODIES).  ``labels_in(words)`` finds every label a stretch of words names.
"""
from __future__ import annotations

import re
from functools import lru_cache

from resolutions.un.actors import (AFRICAN_UNION_MISSIONS, BODY_NAMES, GOVERNMENT_ACRONYMS, GOVERNMENT_WORDS,
                                   NATIONAL_ADJECTIVES, NOT_UN_ACRONYMS, OTHER_UN_BODY, UN_SYSTEM, body_names_pattern)
from resolutions.un.member_states import states

SECRETARY_GENERAL = "Secretary-General"
CATEGORIES = ("Member States", "States", "States parties", "administering Power", SECRETARY_GENERAL, "UN body",
              "UN system", "parties", "civil society", "private sector", "regional organizations",
              "international organizations", "international community", "donors", "stakeholders", "other")

# (label, pattern), tried in this order over the words; a match is blanked out before the next patterns, so that
# 'Member States' is not also 'States' and 'the Special Representative of the Secretary-General' not the
# Secretary-General.
PATTERNS: list[tuple[str, re.Pattern]] = [(label, re.compile(pattern)) for label, pattern in [
    ("administering Power", r"\badministering Powers?\b"),
    ("States parties", r"\bStates [Pp]arties\b|\b[Pp]arties to (?:the|that|this) (?:Convention|Treaty|Protocol|"
                       r"Agreement|Statute|Covenant)\b|\bContracting Parties\b"),
    # 'the Member States of the African Union': another organization's members are States.
    ("States", r"\bMember States of (?:the )?(?!United Nations)(?:[A-Z][\w-]*(?: of| for| and)? ?)+"),
    ("Member States", r"\bMember States\b|\bStates Members of the United Nations\b|\b(?:any|each|every) Member "
                      r"State\b"),
    ("UN body", OTHER_UN_BODY.pattern + r"|\b(?:special political|peacekeeping|field) missions\b"),
    ("UN system", UN_SYSTEM.pattern),
    (SECRETARY_GENERAL, r"\bSecretary[- ]General\b"),
    ("international organizations", r"\b(?:international|intergovernmental)(?:,? (?:and|regional and|regional|"
                                    r"and regional)(?: and subregional)?)? (?:organizations|bodies|institutions)\b"
                                    r"|\binternational financial institutions\b|\bBretton Woods institutions\b"
                                    r"|\bInternational Monetary Fund\b|\bWorld Bank\b"
                                    r"|\b(?:international )?humanitarian (?:agencies|organizations)\b"),
    ("regional organizations", r"\b(?:regional|subregional|sub-regional)(?: and (?:subregional|sub-regional|"
                               r"international))?,? (?:and subregional )?(?:organizations|arrangements|bodies)\b"
                               r"|\bAfrican Union\b|\bEuropean Union\b|\bECOWAS\b|\bLeague of Arab States\b"
                               r"|\bOrganization of American States\b|\bOrganization of African Unity\b"
                               r"|\bOrganization for Security and Co-operation in Europe\b|\bOSCE\b"
                               r"|\bEconomic Community of (?:West|Central) African States\b"
                               rf"|\b(?:{AFRICAN_UNION_MISSIONS})\b"),
    ("international community", r"\binternational (?:community|actors)\b"),
    ("civil society", r"\bcivil society\b|\bnon-governmental organizations\b|\bNGOs\b|\bwomen['’]s groups\b"
                      r"|\bhuman rights defenders\b|\bacademia\b"),
    ("private sector", r"\bprivate sector\b|\bbusiness(?:es| enterprises| community)\b|\bprivate entities\b"),
    ("donors", r"\bdonors?\b(?! to)|\bdonor (?:countries|community|States)\b|\b(?:international|development|"
               r"bilateral) partners\b"),
    ("stakeholders", r"\bstakeholders\b|\b(?:other |all |relevant |other relevant )actors\b"),
    # Actors no other label fits, named the way resolutions ask them to act: a Non-Self-Governing Territory (its
    # Government), a facilitator, a multinational force, 'all those with influence on the parties', 'men and boys'.
    ("other", r"\b(?:the|each|all|remaining|those) (?:Non-Self-Governing )?Territor(?:y|ies)\b|\bterritorial "
              r"Governments?\b|\b[Ff]acilitators?\b|\bmultinational (?:[\w-]+ )?[Ff]orces?\b|\bInternational "
              r"Security Assistance Force\b|\bthose with influence(?: on (?:the |all )?(?:parties|them|\w+))?"
              r"|\bmen and boys\b|\bombudsman institutions\b|\bnational human rights institutions\b"),
    ("parties", r"\b(?:all|both|the two|the|other|Ivorian|Malian|Libyan|Somali|Sudanese|Congolese|Afghan|"
                r"concerned|relevant)?\s?parties\b|\btwo sides\b|\btwo leaders\b|\barmed groups\b|\ball groups\b"
                r"|\bfactions\b|\ball concerned\b|\bleaders of the\b"
                # the signatories of a peace or ceasefire agreement are its parties; of a treaty, States (below)
                r"|\bsignatories (?:to|of) (?:the )?(?:[\w-]+ ){0,4}?(?:[Pp]eace |[Cc]ease-?fire )?[Aa]greements?\b"),
    ("States", r"\b(?:States|countries|Governments|nations)\b|\b(?:any|each|every) State\b|(?<!-)\bsignatories\b"),
]]
BODY = re.compile(rf"\b(?:{body_names_pattern()})\b")
# UN bodies whose printed name holds a listed organ's: read before the organs.
OFFICES_OF_ORGANS = re.compile(r"\bPresident of the (?:General Assembly|Security Council|Economic and Social Council)\b"
                               r"|\b(?:Human Rights Council|General Assembly) Advisory Committee\b"
                               r"|\bsubsidiary (?:bodies|organs) of the \w+(?: \w+)?")
OVERLAPPING = {"international organizations"}       # 'international, regional and subregional organizations': both
# A state named as a place ('all parties in Somalia') is not addressed.
PLACE_BEFORE = re.compile(r"\b(?:in|within|across|throughout|into|inside|from|to|against|on|over|near|around|"
                          r"towards|between|with|by)\s+(?:the\s+)?$")
LIST_GAP = re.compile(r"\s*(?:,|and|,\s*and|,?\s*respectively,?|\s)*\s*(?:the\s+)?")
# 'the Malian authorities', 'the Congolese Government', 'the FGS': the state (resolutions.un.actors).
NATIONAL = re.compile(r"\b(?:(?P<adjective>" + "|".join(re.escape(adjective) for adjective in sorted(
    NATIONAL_ADJECTIVES, key=len, reverse=True)) + rf")\s+{GOVERNMENT_WORDS}|(?P<acronym>"
    + "|".join(GOVERNMENT_ACRONYMS) + r"))\b")
GOVERNMENT_OF = re.compile(r"\b(?:Government|Governments|authorities|régime|regime|leadership|people) of (?:the )?$")


@lru_cache(maxsize=1)
def _state_names() -> tuple[re.Pattern, dict[str, str]]:
    """Every name and alias of a member, observer or former state, to today's name (longest first)."""
    names: dict[str, str] = {}
    for state in states():
        for name in (state["name"], *state.get("aliases", [])):
            if len(name) > 3:
                names.setdefault(name.lower(), state.get("successor") or state["name"])
    pattern = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE), names


def labels_in(words: str) -> list[str]:
    """The labels ``words`` name, in the order found (each once)."""
    found: list[str] = []
    # One form of the apostrophe and the hyphen ('Côte d’Ivoire', 'non‑governmental'), the same length.
    remaining = words.replace("\u2019", "'").replace("\u2011", "-").replace("\u2010", "-")
    for match in NATIONAL.finditer(remaining):
        adjective, acronym = match.group("adjective"), match.group("acronym")
        found.append(f"state:{NATIONAL_ADJECTIVES[adjective] if adjective else GOVERNMENT_ACRONYMS[acronym]}")
    remaining = NATIONAL.sub(lambda m: " " * len(m.group(0)), remaining)
    # 'the Secretary-General of the United Nations' is the Secretary-General, not the UN system besides.
    remaining = re.sub(r"(?<=Secretary-General) of the United Nations\b", lambda m: " " * len(m.group(0)), remaining)
    pattern, names = _state_names()
    previous: tuple[int, bool] | None = None        # where the last state named ended, and whether it was addressed
    for match in pattern.finditer(remaining):
        name = match.group(0)
        if not (name[0].isupper() or remaining[max(0, match.start() - 4):match.start()].lower() == "the "):
            continue
        if previous and re.fullmatch(r"\s*\(", remaining[previous[0]:match.start()]):
            continue                      # 'the Federal Republic of Yugoslavia (Serbia and Montenegro)': one state
        if previous and LIST_GAP.fullmatch(remaining[previous[0]:match.start()]):
            addressed = previous[1]       # 'Rwanda and Uganda' go with what came before them
        else:
            addressed = not PLACE_BEFORE.search(remaining[max(0, match.start() - 30):match.start()])
        previous = (match.end(), addressed)
        if addressed:
            found.append(f"state:{names[name.lower()]}")
    remaining = pattern.sub(lambda m: " " * len(m.group(0)), remaining)
    # 'the Government(s) of <state>' is the state: its words are no 'States' besides.
    remaining = re.sub(r"\b(?:Governments?|authorities|régime|regime)(?= of (?:the )?\s{3,})",
                       lambda m: " " * len(m.group(0)), remaining)
    remaining = OFFICES_OF_ORGANS.sub(lambda m: found.append("UN body") or " " * len(m.group(0)), remaining)
    for match in BODY.finditer(remaining):
        found.append(f"organ:{BODY_NAMES[match.group(0).lower()]}")
    remaining = BODY.sub(lambda m: " " * len(m.group(0)), remaining)
    for label, regex in PATTERNS:
        for match in regex.finditer(remaining):
            if label == "UN body" and match.group(0) in NOT_UN_ACRONYMS:
                continue
            found.append(label)
        if label not in OVERLAPPING:
            remaining = regex.sub(lambda m: " " * len(m.group(0)), remaining)
    return list(dict.fromkeys(found))


def display(label: str) -> str:
    """'state:Israel' -> 'Israel'; 'organ:Human Rights Council' -> 'Human Rights Council'; others as they are."""
    return label.split(":", 1)[1] if label.startswith(("state:", "organ:")) else label
