"""Charts of the reports as PNG and SVG, with a Japanese font and a colour-blind-safe palette.

The font is IPAexGothic shipped inside matplotlib-fontja, so a chart never depends on what the
machine has installed (no tofu boxes). Colours are the Okabe-Ito palette, readable with every
common colour-vision deficiency and in greyscale print with the line styles added.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
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
    """A chart drawn on demand: ``png`` for HTML/PDF (inline) and files, ``svg`` for files.

    Drawing is deferred and each format is made once, when first asked for: an Excel download
    needs no picture at all, a PDF only the PNG, and the SVG (text as paths) costs as much as
    the PNG again.
    """

    key: str
    title: str
    draw: Callable[[Figure], None] = field(repr=False, compare=False)
    size: tuple[float, float] = (7.0, 4.0)

    def _save(self, **options: object) -> bytes:
        _register_font()
        with rc_context(STYLE):
            figure = Figure(figsize=self.size, layout="constrained")
            self.draw(figure)
            out = io.BytesIO()
            figure.savefig(out, **options)
        return out.getvalue()

    @cached_property
    def png(self) -> bytes:
        return self._save(format="png", dpi=150)

    @cached_property
    def svg(self) -> bytes:
        return self._save(format="svg", metadata={"Date": None})

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


def render(
    key: str, title: str, draw: Callable[[Figure], None], size: tuple[float, float] = (7.0, 4.0)
) -> Chart:
    """A chart in the report style (PNG at 150 dpi and SVG), drawn when first needed."""
    return Chart(key, title, draw, size)


def thousands(value: float, _position: object = None) -> str:
    """Axis labels as 304,552 (negatives with △, as the tables print them)."""
    text = f"{abs(value):,.0f}"
    return f"△{text}" if value < 0 else text


def color(k: int) -> str:
    return OKABE_ITO[k % len(OKABE_ITO)]


def line_style(k: int) -> str:
    return LINE_STYLES[k % len(LINE_STYLES)]
