"""Which editor each declared field type gets, and which types take the whole form width."""

from __future__ import annotations

from collections.abc import Callable

from ledger_app.forms.model import Field
from ledger_app.ui.field_widgets import (
    DateEditor,
    FieldEditor,
    IntegerEditor,
    LongTextEditor,
    MoneyEditor,
    MonthEditor,
    TextEditor,
)
from ledger_app.ui.pick_widgets import (
    BoolEditor,
    ChoiceEditor,
    MemberEditor,
    MembersEditor,
    MultiChoiceEditor,
)

EDITORS: dict[str, Callable[[Field], FieldEditor]] = {
    "text": TextEditor,
    "longtext": LongTextEditor,
    "date": DateEditor,
    "month": MonthEditor,
    "integer": IntegerEditor,
    "money": MoneyEditor,
    "choice": ChoiceEditor,
    "multichoice": MultiChoiceEditor,
    "bool": BoolEditor,
    "member": MemberEditor,
    "members": MembersEditor,
}

# Field types laid out across the whole width of the form.
WIDE_TYPES = ("longtext", "multichoice", "members", "attachments", "attendance")
