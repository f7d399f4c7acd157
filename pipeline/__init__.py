"""odaextract: turn development-cooperation white papers into validated datasets."""

__version__ = "0.1.0"
