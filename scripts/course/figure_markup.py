"""The Markdown around a figure drawn from data: the image (a link to its full-size view),
its caption and a folded text version, as a lesson shows the map and the ladder."""
from __future__ import annotations

import html


def figure_markdown(*, alt: str, url: str, width: int, height: int, caption: str, label: str,
                    enlarge: str, text_heading: str, text: str) -> str:
    """url is the SVG's address relative to the page; label ("Figure 2") starts the caption."""
    caption = f"{label}. {caption}" if label else caption
    indented = "\n".join(f"    {line}" if line else "" for line in text.splitlines())
    return (f'[![{html.escape(" ".join(alt.split()))}]({url}){{ width="{width}" height="{height}" '
            f'loading="lazy" }}]({url})\n\n'
            f"/// caption\n{' '.join(caption.split())} [{enlarge}]({url})\n///\n\n"
            f'??? info "{text_heading}"\n\n{indented}\n')
