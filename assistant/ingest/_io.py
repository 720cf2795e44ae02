"""Safe reading of one input: size limit first, then binary/empty/encoding checks, then lines.

Small files are read whole; large ones stream line by line so a big log never sits in memory
twice. Problems become ``InputError`` subclasses that name the file and line.
"""

from __future__ import annotations

import codecs
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from assistant.errors import BinaryInputError, EmptyInputError, EncodingError, InputTooLargeError

SAMPLE_BYTES = 64 * 1024
# Files up to this size are decoded whole (JSON needs that anyway); bigger ones stream.
WHOLE_BYTES = 16 * 1024 * 1024
# Piece size for the large-log path (regexes run over this many characters at once).
CHUNK_CHARS = 4 * 1024 * 1024


@dataclass
class Loaded:
    """One readable input: its display name, a decoded sample, and a way to get every line."""

    name: str
    sample: str
    text: str | None = None
    fs_path: Path | None = None
    encoding: str = "utf-8"
    size: int = 0
    warnings: list[str] = field(default_factory=list)
    # (line, message) for bytes that were not valid UTF-8 (decoded with replacement characters)
    bad_encoding: tuple[int, str] | None = None

    def lines(self) -> LineStream:
        """Every line without its line ending (streams from disk for large files)."""
        return LineStream(self)

    def _lines(self) -> Iterator[str]:
        if self.text is not None:
            for line in self.text.split("\n"):
                yield line[:-1] if line.endswith("\r") else line
            return
        assert self.fs_path is not None
        with self.fs_path.open("rb") as fh:
            first = True
            for raw in fh:
                if first and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[3:]
                first = False
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    line = raw.decode("utf-8", errors="replace")
                if line.endswith("\n"):
                    line = line[:-1]
                if line.endswith("\r"):
                    line = line[:-1]
                yield line

    def chunks(self, size: int | None = None) -> Iterator[str]:
        """The text in pieces of about ``size`` characters, cut between lines (no trailing newline).

        Joined with "\n" they give exactly the lines of ``lines()``, so the large-log path can run
        regexes over many lines at once. Streams from disk for large files.
        """
        size = size or CHUNK_CHARS
        if self.text is not None:
            text = self.text.replace("\r\n", "\n") if "\r" in self.text else self.text
            start = 0
            while start < len(text):
                end = text.find("\n", start + size)
                if end < 0:
                    yield text[start:]
                    return
                yield text[start:end]
                start = end + 1
            return
        assert self.fs_path is not None
        with self.fs_path.open("rb") as fh:
            tail = b""
            first = True
            while True:
                block = fh.read(size)
                if first and block.startswith(codecs.BOM_UTF8):
                    block = block[3:]
                first = False
                if not block:
                    if tail:
                        yield _decode_chunk(tail)
                    return
                block = tail + block
                cut = block.rfind(b"\n")
                if cut < 0:
                    tail = block
                    continue
                tail = block[cut + 1 :]
                yield _decode_chunk(block[:cut])

    def full_text(self) -> str:
        """The whole decoded text (reads a streamed file once)."""
        if self.text is None:
            self.text = "\n".join(self.lines())
        return self.text


class LineStream:
    """Iterator over a ``Loaded``'s lines that keeps a handle on it (the large-log path reads chunks)."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self._it = loaded._lines()

    def __iter__(self) -> LineStream:
        return self

    def __next__(self) -> str:
        return next(self._it)


def _decode_chunk(data: bytes) -> str:
    text = data.decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n") if "\r" in text else text


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters in the first bytes: not text."""
    return _looks_binary(head)


def _looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.05


def _bad_utf8_line(data: bytes, err: UnicodeDecodeError) -> int:
    return data.count(b"\n", 0, err.start) + 1


def _decode(data: bytes, name: str) -> tuple[str, str, tuple[int, str] | None]:
    """Decode bytes: UTF-8 (with or without BOM), UTF-16 with BOM; else replace and report."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", None
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason}); "
                "save it as UTF-8 and try again",
                path=name,
            ) from exc
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        line = _bad_utf8_line(data, exc)
        lines, total = bad_utf8_lines(data)
        shown = ", ".join(str(n) for n in lines)
        more = f" and {total - len(lines)} more" if total > len(lines) else ""
        where = f"line {shown}" if total == 1 else f"{total} lines: {shown}{more}"
        msg = (
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} first; {where}); read with replacement "
            "characters — convert it to UTF-8 (e.g. `iconv -f latin1 -t utf-8`) for exact text"
        )
        return data.decode("utf-8", errors="replace"), "utf-8", (line, msg)


BAD_LINES_SHOWN = 10


def bad_utf8_lines(data: bytes, *, show: int = BAD_LINES_SHOWN) -> tuple[list[int], int]:
    """The first ``show`` line numbers holding bytes that are not UTF-8, and how many lines do."""
    view = memoryview(data)
    pos, line, total = 0, 1, 0
    shown: list[int] = []
    while pos < len(data):
        try:
            str(view[pos:], "utf-8")
            break
        except UnicodeDecodeError as exc:
            bad = pos + exc.start
            line += data.count(b"\n", pos, bad)
            total += 1
            if len(shown) < show:
                shown.append(line)
            nl = data.find(b"\n", bad)
            if nl < 0:
                break
            pos, line = nl + 1, line + 1
    return shown, total


def _sample_of(head: bytes, name: str) -> str:
    # Cut at the last newline so the sample holds whole lines only.
    cut = head.rfind(b"\n")
    if cut > 0 and len(head) >= SAMPLE_BYTES:
        head = head[: cut + 1]
    text, _, _ = _decode(head, name)
    return text


def load_bytes(data: bytes, name: str, *, max_bytes: int | None = None) -> Loaded:
    """Check and decode in-memory bytes (zip members, uploads)."""
    if max_bytes is not None and len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    head = data[:8192]
    if not data.strip():
        raise EmptyInputError("is empty; pass a file with incident material or leave it out", path=name)
    if _looks_binary(head) and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise BinaryInputError(_binary_msg(), path=name)
    text, enc, bad = _decode(data, name)
    if not text.strip():
        raise EmptyInputError("holds only whitespace; nothing to read", path=name)
    if "\r" in text and "\n" not in text:  # classic Mac line endings: CR alone ends each line
        text = text.replace("\r", "\n")
    return Loaded(
        name=name, sample=text[:SAMPLE_BYTES], text=text, encoding=enc, size=len(data), bad_encoding=bad
    )


def load_file(path: Path, name: str, *, max_bytes: int) -> Loaded:
    """Check size before reading anything, then decode (whole or streamed)."""
    size = path.stat().st_size
    if size > max_bytes:
        raise _too_large(name, size, max_bytes)
    if size == 0:
        raise EmptyInputError(
            "is empty (0 bytes); pass a file with incident material or leave it out", path=name
        )
    if size <= WHOLE_BYTES:
        return _at(load_bytes(path.read_bytes(), name, max_bytes=max_bytes), path)
    with path.open("rb") as fh:
        head = fh.read(SAMPLE_BYTES)
    if _looks_binary(head[:8192]):
        raise BinaryInputError(_binary_msg(), path=name)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _at(load_bytes(path.read_bytes(), name, max_bytes=max_bytes), path)
    return Loaded(name=name, sample=_sample_of(head, name), fs_path=path, size=size)


def _at(loaded: Loaded, path: Path) -> Loaded:
    loaded.fs_path = path
    return loaded


def _binary_msg() -> str:
    return "looks like a binary file, not text; pass chat exports, logs, alert JSON or notes as text files"


def _too_large(name: str, size: int, limit: int) -> InputTooLargeError:
    mb = 1024 * 1024
    return InputTooLargeError(
        f"is {size / mb:.1f} MB, over the {limit / mb:.0f} MB limit; cut it to the incident window "
        "(e.g. grep the hours you need) or raise POSTMORTEM_MAX_INPUT_BYTES",
        path=name,
    )


# ---------------------------------------------------------------- zip archives

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


@dataclass
class ZipMember:
    """One member of an archive: its bytes, or why it could not be read (the rest is still used)."""

    name: str
    data: bytes | None = None
    error: str | None = None


def looks_like_zip(path: Path) -> bool:
    """A zip by its first bytes, even when truncated (``zipfile.is_zipfile`` needs the end record)."""
    try:
        with path.open("rb") as fh:
            return fh.read(4) in ZIP_MAGIC
    except OSError:
        return False


def zip_member_names(zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """File members worth reading: no folders, hidden files or macOS resource forks."""
    return [
        i for i in zf.infolist()
        if not i.is_dir() and not PurePosixPath(i.filename).name.startswith(".") and "__MACOSX" not in i.filename
    ]  # fmt: skip


def read_zip_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, *, max_bytes: int | None) -> ZipMember:
    """Read one member on its own: bad compressed data, a bad CRC or encryption become its error."""
    limit = max_bytes if max_bytes is not None else info.file_size
    try:
        with zf.open(info) as fh:
            # Declared sizes can lie (zip bombs): read at most one byte past the limit.
            data = fh.read(limit + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        return ZipMember(
            info.filename,
            error=f"cannot be unpacked ({_zip_reason(exc)}); the archive member is damaged — re-create the archive",
        )
    except (NotImplementedError, RuntimeError) as exc:  # unsupported compression, encrypted member
        return ZipMember(
            info.filename,
            error=f"cannot be unpacked ({exc}); re-create the archive without encryption, with deflate",
        )
    if max_bytes is not None and len(data) > max_bytes:
        return ZipMember(
            info.filename,
            error=str(_too_large(info.filename, max(len(data), info.file_size), max_bytes).reason),
        )
    return ZipMember(info.filename, data=data)


def _zip_reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text.split("\n", 1)[0][:160]


def broken_zip_message(exc: BaseException | None = None) -> str:
    """Why a whole archive cannot be opened (truncated download, not really a zip)."""
    why = f" ({_zip_reason(exc)})" if exc is not None else ""
    return (
        f"a zip archive that cannot be opened{why}: it is probably truncated or damaged — "
        "download or re-create it, or pass the unpacked folder"
    )
