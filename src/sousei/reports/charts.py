"""Charts of the reports as PNG and SVG, with a Japanese font and a colour-blind-safe palette.

The font is IPAexGothic shipped inside matplotlib-fontja, so a chart never depends on what the
machine has installed (no tofu boxes). Colours are the Okabe-Ito palette, readable with every
common colour-vision deficiency and in greyscale print with the line styles added.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import matplotlib
import matplotlib_fontja
from matplotlib import font_manager, rc_context
from matplotlib.figure import Figure

from sousei.reports.palette import LINE_STYLES, OKABE_ITO

FONT_NAME = "IPAexGothic"
STYLE = {
    "font.family": [FONT_NAME],
    "axes.unicode_minus": False,
    "svg.fonttype": "path",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=OKABE_ITO),
    "figure.dpi": 100,
}


@cache
def _register_font() -> None:
    font_manager.fontManager.addfont(matplotlib_fontja.get_font_ttf_path())


@dataclass(frozen=True)
class Chart:
    """A rendered chart: ``key`` names its files, ``svg`` goes into HTML/PDF, ``png`` to files."""

    key: str
    title: str
    png: bytes
    svg: bytes

    @property
    def data_uri(self) -> str:
        """The PNG inline in a page, so an HTML file or a PDF needs no side files (an SVG of
        text drawn as paths takes Chromium seconds to print)."""
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")

    def write(self, directory: Path) -> tuple[Path, Path]:
        directory.mkdir(parents=True, exist_ok=True)
        png, svg = directory / f"{self.key}.png", directory / f"{self.key}.svg"
        png.write_bytes(self.png)
        svg.write_bytes(self.svg)
        return png, svg


def render(key: str, title: str, draw: Callable[[Figure], None], size=(7.0, 4.0)) -> Chart:
    """Draw with the report style and return the chart as PNG (150 dpi) and SVG."""
    _register_font()
    with rc_context(STYLE):
        figure = Figure(figsize=size, layout="constrained")
        draw(figure)
        png, svg = io.BytesIO(), io.BytesIO()
        figure.savefig(png, format="png", dpi=150)
        figure.savefig(svg, format="svg", metadata={"Date": None})
    return Chart(key, title, png.getvalue(), svg.getvalue())


def thousands(value: float, _position: object = None) -> str:
    """Axis labels as 304,552 (negatives with △, as the tables print them)."""
    text = f"{abs(value):,.0f}"
    return f"△{text}" if value < 0 else text


def color(k: int) -> str:
    return OKABE_ITO[k % len(OKABE_ITO)]


def line_style(k: int) -> str:
    return LINE_STYLES[k % len(LINE_STYLES)]
