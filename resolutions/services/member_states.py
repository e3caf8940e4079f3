"""Keep the MemberState table equal to resolutions/un/data/member_states.json (run after every migrate), and index its
rows by name for the readers of printed names (sponsor lists at ingestion, vote lists at import)."""
from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from resolutions.un.member_states import states
from resolutions.un.state_names import name_index


@transaction.atomic
def sync_member_states() -> int:
    """Insert or update every state of the data file; returns how many rows changed. Idempotent.

    Rows are matched on the official name; a state's 'successor' (a former name such as 'Zaire') is data for
    the sponsor lookup in resolutions.un.member_states and is not stored.  Rows not in the file are left alone.
    """
    from resolutions.models import MemberState

    existing = {s.name: s for s in MemberState.objects.all()}
    changed = 0
    for row in states():
        values = {"iso3": row["iso3"], "kind": row["kind"], "aliases": row["aliases"], "slug": slugify(row["name"])[:140]}
        state = existing.get(row["name"])
        if state is None:
            MemberState.objects.create(name=row["name"], **values)
            changed += 1
        elif any(getattr(state, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(state, key, value)
            state.save()
            changed += 1
    return changed


def state_index() -> dict:
    """Every name and alias of every MemberState by its key (resolutions.un.state_names.name_key), to the row."""
    from resolutions.models import MemberState

    return name_index((name, state) for state in MemberState.objects.only("id", "name", "aliases")
                      for name in [state.name, *state.aliases])
