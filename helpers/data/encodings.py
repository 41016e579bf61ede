"""Which text encoding a file is in — read right, or refused with the likely encoding named.

Order (first that applies wins):

1. ``encoding=`` when given: a strict decode, else a DataError naming the likely encoding;
2. a byte-order mark: UTF-32, UTF-8 (``utf-8-sig``) or UTF-16;
3. strict UTF-8;
4. UTF-8 lines with a few lines in GB18030 (a file appended to by two programs): read line by
   line, the rows named in the DataReport;
5. GB18030 (a superset of GBK and GB2312), when the text is plausible Chinese: no private-use
   characters, no kana or hangul, and most of its Chinese characters among the 6,763 of GB2312
   (a wrong decode produces rare ones: UTF-8 '张三' read as GBK is '寮犱笁', Latin-1 'Renée' is 'Ren閑');
6. Big5 (traditional Chinese, Hong Kong / Taiwan systems), when plausible in the same way (most
   characters among its 5,401 frequent ones);
7. GB18030 holding traditional characters (GBK has them), when plausible with the frequent
   characters of both and the bytes do not read as Western text with a few accented letters;
8. otherwise a DataError naming the likely encoding (charset-normalizer's guess) and ``encoding=``.
   Single-byte code pages (Latin-1, Windows-1252, …) are never guessed: they decode any bytes,
   and which one is right the bytes cannot tell.

    >>> decode("客户".encode("gbk"))[:2]
    ('gb18030', '客户')
    >>> decode("\\ufeff客户".encode("utf-8"))[:2]
    ('utf-8-sig', '客户')
"""
from __future__ import annotations

import codecs
import unicodedata

from helpers.errors import DataError

__all__ = ["COMMON_SHARE"]      # machinery of the reader (helpers.data.files)

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: Share of a text's Chinese characters that must be common ones for a decode to be plausible.
COMMON_SHARE = 0.8
_NOT_CHINESE = ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F))


def _ideograph(c: str) -> bool:
    return 0x4E00 <= ord(c) <= 0x9FFF or 0x3400 <= ord(c) <= 0x4DBF


def _common(c: str, encoding: str) -> bool:
    """A frequent character: in GB2312 (``"gb18030"``), in Big5's level 1, A440–C67E (``"big5"``), or
    in either (``"any"``: traditional characters written in GBK)."""
    try:
        if encoding in ("gb18030", "any"):
            c.encode("gb2312")
            return True
    except UnicodeEncodeError:
        if encoding == "gb18030":
            return False
    try:
        return b"\xa4\x40" <= c.encode("big5") <= b"\xc6\x7e"
    except UnicodeEncodeError:
        return False


def plausible_chinese(text: str, encoding: str = "gb18030") -> bool:
    """Whether ``text`` decoded from ``encoding`` (``"gb18030"`` or ``"big5"``; ``"any"`` accepts the
    frequent characters of both) reads as Chinese.

    >>> plausible_chinese("客户编号,王喆"), plausible_chinese("寮犱笁"), plausible_chinese("朝\\ue610ゅ")
    (True, False, False)
    """
    ideographs = common = 0
    for c in {ch for ch in text if ord(ch) > 127}:
        if unicodedata.category(c) in ("Co", "Cn", "Cs", "Cc"):
            return False
        if any(low <= ord(c) <= high for low, high in _NOT_CHINESE):
            return False
    for c in text:
        if _ideograph(c):
            ideographs += 1
            common += _common(c, encoding)
    return ideographs == 0 or common >= COMMON_SHARE * ideographs


def _western(raw: bytes) -> bool:
    """A few accented Latin letters among plain ones, read as Windows-1252: Western text."""
    text = raw.decode("cp1252", errors="replace")
    letters = [c for c in text if c.isalpha()]
    accented = [c for c in letters if ord(c) > 127]
    return bool(accented) and all(c.isalpha() for c in text if ord(c) > 127) and len(accented) <= 0.3 * len(letters)


def decode(raw: bytes, name: str = "data", encoding: str | None = None) -> tuple[str, str, list]:
    """``(encoding used, text, notes)``; ``notes`` are ``(catalogue key, values)`` for the DataReport.

    >>> decode("客戶編號,陳大文".encode("big5"))[0]
    'big5'
    """
    if encoding:
        return _given(raw, name, encoding)
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return enc, raw.decode(enc).lstrip("\ufeff"), []
            except UnicodeDecodeError as err:
                raise _undecodable(raw, name, err, enc) from None
    try:
        return "utf-8", raw.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    mixed = _mixed(raw, name)
    if mixed is not None:
        return mixed
    for enc, common in (("gb18030", "gb18030"), ("big5", "big5"), ("gb18030", "any")):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if plausible_chinese(text, common) and (common != "any" or not _western(raw)):
            return enc, text, ([] if common == "gb18030" else [("note_data_encoding_detected", {"encoding": enc})])
    raise DataError("err_data_encoding", source=name, likely=likely_encoding(raw),
                    fix_key="fix_data_encoding")


def likely_encoding(raw: bytes) -> str:
    """charset-normalizer's best guess (a Windows code page for Western text), for the error message.

    >>> likely_encoding("Renée, Müller, José, François".encode("latin-1"))
    'cp1252'
    """
    from charset_normalizer import from_bytes

    if _western(raw):
        return "cp1252"       # Windows-1252, a superset of Latin-1
    results = list(from_bytes(raw[:200_000]))
    return codecs.lookup(results[0].encoding).name if results else "?"


def _given(raw: bytes, name: str, encoding: str):
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise DataError("err_data_encoding_unknown", source=name, encoding=encoding,
                        fix_key="fix_data_encoding") from None
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as err:
        raise _undecodable(raw, name, err, encoding) from None
    label = "utf-8-sig" if codec == "utf-8" and text.startswith("\ufeff") else encoding
    return label, text.lstrip("\ufeff"), []


def _undecodable(raw: bytes, name: str, err: UnicodeDecodeError, encoding: str) -> DataError:
    line = raw.count(b"\n", 0, err.start) + 1
    return DataError("err_data_not_in_encoding", source=name, encoding=encoding, line=line,
                     likely=likely_encoding(raw), fix_key="fix_data_encoding")


def _mixed(raw: bytes, name: str):
    """UTF-8 lines with some lines in another encoding: read each line in its own, or refuse."""
    lines = raw.split(b"\n")
    utf8, other = [], []
    for i, line in enumerate(lines):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8.append(i)
        except UnicodeDecodeError:
            other.append(i)
    if not other or len(utf8) <= len(other):    # a file in one other encoding, or mostly in it
        return None
    texts, plausible, odd = [], True, set(other)
    for i, line in enumerate(lines):
        if i in odd:
            try:
                text = line.decode("gb18030")
            except UnicodeDecodeError:
                text, plausible = "", False
            plausible = plausible and plausible_chinese(text)
            texts.append(text)
        else:
            texts.append(line.decode("utf-8"))
    numbers = ", ".join(str(i + 1) for i in other[:10]) + (" …" if len(other) > 10 else "")
    if not plausible:
        raise DataError("err_data_mixed_encoding", source=name, lines=numbers, n=len(other),
                        fix_key="fix_data_mixed_encoding")
    return "utf-8", "\n".join(texts), [("note_data_mixed_encoding", {"lines": numbers, "n": len(other)})]
