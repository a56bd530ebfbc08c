"""Turn a file's bytes into text, or say clearly why it cannot be read."""

from __future__ import annotations

import codecs
import re

from advocate_app.core.fs import FileProblem

MAX_FILE_BYTES = 5 * 1024 * 1024
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class UnreadableInput(FileProblem):
    """The input is not an article we can read; the message says why, in one line."""


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.

    Line endings are normalised to "\\n". Raises UnreadableInput for empty,
    binary or undecodable input.
    """
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableInput(
            f"file is too large ({len(data) / 1_048_576:.1f} MB; the limit is "
            f"{MAX_FILE_BYTES // 1_048_576} MB)"
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UnreadableInput(f"broken UTF-16 text at byte {exc.start}") from None
    elif b"\x00" in data[:8192]:
        text = _utf16_without_mark(data)
    else:
        text = _decode_8bit(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableInput("the file is empty")
    if _looks_binary(text):
        raise UnreadableInput("this is a binary file, not text")
    return text


def _utf16_without_mark(data: bytes) -> str:
    """Text saved as UTF-16 with no byte-order mark (its zero bytes on every other byte, for
    Latin letters); anything else with zero bytes is binary."""
    sample = data[:8192]
    pairs = len(sample) // 2
    if pairs and len(data) % 2 == 0:
        even_zeros = sample[0::2].count(0) / pairs
        odd_zeros = sample[1::2].count(0) / pairs
        for zeros, other, codec in (
            (odd_zeros, even_zeros, "utf-16-le"),
            (even_zeros, odd_zeros, "utf-16-be"),
        ):
            if zeros > 0.6 and other < 0.05:
                try:
                    return data.decode(codec)
                except UnicodeDecodeError:
                    break
    raise UnreadableInput("this is a binary file, not text")


def _decode_8bit(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Text saved by older Windows programs; the site's curly quotes survive.
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(
            f"the text is neither UTF-8 nor Windows-1252 (undecodable byte 0x{data[exc.start]:02x} "
            f"at position {exc.start})"
        ) from None


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    return len(CONTROL_CHARACTERS.findall(sample)) > max(8, len(sample) // 100)
