"""One timed build in a fresh process: `python -m bench.worker CONFIG SITE [--profile HTML]`."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Callable

from .settings import ENV


# Building: each build runs in its own process (a fresh interpreter, as `mkdocs build` is),
# which times itself from loading the config to the last file written and times every
# event handler of every hook and plugin. Times are the process's CPU time (the build is
# single-threaded): on a shared machine, wall-clock time measures the neighbours too.
# Wall-clock time is kept beside it in the JSON.


def timed_build(config: Path, site: Path, profile: Path | None = None) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.worker", str(config), str(site)]
    if profile:
        command += ["--profile", str(profile)]
    done = subprocess.run(command, cwd=config.parent, env=ENV, text=True, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"build of {config.name} failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def build_worker(config_file: Path, site: Path, profile: str | None) -> int:
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    messages: list[str] = []

    class Count(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                messages.append(record.getMessage().splitlines()[0][:200])

    logging.getLogger("mkdocs").addHandler(Count())
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    by_event: dict[str, float] = {}
    pages = {"markdown": 0}
    profiler = None
    if profile:
        from pyinstrument import Profiler
        profiler = Profiler()
        profiler.start()
    t0, wall0 = time.process_time(), time.perf_counter()
    config = load_config(str(config_file), site_dir=str(site), strict=False)
    by_event["mkdocs:load_config"] = time.process_time() - t0  # includes importing the hooks
    for event, methods in config.plugins.events.items():
        methods[:] = [_timed(f"{_owner(m)}.{event}", m, by_event, pages) if _owner(m) != "hook:entry" else
                      _timed(f"hook:model.{event}", m, by_event, pages) if event in ("config", "post_build") else m
                      for m in methods]
    _time_features(config, by_event, pages)
    build(config)
    seconds, wall = time.process_time() - t0, time.perf_counter() - wall0
    if profiler:
        profiler.stop()
        Path(profile).write_text(profiler.output_html(), encoding="utf-8")
    by_owner: dict[str, float] = {}
    for name, spent in by_event.items():
        owner = name.rsplit(".", 1)[0]
        by_owner[owner] = by_owner.get(owner, 0.0) + spent
    print(json.dumps({
        "seconds": seconds, "wall": wall, "pages": sum(1 for _ in site.rglob("*.html")), "markdown_pages": pages["markdown"],
        "warnings": len(messages), "messages": messages[:5], "by_event": by_event, "by_owner": by_owner,
    }))
    return 0


def _time_features(config: Any, spent: dict[str, float], pages: dict[str, int]) -> None:
    """The entry hook runs the course's features (its FEATURES, in order): time each on its own,
    as "hook:glossary.page_markdown", the entry's dispatch left out; building the course is
    "hook:model.config"."""
    for module in config.hooks.values():
        for feature in getattr(module, "FEATURES", ()):
            stem = feature.__name__.rsplit(".", 1)[-1]
            for name in dir(feature):
                if name.startswith("on_") and callable(getattr(feature, name)):
                    setattr(feature, name, _timed(f"hook:{stem}.{name[3:]}", getattr(feature, name), spent, pages))


def _owner(method: Callable[..., Any]) -> str:
    """'hook:citations' for a hook file's function, 'plugin:SearchPlugin' for a plugin's method."""
    instance = getattr(method, "__self__", None)
    if instance is not None:
        return f"plugin:{type(instance).__name__}"
    return f"hook:{Path(method.__module__).stem}"


def _timed(name: str, method: Callable[..., Any], spent: dict[str, float], pages: dict[str, int]) -> Callable:
    def timed(*args: Any, **kwargs: Any) -> Any:
        t = time.process_time()
        try:
            return method(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - t
            if name == "hook:citations.page_markdown":
                pages["markdown"] += 1
    for attribute in ("mkdocs_priority", "__name__"):
        if hasattr(method, attribute):
            setattr(timed, attribute, getattr(method, attribute))
    return timed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("config", type=Path)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--profile", metavar="HTML", help="profile the build with pyinstrument into this file")
    args = parser.parse_args()
    return build_worker(args.config, args.dest, args.profile)


if __name__ == "__main__":
    sys.exit(main())
