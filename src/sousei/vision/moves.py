"""Moves by origin or destination area: net moves per counterpart, ranked net in / net out.

Input is the table of ``sousei.io.flows.moves.read_moves`` (or the same rows stored by the web app):
year, area_code, counterpart, counterpart_name, level, in_moves, out_moves. Several areas (a
partnership's members) are summed. The tables follow the 人口ビジョン chapters: top N net-in
and net-out prefectures (rank, 転入数, 転出数, 増減, shares of all in- and out-moves), the
large municipal partners, and the three metropolitan areas. Totals are the 総数 rows when the
file has them (the reader checked they reconcile) and the sum of the counterparts otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sousei.io.flows.moves import prefecture_level
from sousei.io.reference.codes import area_name

METROPOLITAN_AREAS = {  # 住民基本台帳人口移動報告's definitions, by prefecture code
    "東京圏": ("13", "14", "11", "12"),
    "名古屋圏": ("23", "21", "24"),
    "大阪圏": ("27", "26", "28", "29"),
}


@dataclass(frozen=True)
class Flow:
    """Moves between the areas and one counterpart in a year (persons)."""

    key: str  # 5-digit code, or abroad / other / total
    name: str
    in_moves: int
    out_moves: int

    @property
    def net(self) -> int:
        """転入超過 when positive, 転出超過 when negative."""
        return self.in_moves - self.out_moves


@dataclass(frozen=True)
class RankedFlow:
    rank: int
    flow: Flow
    in_share: float | None  # per cent of all in-moves of the year
    out_share: float | None  # per cent of all out-moves of the year


@dataclass(frozen=True)
class MoveSummary:
    year: int
    total: Flow
    total_given: bool  # the file's 総数 rows, not a sum computed here
    prefectures: list[Flow]  # prefectures (municipal rows grouped) and 国外, by net desc
    other: Flow | None
    net_in: list[RankedFlow]
    net_out: list[RankedFlow]
    municipal_net_in: list[RankedFlow]
    municipal_net_out: list[RankedFlow]
    metropolitan: list[Flow]


def move_years(frame: pd.DataFrame) -> list[int]:
    return sorted(int(y) for y in frame["year"].unique())


def _flows(rows: pd.DataFrame) -> list[Flow]:
    sums = rows.groupby(["counterpart", "counterpart_name"], sort=True)[
        ["in_moves", "out_moves"]].sum()
    return [Flow(key, name, int(i), int(o))
            for (key, name), i, o in zip(sums.index, sums["in_moves"], sums["out_moves"],
                                         strict=True)]


def flows_by_prefecture(frame: pd.DataFrame, year: int) -> list[Flow]:
    """Prefectures (a prefecture without its own row gets the sum of its municipal rows) and
    国外, sorted by net moves, largest net-in first; その他 and 総数 are left out."""
    at = frame[frame["year"] == year]
    rows = at[prefecture_level(at) & (at["level"] != "other")].copy()
    municipal = rows["level"] == "municipality"
    rows.loc[municipal, "counterpart"] = rows.loc[municipal, "counterpart"].str[:2] + "000"
    names = {code: area_name(code) for code in rows.loc[municipal, "counterpart"].unique()}
    rows.loc[municipal, "counterpart_name"] = rows.loc[municipal, "counterpart"].map(names)
    return sorted(_flows(rows), key=lambda f: (-f.net, f.key))


def municipal_flows(frame: pd.DataFrame, year: int) -> list[Flow]:
    """The municipal counterparts listed in the file (the large partners), by net desc."""
    at = frame[(frame["year"] == year) & (frame["level"] == "municipality")]
    return sorted(_flows(at), key=lambda f: (-f.net, f.key))


def move_totals(frame: pd.DataFrame, year: int) -> tuple[Flow, bool]:
    """All moves of the year: the 総数 rows when every area has one, else the counterparts'
    sum (equal when both exist: the reader refuses a file where they differ)."""
    at = frame[frame["year"] == year]
    given = at[at["level"] == "total"]
    complete = set(given["area_code"]) == set(at["area_code"]) and not given.empty
    rows = given if complete else at[prefecture_level(at)]
    flow = Flow("total", "総数", int(rows["in_moves"].sum()), int(rows["out_moves"].sum()))
    return flow, complete


def _share(part: int, whole: int) -> float | None:
    return 100.0 * part / whole if whole else None


def rank_flows(flows: list[Flow], total: Flow, top: int) -> tuple[list[RankedFlow],
                                                                   list[RankedFlow]]:
    """Top ``top`` net-in (largest net first) and net-out (largest net loss first); a
    counterpart with net 0 is in neither. Ties keep code order."""
    gains = sorted((f for f in flows if f.net > 0), key=lambda f: (-f.net, f.key))[:top]
    losses = sorted((f for f in flows if f.net < 0), key=lambda f: (f.net, f.key))[:top]

    def ranked(chosen: list[Flow]) -> list[RankedFlow]:
        return [RankedFlow(i + 1, f, _share(f.in_moves, total.in_moves),
                           _share(f.out_moves, total.out_moves)) for i, f in enumerate(chosen)]

    return ranked(gains), ranked(losses)


def metropolitan_flows(prefectures: list[Flow]) -> list[Flow]:
    """東京圏, 名古屋圏, 大阪圏 and 三大都市圏計 from the prefecture flows."""
    by_code = {f.key[:2]: f for f in prefectures if f.key.endswith("000")}
    areas = []
    for name, codes in METROPOLITAN_AREAS.items():
        members = [by_code[c] for c in codes if c in by_code]
        areas.append(Flow(name, name, sum(f.in_moves for f in members),
                          sum(f.out_moves for f in members)))
    areas.append(Flow("三大都市圏計", "三大都市圏計", sum(f.in_moves for f in areas),
                      sum(f.out_moves for f in areas)))
    return areas


def summarise_moves(frame: pd.DataFrame, year: int | None = None, top: int = 10) -> MoveSummary:
    """Everything the page and the report show for one year (the latest by default)."""
    year = year if year is not None else max(move_years(frame))
    frame = frame[frame["year"] == year]
    total, given = move_totals(frame, year)
    prefectures = flows_by_prefecture(frame, year)
    others = _flows(frame[(frame["year"] == year) & (frame["level"] == "other")])
    municipal = municipal_flows(frame, year)
    net_in, net_out = rank_flows(prefectures, total, top)
    municipal_in, municipal_out = rank_flows(municipal, total, top)
    return MoveSummary(year, total, given, prefectures,
                       Flow("other", "その他", sum(f.in_moves for f in others),
                            sum(f.out_moves for f in others)) if others else None,
                       net_in, net_out, municipal_in, municipal_out,
                       metropolitan_flows(prefectures))


def moves_frame(rows: list[dict]) -> pd.DataFrame:
    """Stored rows (the reader's records) back into the analysis frame."""
    return pd.DataFrame(rows, columns=["year", "area_code", "counterpart", "counterpart_name",
                                       "level", "in_moves", "out_moves"])
