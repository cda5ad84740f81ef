"""Write src/sousei/data/backtest_error_model.csv, the error model of the prediction intervals.

Run after any change to the projection method (`make error-model`, or
`.venv/bin/python scripts/error_model.py`): the bands must describe the errors of the method
that is shipped. tests/vision/test_intervals.py (slow) fails while the table is stale.
For every census year K (2000-2015) it holds the quantiles of ln(projected / census) over the
backtests whose census is dated K or earlier, by size class and horizon.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sousei.vision.intervals import known_at_years, model_known_at

OUT = Path(__file__).resolve().parents[1] / "src" / "sousei" / "data" / "backtest_error_model.csv"


def main() -> None:
    table = pd.concat([model_known_at(year) for year in known_at_years()], ignore_index=True)
    table.to_csv(OUT, index=False, float_format="%.6f")
    print(f"{OUT}: {len(table)} rows")
    print(table[table["known_at"] == max(known_at_years())].to_string(index=False))


if __name__ == "__main__":
    main()
