"""One way to assemble a :class:`~translator.mt.Translator` from options: engine, translation memory and
glossary enforcer. The command line (``translator translate``) and the batch job (local and Ray) both call
:func:`build_translator`, so a translation reads the same whichever way it was asked for (issue 12).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from translator.glossary import Glossary
    from translator.mt.translate import Translator

__all__ = ["TranslatorOptions", "build_translator"]

log = logging.getLogger("translator")


@dataclass(frozen=True)
class TranslatorOptions:
    """What a Translator is made of. ``engine`` is the MT engine (auto, ctranslate2, transformers), never
    where a batch runs; ``memory_path`` None = the translation memory in TRANSLATOR_HOME."""

    model: str | Path | None = None
    engine: str = "auto"
    device: str = "cpu"
    threads: int | None = None
    memory_path: Path | None = None
    use_memory: bool = True
    glossary_paths: tuple[Path, ...] = ()
    use_glossary: bool = True
    inter_threads: int | None = None  # CTranslate2 workers (batches in flight); None: as ``threads`` says
    use_vmap: bool = False  # CTranslate2 vocabulary shortlist (the model folder's vmap.txt)

    @classmethod
    def from_object(cls, source: Any) -> TranslatorOptions:
        """The fields of any object that has them (``BatchOptions``), the others left at their defaults."""
        names = cls.__dataclass_fields__
        return cls(**{name: getattr(source, name) for name in names if hasattr(source, name)})


def build_translator(options: TranslatorOptions, *, glossary: Glossary | None = None) -> Translator:
    """A Translator: the engine for ``options.model`` (loaded once), the memory and, when glossaries are in
    use, a TermEnforcer over ``glossary`` (loaded from ``options.glossary_paths`` plus the shipped glossary
    when not given; its problems are logged as warnings).

    Raises :class:`~translator.errors.ModelNotFoundError` when no model is found and
    :class:`~translator.errors.EngineError` when the engine cannot load it (nothing else is built then).
    """
    from translator.mt import Translator, load_engine
    from translator.mt.memory import TranslationMemory

    engine = load_engine(options.model, engine=options.engine, device=options.device, threads=options.threads,
                         inter_threads=options.inter_threads, use_vmap=options.use_vmap)
    memory = None
    if options.use_memory:
        memory = TranslationMemory(options.memory_path) if options.memory_path else TranslationMemory()
    enforcer = None
    if options.use_glossary:
        from translator.glossary import Glossary
        from translator.glossary.enforce import TermEnforcer

        if glossary is None:
            glossary = Glossary.load(list(options.glossary_paths))
            for problem in glossary.problems:
                log.warning("glossary: %s", problem)
        enforcer = TermEnforcer(glossary)
    return Translator(engine, memory=memory, enforcer=enforcer)
