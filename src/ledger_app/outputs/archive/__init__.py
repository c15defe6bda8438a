"""The inspection archive: build (``build_archive``), check (``verify_archive``) and open
read-only (``InspectionArchive``) one zip per period. No Qt here."""

from ledger_app.outputs.archive.build import ArchiveResult, build_archive
from ledger_app.outputs.archive.inspection import InspectionArchive
from ledger_app.outputs.archive.safe_extract import HostileArchiveError, Limits
from ledger_app.outputs.archive.verify import VerifyReport, verify_archive

__all__ = [
           "ArchiveResult",
           "HostileArchiveError",
           "InspectionArchive",
           "Limits",
           "VerifyReport",
           "build_archive",
           "verify_archive",
]
