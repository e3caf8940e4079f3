"""The UN bodies whose texts the archive reads: names as the UN prints them, symbol series, and who belongs to whom.

Every other module takes an organ's name, its symbol series or its Akoma Ntoso name from here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

GENERAL_ASSEMBLY = "General Assembly"
SECURITY_COUNCIL = "Security Council"
ECONOMIC_AND_SOCIAL_COUNCIL = "Economic and Social Council"
HUMAN_RIGHTS_COUNCIL = "Human Rights Council"
TRUSTEESHIP_COUNCIL = "Trusteeship Council"
COMMISSION_ON_HUMAN_RIGHTS = "Commission on Human Rights"


@dataclass(frozen=True)
class Organ:
    name: str                          # as printed on the masthead and in the subject line ('The General Assembly,')
    series: str                        # the symbol series of its documents: 'A' (A/79/L.12), 'E/CN.6' (E/CN.6/2024/1)
    own_resolution_series: bool = False  # its resolutions carry symbols of its series: A/RES/61/180, A/HRC/RES/52/1
    masthead: bool = False             # prints its own name at the top of its documents ('General Assembly Distr.:')
    parent: str | None = None          # the organ whose masthead a subsidiary organ prints
    akn: tuple[str, str] | None = None  # AKN4UN names: the actor in FRBR URIs and the TLC reference ('unga', 'ga')


ORGANS: tuple[Organ, ...] = (
    Organ(GENERAL_ASSEMBLY, "A", own_resolution_series=True, masthead=True, akn=("unga", "ga")),
    Organ(SECURITY_COUNCIL, "S", own_resolution_series=True, masthead=True, akn=("unsc", "sc")),
    Organ(ECONOMIC_AND_SOCIAL_COUNCIL, "E", own_resolution_series=True, masthead=True, akn=("ecosoc", "ecosoc")),
    # A subsidiary organ of the General Assembly; its documents print the Assembly's masthead.
    Organ(HUMAN_RIGHTS_COUNCIL, "A/HRC", own_resolution_series=True, masthead=True, parent=GENERAL_ASSEMBLY,
          akn=("unhrc", "hrc")),
    Organ(TRUSTEESHIP_COUNCIL, "T", masthead=True),
    # The Economic and Social Council's functional commissions (see FUNCTIONAL_COMMISSION for the others).
    Organ(COMMISSION_ON_HUMAN_RIGHTS, "E/CN.4", parent=ECONOMIC_AND_SOCIAL_COUNCIL),
    Organ("Commission for Social Development", "E/CN.5", parent=ECONOMIC_AND_SOCIAL_COUNCIL),
    Organ("Commission on the Status of Women", "E/CN.6", parent=ECONOMIC_AND_SOCIAL_COUNCIL),
    Organ("Commission on Narcotic Drugs", "E/CN.7", parent=ECONOMIC_AND_SOCIAL_COUNCIL),
    Organ("Commission on Population and Development", "E/CN.9", parent=ECONOMIC_AND_SOCIAL_COUNCIL),
    Organ("Commission on Crime Prevention and Criminal Justice", "E/CN.15", parent=ECONOMIC_AND_SOCIAL_COUNCIL),
    Organ("Commission on Science and Technology for Development", "E/CN.16", parent=ECONOMIC_AND_SOCIAL_COUNCIL),
    Organ("Commission on Sustainable Development", "E/CN.17", parent=ECONOMIC_AND_SOCIAL_COUNCIL),
    # Bodies whose documents share the archive's symbol forms (TD/B/..., UNEP/EA.6/...).
    Organ("United Nations Conference on Trade and Development", "TD"),
    Organ("United Nations Environment Programme", "UNEP"),
)
BY_NAME = {organ.name: organ for organ in ORGANS}
ORGAN_NAMES = tuple(organ.name for organ in ORGANS)
# The organs that print their name as the masthead of their documents, and name themselves in the subject line.
MASTHEAD_NAMES = tuple(organ.name for organ in ORGANS if organ.masthead)
# The series code each organ's documents are symbolised under: 'General Assembly' -> 'A'.
SERIES_OF = {organ.name: organ.series for organ in ORGANS}
# The organs whose resolutions carry symbols of their own series, code -> organ: A/RES/61/180, S/RES/2720 (2023),
# E/RES/2008/33, A/HRC/RES/52/1.
RESOLUTION_SERIES = {organ.series: organ.name for organ in ORGANS if organ.own_resolution_series}
# Early resolutions name their organ in their numbered paragraphs instead of a subject line ('1. The Security
# Council requests ...', S/RES/1 (1946)): the two organs of 1946.
FOUNDING_ORGANS = (GENERAL_ASSEMBLY, SECURITY_COUNCIL)

# The organs' names as the enacting formula prints them in the UN's other official languages (and in German, in which
# the Security Council also publishes): (pattern, organ, ISO 639-1).  English is MASTHEAD_NAMES.
TRANSLATED_FORMULAS: tuple[tuple[str, str, str], ...] = (
    (r"L[’']Assemblée générale", GENERAL_ASSEMBLY, "fr"),
    (r"Le Conseil de sécurité", SECURITY_COUNCIL, "fr"),
    (r"Le Conseil économique et social", ECONOMIC_AND_SOCIAL_COUNCIL, "fr"),
    (r"Le Conseil des droits de l[’']homme", HUMAN_RIGHTS_COUNCIL, "fr"),
    (r"La Asamblea General", GENERAL_ASSEMBLY, "es"),
    (r"El Consejo de Seguridad", SECURITY_COUNCIL, "es"),
    (r"El Consejo Económico y Social", ECONOMIC_AND_SOCIAL_COUNCIL, "es"),
    (r"El Consejo de Derechos Humanos", HUMAN_RIGHTS_COUNCIL, "es"),
    (r"Генеральная Ассамблея", GENERAL_ASSEMBLY, "ru"),
    (r"Совет Безопасности", SECURITY_COUNCIL, "ru"),
    (r"Экономический и Социальный Совет", ECONOMIC_AND_SOCIAL_COUNCIL, "ru"),
    (r"Совет по правам человека", HUMAN_RIGHTS_COUNCIL, "ru"),
    (r"(?:إن\s+)?الجمعية العامة", GENERAL_ASSEMBLY, "ar"),
    (r"(?:إن\s+)?مجلس الأمن", SECURITY_COUNCIL, "ar"),
    (r"(?:إن\s+)?المجلس الاقتصادي والاجتماعي", ECONOMIC_AND_SOCIAL_COUNCIL, "ar"),
    (r"(?:إن\s+)?مجلس حقوق الإنسان", HUMAN_RIGHTS_COUNCIL, "ar"),
    (r"大会", GENERAL_ASSEMBLY, "zh"),
    (r"安全理事会", SECURITY_COUNCIL, "zh"),
    (r"经济及社会理事会", ECONOMIC_AND_SOCIAL_COUNCIL, "zh"),
    (r"人权理事会", HUMAN_RIGHTS_COUNCIL, "zh"),
    (r"Der Sicherheitsrat", SECURITY_COUNCIL, "de"),
    (r"Die Generalversammlung", GENERAL_ASSEMBLY, "de"),
)

# Any of the Economic and Social Council's commissions, listed above or not: 'Commission on Statistics'.
FUNCTIONAL_COMMISSION = re.compile(r"Commission (?:on|for) ")
# The General Assembly's Main Committees (and the committees that stood in for them), as a pattern, and their
# symbol series (A/C.3/61/L.7 is a draft of the Third Committee).
ORDINAL_COMMITTEES = tuple(f"{ordinal} Committee" for ordinal in ("First", "Second", "Third", "Fourth", "Fifth", "Sixth"))
MAIN_COMMITTEE_NAMES = (*ORDINAL_COMMITTEES, "Special Political and Decolonization Committee")
MAIN_COMMITTEE = "|".join(re.escape(name) for name in MAIN_COMMITTEE_NAMES) + r"|Ad Hoc Committee of the Whole[^,\]]{0,80}"
MAIN_COMMITTEE_SERIES = {name: f"A/C.{number}" for number, name in enumerate(ORDINAL_COMMITTEES, start=1)}


def parent_organ(name: str | None) -> str | None:
    """The organ whose masthead ``name``'s documents print: 'Human Rights Council' -> 'General Assembly',
    'Commission on the Status of Women' -> 'Economic and Social Council'; None for a principal organ."""
    organ = BY_NAME.get(name or "")
    if organ is not None:
        return organ.parent
    return ECONOMIC_AND_SOCIAL_COUNCIL if name and FUNCTIONAL_COMMISSION.match(name) else None


def akn_names(name: str | None) -> tuple[str, str] | None:
    """The organ's AKN4UN actor and reference ('unga', 'ga'), whatever the case of the name; None if it has none."""
    wanted = (name or "").strip().lower()
    return next((organ.akn for organ in ORGANS if organ.akn and organ.name.lower() == wanted), None)


def organ_of_akn_name(name: str | None) -> str | None:
    """The organ an AKN4UN actor or reference names: 'unga' or 'ga' -> 'General Assembly'; None if none does."""
    return next((organ.name for organ in ORGANS if organ.akn and name in organ.akn), None)


def names_pattern(names=ORGAN_NAMES) -> str:
    """A regular-expression alternation of organ names, longest first (so 'Human Rights Council' is not read as
    a shorter name that it contains)."""
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
