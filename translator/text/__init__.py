"""Characters and spans: the Arabic fold with offsets (arabic.py), the Latin fold (latin.py), sentence
segmentation (segment.py) and chunking for the model (chunk.py)."""

__all__: list[str] = []
