"""``manifest.sig``: the ledger's Ed25519 signature over ``manifest.json``, byte for byte.

The manifest lists every file's SHA-256, so signing it signs the whole archive. The
signature file carries the public key; ``verify`` computes the fingerprint from that key
itself (never from a field a forger could write) and reports it, so the receiver compares
it with the fingerprint printed on the 移交单 and the binder's 备考表.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from ledger_app.outputs.archive.layout import MANIFEST_NAME, SIGNATURE_NAME
from ledger_app.store.signing import fingerprint, public_bytes

FORMAT = "grassroots-ledger-manifest-signature"


@dataclass(frozen=True)
class SignatureCheck:
    fingerprint: str | None    # of the key that made a good signature
    problem: str | None        # why the signature does not hold, in plain Chinese

    @property
    def good(self) -> bool:
        return self.problem is None and self.fingerprint is not None


def sign(key: Any, manifest: bytes) -> bytes:
    """The ``manifest.sig`` bytes for these exact ``manifest.json`` bytes."""
    public = public_bytes(key)
    return json.dumps({
        "format": FORMAT,
        "algorithm": "Ed25519",
        "signed_file": MANIFEST_NAME,
        "signed_sha256": hashlib.sha256(manifest).hexdigest(),
        "public_key": base64.b64encode(public).decode(),
        "fingerprint": fingerprint(public),
        "signature": base64.b64encode(key.sign(manifest)).decode(),
    }, ensure_ascii=False, indent=2).encode("utf-8")


def check(signature_file: bytes, manifest: bytes) -> SignatureCheck:
    """Does ``signature_file`` sign exactly ``manifest``? Never raises for bad input."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        data = json.loads(signature_file.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT \
                or data.get("algorithm") != "Ed25519":
            return SignatureCheck(None, f"{SIGNATURE_NAME} 不是本程序的签名文件。")
        public = base64.b64decode(str(data["public_key"]), validate=True)
        signature = base64.b64decode(str(data["signature"]), validate=True)
        key = Ed25519PublicKey.from_public_bytes(public)
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        return SignatureCheck(None, f"{SIGNATURE_NAME} 已损坏，无法读取。")
    try:
        key.verify(signature, manifest)
    except InvalidSignature:
        return SignatureCheck(None, f"签名不符：{MANIFEST_NAME} 在签名之后被改动过，"
                                    "或签名文件是从别的档案拿来的。")
    return SignatureCheck(fingerprint(public), None)
