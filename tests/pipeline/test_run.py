"""Batch runs: incremental, parallel, resumable, locked, honest about failures."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from odaextract.pipeline.run import run
from odaextract.pipeline.state import STATE_DIR, LockedError, RunLock
from tests.conftest import CORPUS, HELDOUT, ROOT

SEEDS = sorted(CORPUS.glob("*.txt"))
HELDOUT_DOCS = sorted(HELDOUT.glob("*.txt"))


def _inputs(folder: Path, documents: list[Path]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for document in documents:
        shutil.copy(document, folder / document.name)
    return folder


def _datasets(out: Path) -> dict[str, bytes]:
    names = ("mentions.jsonl", "facts.jsonl", "tracks.jsonl", "documents.jsonl", "errors.jsonl")
    return {name: (out / name).read_bytes() for name in names}


def test_unchanged_documents_are_skipped_and_a_changed_one_replaces_only_its_records(tmp_path, annotator):
    inputs = _inputs(tmp_path / "in", SEEDS)
    out = tmp_path / "out"
    first = run([inputs], out, annotator=annotator)
    assert (first.count("processed"), first.count("skipped")) == (2, 0)
    before = _datasets(out)

    again = run([inputs], out, annotator=annotator)
    assert (again.count("processed"), again.count("skipped")) == (0, 2)
    assert _datasets(out) == before

    changed = inputs / SEEDS[1].name
    changed.write_text(changed.read_text(encoding="utf-8") + "In 2024, Japan provided $7 million to Kenya.\n", encoding="utf-8")
    third = run([inputs], out, annotator=annotator)
    assert (third.count("processed"), third.count("skipped")) == (1, 1)
    mentions = [json.loads(line) for line in (out / "mentions.jsonl").read_text().splitlines()]
    old = [json.loads(line) for line in before["mentions.jsonl"].decode().splitlines()]
    untouched = SEEDS[0].stem
    assert [m for m in mentions if m["doc_id"] == untouched] == [m for m in old if m["doc_id"] == untouched]
    assert any(m["text"] == "$7 million" and m["doc_id"] == changed.stem for m in mentions)

    forced = run([inputs], out, annotator=annotator, force=True)
    assert forced.count("processed") == 2


def test_output_is_identical_whatever_the_number_of_jobs(tmp_path):
    inputs = _inputs(tmp_path / "in", SEEDS + HELDOUT_DOCS[:2])
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    run([inputs], serial, jobs=1)
    result = run([inputs], parallel, jobs=2)
    assert result.count("processed") == 4
    assert _datasets(serial) == _datasets(parallel)


def test_regression_one_large_document_spreads_its_blocks_and_output_is_unchanged(tmp_path):
    # A 300-page PDF is one document: with --jobs 2 its blocks go to two processes.
    from odaextract.pipeline.annotate import PARALLEL_MIN_BLOCKS

    large = tmp_path / "in" / "large.txt"
    large.parent.mkdir()
    text = "".join(p.read_text(encoding="utf-8") for p in SEEDS + HELDOUT_DOCS)
    copies = -(-PARALLEL_MIN_BLOCKS // text.count("\n")) + 1
    large.write_text(text * copies, encoding="utf-8")
    from odaextract.pipeline.ingest import read_document
    from odaextract.pipeline.structure import structure

    assert len(structure(read_document(large)).blocks) >= PARALLEL_MIN_BLOCKS
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    run([large], serial, jobs=1)
    run([large], parallel, jobs=2)
    assert _datasets(serial) == _datasets(parallel)


def test_a_failing_component_fails_that_document_only(tmp_path, annotator):
    inputs = _inputs(tmp_path / "in", SEEDS[:1])
    (inputs / "boom.txt").write_text("Japan provided BOOM $5 million to Kenya.\n", encoding="utf-8")
    money = annotator.nlp.get_pipe("money")
    original = money.finder

    def exploding(text):
        if "BOOM" in text:
            raise RuntimeError("finder exploded on purpose")
        return original(text)

    money.finder = exploding
    try:
        result = run([inputs], tmp_path / "out", annotator=annotator)
    finally:
        money.finder = original
    assert result.count("processed") == 1
    [error] = result.errors
    assert (error.stage, error.error_type, error.message) == ("annotate", "RuntimeError", "finder exploded on purpose")
    assert error.path.endswith("boom.txt")
    recorded = json.loads((tmp_path / "out" / "errors.jsonl").read_text())
    assert recorded["doc_id"] == "boom"


def test_size_cap_is_a_recorded_error(tmp_path, annotator):
    inputs = _inputs(tmp_path / "in", SEEDS)
    result = run([inputs], tmp_path / "out", annotator=annotator, max_bytes=18_000)
    failed = {Path(e.path).name: e.message for e in result.errors}
    assert list(failed) == ["wpdc-2017-security-stability.txt"]
    assert "over the 18,000-byte limit (raise it with --max-bytes)" in failed["wpdc-2017-security-stability.txt"]
    assert result.count("processed") == 1


def test_a_second_run_on_the_same_folder_is_refused(tmp_path, annotator):
    out = tmp_path / "out"
    with RunLock(out):
        with pytest.raises(LockedError, match="another odaextract run"):
            run([SEEDS[0]], out, annotator=annotator)
    assert not (out / STATE_DIR / "lock").exists()


def test_a_stale_lock_is_taken_over(tmp_path, annotator):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    out = tmp_path / "out"
    lock = out / STATE_DIR / "lock"
    lock.parent.mkdir(parents=True)
    lock.write_text(f"{os.uname().nodename} {dead.pid}\n")
    result = run([SEEDS[0]], out, annotator=annotator)
    assert result.count("processed") == 1
    assert not lock.exists()


KILL_POINTS = [("result", 1), ("result", 3), ("mentions.jsonl", 150), ("documents.jsonl", 2), ("manifest.json", 0)]


def _check_every_file_parses(out: Path) -> None:
    from odaextract.models import RunManifest

    for path in out.rglob("*"):
        if not path.is_file() or path.name.endswith(".tmp") or path.name == "lock":
            continue
        data = path.read_bytes()
        if path.suffix == ".jsonl":
            [json.loads(line) for line in data.splitlines()]
        elif path.name == "manifest.json":
            RunManifest.model_validate_json(data)
        elif path.name.endswith(".jsonl.gz"):  # a stored result: a header line, then as many lines as it counts
            lines = gzip.decompress(data).splitlines()
            header = json.loads(lines[0])
            assert len(lines) == 1 + sum(header["lists"].values()), f"{path}: truncated"
            [json.loads(line) for line in lines[1:]]
        else:
            data.decode("utf-8")


def test_regression_sigkill_inside_any_write_leaves_whole_files_and_resumes_to_the_clean_result(tmp_path):
    # Issue 17: the old test killed once, as soon as a first result existed, and looked for
    # .tmp files at the top level only: results and datasets written non-atomically passed it.
    # Here the process kills itself *inside* a per-document result and inside each dataset
    # write (tests/pipeline/kill_driver.py), every Python buffer flushed first.
    documents = SEEDS + HELDOUT_DOCS
    inputs = _inputs(tmp_path / "in", documents)
    base = [sys.executable, "-m", "odaextract.pipeline.cli", "run", str(inputs), "--jobs", "1", "--quiet", "--out"]
    previous = tmp_path / "previous"
    subprocess.run(base + [str(previous)], cwd=ROOT, check=True, capture_output=True)
    old = _datasets(previous)
    for document in documents:  # every document changes: all are processed again
        path = inputs / document.name
        path.write_text(path.read_text(encoding="utf-8") + "\nIn 2024, Japan provided $7 million to Kenya.\n",
                        encoding="utf-8")
    clean = tmp_path / "clean"
    subprocess.run(base + [str(clean)], cwd=ROOT, check=True, capture_output=True)
    new = _datasets(clean)
    assert new != old

    for point, count in KILL_POINTS:
        killed = tmp_path / f"killed-{point}-{count}"
        shutil.copytree(previous, killed)
        driver = [sys.executable, "-m", "tests.pipeline.kill_driver", point, str(count), "--",
                  "run", str(inputs), "--jobs", "1", "--quiet", "--out", str(killed)]
        victim = subprocess.run(driver, cwd=ROOT, capture_output=True)
        assert victim.returncode == -signal.SIGKILL, (point, victim.stderr.decode()[-2000:])
        _check_every_file_parses(killed)
        for name, data in _datasets(killed).items():
            assert data in (old[name], new[name]), f"{name} half-written when killed in {point}"
        subprocess.run(base + [str(killed)], cwd=ROOT, check=True, capture_output=True)
        assert _datasets(killed) == new, point
        assert not list(killed.rglob("*.tmp")), point
        assert not (killed / STATE_DIR / "lock").exists()  # the dead run's lock was taken over and released
        _check_every_file_parses(killed)
    manifest = json.loads((killed / "manifest.json").read_text())
    assert manifest["documents"]["skipped"] == len(documents)  # all were finished before the manifest kill


def test_export_parquet_and_the_readme_duckdb_queries(tmp_path, seed_run):
    import duckdb  # a test dependency: missing, the test must fail, not skip

    from odaextract.pipeline.export import export, export_facts, export_tracks

    out, _ = seed_run
    rows = export(out / "mentions.jsonl", tmp_path / "mentions.parquet", "parquet")
    assert rows == sum(1 for _ in (out / "mentions.jsonl").open())
    assert export_facts(out / "facts.jsonl", tmp_path / "facts.parquet", "parquet") == 10
    assert export_tracks(out / "tracks.jsonl", tmp_path / "tracks.parquet", "parquet") == 4
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    facts_query, tracks_query = [block.split("```", 1)[0] for block in readme.split("```sql\n")[1:3]]
    totals = duckdb.sql(facts_query.replace("outputs/facts.parquet", str(tmp_path / "facts.parquet"))).fetchall()
    # One-off amounts only: the running totals to Afghanistan and Somalia are not summed.
    assert ("AFG", 2001) not in {(recipient, year) for recipient, year, *_ in totals}
    points = duckdb.sql(tracks_query.replace("outputs/tracks.parquet", str(tmp_path / "tracks.parquet"))).fetchall()
    somalia = [p for p in points if p[2] == "SOM"]
    assert [(p[3], p[5], p[7]) for p in somalia] == [(2017, 447_000_000, None), (2023, 579_000_000, 132_000_000)]
    assert export(out / "mentions.jsonl", tmp_path / "mentions.csv", "csv") == rows
    assert export_facts(out / "facts.jsonl", tmp_path / "facts.csv", "csv") == 10


@pytest.mark.parametrize("content", ["", "garbled\n"], ids=["empty", "garbled"])
def test_regression_an_empty_or_unreadable_lock_is_not_taken_over(tmp_path, annotator, content):
    # Issue 17: a lock another run had created but not yet written was read as stale and taken over.
    out = tmp_path / "out"
    lock = out / STATE_DIR / "lock"
    lock.parent.mkdir(parents=True)
    lock.write_text(content)
    with pytest.raises(LockedError, match="empty or unreadable"):
        run([SEEDS[0]], out, annotator=annotator)
    assert lock.read_text() == content  # left as found
    assert not (out / "mentions.jsonl").exists()


def test_the_lock_file_is_never_visible_without_its_content(tmp_path, monkeypatch):
    # The content is written before the lock appears (temp file, then link): a
    # concurrent reader that finds the lock always finds who holds it.
    seen = []
    real_link = os.link

    def link(source, target, *args, **kwargs):
        seen.append(Path(source).read_text())  # what appears at `target` is already complete
        return real_link(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "link", link)
    lock = RunLock(tmp_path)
    with lock:
        assert lock.path.read_text() == f"{os.uname().nodename} {os.getpid()}\n"
    assert seen == [f"{os.uname().nodename} {os.getpid()}\n"]
    assert not lock.path.exists() and not list(lock.path.parent.glob("*.tmp"))


def test_regression_a_bug_in_a_reader_is_an_internal_error_not_bad_input(tmp_path, annotator, monkeypatch):
    # Issue 17: any exception was reported as the user's bad file.
    from odaextract.pipeline import ingest

    inputs = _inputs(tmp_path / "in", SEEDS[:1])
    (inputs / "planted.txt").write_text("Japan provided $5 million to Kenya.\n", encoding="utf-8")
    (inputs / "empty.txt").write_text("   \n", encoding="utf-8")
    name, reader = ingest.READERS[".txt"]

    def buggy(path, data):
        if path.name == "planted.txt":
            return None.text  # a planted AttributeError
        return reader(path, data)

    monkeypatch.setitem(ingest.READERS, ".txt", (name, buggy))
    result = run([inputs], tmp_path / "out", annotator=annotator)
    errors = {Path(e.path).name: e for e in result.errors}
    planted, empty = errors["planted.txt"], errors["empty.txt"]
    assert (planted.stage, planted.error_type, planted.internal) == ("ingest", "AttributeError", True)
    assert "AttributeError" in planted.traceback and "buggy" in planted.traceback
    assert (empty.error_type, empty.internal, empty.traceback) == ("InputError", False, None)
    assert result.internal_errors == [planted]
    recorded = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert {r["path"].rsplit("/", 1)[-1]: r["internal"] for r in recorded} == {"planted.txt": True, "empty.txt": False}
    assert result.count("processed") == 1


def test_regression_a_dead_worker_is_not_blamed_on_the_annotate_stage(tmp_path, monkeypatch):
    # Issue 17: a worker exception was labelled stage `annotate` whatever raised it.
    import odaextract.pipeline.run as run_module

    real = run_module.process_document

    def dies_on(path, *args, **kwargs):
        if path.name == "die.txt":
            os._exit(1)  # the worker process vanishes (as when the OOM killer strikes)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(run_module, "process_document", dies_on)  # forked workers inherit it
    inputs = _inputs(tmp_path / "in", [])
    (inputs / "die.txt").write_text("Japan provided $5 million to Kenya.\n", encoding="utf-8")
    (inputs / "fine.txt").write_text("Japan provided $6 million to Ghana.\n", encoding="utf-8")
    result = run([inputs], tmp_path / "out", jobs=2)
    died = {Path(e.path).name: e for e in result.errors}["die.txt"]
    assert (died.stage, died.error_type, died.internal) == ("worker", "BrokenProcessPool", True)
    assert died.traceback


def test_regression_texts_of_documents_no_longer_passed_are_removed(tmp_path, annotator):
    # Issue 18: texts/ kept the text files of documents the command no longer passes.
    inputs = _inputs(tmp_path / "in", SEEDS)
    out = tmp_path / "out"
    run([inputs], out, annotator=annotator)
    assert sorted(p.stem for p in (out / "texts").iterdir()) == sorted(p.stem for p in SEEDS)
    (out / "texts" / "my-notes.txt").write_text("not written by odaextract")
    run([inputs / SEEDS[0].name], out, annotator=annotator)
    assert sorted(p.name for p in (out / "texts").iterdir()) == ["my-notes.txt", f"{SEEDS[0].stem}.txt"]
    documents = [json.loads(line)["doc_id"] for line in (out / "documents.jsonl").read_text().splitlines()]
    assert documents == [SEEDS[0].stem]


def test_a_large_document_is_never_loaded_whole_to_be_skipped(tmp_path, annotator, monkeypatch):
    # Issue 18: a rerun that only reassembles the datasets held every mention in memory.
    from odaextract.pipeline.state import ResultStore

    inputs = _inputs(tmp_path / "in", SEEDS)
    out = tmp_path / "out"
    run([inputs], out, annotator=annotator)
    before = _datasets(out)
    monkeypatch.setattr(ResultStore, "load", lambda *a, **k: pytest.fail("whole stored result loaded"))
    again = run([inputs], out, annotator=annotator)
    assert again.count("skipped") == 2
    assert _datasets(out) == before


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update(int(c) for c in (task / "children").read_text().split())
        except OSError:
            pass
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.parametrize(
    "moment, gaps",
    [("workers starting", (0.0,)), ("documents done", (0.0,)), ("documents done", (0.05, 0.3))],
    ids=["twice-while-loading", "twice-mid-run", "three-times-spaced"],
)
def test_regression_repeated_ctrl_c_ends_the_workers_and_exits_130(tmp_path, moment, gaps):
    # Issue 18: two SIGINTs in quick succession (as `timeout` and a terminal's process
    # group both send) left the run alive for 10 minutes, or its workers orphaned.
    documents = SEEDS + HELDOUT_DOCS
    inputs = _inputs(tmp_path / "in", [])
    for i in range(3):
        for document in documents:
            shutil.copy(document, inputs / f"copy{i}-{document.name}")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "odaextract.pipeline.cli", "run", str(inputs), "--jobs", "2", "--quiet", "--out", str(out)]
    env = dict(os.environ, PYTHONFAULTHANDLER="1")  # a hang is dumped (SIGABRT below), not just timed out
    victim = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True, env=env
    )
    try:
        state = out / STATE_DIR / "docs"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and victim.poll() is None:
            if moment == "workers starting" and len(_children(victim.pid)) >= 2:
                break
            if moment == "documents done" and state.exists() and any(state.glob("*.jsonl.gz")):
                break
            time.sleep(0.005)
        assert victim.poll() is None, "the run ended before it could be interrupted"
        children = _children(victim.pid)
        assert children, "the workers must be running when Ctrl-C comes"
        os.killpg(victim.pid, signal.SIGINT)
        for gap in gaps:
            time.sleep(gap)
            try:
                os.killpg(victim.pid, signal.SIGINT)
            except ProcessLookupError:
                break  # already gone: fine
        try:
            status = victim.wait(timeout=60)  # a hang fails here instead of blocking the suite
        except subprocess.TimeoutExpired:
            victim.send_signal(signal.SIGABRT)  # faulthandler prints every thread's stack
            victim.wait()
            pytest.fail("the run hung after Ctrl-C:\n" + victim.stderr.read().decode()[-5000:])
    finally:
        if victim.poll() is None:
            os.killpg(victim.pid, signal.SIGKILL)
            victim.wait()
    stderr = victim.stderr.read().decode()
    assert status == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_running(c) for c in children):
        time.sleep(0.05)
    assert not [c for c in children if _running(c)], "worker processes outlived the run"
    assert not (out / STATE_DIR / "lock").exists()


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_streams_in_batches_and_equals_the_whole_table(tmp_path, seed_run, monkeypatch, fmt):
    # Issue 18: `export` loaded every mention at once (4.7 GB for a 30 MB text).
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    from odaextract.pipeline import export as export_module

    out, _ = seed_run
    whole = export_module.to_table(export_module.read_mentions(out / "mentions.jsonl"))
    sizes = []
    real_batches = export_module.batches

    def small_batches(records, size=export_module.BATCH_ROWS):
        for batch in real_batches(records, 50):
            sizes.append(batch.num_rows)
            yield batch

    monkeypatch.setattr(export_module, "batches", small_batches)
    target = tmp_path / f"mentions.{fmt}"
    assert export_module.export(out / "mentions.jsonl", target, fmt) == whole.num_rows
    assert len(sizes) > 3 and max(sizes) == 50
    read = pq.read_table(target) if fmt == "parquet" else pacsv.read_csv(
        target, convert_options=pacsv.ConvertOptions(column_types=export_module.SCHEMA, strings_can_be_null=True))
    assert read.select(["id", "sentence_start", "money_amount_exact"]).to_pylist() == \
        whole.select(["id", "sentence_start", "money_amount_exact"]).to_pylist()


def test_regression_a_worker_never_outlives_its_parent():
    # Issue 18: after Ctrl-C two workers lived on as orphans, holding the run's stderr open
    # (a caller reading it until EOF hung). Workers now ask the kernel to end them with their parent.
    # A loaded CI machine ran the parent's exit before the child's request: the child then took
    # its new parent for its own and lived on (the check needs the pid it started from).
    code = (
        "import os, time\n"
        "from odaextract.pipeline.annotate import die_with_parent\n"
        "parent = os.getpid()\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    die_with_parent(parent)\n"
        "    time.sleep(60)\n"
        "    os._exit(0)\n"
        "print(pid, flush=True)\n"
        "os._exit(0)  # the parent dies at once and ends nothing\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, timeout=60)
    child = int(done.stdout.split()[0])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _running(child):
        time.sleep(0.05)
    assert not _running(child), "the worker outlived its parent"


def test_regression_a_worker_whose_parent_died_before_it_asked_ends_too():
    # The race a loaded CI machine hit: the parent exited before the child's request.
    code = (
        "import os, time\n"
        "from odaextract.pipeline.annotate import die_with_parent\n"
        "parent = os.getpid()\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    time.sleep(0.5)  # the parent is gone by now\n"
        "    die_with_parent(parent)\n"
        "    time.sleep(60)\n"
        "    os._exit(0)\n"
        "print(pid, flush=True)\n"
        "os._exit(0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True, check=True, cwd=ROOT, timeout=60, start_new_session=True)
    child = int(done.stdout.split()[0])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _running(child):
        time.sleep(0.05)
    assert not _running(child), "the worker outlived its parent"


def test_regression_an_error_a_ctrl_c_caused_in_library_code_is_the_interrupt(monkeypatch):
    # A CI rehearsal: a Ctrl-C inside concurrent.futures.wait surfaced as "RuntimeError: release
    # unlocked lock" and the run died with a traceback instead of exiting 130.
    import odaextract.pipeline.run as run_module

    ended = []
    monkeypatch.setattr(run_module, "end_processes", lambda *a, **k: ended.append(True))
    previous = signal.getsignal(signal.SIGINT)
    try:
        with pytest.raises(KeyboardInterrupt):
            with run_module.end_workers_on_interrupt():
                run_module._INTERRUPTED.set()
                raise RuntimeError("release unlocked lock")
        assert ended == [True]
        # Without a Ctrl-C the same error is a bug and stays itself.
        with pytest.raises(RuntimeError):
            with run_module.end_workers_on_interrupt():
                raise RuntimeError("release unlocked lock")
    finally:
        signal.signal(signal.SIGINT, previous)
