"""The member-state table is filled from resolutions/un/data/member_states.json after every migrate, idempotently."""
import pytest

from resolutions.models import MemberState
from resolutions.services.member_states import sync_member_states

pytestmark = pytest.mark.django_db


def snapshot():
    return list(MemberState.objects.order_by("name").values_list("id", "name", "iso3", "kind", "aliases", "slug"))


def test_migrate_filled_the_table():
    # The test database was made by migrate, whose post_migrate signal ran the sync.
    assert MemberState.objects.filter(kind=MemberState.Kind.MEMBER).count() == 193
    assert set(MemberState.objects.filter(kind=MemberState.Kind.OBSERVER).values_list("name", flat=True)) == {
        "Holy See", "State of Palestine"}
    turkiye = MemberState.objects.get(name="Türkiye")
    assert turkiye.iso3 == "TUR"
    assert "Turkey" in turkiye.aliases
    assert MemberState.objects.get(iso3="MKD").name == "North Macedonia"
    assert MemberState.objects.get(name="Yugoslavia").kind == MemberState.Kind.HISTORICAL


def test_sync_twice_changes_nothing():
    before = snapshot()
    assert sync_member_states() == 0
    assert sync_member_states() == 0
    assert snapshot() == before


def test_sync_restores_an_edited_row_and_a_deleted_one():
    MemberState.objects.filter(name="Türkiye").update(aliases=[], kind=MemberState.Kind.HISTORICAL)
    MemberState.objects.filter(name="Viet Nam").delete()
    assert sync_member_states() == 2
    turkiye = MemberState.objects.get(name="Türkiye")
    assert turkiye.kind == MemberState.Kind.MEMBER and "Turkey" in turkiye.aliases
    viet_nam = MemberState.objects.get(name="Viet Nam")
    assert viet_nam.iso3 == "VNM" and "Vietnam" in viet_nam.aliases


def test_aliases_find_states_in_the_database():
    # How ingestion finds a printed name: by official name or by alias.
    assert MemberState.objects.get(aliases__contains=["Swaziland"]).name == "Eswatini"
    assert MemberState.objects.get(aliases__contains=["the former Yugoslav Republic of Macedonia"]).iso3 == "MKD"
