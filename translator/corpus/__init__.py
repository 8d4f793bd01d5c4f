"""Corpus folders: read documents (readers), run the pipeline (pipeline), write tables (tables) and reports."""

__all__: list[str] = []
