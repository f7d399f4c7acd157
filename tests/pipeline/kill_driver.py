"""Run `odaextract run ...` and SIGKILL this very process at a chosen point of a write.

Used by test_run.py's kill test: `python -m tests.pipeline.kill_driver POINT N -- run ARGS`.
POINT is "result" (inside the N-th per-document result), or a dataset file name
("mentions.jsonl", "documents.jsonl", "manifest.json"): the kill comes after N
records of that write were serialized, with every Python buffer flushed first,
so a write that is not atomic leaves its half on disk for the test to find.

The hooks sit on the functions that *decide* what is written (ResultStore.save,
write_jsonl, write_json), not on atomic_file, so a change that stops using
atomic_file is still killed mid-write.
"""

from __future__ import annotations

import gc
import io
import os
import signal
import sys

import orjson

import odaextract.pipeline.state as state
import odaextract.pipeline.write as write

POINT, COUNT = sys.argv[1], int(sys.argv[2])
ARGS = sys.argv[sys.argv.index("--") + 1 :]
armed = {"on": False, "dumps": 0, "saves": 0}
real_dumps = orjson.dumps


def die() -> None:
    for obj in gc.get_objects():
        if isinstance(obj, io.BufferedWriter) and not obj.closed:
            try:
                obj.flush()
            except (OSError, ValueError):
                pass
    os.kill(os.getpid(), signal.SIGKILL)


def dumps(*args, **kwargs):
    if armed["on"]:
        armed["dumps"] += 1
        if armed["dumps"] > COUNT:
            die()
    return real_dumps(*args, **kwargs)


orjson.dumps = dumps  # pipeline.state and pipeline.write call orjson.dumps through the module

real_save = state.ResultStore.save


def save(self, *args, **kwargs):
    armed["saves"] += 1
    if POINT == "result" and armed["saves"] == COUNT:
        armed["on"], armed["dumps"] = True, 0
        globals()["COUNT"] = 3  # header and two items, then the kill
    return real_save(self, *args, **kwargs)


state.ResultStore.save = save

real_jsonl, real_json = write.write_jsonl, write.write_json


def write_jsonl(path, records):
    if path.name == POINT:
        armed["on"], armed["dumps"] = True, 0
    return real_jsonl(path, records)


def write_json(path, record):
    if path.name == POINT:
        armed["on"], armed["dumps"] = True, COUNT  # the next serialization is the kill
    return real_json(path, record)


write.write_jsonl, write.write_json = write_jsonl, write_json
import odaextract.pipeline.run as run_module  # noqa: E402  (it imported the originals by name: point it at the hooks)

run_module.write_jsonl, run_module.write_json = write_jsonl, write_json

from odaextract.pipeline.cli import main  # noqa: E402

main(ARGS)
