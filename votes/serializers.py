"""The API's shape of a document's votes (its ``votes`` field in the document detail): the votes capability's own.
Read-only, over ``votes.selectors.DocumentVote``."""
from __future__ import annotations

from rest_framework import serializers


class StateVoteSerializer(serializers.Serializer):
    state = serializers.SerializerMethodField(help_text="Today's UN short name of the state; as printed if unknown.")
    vote = serializers.ChoiceField(choices=["yes", "no", "abstain", "non-voting"])

    def get_state(self, state_vote) -> str:
        return state_vote.state.name if state_vote.state_id else state_vote.name_as_printed


class VotesSerializer(serializers.Serializer):
    adoption_type = serializers.CharField(allow_null=True, help_text="recorded vote, without a vote, consensus or "
                                          "unanimous.")
    meeting = serializers.CharField(allow_null=True)
    in_favour = serializers.IntegerField(allow_null=True)
    against = serializers.IntegerField(allow_null=True)
    abstaining = serializers.IntegerField(allow_null=True)
    states = StateVoteSerializer(many=True)

    def to_representation(self, vote):
        """``vote`` is votes.selectors.DocumentVote."""
        record = vote.record
        return {"adoption_type": record.adoption_type or None, "meeting": record.meeting or None,
                "in_favour": record.in_favour, "against": record.against, "abstaining": record.abstaining,
                "states": [self.fields["states"].child.to_representation(v)
                           for votes in vote.by_vote.values() for v in votes]}
