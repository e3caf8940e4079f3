from .states import MemberState  # noqa: F401
from .documents import AgendaItem, Annex, Document, DocumentAgendaItem, Footnote, Paragraph, Sponsorship  # noqa: F401
from .sources import SourceFile  # noqa: F401
from .citations import Citation  # noqa: F401
from resolutions.lineage.models import Series, DocumentLink  # noqa: F401
from .vocabulary import SearchTerm  # noqa: F401
from resolutions.languages.models import LanguageVersion, VersionFootnote, VersionParagraph  # noqa: F401
