"""The ladder of economic integration as data (data/ladder.yml) in, an SVG and its text out.

One row per rung, top rung first, so the figure reads down a phone's screen; under each
rung's name, the organisations that reached it (filled boxes) and those that aimed at it
without reaching it (dashed boxes). Boxes wrap to the next line at the figure's width.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from .errorlist import FieldReader
from .figure_markup import figure_markdown
from .sources import load_yaml
from .translations import main_text

FONT = 13  # SVG units; the figure is as many units wide as CSS px on a 390 px phone
CHAR = 0.62 * FONT  # average width of a character of a wide sans-serif (DejaVu Sans), generously
RAIL = 30  # the ladder's rails on the left
GAP = 6
BOX_HEIGHT = FONT + 12
COLOURS = {"panel": "#fdfcf8", "rail": "#8a6d3b", "text": "#1a1a1a", "muted": "#4a4a4a",
           "reached": "#1f5f9e", "reached-text": "#ffffff", "aimed": "#1f5f9e"}
NONE = "none"


@dataclass(frozen=True)
class Rung:
    name: str  # in the edition's language
    meaning: str
    key: str = ""  # the name in the main language, which organisations' aimed and reached give

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", self.name)


@dataclass(frozen=True)
class Organisation:
    name: str
    aimed: str  # a rung's key: its name in the main language
    reached: str  # a rung's key, or "none"
    note: str = ""


@dataclass(frozen=True)
class Ladder:
    file: str
    width: int
    rungs: tuple[Rung, ...]  # bottom first, as in the data
    organisations: tuple[Organisation, ...]
    words: dict[str, str]


def load_ladder(path: Path, display: str, cache_dir: Path | None = None) -> Ladder:
    """Read and check the ladder file; every mistake is reported at once."""
    data = load_yaml(path, display, cache_dir)
    fields = FieldReader(display, data)
    text = fields.text

    words = {key: text(data, key) for key in ("file", "title", "alt", "caption", "enlarge", "text_heading")}
    for group in ("legend", "words"):
        for key, value in (data.get(group) or {}).items():
            words[f"{group}.{key}"] = str(value)
    for needed in ("legend.reached", "legend.aimed", "words.reached", "words.aimed", "words.nobody"):
        if needed not in words:
            fields.error(data, f"'{needed}' is missing. Give the text it shows.")
    width = data.get("width")
    if not isinstance(width, int) or isinstance(width, bool) or width < 200:
        fields.error(data, "'width' is not a whole number of at least 200. "
                     "Give the SVG's width in units (360 suits a phone).")
        width = 360
    # Organisations name rungs in the main language, whichever edition is built (a translated
    # rung's name is shown in the edition's language, but referred to by its main one).
    rungs = tuple(Rung(text(node, "name"), text(node, "meaning"), " ".join(str(main_text(node, "name") or "").split()))
                  for node in data.get("rungs") or [])
    names = {rung.key for rung in rungs}
    if len(rungs) < 2:
        fields.error(data, "'rungs' needs at least two rungs, from the bottom up.")
    organisations = []
    for node in data.get("organisations") or []:
        organisation = Organisation(text(node, "name"), text(node, "aimed"), text(node, "reached"),
                                    text(node, "note", required=False))
        for key in ("aimed", "reached"):
            value = getattr(organisation, key)
            if value and value not in names and not (key == "reached" and value == NONE):
                fields.error(node, f"'{key}: {value}' of {organisation.name} is "
                             f"not a rung. Use one of: {', '.join(sorted(names))}"
                             + (", or none." if key == "reached" else "."))
        organisations.append(organisation)
    fields.raise_errors()
    return Ladder(words["file"], width, rungs, tuple(organisations), words)


def render_ladder_svg(ladder: Ladder) -> str:
    """The figure: rails, then each rung (top first) with its organisations' boxes."""
    width, parts, y = ladder.width, [], GAP * 2
    legend_y = y + FONT
    parts.append(_box(RAIL + 4, legend_y - FONT, [ladder.words["legend.reached"]], reached=True))
    legend_width = _box_width(ladder.words["legend.reached"])
    if RAIL + 4 + legend_width + GAP + _box_width(ladder.words["legend.aimed"]) <= width - GAP:
        parts.append(_box(RAIL + 4 + legend_width + GAP, legend_y - FONT, [ladder.words["legend.aimed"]], reached=False))
        y = legend_y + BOX_HEIGHT
    else:
        parts.append(_box(RAIL + 4, legend_y - FONT + BOX_HEIGHT + GAP, [ladder.words["legend.aimed"]], reached=False))
        y = legend_y + 2 * BOX_HEIGHT + GAP
    rung_lines = []
    for rung in reversed(ladder.rungs):
        y += GAP * 2
        rung_lines.append(y - GAP)
        parts.append(f'<text x="{RAIL + 4}" y="{y + FONT}" font-size="{FONT + 1}" font-weight="700" '
                     f'fill="{COLOURS["text"]}">{_escape(rung.name)}</text>')
        y += FONT + 6
        for line in _wrap(rung.meaning, width - RAIL - 4 - GAP):
            parts.append(f'<text x="{RAIL + 4}" y="{y + FONT}" font-size="{FONT}" fill="{COLOURS["muted"]}">'
                         f'{_escape(line)}</text>')
            y += FONT + 4
        y += 6
        x = RAIL + 4
        boxes = ([(o.name, True) for o in ladder.organisations if o.reached == rung.key]
                 + [(o.name, False) for o in ladder.organisations if o.aimed == rung.key and o.reached != rung.key])
        room = width - RAIL - 4 - GAP
        row_height = 0.0
        for name, reached in boxes:
            lines = _wrap(name, room - 14)
            box_width = max(_box_width(line) for line in lines)
            if x > RAIL + 4 and x + box_width > width - GAP:
                x, y, row_height = RAIL + 4, y + row_height + GAP, 0.0
            parts.append(_box(x, y, lines, reached))
            x += box_width + GAP
            row_height = max(row_height, _box_height(lines))
        y += row_height
    height = round(y + GAP * 2)
    rails = [f'<line x1="10" y1="{rung_lines[0]}" x2="10" y2="{height - GAP}" stroke="{COLOURS["rail"]}" stroke-width="3"/>',
             f'<line x1="{RAIL - 6}" y1="{rung_lines[0]}" x2="{RAIL - 6}" y2="{height - GAP}" stroke="{COLOURS["rail"]}" '
             'stroke-width="3"/>']
    rails += [f'<line x1="10" y1="{line}" x2="{width - GAP}" y2="{line}" stroke="{COLOURS["rail"]}" stroke-width="1.5"/>'
              for line in rung_lines]
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'role="img" aria-labelledby="ladder-title ladder-desc" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif">',
        f'<title id="ladder-title">{_escape(ladder.words["title"])}</title>',
        f'<desc id="ladder-desc">{_escape(ladder_text(ladder, markdown=False))}</desc>',
        f'<rect width="{width}" height="{height}" fill="{COLOURS["panel"]}"/>',
        *rails, *parts, "</svg>", "",
    ])


def ladder_text(ladder: Ladder, markdown: bool = True) -> str:
    """The figure in words: each rung (top first), who reached it and who aimed at it."""
    lines = []
    for rung in reversed(ladder.rungs):
        reached = [o.name for o in ladder.organisations if o.reached == rung.key]
        aimed = [o.name for o in ladder.organisations if o.aimed == rung.key and o.reached != rung.key]
        nobody = ladder.words["words.nobody"]
        name = f"**{rung.name}**" if markdown else rung.name
        lines.append(f"- {name} ({rung.meaning}). {ladder.words['words.reached']}: {', '.join(reached) or nobody}. "
                     f"{ladder.words['words.aimed']}: {', '.join(aimed) or nobody}.")
    notes = [f"- {o.name}: {o.note}." for o in ladder.organisations if o.note]
    return "\n".join(lines + ([""] + notes if notes else [])) if markdown else " ".join(lines)


def render_ladder_figure(ladder: Ladder, url: str, label: str = "") -> str:
    """Markdown for a lesson: the figure, its caption (with citations) and its text version."""
    height = int(render_ladder_svg(ladder).split('height="', 1)[1].split('"', 1)[0])
    return figure_markdown(alt=ladder.words["alt"], url=url, width=ladder.width, height=height,
                           caption=ladder.words["caption"], label=label, enlarge=ladder.words["enlarge"],
                           text_heading=ladder.words["text_heading"], text=ladder_text(ladder))


# Helper functions


def _wrap(text: str, room: float) -> list[str]:
    """Words in lines that fit the room, by the same character estimate as the boxes."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= room / CHAR:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _box_width(name: str) -> float:
    return len(name) * CHAR + 14


def _box_height(lines: list[str]) -> float:
    return BOX_HEIGHT + (len(lines) - 1) * (FONT + 4)


def _box(x: float, y: float, lines: list[str], reached: bool) -> str:
    """A name in a box, on as many lines as it needs: filled if reached, dashed if only aimed at."""
    width = max(_box_width(line) for line in lines)
    if reached:
        frame = f'fill="{COLOURS["reached"]}"'
        colour = COLOURS["reached-text"]
    else:
        frame = f'fill="#ffffff" stroke="{COLOURS["aimed"]}" stroke-width="1.5" stroke-dasharray="4 3"'
        colour = COLOURS["text"]
    texts = "".join(f'<text x="{x + 7:.1f}" y="{y + BOX_HEIGHT / 2 + FONT * 0.35 + index * (FONT + 4):.1f}" '
                    f'font-size="{FONT}" fill="{colour}">{_escape(line)}</text>' for index, line in enumerate(lines))
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{_box_height(lines):g}" rx="4" {frame}/>'
            + texts)


def _escape(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)
