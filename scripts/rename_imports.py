"""Rewrite imports of the top-level `pipeline`/`models` to `odaextract.pipeline`/`odaextract.models` (issue 16).

    python scripts/rename_imports.py pipeline models odaextract tests scripts benchmarks

Used once for the move into the `odaextract` namespace; kept so that a branch
written before it can be brought over the same way (idempotent: renamed code
is left as is). It rewrites `from pipeline... import`, `import pipeline.x as y`
and module names in strings ("pipeline.cli", "pipeline.run.Annotator",
resources.files("pipeline"), PackageLoader("pipeline.report", ...)). A bare
`import pipeline.x` (whose later uses say `pipeline.x.name`) is only reported:
fix those by hand. tests/test_package.py fails on anything left over.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

FROM_IMPORT = re.compile(r"^(\s*)from (pipeline|models)(\.[\w.]+)? import ", re.M)
IMPORT_AS = re.compile(r"^(\s*)import (pipeline|models)(\.[\w.]+)?( as \w+)", re.M)
BARE_IMPORT = re.compile(r"^\s*import (?:pipeline|models)\b(?![\w.]* as ).*$", re.M)
MODULE_STRING = re.compile(r"""(?P<q>["'])(?P<top>pipeline|models)(?P<rest>(?:\.\w+)+)?(?P=q)""")
# a bare "pipeline"/"models" string is a module name only as the first argument of these
MODULE_ARGUMENT = re.compile(r"(?:resources\.files|PackageLoader|import_module)\(\s*$")
# this script and the test of the old forms hold them on purpose
SKIP = {Path(__file__).resolve(), (Path(__file__).resolve().parents[1] / "tests" / "test_package.py")}


def rename(text: str) -> str:
    text = FROM_IMPORT.sub(r"\1from odaextract.\2\3 import ", text)
    text = IMPORT_AS.sub(r"\1import odaextract.\2\3\4", text)

    def string(match: re.Match) -> str:
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not match.group("rest") and not MODULE_ARGUMENT.search(text[line_start:match.start()]):
            return match.group(0)  # a path part or a dict key (ROOT / "pipeline", meta["pipeline"])
        return f'{match.group("q")}odaextract.{match.group("top")}{match.group("rest") or ""}{match.group("q")}'

    return MODULE_STRING.sub(string, text)


def main(roots: list[str]) -> int:
    for root in roots:
        for path in sorted(Path(root).rglob("*.py")):
            if {".venv", "__pycache__"} & set(path.parts) or path.resolve() in SKIP:
                continue
            old = path.read_text(encoding="utf-8")
            new = rename(old)
            if new != old:
                path.write_text(new, encoding="utf-8")
                print(f"renamed: {path}")
            for match in BARE_IMPORT.finditer(new):
                line = new.count("\n", 0, match.start()) + 1
                print(f"by hand: {path}:{line}: {match.group().strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["pipeline", "models", "odaextract", "tests", "scripts", "benchmarks"]))
