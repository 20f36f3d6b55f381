"""Signed media URLs, as nginx (deploy/nginx/kinora.conf) and kinora check them.

    /media/{sig}/{expires}/{session}/{asset}/{file...}
    sig = base64url without padding of MD5("{expires}/{session}/{asset} {secret}")

That string is what nginx's `secure_link_md5 "$exp/$sess/$asset $secret"` hashes. The
signature covers {session}/{asset}, so one signature serves every file of the asset.
"""
import base64
import hashlib
import re

SESSION_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
ASSET_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")


def _check(expires, session, asset):
    if isinstance(expires, bool) or not isinstance(expires, int) or expires < 0:
        raise ValueError(f"expires must be a non-negative int (unix seconds): {expires!r}")
    if not SESSION_RE.fullmatch(session):
        raise ValueError(f"bad session id: {session!r}")
    if not ASSET_RE.fullmatch(asset):
        raise ValueError(f"bad asset id: {asset!r}")


def sign(secret: str, expires: int, session: str, asset: str) -> str:
    """The 22-character signature of a link to `asset` for `session`, valid until `expires`."""
    _check(expires, session, asset)
    digest = hashlib.md5(f"{expires}/{session}/{asset} {secret}".encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def media_path(secret: str, expires: int, session: str, asset: str, file: str) -> str:
    """`/media/{sig}/{expires}/{session}/{asset}/{file}`; `file` is relative to the asset."""
    parts = file.split("/")
    if not file or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"bad file path inside the asset: {file!r}")
    sig = sign(secret, expires, session, asset)
    return f"/media/{sig}/{expires}/{session}/{asset}/{file}"


def media_url(base: str, secret: str, expires: int, session: str, asset: str, file: str) -> str:
    """`media_path` under `base`, e.g. base="http://127.0.0.1:8080"."""
    return base.rstrip("/") + media_path(secret, expires, session, asset, file)
