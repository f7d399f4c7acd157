"""The command line: every command has help, exit codes tell the truth."""

import json

import pytest
from click.testing import CliRunner

from odaextract.pipeline.cli import main
from tests.conftest import CORPUS, GOLD_SEEDS


def _commands():
    return sorted(main.commands)


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    assert len(main.commands[command].help or "") > 20


def test_top_level_help_lists_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "evaluate", "schema"):
        assert command in result.output


def test_schema_writes_one_valid_schema_per_record(tmp_path):
    result = CliRunner().invoke(main, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "mention.schema.json" in names and "document.schema.json" in names
    schema = json.loads((tmp_path / "mention.schema.json").read_text())
    assert set(schema["properties"]) >= {"id", "doc_id", "label", "text", "start", "end", "norm", "page", "section", "sentence", "sentence_start", "sentence_end", "source"}


def test_evaluate_prints_table_and_json_and_enforces_minimums(seed_run):
    out, _ = seed_run
    runner = CliRunner()
    table = runner.invoke(main, ["evaluate", "--gold", str(GOLD_SEEDS), "--pred", str(out)])
    assert table.exit_code == 0, table.output
    assert "ALL" in table.output and "overlap P/R/F1" in table.output
    as_json = runner.invoke(main, ["evaluate", "--gold", str(GOLD_SEEDS), "--pred", str(out), "--json"])
    report = json.loads(as_json.output)
    assert set(report) == {"ORG", "COUNTRY", "MONEY", "DATE", "ALL"}
    # A gold file with one norm changed: the seeds' own figures are all 1.000 now.
    lines = GOLD_SEEDS.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    money = next(m for m in first["mentions"] if m["label"] == "MONEY")
    money["norm"]["amount"] += 1
    altered = out.parent / "altered-gold.jsonl"
    altered.write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", encoding="utf-8")
    below = runner.invoke(main, ["evaluate", "--gold", str(altered), "--pred", str(out), "--min", "ALL=1.0"])
    assert below.exit_code == 1
    assert "below threshold" in below.output
    reachable = runner.invoke(main, ["evaluate", "--gold", str(GOLD_SEEDS), "--pred", str(out), "--min", "MONEY=0.5"])
    assert reachable.exit_code == 0


def test_evaluate_rejects_a_missing_prediction_folder(tmp_path):
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(GOLD_SEEDS), "--pred", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "no such file" in result.output


def test_run_records_bad_inputs_and_processes_the_rest(tmp_path, annotator, monkeypatch):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text("In 2019, Japan provided $5 million to Kenya through JICA.\n", encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02PDF")
    (inputs / "latin1.txt").write_bytes("Côte d'Ivoire".encode("latin-1"))
    out = tmp_path / "out"
    # Reuse the session's loaded model instead of loading a second one.
    monkeypatch.setattr("odaextract.pipeline.run.Annotator", lambda config_path=None: annotator)
    result = CliRunner().invoke(main, ["run", str(inputs), str(tmp_path / "missing.txt"), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    by_file = {e["path"].rsplit("/", 1)[-1]: e for e in errors}
    assert set(by_file) == {"binary.txt", "empty.txt", "latin1.txt", "missing.txt"}
    assert "binary" in by_file["binary.txt"]["message"]
    assert "not valid UTF-8" in by_file["latin1.txt"]["message"]
    assert by_file["missing.txt"]["stage"] == "discover"
    # One clear line per failure on stderr, naming the file.
    for name in by_file:
        assert any(name in line and line.startswith("error:") for line in result.output.splitlines())
    documents = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    assert [d["doc_id"] for d in documents] == ["good"]
    labels = {json.loads(line)["label"] for line in (out / "mentions.jsonl").read_text().splitlines()}
    assert labels >= {"MONEY", "COUNTRY", "DATE", "ORG"}


def test_run_on_the_corpus_exits_zero(tmp_path, annotator, monkeypatch):
    monkeypatch.setattr("odaextract.pipeline.run.Annotator", lambda config_path=None: annotator)
    result = CliRunner().invoke(main, ["run", str(CORPUS), "--out", str(tmp_path), "--quiet", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "processed" in result.output and "skipped" in result.output  # the summary table
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["documents"] == {"processed": 2, "skipped": 0, "failed": 0}
    again = CliRunner().invoke(main, ["run", str(CORPUS), "--out", str(tmp_path), "--jobs", "1"])
    assert again.exit_code == 0
    assert "skipped: " in again.output  # not a terminal: one plain line per document
    assert json.loads((tmp_path / "manifest.json").read_text())["documents"]["skipped"] == 2


@pytest.mark.parametrize("value", ["MONEY=1.5", "MONEY=-0.1", "MONEY=abc", "ALL=1.01"])
def test_regression_evaluate_min_outside_0_1_is_a_usage_error(seed_run, value):
    # Issue 18: `--min MONEY=1.5` was accepted and could only ever fail.
    out, _ = seed_run
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(GOLD_SEEDS), "--pred", str(out), "--min", value])
    assert result.exit_code == 2, result.output
    assert "--min" in result.output and value in result.output


def _config_with(tmp_path, old, new):
    from tests.conftest import ROOT

    text = (ROOT / "pipeline" / "config.cfg").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "bad.cfg"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "old, new, cause",
    [
        ("[nlp]", "[nlp", "not a valid config"),
        ('factory = "odaextract_money"', 'factory = "odaextract_mony"', "unknown component factory 'odaextract_mony'"),
        ('gated = {"ner": "ner_gate"}', 'gated = {"ner": "no_such_gate"}', "[nlp] gated maps a kept model component"),
    ],
    ids=["malformed", "unknown-component", "gate-without-its-component"],
)
def test_regression_a_bad_config_is_one_line_and_exit_2_before_any_document(tmp_path, old, new, cause):
    # Issue 18: tracebacks, and the unknown component recorded per document as BrokenProcessPool.
    config = _config_with(tmp_path, old, new)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(CORPUS), "--out", str(out), "--config", str(config), "--jobs", "2"])
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"error: {config}: ") and cause in lines[0], lines
    assert "Traceback" not in result.output and "BrokenProcessPool" not in result.output
    assert not (out / "errors.jsonl").exists()


def test_regression_an_out_folder_that_cannot_be_written_is_one_line_and_exit_2(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = CliRunner().invoke(main, ["run", str(CORPUS), "--out", str(blocker / "out"), "--jobs", "1"])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"error: {blocker / 'out'}: cannot write there") and "Traceback" not in result.output

    # A read-only folder (simulated: CI runs as root, which writes anywhere).
    from pathlib import Path

    read_only = tmp_path / "ro"
    read_only.mkdir()
    real_mkdir = Path.mkdir

    def refuse(self, *args, **kwargs):
        if self.is_relative_to(read_only):
            raise PermissionError(13, "Permission denied", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", refuse)
    result = CliRunner().invoke(main, ["run", str(CORPUS), "--out", str(read_only / "out"), "--jobs", "1"])
    assert result.exit_code == 2, result.output
    assert result.output.strip() == f"error: {read_only / 'out'}: cannot write there: permission denied (--out)"


def test_an_internal_error_exits_3_and_says_it_is_a_bug(tmp_path, annotator, monkeypatch):
    from odaextract.pipeline import ingest

    name, reader = ingest.READERS[".txt"]
    monkeypatch.setitem(ingest.READERS, ".txt", (name, lambda path, data: None.text))
    monkeypatch.setattr("odaextract.pipeline.run.Annotator", lambda config_path=None: annotator)
    result = CliRunner().invoke(main, ["run", str(CORPUS), "--out", str(tmp_path / "out"), "--jobs", "1", "--quiet"])
    assert result.exit_code == 3, result.output
    assert "internal error (a bug, not your file)" in result.output
    assert "a bug in odaextract, not in your files" in result.output
