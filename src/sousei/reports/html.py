"""Reports as HTML from Django templates, rendered without a Django project.

The templates live in ``sousei/reports/templates/reports/`` so the web app can show the same
pages (add the directory to its TEMPLATES ``DIRS`` or include ``reports/_table.html``). Values
reach the templates already formatted as Japanese text, so rendering needs no settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from django.template import Context, Engine

from sousei.japanese import format_year_prose
from sousei.japanese.clock import today_jst
from sousei.reports.charts import Chart
from sousei.reports.table import ReportTable

TEMPLATE_DIR = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Section:
    """A numbered chapter section: prose paragraphs, then tables and charts in order."""

    key: str
    title: str
    paragraphs: tuple[str, ...] = ()
    blocks: tuple[ReportTable | Chart, ...] = ()
    landscape: bool = False  # wide tables (事業一覧) print on A4 landscape pages

    @property
    def brief(self) -> bool:
        """Prose only: printed with the next section on its page, never alone on one."""
        return not self.blocks

    @property
    def items(self) -> list[dict[str, object]]:
        return [
            {"chart": block} if isinstance(block, Chart) else {"table": block}
            for block in self.blocks
        ]


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    sections: tuple[Section, ...]
    issued: date = field(default_factory=today_jst)  # JST, as the web shows dates

    @property
    def issued_text(self) -> str:
        """令和8(2026)年11月23日: the date in the prose form of the report."""
        return f"{format_year_prose(self.issued.year)}{self.issued.month}月{self.issued.day}日"


@cache
def engine() -> Engine:
    return Engine(dirs=[str(TEMPLATE_DIR)], autoescape=True)


def render_document(document: Document, template: str = "reports/report.html") -> str:
    """The whole report as one standalone HTML page (charts inline as SVG data)."""
    return engine().get_template(template).render(Context({"document": document}))
