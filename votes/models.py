"""How a resolution was adopted and how each state voted.

A vote record is kept by the resolution's symbol, whether or not the resolution itself is in the archive yet:
the UN's metadata tables cover every resolution of a session, the archive holds some of them. The record is linked
to its document when both are there (at import, and when the document is ingested later), as an unresolved
citation is resolved when the cited document arrives.
"""
from django.db import models


class AdoptionType(models.TextChoices):
    RECORDED_VOTE = "recorded vote", "Recorded vote"
    WITHOUT_A_VOTE = "without a vote", "Without a vote"
    CONSENSUS = "consensus", "By consensus"
    UNANIMOUS = "unanimous", "Unanimously"


class Vote(models.TextChoices):
    YES = "yes", "In favour"
    NO = "no", "Against"
    ABSTAIN = "abstain", "Abstaining"
    NON_VOTING = "non-voting", "Not voting"


class VoteRecord(models.Model):
    symbol_key = models.CharField(max_length=80, unique=True,
                                  help_text="The resolution's symbol, upper-cased without spaces: A/RES/78/220.")
    symbol = models.CharField(max_length=80, help_text="As the source prints it.")
    document = models.ForeignKey("resolutions.Document", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="vote_records", help_text="Set when the resolution is in the archive.")
    adoption_type = models.CharField(max_length=20, choices=AdoptionType.choices, blank=True)
    adoption_type_as_printed = models.CharField(max_length=200, blank=True)
    meeting = models.CharField(max_length=120, blank=True, help_text="'14th plenary meeting', '4088th meeting'.")
    meeting_record = models.CharField(max_length=40, blank=True, help_text="The meeting's record: A/74/PV.14.")
    date = models.DateField(null=True, blank=True, db_index=True)
    in_favour = models.IntegerField(null=True, blank=True)
    against = models.IntegerField(null=True, blank=True)
    abstaining = models.IntegerField(null=True, blank=True)
    source = models.CharField(max_length=200, help_text="Where the record was read: a metadata table or a file.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "symbol_key"]

    def __str__(self):
        return f"Vote on {self.symbol}"

    @property
    def recorded(self) -> bool:
        return self.adoption_type == AdoptionType.RECORDED_VOTE or self.in_favour is not None


class StateVote(models.Model):
    record = models.ForeignKey(VoteRecord, on_delete=models.CASCADE, related_name="state_votes")
    state = models.ForeignKey("resolutions.MemberState", null=True, blank=True, on_delete=models.PROTECT,
                              related_name="votes", help_text="Empty when the printed name matches no state.")
    name_as_printed = models.CharField(max_length=160)
    vote = models.CharField(max_length=12, choices=Vote.choices)
    match_note = models.CharField(max_length=200, blank=True,
                                  help_text="How the printed name was matched when it was not a known name "
                                            "(a misspelling, a name split in two), or why it was not.")

    class Meta:
        ordering = ["record", "vote", "state__name", "name_as_printed"]
        constraints = [models.UniqueConstraint(fields=["record", "name_as_printed"], name="state_vote_once")]
        indexes = [models.Index(fields=["state", "vote"], name="state_vote_by_state")]

    def __str__(self):
        return f"{self.name_as_printed}: {self.vote}"
