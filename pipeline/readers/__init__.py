"""Readers for layout formats: PDF (pypdfium2 or pdfplumber) and HTML (lxml).

Each is a `pipeline.ingest.Reader`: `(path, bytes) -> ReadResult` (types in
`pipeline.reader_types`), raising
`InputError` with a one-line cause for unusable input. Importing this package
is cheap: the readers import their parsers when first called.
"""

from odaextract.pipeline.readers.html import read_html
from odaextract.pipeline.readers.pdf import read_pdf

__all__ = ["read_html", "read_pdf"]
