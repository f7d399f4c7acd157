"""The distribution (issue 16): one top-level name, a Python API, spaCy entry points.

- the wheel's top level is `odaextract` alone (plus its dist-info) and holds
  every module and data file of pipeline/ and models/;
- no code imports the top-level `pipeline` or `models` (importable from a
  checkout's root: both names would register every spaCy component twice);
- `spacy.blank("en").add_pipe("odaextract_money")` works in a fresh
  interpreter that never imported odaextract (entry points);
- the README's Python blocks run, here and in a fresh virtual environment
  with only the built wheel installed (built once per session).
"""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SOURCE_DIRS = ("odaextract", "pipeline", "models")  # what the wheel is built from
CHECKED_DIRS = ("odaextract", "pipeline", "models", "tests", "scripts", "benchmarks")
INSTALLED_AS = {"odaextract": "odaextract", "pipeline": "odaextract/pipeline", "models": "odaextract/models"}

# `from pipeline...`, `import pipeline...`, `from models...`, `import models...` as a statement, and
# module names in strings ("pipeline.cli", resources.files("pipeline")): all must say odaextract.
OLD_IMPORT = re.compile(r"^\s*(?:from|import)\s+(?:pipeline|models)\b", re.M)
OLD_MODULE_STRING = re.compile(r"""["'](?:pipeline|models)(?:\.\w+)+["']|(?:files|PackageLoader)\(\s*["'](?:pipeline|models)["']""")

# these hold the old forms on purpose: this test, and the script that rewrites them
HOLD_OLD_FORMS = {Path(__file__).resolve(), ROOT / "scripts" / "rename_imports.py"}

ADD_PIPE = """
import sys
import spacy

# Nothing of ours is imported by this code: spaCy imports the entry points' modules
# itself (Language() loads every `spacy_factories` entry point).
assert not any(name.split(".")[0] == "odaextract" for name in sys.modules)
nlp = spacy.blank("en")
nlp.add_pipe("odaextract_money")
doc = nlp("Japan pledged USD 1.5 billion and 20 billion yen.")
print([(c.label, c.norm["amount"], c.norm["currency"]) for c in doc._.odax_candidates])
finder = spacy.registry.misc.get("odaextract.money_finder.v1")()
print(len(finder("a grant of $3 million")))
assert "pipeline" not in sys.modules and "models" not in sys.modules
"""
ADD_PIPE_OUTPUT = "[('MONEY', 1500000000, 'USD'), ('MONEY', 20000000000, 'JPY')]\n1\n"


def python_blocks(readme: Path = ROOT / "README.md") -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", readme.read_text(encoding="utf-8"), re.M | re.S)


def sources() -> list[Path]:
    return [p for d in CHECKED_DIRS for p in (ROOT / d).rglob("*.py") if "__pycache__" not in p.parts]


def run_python(python: Path | str, code: str, cwd: Path) -> subprocess.CompletedProcess:
    # cwd outside the checkout: only the installed package is importable
    return subprocess.run([str(python), "-c", code], cwd=cwd, capture_output=True, text=True)


# --- the sources ------------------------------------------------------------

def test_no_code_imports_the_top_level_pipeline_or_models():
    offenders = []
    for path in sources():
        if path in HOLD_OLD_FORMS:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in (OLD_IMPORT, OLD_MODULE_STRING):
            offenders += [f"{path.relative_to(ROOT)}: {m.group().strip()}" for m in pattern.finditer(text)]
    assert offenders == []


def test_the_grep_patterns_catch_the_old_forms():
    # the test above could pass by matching nothing: each old form must match, each new one not
    for old in ("from pipeline.run import run", "import models.mention as m", "  from models import Mention"):
        assert OLD_IMPORT.search(old), old
    for old in ('"pipeline.cli"', "'pipeline.run.Annotator'", 'resources.files("pipeline")', 'PackageLoader("pipeline", "x")'):
        assert OLD_MODULE_STRING.search(old), old
    for new in ("from odaextract.pipeline.run import run", '"odaextract.pipeline.cli"', 'meta["pipeline"]',
                'resources.files("odaextract.pipeline")', 'ROOT / "pipeline" / "data"'):
        assert not OLD_IMPORT.search(new) and not OLD_MODULE_STRING.search(new), new


def test_importing_every_module_from_the_checkout_root_loads_no_top_level_pipeline_or_models():
    # From the root, `import pipeline` would succeed: no module of ours may do it.
    code = """
import pkgutil, sys
import odaextract, odaextract.pipeline, odaextract.models
for package in (odaextract.pipeline, odaextract.models):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        __import__(info.name)
loaded = sorted(n for n in sys.modules if n.split(".")[0] in ("pipeline", "models"))
print(len([n for n in sys.modules if n.startswith("odaextract.")]), loaded)
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    count, loaded = done.stdout.split(" ", 1)
    assert int(count) > 40 and loaded.strip() == "[]"


def test_every_package_folder_is_listed_in_pyproject():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = set()
    for folder in SOURCE_DIRS:
        for init in (ROOT / folder).rglob("__init__.py"):
            relative = init.parent.relative_to(ROOT / folder).parts
            prefix = "odaextract" if folder == "odaextract" else f"odaextract.{folder}"
            found.add(".".join((prefix, *relative)))
    assert found == listed


def test_every_factory_and_registered_function_of_ours_is_an_entry_point():
    import spacy

    import odaextract.pipeline.components  # noqa: F401  (registers them)

    entry_points = PYPROJECT["project"]["entry-points"]
    for group, registry in (("spacy_factories", spacy.registry.factories), ("spacy_misc", spacy.registry.misc)):
        ours = {name: func for name, func in registry.get_all().items() if func.__module__.startswith("odaextract.")}
        assert set(entry_points[group]) == set(ours), group
        for name, target in entry_points[group].items():
            module, _, attribute = target.partition(":")
            assert getattr(sys.modules[module], attribute) is ours[name], (group, name)
    assert {"odaextract_money", "odaextract_resolver"} <= set(entry_points["spacy_factories"])


# --- the installed package (editable, in .venv) ------------------------------

def test_add_pipe_works_in_a_fresh_interpreter_without_importing_odaextract(tmp_path):
    done = run_python(sys.executable, ADD_PIPE, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ADD_PIPE_OUTPUT


def test_the_readme_python_blocks_run(tmp_path):
    blocks = python_blocks()
    assert len(blocks) >= 2 and any("odaextract.extract(" in b for b in blocks) and any("add_pipe" in b for b in blocks)
    for block in blocks:
        done = run_python(sys.executable, block, tmp_path)
        assert done.returncode == 0, f"{block}\n{done.stderr}"
        assert done.stdout.strip(), block


def test_extract_returns_the_pydantic_models_with_traceable_offsets():
    import odaextract
    from odaextract.models import DocumentRecord, Fact, Mention

    text = "Japan extended a loan of 12.3 billion yen to India in FY2015.\nJICA supported the project."
    result = odaextract.extract(text, doc_id="loan")
    assert isinstance(result.document, DocumentRecord) and result.document.doc_id == "loan"
    assert result.text == text and all(isinstance(m, Mention) for m in result.mentions)
    assert all(text[m.start:m.end] == m.text for m in result.mentions)
    assert {(m.label, m.text) for m in result.mentions} >= {("MONEY", "12.3 billion yen"), ("COUNTRY", "India")}
    assert [type(f) for f in result.facts] == [Fact] and result.facts[0].amount.currency == "JPY"
    assert result.facts[0].recipients == ["IND"]


def test_extract_file_reads_as_the_cli_does(tmp_path):
    import odaextract
    from odaextract.pipeline.ingest import InputError

    path = tmp_path / "memo.md"
    path.write_text("# Aid\n\nJapan provided $2 million to Nepal.\n", encoding="utf-8")
    result = odaextract.extract_file(path)
    assert result.document.doc_id == "memo" and result.document.format == "markdown"
    assert [(m.label, m.text) for m in result.mentions if m.label == "MONEY"] == [("MONEY", "$2 million")]
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match="empty file"):
        odaextract.extract_file(tmp_path / "empty.txt")


def test_load_nlp_is_the_configured_pipeline():
    import odaextract

    from thinc.api import Config

    from odaextract.pipeline.annotate import config_text

    configured = Config().from_str(config_text())["nlp"]
    nlp = odaextract.load_nlp()
    # A gated model component runs inside its gate, not as a pipe of its own.
    kept = [name for name in configured["keep"] if name not in configured.get("gated", {})]
    assert nlp.pipe_names == [*kept, *configured["components"]]
    assert nlp.get_pipe("ner_gate").ner is not None
    doc = nlp("The Asian Development Bank lent $40 million to Bangladesh.")
    assert [(m.label, doc.text[m.start:m.end]) for m in doc._.odax_mentions] == [
        ("ORG", "Asian Development Bank"), ("MONEY", "$40 million"), ("COUNTRY", "Bangladesh")]


# --- the wheel and a fresh virtual environment --------------------------------

@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """`pip wheel . --no-deps`, built from a copy (the build writes build/ and egg-info beside the sources)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for folder in SOURCE_DIRS:
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--quiet", "--disable-pip-version-check",
                    "-w", str(work / "dist")], cwd=source, check=True, capture_output=True)
    (built,) = (work / "dist").glob("odaextract-*.whl")
    return built


@pytest.fixture(scope="session")
def wheel_venv(wheel, tmp_path_factory) -> Path:
    """A virtual environment with only the wheel installed (its dependencies from the registry or pip's cache)."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    done = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return python


def test_the_wheel_top_level_is_odaextract_alone(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/", 1)[0] for name in names}
    assert top == {"odaextract", wheel.name.split("-py")[0] + ".dist-info"}


def test_the_wheel_holds_every_module_and_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"{INSTALLED_AS[folder]}/{path.relative_to(ROOT / folder).as_posix()}"
        for folder in SOURCE_DIRS
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert "odaextract/pipeline/data/currencies.json" in expected and "odaextract/pipeline/config.cfg" in expected
    assert expected - names == set()
    assert {n for n in names if not n.split("/", 1)[0].endswith(".dist-info")} == expected


def test_the_wheel_declares_the_console_script_and_spacy_entry_points(wheel):
    archive = zipfile.ZipFile(wheel)
    (entry_file,) = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
    parser = configparser.ConfigParser(delimiters=("=",))
    parser.optionxform = str  # keep the names' case
    parser.read_string(archive.read(entry_file).decode("utf-8"))
    assert parser["console_scripts"]["odaextract"].strip() == "odaextract.pipeline.cli:main"
    for group in ("spacy_factories", "spacy_misc"):
        declared = {name: value.strip() for name, value in parser[group].items()}
        assert declared == PYPROJECT["project"]["entry-points"][group]


def test_a_fresh_venv_with_only_the_wheel_runs_the_readme_and_add_pipe(wheel_venv, tmp_path):
    for block in python_blocks():
        done = run_python(wheel_venv, block, tmp_path)
        assert done.returncode == 0, f"{block}\n{done.stderr}"
    done = run_python(wheel_venv, ADD_PIPE, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ADD_PIPE_OUTPUT
    where = run_python(wheel_venv, """
import importlib.util, odaextract, odaextract.pipeline
print(odaextract.pipeline.__file__)
print(importlib.util.find_spec("pipeline"), importlib.util.find_spec("models"))
""", tmp_path)
    assert where.returncode == 0, where.stderr
    path, specs = where.stdout.splitlines()
    assert Path(path).is_relative_to(wheel_venv.parent.parent) and "site-packages/odaextract/pipeline" in path
    assert specs == "None None"


def test_the_installed_wheel_fingerprints_its_code_and_data_like_the_checkout(wheel_venv, tmp_path):
    # fingerprint.py hashes the files beside it: the checkout's root or site-packages/odaextract/
    from odaextract.pipeline import fingerprint

    done = run_python(wheel_venv, "from odaextract.pipeline import fingerprint as f; print(f.code_sha256(), f.data_sha256())",
                      tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [fingerprint.code_sha256(), fingerprint.data_sha256()]


def test_the_wheels_console_script_runs_a_document(wheel_venv, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "grant.txt").write_text("Japan provided a grant of 500 million yen to Mongolia in 2020.\n")
    command = [str(wheel_venv.parent / "odaextract"), "run", "in", "--out", "out", "--jobs", "1", "--quiet"]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = (tmp_path / "out" / "mentions.jsonl").read_text().splitlines()
    assert any('"500 million yen"' in line for line in lines) and any('"MNG"' in line for line in lines)


def test_the_rename_script_rewrites_the_old_forms_and_only_them():
    import importlib.util

    spec = importlib.util.spec_from_file_location("rename_imports", ROOT / "scripts" / "rename_imports.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    old = ('from pipeline.run import run\nimport models.mention as m\nx = resources.files("pipeline")\n'
           'command = ["-m", "pipeline.cli"]\npath = ROOT / "pipeline" / "data"\nnames = meta["pipeline"]\n')
    new = ('from odaextract.pipeline.run import run\nimport odaextract.models.mention as m\n'
           'x = resources.files("odaextract.pipeline")\ncommand = ["-m", "odaextract.pipeline.cli"]\n'
           'path = ROOT / "pipeline" / "data"\nnames = meta["pipeline"]\n')
    assert script.rename(old) == new
    assert script.rename(new) == new  # idempotent
    assert not OLD_IMPORT.search(new) and not OLD_MODULE_STRING.search(new)


def keep_pdf_environment(monkeypatch):
    """run() sets ODAX_PDF_* for the readers; restored after the test, so later tests see the default engine."""
    for name, value in (("ODAX_PDF_ENGINE", "pdfium"), ("ODAX_PDF_MAX_PAGES", "0")):
        monkeypatch.setenv(name, value)


def test_run_writes_the_datasets_and_a_bad_input_is_one_error_line(tmp_path, monkeypatch):
    import odaextract

    keep_pdf_environment(monkeypatch)

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "aid.txt").write_text("Japan provided $7 million to Fiji in 2018.\n", encoding="utf-8")
    (tmp_path / "in" / "broken.txt").write_bytes(b"\xff\xfe not UTF-8")
    result = odaextract.run([tmp_path / "in"], tmp_path / "out")
    assert (result.count("processed"), result.count("failed"), result.ok) == (1, 1, False)
    assert [e.path.rsplit("/", 1)[-1] for e in result.errors] == ["broken.txt"]
    assert "not valid UTF-8" in result.errors[0].message
    written = (tmp_path / "out" / "mentions.jsonl").read_text(encoding="utf-8")
    assert '"$7 million"' in written and '"FJI"' in written
    assert odaextract.run([tmp_path / "in"], tmp_path / "out").count("skipped") == 1  # unchanged: reused


def test_the_cli_run_is_a_layer_over_the_api(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import odaextract
    from odaextract.pipeline.cli import main

    keep_pdf_environment(monkeypatch)
    calls = []
    real = odaextract.run
    monkeypatch.setattr(odaextract, "run", lambda *args, **kwargs: calls.append((args, kwargs)) or real(*args, **kwargs))
    (tmp_path / "a.txt").write_text("JICA signed a loan of 3 billion yen with Peru.\n", encoding="utf-8")
    done = CliRunner().invoke(main, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--jobs", "1",
                                     "--pdf-engine", "pdfplumber", "--quiet"])
    assert done.exit_code == 0, done.output
    ((args, kwargs),) = calls
    assert args == ([tmp_path / "a.txt"], tmp_path / "out")
    assert (kwargs["jobs"], kwargs["pdf_engine"], kwargs["force"]) == (1, "pdfplumber", False)
    assert '"3 billion yen"' in (tmp_path / "out" / "mentions.jsonl").read_text(encoding="utf-8")
