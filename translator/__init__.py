"""translator: detect, translate, glossary-check and cite Arabic-language news."""

__version__ = "0.1.0"
