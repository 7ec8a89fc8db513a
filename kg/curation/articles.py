"""Reading article files for extraction, refusing what is not an article's text."""

from __future__ import annotations

from pathlib import Path

from kg.errors import ArticleError

__all__ = ["MAX_ARTICLE_BYTES", "read_article"]

MAX_ARTICLE_BYTES = 5 * 1024 * 1024  # far above any article; a bigger file is a dump, not an article


def read_article(path: Path) -> str:
    """The text of ``path``, checked: not empty, not binary, UTF-8, at most 5 MiB.

    The size is checked before anything is read, so memory stays bounded.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror})") from None
    if size > MAX_ARTICLE_BYTES:
        raise ArticleError(f"{path}: {size / 2**20:.1f} MiB is more than an article ({MAX_ARTICLE_BYTES // 2**20} MiB at most): split it")
    data = path.read_bytes()
    if not data.strip():
        raise ArticleError(f"{path}: the file is empty")
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{path}: this is a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{path}: not UTF-8 text (byte {exc.start}: {exc.reason}); convert it with iconv first") from None
