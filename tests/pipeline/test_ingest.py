import os

import pytest

from pipeline.ingest import InputError, discover, read_document


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
    real_read_bytes = Path.read_bytes

    def refuse(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError, match="permission denied"):
        read_document(path)
