"""Reading a table from a file: CSV/TSV/TXT (optionally gzip-compressed), Excel or Parquet.

Text files are decoded by trying strict decodes in the order of :data:`ENCODINGS` (UTF-8 with or
without BOM, then GB18030, a superset of GBK and GB2312); ``encoding=`` overrides. The delimiter
is the most frequent of ``, ; TAB |`` in the header line, or runs of whitespace when none occurs.
Every value of a text file is read as text so that ids keep their leading zeros.

    >>> import io
    >>> frame, info = read_table(io.BytesIO("客户ID,金额\\n007,12.5\\n".encode("gb18030")))
    >>> info["encoding"], frame.iloc[0, 0]
    ('gb18030', '007')
"""
from __future__ import annotations

import gzip
import io
from pathlib import Path

from helpers.errors import DataError

__all__ = ["ENCODINGS", "DELIMITERS"]      # the reader is machinery: analysts call helpers.data.load_table

#: Encodings tried in this order when none is given; the first strict decode that works wins.
ENCODINGS = ("utf-8", "gb18030")
DELIMITERS = (",", ";", "\t", "|")
_MAGIC = {b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF8": "GIF", b"%PDF": "PDF"}
_EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")


def read_table(source, *, encoding: str | None = None, sheet=0, sep: str | None = None,
               as_text: bool = True):
    """Read ``source`` (path or binary file object) into a DataFrame plus reading facts.

    Returns ``(frame, info)`` where ``info`` holds ``source`` (name), ``format`` and ``encoding``
    (None for Excel/Parquet). ``as_text=False`` lets pandas infer column types of text files.

    >>> import io
    >>> frame, info = read_table(io.BytesIO(b"id|n\\n7|1\\n"), as_text=False)
    >>> info["format"], frame["n"].tolist()
    ('text', [1])
    """
    name = _name(source)
    raw = _read_bytes(source, name)
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    if not raw.strip():
        raise DataError("err_data_empty", column=None, source=name, fix_key="fix_data_empty")
    kind = _format(raw, name)
    if kind == "excel":
        return _read_excel(raw, name, sheet), {"source": name, "format": "excel", "encoding": None}
    if kind == "parquet":
        import pandas as pd

        return pd.read_parquet(io.BytesIO(raw)), {"source": name, "format": "parquet", "encoding": None}
    enc, text = decode(raw, name, encoding)
    return _read_text(text, name, sep, as_text), {"source": name, "format": "text", "encoding": enc}


def decode(raw: bytes, name: str = "data", encoding: str | None = None) -> tuple[str, str]:
    """``(encoding used, text)``: the given encoding, or the first of :data:`ENCODINGS` that works.

    A UTF-8 byte-order mark is reported as ``utf-8-sig`` and removed.

    >>> decode("金额".encode("gbk"))
    ('gb18030', '金额')
    """
    tried = (encoding,) if encoding else ENCODINGS
    for enc in tried:
        try:
            text = raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if text.startswith("\ufeff"):
            return ("utf-8-sig" if enc.replace("_", "-").lower().startswith("utf-8") else enc), text[1:]
        return enc, text
    raise DataError("err_data_encoding", column=None, source=name, tried=", ".join(tried),
                    fix_key="fix_data_encoding")


def _name(source) -> str:
    return str(source) if isinstance(source, (str, Path)) else getattr(source, "name", type(source).__name__)


def _read_bytes(source, name: str) -> bytes:
    if isinstance(source, (str, Path)):
        path = Path(source)
        if not path.is_file():
            raise DataError("err_data_no_file", column=None, source=name, fix_key="fix_data_no_file")
        return path.read_bytes()
    return source.read()


def _format(raw: bytes, name: str) -> str:
    head = raw[:16]
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise DataError("err_data_not_table", column=None, source=name, what=what, fix_key="fix_data_not_table")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\xd0\xcf\x11\xe0") or name.lower().endswith(_EXCEL_SUFFIXES):
        return "excel"
    if head.startswith(b"PAR1") or name.lower().endswith(".parquet"):
        return "parquet"
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError("err_data_not_table", column=None, source=name, what="binary", fix_key="fix_data_not_table")
    if raw.lstrip()[:1] in (b"{", b"["):
        raise DataError("err_data_not_table", column=None, source=name, what="JSON", fix_key="fix_data_not_table")
    return "text"


def _read_excel(raw: bytes, name: str, sheet):
    import pandas as pd

    try:
        return pd.read_excel(io.BytesIO(raw), sheet_name=sheet)
    except (ValueError, KeyError, OSError) as exc:
        raise DataError("err_data_not_table", column=None, source=name, what=str(exc),
                        fix_key="fix_data_not_table") from None


def sniff_delimiter(header_line: str) -> str | None:
    """The most frequent of ``, ; TAB |`` in the header line; None means runs of whitespace.

    >>> sniff_delimiter("a;b;c"), sniff_delimiter("id  date  amount")
    (';', None)
    """
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else None


def _read_text(text: str, name: str, sep: str | None, as_text: bool):
    import pandas as pd

    header = text.lstrip("\r\n").split("\n", 1)[0]
    sep = sep or sniff_delimiter(header)
    options = {"dtype": str} if as_text else {}
    try:
        if sep is None:
            return pd.read_csv(io.StringIO(text.strip()), sep=r"\s+", skip_blank_lines=True, **options)
        if len(text) > 1_000_000:  # large, regular files: the multi-threaded Arrow reader is several times faster
            return pd.read_csv(io.BytesIO(text.encode("utf-8")), sep=sep, engine="pyarrow", **options)
        return pd.read_csv(io.StringIO(text), sep=sep, skip_blank_lines=True, **options)
    except Exception as exc:  # pandas and Arrow raise several types for a text that is not a table
        raise DataError("err_data_not_table", column=None, source=name, what=str(exc).strip()[:120],
                        fix_key="fix_data_not_table") from None
