"""The one colour palette of sousei's charts, printed (matplotlib) and on screen (inline SVG).

Okabe & Ito (2008), "Color Universal Design": readable with every common colour-vision
deficiency; black comes first so that the baseline is always the black line. Kept free of
matplotlib so the web pages can use it without importing a plotting library.
"""

from __future__ import annotations

OKABE_ITO = ("#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
LINE_STYLES = ("-", "--", "-.", ":")
# Roles in population charts: men and women, and the foreign residents stacked on top of them.
MALE, FEMALE, FOREIGN = "#0072B2", "#CC79A7", "#E69F00"
