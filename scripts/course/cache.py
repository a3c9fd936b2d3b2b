"""Results kept on disk between builds, for work that depends only on some text.

Every `mkdocs build` is a new process, so without this each build parses again the data
files that have not changed (YAML, the .bib) and renders their Markdown again, which costs
more than all the hooks' work on the pages. A result is stored in one file per name (e.g.
per data file) with the sha256 of everything it was made from: the text, the code that made
it, the library versions. It is used only when that digest matches, so an edit, an upgrade
or a change to our code makes it again. Only results are stored, never errors: a broken
file is reported exactly as without the cache. Delete .cache/ at any time.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

CACHE_DIR = ".cache/course"  # under the project root; ignored by git

T = TypeVar("T")


def cached(cache_dir: Path | None, name: str, inputs: Iterable[str | bytes], make: Callable[[], T]) -> T:
    """make(), or its result from an earlier build made from the same inputs."""
    if cache_dir is None:
        return make()
    digest = digest_of(inputs)
    value = read(cache_dir, name, digest)
    if value is None:
        value = make()
        write(cache_dir, name, digest, value)
    return value


def digest_of(inputs: Iterable[str | bytes]) -> str:
    digest = hashlib.sha256()
    for part in inputs:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()


def read(cache_dir: Path, name: str, digest: str) -> Any:
    """The value stored under name if it was made from inputs with this digest, else None."""
    try:
        stored, value = pickle.loads(_path(cache_dir, name).read_bytes())
    except Exception:  # noqa: BLE001 - missing, unreadable, truncated or from older code: make it again
        return None
    return value if stored == digest else None


def write(cache_dir: Path, name: str, digest: str, value: Any) -> None:
    path = _path(cache_dir, name)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:  # written aside, then renamed: a build running at the same time never reads half a file
        cache_dir.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(pickle.dumps((digest, value), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, path)
    except OSError:  # a read-only checkout builds as before, without a cache
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


@functools.cache
def source_of(module_file: str) -> bytes:
    """The code of a module, as one of the inputs of what it makes."""
    return Path(module_file).read_bytes()


# Helper functions


def _path(cache_dir: Path, name: str) -> Path:
    from .translations import language_suffix  # which language this build writes

    return cache_dir / (re.sub(r"[^\w.-]+", "_", name) + language_suffix() + ".pickle")
