"""How the scale corpus's documents are printed (bench/generate.py): the seeds' two draft layouts (plain text like
samples/002, Markdown like samples/000) and the adopted resolutions' (a General Assembly resolution as the
Official Documents System prints it: "Resolution adopted by the General Assembly on ...", "63/5. Title"; a
Security Council resolution: "Resolution 1454 (2002)", "Adopted by the Security Council at its ...th meeting").
"""
from __future__ import annotations

ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth"]
TENS_ORD = {20: "twentieth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth", 60: "sixtieth", 70: "seventieth",
            80: "eightieth", 90: "ninetieth"}
TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty",
        90: "ninety"}


def ordinal(n: int) -> str:
    """'Sixty-third' for 63 (sessions 1 to 99)."""
    if n < 20:
        word = ORDINALS[n]
    elif n % 10 == 0:
        word = TENS_ORD[n]
    else:
        word = f"{TENS[n - n % 10]}-{ORDINALS[n % 10]}"
    return word[0].upper() + word[1:]



def _sponsor_line(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _with_marker(text: str, marker: str, markdown: bool) -> str:
    """The marker after the paragraph's first inner comma ('Crime,2 and welcoming'), as the seeds print it."""
    mark = f"<sup>{marker}</sup>" if markdown else marker
    at = text.index(", ") + 1
    return text[:at] + mark + text[at:]


def render_text(*, symbol, date, session, committee, agenda, agenda_name, sponsors, kind, title, pre, ops,
                 notes) -> str:
    out = [" ", f"United Nations {symbol}", "", "", "", f"Distr.: Limited {date}", "", "Original: English", "",
           f"{ordinal(session)} session {committee}", "", f"Agenda item {agenda}", "", agenda_name, "",
           f"{_sponsor_line(sponsors)}: {kind}", "", title, "", "The General Assembly,", ""]
    marker = 0
    for text in pre:
        if marker < len(notes) and ", " in text[:-1]:
            marker += 1
            text = _with_marker(text, str(marker), False)
        out += [text, ""]
    for n, text in enumerate(ops, 1):
        out += [f"{n}. {text}", ""]
    if notes:
        out += ["__________________", ""]
        out += [f" {i}  {note}" for i, note in enumerate(notes, 1)]
        out.append("")
    return "\n".join(out)


def render_markdown(*, symbol, date, session, committee, agenda, agenda_name, sponsors, kind, title, pre, ops,
                     notes) -> str:
    out = ["", "", "", "", "# General Assembly", "", f"Distr.: Limited  ", date, "", "Original: English", "", "---",
           "", f"## {ordinal(session)} session {committee}", "", f"Agenda item {agenda}", "", f"### {agenda_name}", "",
           f"#### **{_sponsor_line(sponsors)}: {kind}**", "", f"#### **{title}**", "", "*The General Assembly,*", ""]
    marker = 0
    for text in pre:
        if marker < len(notes) and ", " in text[:-1]:
            marker += 1
            text = _with_marker(text, str(marker), True)
        out += [text, ""]
    for n, text in enumerate(ops, 1):
        out += [f"{n}. {text}", ""]
    if notes:
        out += ["---", ""]
        for i, note in enumerate(notes, 1):
            out += [f"<sup>{i}</sup> {note}", ""]
    return "\n".join(out)




def _preamble_and_operative(pre, ops, notes, markdown: bool) -> list[str]:
    out, marker = [], 0
    for text in pre:
        if marker < len(notes) and ", " in text[:-1]:
            marker += 1
            text = _with_marker(text, str(marker), markdown)
        out += [text, ""]
    for n, text in enumerate(ops, 1):
        out += [f"{n}. {text}", ""]
    return out


def render_ga_resolution(*, symbol, number, date, session, committee, agenda, agenda_name, title, pre, ops,
                         notes) -> str:
    report = f"[on the report of the {committee} (A/{session}/{400 + int(agenda)})]"
    out = [" ", f"United Nations {symbol}", "", "", "", f"General Assembly Distr.: General {date}", "",
           f"{ordinal(session)} session", "", f"Agenda item {agenda}", "", agenda_name, "",
           f"Resolution adopted by the General Assembly on {date}", "", report, "", f"{number}. {title}", "",
           "The General Assembly,", ""]
    out += _preamble_and_operative(pre, ops, notes, False)
    if notes:
        out += ["__________________", ""] + [f" {i}  {note}" for i, note in enumerate(notes, 1)] + [""]
    return "\n".join(out)


def render_sc_resolution(*, symbol, number, date, meeting, pre, ops, notes) -> str:
    out = [" ", f"United Nations {symbol}", "", "", "", f"Security Council Distr.: General {date}", "",
           f"Resolution {number}", "", f"Adopted by the Security Council at its {_nth(meeting)} meeting, on {date}", "",
           "The Security Council,", ""]
    out += _preamble_and_operative(pre, ops, notes, False)
    if notes:
        out += ["__________________", ""] + [f" {i}  {note}" for i, note in enumerate(notes, 1)] + [""]
    return "\n".join(out)


def _nth(n: int) -> str:
    """'4678th', '4671st', '4712th'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
