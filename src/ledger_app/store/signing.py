"""The ledger's own signing key: archives it makes can be told apart from forgeries.

Each ledger holds one Ed25519 key pair, made when the ledger is created (or, for a ledger
made by an earlier version, the first time it is opened for writing). The private half
lives only in the ledger file (setting ``_signing_key``); it is never shown, never put in
an archive's snapshot and never printed. What the world sees is the public key's
**fingerprint**: 32 hexadecimal digits in eight groups (``3F2A-91C0-…``), short enough
to print on the binder's 备考表 and on the 移交单 and to read out over the phone.

Why a signature and not only the manifest's SHA-256 list: anyone who changes a file can
also change its line in the manifest. A signature over the manifest can only be made
with the private key, so a changed manifest is caught; someone who re-signs with a key of
their own is caught by comparing the fingerprint with the one on paper.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sqlite3
from typing import TYPE_CHECKING, Any

from ledger_app.store.errors import LedgerError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from ledger_app.store.ledger import Ledger

KEY_SETTING = "_signing_key"
_HEX = re.compile(r"[^0-9A-F]")


def new_key_setting() -> str:
    """A fresh private key as the JSON text stored in ``settings``."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    raw = Ed25519PrivateKey.generate().private_bytes(Encoding.Raw, PrivateFormat.Raw,
                                                     NoEncryption())
    return json.dumps({"algorithm": "Ed25519", "private": base64.b64encode(raw).decode()})


def ensure_key(conn: sqlite3.Connection) -> None:
    """Give a ledger without a key one (inside the caller's write transaction)."""
    row = conn.execute("SELECT 1 FROM settings WHERE key = ?", (KEY_SETTING,)).fetchone()
    if row is None:
        conn.execute("INSERT INTO settings(key, value) VALUES (?, ?)",
                     (KEY_SETTING, new_key_setting()))


def private_key(ledger: Ledger) -> Ed25519PrivateKey | None:
    """The ledger's key, or None for a ledger that has none yet (never opened for writing
    by a version that signs)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    rows = ledger.query("SELECT value FROM settings WHERE key = ?", (KEY_SETTING,))
    if not rows:
        return None
    try:
        data = json.loads(rows[0]["value"])
        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(data["private"]))
    except (ValueError, KeyError, TypeError) as exc:
        raise LedgerError("台账中保存的签名密钥已损坏，无法为检查档案签名。"
                          "请用 ledger-app doctor 检查台账，或从备份恢复。") from exc


def key_problems(conn: sqlite3.Connection) -> list[str]:
    """For ``doctor``: a stored key that no longer reads as an Ed25519 key (none is fine:
    a ledger of an earlier version gets one when next opened for writing)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    row = conn.execute("SELECT value FROM settings WHERE key = ?", (KEY_SETTING,)).fetchone()
    if row is None:
        return []
    try:
        Ed25519PrivateKey.from_private_bytes(base64.b64decode(json.loads(row[0])["private"]))
    except (ValueError, KeyError, TypeError):
        return ["台账的签名密钥已损坏：导出的检查档案将无法签名。请从备份恢复。"]
    return []


def public_bytes(key: Any) -> bytes:
    """The raw 32-byte public key of a private or public Ed25519 key."""
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    public = key.public_key() if hasattr(key, "public_key") else key
    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(public_key: bytes) -> str:
    """``3F2A-91C0-…``: the first 128 bits of the key's SHA-256, in eight groups of four."""
    digest = hashlib.sha256(public_key).hexdigest()[:32].upper()
    return "-".join(digest[i:i + 4] for i in range(0, 32, 4))


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed (spaces, lower case, no dashes) in the printed form."""
    digits = _HEX.sub("", str(text).upper())
    if len(digits) != 32:
        raise LedgerError(f"密钥指纹“{text}”不对：应为 32 位十六进制数字（0-9、A-F），"
                          "如 3F2A-91C0-7B4E-0D11-A5C3-9E28-4F60-B7D2。")
    return "-".join(digits[i:i + 4] for i in range(0, 32, 4))


def ledger_fingerprint(ledger: Ledger) -> str | None:
    """The fingerprint 组织设置, the 备考表 and the 移交单 show; None without a key."""
    key = private_key(ledger)
    return fingerprint(public_bytes(key)) if key is not None else None
