"""Corpus folders: read documents (readers), run a batch (run, executors), write tables (tables) and reports."""

__all__: list[str] = []
