"""The version of this Python package (the same as the libflexiti it is released with)."""
__version__ = "0.1.0"
