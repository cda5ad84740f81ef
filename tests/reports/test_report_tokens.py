"""The PDF reports and the printed web pages share the デジタル庁デザインシステム colours: every
colour report.css names is a token value of the web's tokens.css, and the web's print styles
use those same tokens for headings, table headings and borders."""

from __future__ import annotations

import re
from pathlib import Path

import sousei

PACKAGE = Path(sousei.__file__).parent
REPORT_CSS = PACKAGE / "reports" / "templates" / "reports" / "report.css"
TOKENS_CSS = PACKAGE / "web" / "static" / "sousei" / "tokens.css"
SITE_CSS = PACKAGE / "web" / "static" / "sousei" / "site.css"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


def _tokens() -> dict[str, str]:
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;", TOKENS_CSS.read_text()))


def test_tokens_name_their_source_and_licence() -> None:
    text = TOKENS_CSS.read_text()
    assert "@digital-go-jp/design-tokens 1.1.9" in text and "MIT License" in text


def test_report_colours_are_tokens() -> None:
    values = {v.lower() for v in _tokens().values()}
    used = {c.lower() for c in HEX.findall(REPORT_CSS.read_text())}
    assert used and used <= values, used - values


def test_print_styles_use_the_report_colours() -> None:
    tokens = _tokens()
    site = SITE_CSS.read_text()
    printing = site[site.index("@media print"):]
    report = REPORT_CSS.read_text().lower()
    for role in ("--color-primitive-blue-1000", "--color-primitive-blue-50",
                 "--color-neutral-solid-gray-536"):
        assert f"var({role})" in printing, role
        assert tokens[role].lower() in report, role
    assert re.search(r"@page \{ size: A4; margin: 16mm 12mm 18mm 12mm; \}", site)
    assert "size: A4; margin: 16mm 12mm 18mm 12mm" in REPORT_CSS.read_text()
