"""What a projection could not take into account, said in words next to its figures."""

from __future__ import annotations

from sousei.demography.runner import ScenarioRun


def ignored_targets(run: ScenarioRun) -> list[str]:
    """A foreign-share target needs foreign residents of their own (data split by nationality).
    A scenario file or a scenario saved against split data keeps its target when run on data
    without the split; the reader must be told the target is not in the figures rather than
    read figures that silently leave it out."""
    if run.foreign is not None:
        return []
    return [f"シナリオ「{s.name}」の外国人比率の目標は、日本人・外国人別の人口データがないため"
            "推計に反映されていません" for s in run.scenarios if s.foreign_share is not None]
