"""`odaextract report`: a static review site of a run (index, one page per document part).

`build_report(pred_dir, out_dir)` is the whole feature; the click command only
parses options. See README "Review report".
"""

from odaextract.pipeline.report.build import DEFAULT_PART_CHARS, ReportSummary, build_report
from odaextract.pipeline.report.data import ReportInputError

__all__ = ["DEFAULT_PART_CHARS", "ReportInputError", "ReportSummary", "build_report"]
