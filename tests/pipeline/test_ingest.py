import os
import signal

import pytest

from odaextract.pipeline.ingest import InputError, discover, read_document


def test_reads_utf8_text_exactly(tmp_path):
    path = tmp_path / "wpdc-2019-africa.txt"
    text = "Japan’s aid to Côte d’Ivoire\r\nsecond line\n"
    path.write_bytes(text.encode("utf-8"))
    doc = read_document(path)
    assert doc.doc_id == "wpdc-2019-africa"
    assert doc.text == text  # no newline or quote normalization: offsets index this
    assert len(doc.sha256) == 64


@pytest.mark.parametrize(
    "content, cause",
    [
        (b"", "empty file"),
        (b"   \n\n", "no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Japan’s aid".encode("cp1252"), "not valid UTF-8"),
    ],
)
def test_bad_text_inputs_name_the_cause(tmp_path, content, cause):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert cause in str(info.value)
    assert info.value.path == str(path)


def test_size_cap(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("x" * 100)
    with pytest.raises(InputError, match="over the 10-byte limit"):
        read_document(path, max_bytes=10)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("Japan")
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_document(path)


def test_discover_walks_folders_in_order_and_reports_missing_paths(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("x")
    (tmp_path / "one.md").write_text("x")
    (tmp_path / "README.md").write_text("about this folder")
    (tmp_path / "image.png").write_bytes(b"x")
    (tmp_path / ".hidden.txt").write_text("x")
    found = list(discover([tmp_path, tmp_path / "missing.txt"]))
    files = [p.relative_to(tmp_path).as_posix() for p in found if not isinstance(p, InputError)]
    errors = [e for e in found if isinstance(e, InputError)]
    assert files == ["b/two.txt", "one.md"]
    assert [e.cause for e in errors] == ["no such file or directory"]


def test_discover_survives_a_symlink_loop(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("Japan")
    (tmp_path / "docs" / "loop").symlink_to(tmp_path / "docs")
    found = list(discover([tmp_path]))
    files = [p for p in found if not isinstance(p, InputError)]
    assert [p.name for p in files] == ["a.txt"]
    assert any("symlink loop" in e.cause for e in found if isinstance(e, InputError))


def test_unreadable_file_even_as_root(tmp_path, monkeypatch):
    # CI runs as root, where chmod 0 does not stop a read: simulate the OS refusing.
    from pathlib import Path

    path = tmp_path / "locked.txt"
    path.write_text("Japan")
    real_open = os.open

    def refuse(name, *args, **kwargs):
        if Path(name).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(InputError, match="permission denied"):
        read_document(path)


@pytest.fixture
def no_hang():
    """A read that blocks (a named pipe opened for reading) fails the test instead of hanging it."""

    def hung(signum, frame):
        raise TimeoutError("blocked: a named pipe was opened")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_regression_links_loops_and_pipes_in_a_folder_are_one_error_each(tmp_path, no_hang):
    # Issue 18: a self-link crashed the batch (RuntimeError), a FIFO blocked it forever,
    # a two-link loop without extension was skipped with no error line.
    (tmp_path / "good.txt").write_text("Japan")
    (tmp_path / "self.txt").symlink_to("self.txt")
    (tmp_path / "ping").symlink_to("pong")
    (tmp_path / "pong").symlink_to("ping")
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe-without-suffix")  # not an input by its name: ignored like any such file
    found = list(discover([tmp_path]))
    assert [p.name for p in found if not isinstance(p, InputError)] == ["good.txt"]
    causes = {os.path.basename(e.path): e.cause for e in found if isinstance(e, InputError)}
    assert set(causes) == {"self.txt", "ping", "pong", "gone.txt", "pipe.txt"}
    assert all("symlink loop" in causes[n] for n in ("self.txt", "ping", "pong"))
    assert "broken symlink" in causes["gone.txt"]
    assert causes["pipe.txt"].startswith("a named pipe, not a regular file")


def test_regression_a_named_pipe_given_by_name_is_refused_without_opening_it(tmp_path, no_hang):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    [error] = list(discover([fifo]))
    assert isinstance(error, InputError) and "named pipe" in error.cause
    with pytest.raises(InputError, match="named pipe"):
        read_document(fifo)
    (tmp_path / "self.txt").symlink_to("self.txt")
    [error] = list(discover([tmp_path / "self.txt"]))
    assert "symlink loop" in error.cause
