from django.core.management.base import BaseCommand, CommandError

from votes.services import import_vote_tables


class Command(BaseCommand):
    help = ("Import how each state voted from the UN's per-resolution metadata tables (JSON Lines, as in "
            "unxml-ga-resolutions/data_extract/ and unxml-sc-resolutions/data_extract/). Idempotent: a row imported "
            "again replaces its earlier import.")

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Table files or folders of *.json tables.")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options):
        from pathlib import Path

        paths = options["paths"]

        missing = [p for p in paths if not Path(p).exists()]
        if missing:
            raise CommandError(f"No such file or folder: {', '.join(missing)}")
        summary = import_vote_tables(list(paths), progress=not options["no_progress"])
        out = self.stdout
        out.write(f"{summary.rows} rows read: {summary.created} vote records created, {summary.updated} updated, "
                  f"{summary.linked} linked to a document in the archive, {len(summary.skipped)} skipped.")
        out.write(f"{summary.state_votes} state votes: {summary.matched} matched to a state "
                  f"({summary.matched_share:.1%}), {sum(summary.unmatched.values())} unmatched.")
        for (name, note), times in sorted(summary.matched_with_note.items()):
            out.write(f"  matched '{name}' ({times}x): {note}")
        for (name, why), times in sorted(summary.unmatched.items()):
            out.write(f"  unmatched '{name}' ({times}x): {why}")
        for line in summary.skipped[:20]:
            out.write(f"  skipped {line}")
