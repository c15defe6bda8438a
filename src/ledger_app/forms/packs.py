"""Which packs of declarations this program has (the pack registry).

A ledger records the key of its pack (setting ``_pack``); every open uses that pack, so
a 关工委 ledger gets the 关工委's tables. The built-in packs are the folders under the
shipped ``forms/`` that hold a ``pack.toml``.
"""

from __future__ import annotations

from ledger_app.forms.loader import builtin_pack
from ledger_app.forms.model import Pack

DEFAULT_PACK = "party_branch"


class PackNotInstalled(LookupError):
    """The ledger names a pack this program does not have."""


def installed_packs() -> list[str]:
    from ledger_app.resources import forms_dir

    return sorted(p.parent.name for p in forms_dir().glob("*/pack.toml"))


def org_types() -> list[tuple[str, str]]:
    """(组织类型, pack key) a new ledger may be: the Party branch's first."""
    keys = sorted(installed_packs(), key=lambda k: (k != DEFAULT_PACK, k))
    return [(t, k) for k in keys for t in builtin_pack(k).org_types]


def pack_for_org_type(org_type: str) -> str:
    """The pack that keeps a ledger of this 组织类型 (the default pack if none declares it)."""
    return next((k for t, k in org_types() if t == org_type), DEFAULT_PACK)


def installed_pack(key: str | None) -> Pack:
    """The pack called ``key`` (the default pack for ledgers that name none)."""
    key = key or DEFAULT_PACK
    if key not in installed_packs():
        raise PackNotInstalled(
            f"本程序没有“{key}”类型的台账定义（已安装：{'、'.join(installed_packs()) or '无'}），"
            "请使用能打开这类台账的程序版本。")
    return builtin_pack(key)
