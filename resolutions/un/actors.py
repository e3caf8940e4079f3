"""The United Nations bodies, offices and officials that resolutions address by name, and how they are printed.

``NAMED_BODIES``: each body the archive names as an addressee (``organ:<name>``), under its official name, with the
other names and acronyms resolutions print for it ('UNODC', 'the Office of the United Nations High Commissioner for
Human Rights' for the High Commissioner).  The organs of ``bodies.py`` (the General Assembly, the Councils, the
functional commissions) are named bodies too.  ``OTHER_UN_BODY``: how resolutions name a UN body that is not listed
(a peace operation by its acronym, a sanctions committee, a panel of experts, a special rapporteur); those are
addressed as "a UN body".  ``UN_SYSTEM``: the system as a whole.  No Django.
"""
from __future__ import annotations

import re

from resolutions.un.bodies import ORGAN_NAMES

NAMED_BODIES: dict[str, tuple[str, ...]] = {
    **{name: () for name in ORGAN_NAMES},
    "International Court of Justice": ("ICJ",),
    "Peacebuilding Commission": (),
    "Military Staff Committee": (),
    "Counter-Terrorism Committee": (),
    "United Nations High Commissioner for Human Rights": (
        "Office of the United Nations High Commissioner for Human Rights", "High Commissioner for Human Rights",
        "Office of the High Commissioner for Human Rights", "OHCHR"),
    "United Nations High Commissioner for Refugees": (
        "Office of the United Nations High Commissioner for Refugees", "High Commissioner for Refugees", "UNHCR"),
    "United Nations Children's Fund": ("UNICEF",),
    "United Nations Development Programme": ("UNDP",),
    "United Nations Environment Programme": ("UNEP",),
    "United Nations Educational, Scientific and Cultural Organization": ("UNESCO",),
    "World Health Organization": ("WHO",),
    "Food and Agriculture Organization of the United Nations": ("FAO",),
    "International Labour Organization": ("ILO",),
    "United Nations Population Fund": ("UNFPA",),
    "United Nations Entity for Gender Equality and the Empowerment of Women": ("UN-Women",),
    "World Food Programme": ("WFP",),
    "United Nations Office on Drugs and Crime": ("UNODC",),
    "United Nations Relief and Works Agency for Palestine Refugees in the Near East": ("UNRWA",),
    "International Atomic Energy Agency": ("IAEA",),
    "Office for the Coordination of Humanitarian Affairs": ("OCHA",),
    "United Nations Human Settlements Programme": ("UN-Habitat",),
    "Joint Inspection Unit": (),
    "International Law Commission": (),
    "Advisory Committee on Administrative and Budgetary Questions": (),
}
# Printed name (lower case) -> official name.
BODY_NAMES = {printed.lower(): name for name, others in NAMED_BODIES.items() for printed in (name, *others)}

# A UN body the list does not name: how resolutions print one.
_MISSION_ACRONYM = r"(?:UN[A-Z]{2,7}|MINU[A-Z]{2,5}|MONU[A-Z]{1,5}|MINURSO|CTED|UNSOS|UNTMIS)"
NOT_UN_ACRONYMS = frozenset({"UNITA"})     # the National Union for the Total Independence of Angola, a party
OTHER_UN_BODY = re.compile(
    rf"\b(?:{_MISSION_ACRONYM}\b"
    r"|Special Representatives?(?: of the Secretary-General)?|(?:Personal |Special )Envoys?|Special Rapporteurs?"
    r"|Independent Expert|Special Adviser|Special Coordinator|High Representative"
    r"|Panel of Experts|Group of Experts|Monitoring Group|Monitoring Team|(?:Special |Sanctions )?Committee\b"
    r"|[Ss]anctions [Cc]ommittees\b"
    r"|(?:human rights )?treaty bodies|special (?:procedures|mechanisms)|Advisory Committee|Executive Directorate"
    r"|President of the (?:General Assembly|Security Council)|Conference on Disarmament|Support Office"
    r"|Environment Assembly|Secretariat\b|secretariat of the|(?<=the )(?:[Mm]ission|Force|Operation)\b|Tribunals?\b"
    r"|Residual Mechanism|the Mechanism\b|military observers|peacekeeping operations?|peacekeepers)")
UN_SYSTEM = re.compile(
    r"\b(?:(?:organizations?|entities|agencies|bodies|funds and programmes|organs)(?: and \w+)?,? of the United "
    r"Nations(?: system)?|United Nations system(?: entities| organizations)?|United Nations (?:entities|agencies|"
    r"bodies(?: and entities)?|organizations, funds and programmes|organizations|funds and programmes)"
    r"|specialized agencies|(?:the )?United Nations(?= (?:as appropriate|as applicable|and|to|,)|$))")


def body_names_pattern() -> str:
    """An alternation of every printed name of a named body, longest first."""
    return "|".join(re.escape(name) for name in sorted(
        (printed for name, others in NAMED_BODIES.items() for printed in (name, *others)), key=len, reverse=True))

# A state's government as the Council's country texts print it: 'the Malian authorities', 'the Congolese
# Government', 'the Somali Transitional Federal Government', 'the FGS'.  Adjective -> the state's UN short name
# (resolutions.un.member_states); 'Congolese' is the Democratic Republic of the Congo, whose texts use it (the
# Republic of the Congo's few texts name it).  Only with a word for its government: 'the Ivorian parties' are the
# parties, 'Somali women' nobody's government.
NATIONAL_ADJECTIVES: dict[str, str] = {
    "Afghan": "Afghanistan", "Angolan": "Angola", "Burundian": "Burundi", "Central African": "Central African Republic",
    "Chadian": "Chad", "Congolese": "Democratic Republic of the Congo", "Cypriot": "Cyprus", "Eritrean": "Eritrea",
    "Ethiopian": "Ethiopia", "Guinean": "Guinea", "Bissau-Guinean": "Guinea-Bissau", "Haitian": "Haiti",
    "Iranian": "Iran (Islamic Republic of)", "Iraqi": "Iraq", "Israeli": "Israel", "Ivorian": "Côte d'Ivoire",
    "Lebanese": "Lebanon", "Liberian": "Liberia", "Libyan": "Libya", "Malian": "Mali", "Mozambican": "Mozambique",
    "Nepalese": "Nepal", "Rwandan": "Rwanda", "Sierra Leonean": "Sierra Leone", "Somali": "Somalia",
    "South Sudanese": "South Sudan", "Sudanese": "Sudan", "Syrian": "Syrian Arab Republic", "Timorese": "Timor-Leste",
    "Ugandan": "Uganda", "Yemeni": "Yemen", "Bosnian": "Bosnia and Herzegovina", "Croatian": "Croatia",
    "Georgian": "Georgia", "Kuwaiti": "Kuwait", "Turkish": "Türkiye", "Colombian": "Colombia", "Nigerian": "Nigeria",
    "Cameroonian": "Cameroon", "Nicaraguan": "Nicaragua", "Salvadoran": "El Salvador", "Guatemalan": "Guatemala",
    "Cambodian": "Cambodia", "Myanmar": "Myanmar", "Tajik": "Tajikistan", "Ukrainian": "Ukraine",
    "Russian": "Russian Federation", "Egyptian": "Egypt", "Jordanian": "Jordan", "Saudi": "Saudi Arabia",
    "Pakistani": "Pakistan", "Indian": "India", "French": "France",
}
GOVERNMENT_WORDS = (r"(?:(?:national|transitional|interim|federal|de facto|competent|relevant|local)\s+)*"
                    r"(?:authorities|Government|Transitional (?:Federal |National )?Government|Federal Government|"
                    r"Defence and Security Forces|security forces|armed forces|Forces)")
# Governments printed by acronym (the Federal Government of Somalia, its Transitional Federal Government).
GOVERNMENT_ACRONYMS = {"FGS": "Somalia", "TFG": "Somalia", "TFIs": "Somalia"}
# The African Union's missions and forces (addressed as the regional organization they are).
AFRICAN_UNION_MISSIONS = r"AMISOM|ATMIS|AUSSOM|AFISMA|MISCA|AMIS|MNJTF|MICOPAX|MISAB"
