"""Helpers for tests and benchmarks: real tiny MarianMT models built from scratch (``tiny``).

Not part of the public API and never imported by the library itself (tests/test_imports.py checks).
"""

__all__: list[str] = []
