"""Where the toolkit keeps its files, and the defaults every stage shares."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DEFAULT_MODEL", "glossary_dirs", "home", "offline"]

DEFAULT_MODEL = "Helsinki-NLP/opus-mt-ar-en"


def home() -> Path:
    """The toolkit's data folder: added/converted models, the translation memory.

    ``$TRANSLATOR_HOME`` if set, else ``$XDG_DATA_HOME/translator`` (``~/.local/share/translator``).
    """
    explicit = os.environ.get("TRANSLATOR_HOME")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "translator"


def offline() -> bool:
    """True when the hub must not be contacted (``HF_HUB_OFFLINE`` or ``TRANSLATOR_OFFLINE`` set)."""
    return any(os.environ.get(v, "").strip().lower() in {"1", "true", "yes", "on"}
               for v in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "TRANSLATOR_OFFLINE"))


def glossary_dirs() -> list[Path]:
    """Folders holding the shipped glossary data (``glossary/`` in a checkout, bundled in a wheel)."""
    explicit = os.environ.get("TRANSLATOR_GLOSSARY_DIR")
    if explicit:
        return [Path(explicit)]
    package = Path(__file__).resolve().parent
    for candidate in (package / "_glossary", package.parent / "glossary"):
        if candidate.is_dir():
            return [candidate]
    return []
