"""Reading inputs safely: directories, size limits, binary files, encodings, permissions.

Each bad input becomes a Reject naming the item and the reason, and the batch goes on.
"""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

import pytest

from warta.article import Article, Reject
from warta.config import Settings, load_settings
from warta.errors import DecodeError
from warta.ingest import read_inputs
from warta.ingest.sources import decode, looks_like_text

GOOD = "Judul Berita Uji\n\nWarga kota berkumpul di alun-alun untuk merayakan hari jadi kota yang ke-100.\n"


def _read(paths: list[str | Path], settings: Settings | None = None) -> list[Article | Reject]:
    return list(read_inputs([str(p) for p in paths], settings))


def _rejects(items: list[Article | Reject]) -> list[Reject]:
    return [i for i in items if isinstance(i, Reject)]


def test_directory_is_read_recursively_sorted_and_hidden_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Dua\n\nIsi berita kedua tentang pasar.", encoding="utf-8")
    (tmp_path / "a" / "1.txt").write_text("Satu\n\nIsi berita pertama tentang sekolah.", encoding="utf-8")
    (tmp_path / "0.txt").write_text("Nol\n\nIsi berita nol tentang jalan.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Rahasia\n\nTidak boleh terbaca.", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("Git\n\nTidak boleh terbaca.", encoding="utf-8")
    items = _read([tmp_path])
    assert [a.title for a in items if isinstance(a, Article)] == ["Nol", "Satu", "Dua"]
    assert [Path(a.origin or "").name for a in items if isinstance(a, Article)] == ["0.txt", "1.txt", "2.txt"]
    assert _read([tmp_path]) == items  # deterministic


def test_missing_path_is_rejected_and_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "ok.txt"
    good.write_text(GOOD, encoding="utf-8")
    items = _read([tmp_path / "nope.txt", good])
    (rej,) = _rejects(items)
    assert rej.item.endswith("nope.txt") and "no such file" in rej.reason
    assert isinstance(items[1], Article)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("blob.txt", b"abc\x00def\x00" * 10, "NUL"),
        ("arsip.html", b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
    ],
)
def test_binary_files_are_rejected(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (rej,) = _rejects(_read([path]))
    assert rej.code == DecodeError.code
    assert "binary" in rej.reason and reason in rej.reason
    assert rej.item == str(path)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t\n"])
def test_empty_files_are_rejected(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "kosong.txt"
    path.write_bytes(content)
    (rej,) = _rejects(_read([path]))
    assert rej.code == "W101" and "empty" in rej.reason


def test_invalid_utf8_that_is_not_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "rusak.txt"
    # bytes undefined in Windows-1252 too (0x81, 0x8d, 0x8f, 0x90, 0x9d) among control bytes
    path.write_bytes(b"Judul\n\n\x81\x8d\x8f\x90\x9d\x01\x02\x03\x81\x8d\x8f" * 5)
    (rej,) = _rejects(_read([path]))
    assert rej.code == DecodeError.code
    assert "not valid UTF-8" in rej.reason and "0x81" in rej.reason


def test_cp1252_text_is_read_with_a_note(tmp_path: Path) -> None:
    text = "Kafe\n\nPertemuan digelar di Café Kopi, kata Andrés, “sangat meriah” – 50°C.\n"
    path = tmp_path / "lama.txt"
    path.write_bytes(text.encode("cp1252"))
    (art,) = _read([path])
    assert isinstance(art, Article)
    assert art.text == "Pertemuan digelar di Café Kopi, kata Andrés, “sangat meriah” – 50°C."
    assert any("Windows-1252" in n for n in art.extra["ingest_notes"])


def test_utf8_bom_and_utf16_are_read(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    (tmp_path / "wide.txt").write_bytes(GOOD.encode("utf-16"))
    items = _read([tmp_path / "bom.txt", tmp_path / "wide.txt"])
    assert [a.title for a in items if isinstance(a, Article)] == ["Judul Berita Uji", "Judul Berita Uji"]


def test_looks_like_text_separates_prose_from_noise() -> None:
    assert looks_like_text("Warga kota berkumpul di alun-alun, kata Budi.")
    assert not looks_like_text(bytes(range(128, 256)).decode("cp1252", errors="replace"))
    with pytest.raises(DecodeError):
        decode(bytes(range(1, 32)) * 4 + b"\x81", "x")


def test_50_mb_file_is_rejected_fast_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "besar.txt"
    with path.open("wb") as fh:  # sparse where the filesystem allows: no 50 MB write
        fh.seek(50 * 1024 * 1024 - 1)
        fh.write(b"\n")
    opened: list[Path] = []
    real_open = Path.open

    def spy_open(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        opened.append(self)
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", spy_open)
    start = time.perf_counter()
    (rej,) = _rejects(_read([path]))
    assert time.perf_counter() - start < 2.0
    assert rej.code == "W104" and "52,428,800 bytes" in rej.reason and "max_file_bytes" in rej.reason
    assert path not in opened  # rejected on its size alone


def test_size_limit_comes_from_settings(tmp_path: Path) -> None:
    path = tmp_path / "sedang.txt"
    path.write_text(GOOD * 10, encoding="utf-8")
    small = dataclasses.replace(load_settings(), max_file_bytes=100)
    (rej,) = _rejects(_read([path], small))
    assert rej.code == "W104"


def test_unreadable_file_in_a_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    secret = tmp_path / "b.txt"
    secret.write_text(GOOD, encoding="utf-8")
    (tmp_path / "c.txt").write_text(GOOD, encoding="utf-8")
    if os.geteuid() != 0:
        secret.chmod(0)
    else:  # root reads through chmod 000; simulate the OS refusing instead
        real_open = Path.open

        def deny(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            if self.name == "b.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "open", deny)
    try:
        items = _read([tmp_path])
    finally:
        secret.chmod(0o644)
    assert [type(i).__name__ for i in items] == ["Article", "Reject", "Article"]
    rej = items[1]
    assert isinstance(rej, Reject) and rej.item.endswith("b.txt") and "permission denied" in rej.reason


def test_unknown_extension_is_sniffed_or_rejected(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("id,judul\n1,Satu\n", encoding="utf-8")
    line = '{"text": "Isi berita dalam berkas tanpa akhiran yang dikenal."}\n'
    (tmp_path / "b.dat").write_text(line, encoding="utf-8")
    (tmp_path / "c").write_text(GOOD, encoding="utf-8")
    items = _read([tmp_path])
    rej = items[0]
    assert isinstance(rej, Reject) and "unknown file type '.csv'" in rej.reason
    assert isinstance(items[1], Article) and items[1].origin == f"{tmp_path / 'b.dat'}:1"
    assert isinstance(items[2], Article) and items[2].title == "Judul Berita Uji"
