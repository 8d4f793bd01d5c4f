"""Text utilities: Arabic normalization (arabic.py) and segmentation (segment.py)."""
