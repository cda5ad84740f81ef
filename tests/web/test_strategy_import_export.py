"""A whole strategy in and out: create_organisation, import_strategy, export_strategy.

The issue's done-when: on a fresh database, 嘉麻市 (40227) from the code master, its published
事業一覧 (annotations included) imported, exported, and `sousei evaluate --json` on the export
gives the same grades and summary as on the original.
"""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook
from typer.testing import CliRunner

from sousei.cli import app
from sousei.io.strategy.progress import read_progress_workbook
from sousei.strategy import evaluate_strategy, get_scheme
from sousei.web.accounts.models import Organisation
from sousei.web.audit.models import Event
from sousei.web.strategies.models import KPI, Actual
from sousei.web.strategies.versioning import save_versioned
from tests.io.strategy.kama_fixture import build_kama_workbook

pytestmark = pytest.mark.django_db


def _run(*args: object) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def _evaluate(path: Path) -> dict:
    result = CliRunner().invoke(app, ["evaluate", str(path), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _grades(path: Path) -> list[tuple[str, str | None, str]]:
    result = evaluate_strategy(read_progress_workbook(path).strategy, get_scheme("standard"))
    return [(ev.kpi.name, ev.grade, ev.rule) for _, evs in result.by_goal for ev in evs]


def _cells(path: Path) -> dict[str, list[tuple]]:
    book = load_workbook(path)
    return {ws.title: [tuple(c.value for c in row) for row in ws.iter_rows()]
            for ws in book.worksheets if ws.title != "_sousei"}


def test_fresh_database_import_export_evaluates_the_same(tmp_path: Path) -> None:
    assert "40227 嘉麻市(福岡県、市区町村)を登録しました" in _run("create_organisation", "40227")
    original = build_kama_workbook(tmp_path / "kama.xlsx")
    report = _run("import_strategy", str(original), "--organisation", "40227")
    assert "KPI 16件" in report
    assert "「19.9万人(R6)」→ 199,000人(令和6年度の値)" in report
    exported = tmp_path / "export.xlsx"
    _run("export_strategy", "--organisation", "40227", "--out", str(exported))
    assert _evaluate(exported) == _evaluate(original)
    assert _grades(exported) == _grades(original)
    assert _evaluate(original)["total"]["grades"] == {"○": 3, "△": 12, "×": 1}
    assert Event.objects.filter(action="organisation.create").count() == 1


def test_export_import_export_is_identical_and_untouched_reimport_changes_nothing(
    tmp_path: Path,
) -> None:
    _run("create_organisation", "40227")
    _run("import_strategy", str(build_kama_workbook(tmp_path / "kama.xlsx")), "-o", "40227")
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    _run("export_strategy", "-o", "40227", "--out", str(first))
    kpi = KPI.objects.get(name="通学等補助金交付者数")
    Actual.objects.create(kpi=kpi, fiscal_year=2026, state="pending", note="統計未公表")
    _run("export_strategy", "-o", "40227", "--out", str(first))
    events = Event.objects.count()
    assert "変更はありません" in _run("import_strategy", str(first), "-o", "40227")
    assert Event.objects.count() == events
    assert Actual.objects.get(kpi=kpi, fiscal_year=2026).note == "統計未公表"
    _run("export_strategy", "-o", "40227", "--out", str(second))
    assert _cells(first) == _cells(second)


def test_an_old_export_never_overwrites_newer_edits(tmp_path: Path) -> None:
    _run("create_organisation", "40227")
    _run("import_strategy", str(build_kama_workbook(tmp_path / "kama.xlsx")), "-o", "40227")
    old = tmp_path / "old.xlsx"
    _run("export_strategy", "-o", "40227", "--out", str(old))
    actual = Actual.objects.get(kpi__name="市バス年間利用者数", fiscal_year=2025)
    save_versioned(None, actual, actual.version, {"value": 101_000}, "実績値の修正")
    with pytest.raises(CommandError, match="何も取り込んでいません"):
        _run("import_strategy", str(old), "-o", "40227")
    assert Actual.objects.get(pk=actual.pk).value == 101_000


def test_a_partnership_from_its_members_codes() -> None:
    out = _run("create_organisation", "40203", "--partnership", "久留米広域連携中枢都市圏",
               "--members", "40212,402168")
    assert "久留米広域連携中枢都市圏(構成: 久留米市、大川市、小郡市)を登録しました" in out
    group = Organisation.objects.get(name="久留米広域連携中枢都市圏")
    assert (group.kind, group.prefecture) == ("partnership", "福岡県")
    with pytest.raises(CommandError, match="検査数字"):
        _run("create_organisation", "402161")


def test_import_needs_a_registered_organisation(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="create_organisation 40227"):
        _run("import_strategy", str(build_kama_workbook(tmp_path / "k.xlsx")), "-o", "40227")


def test_a_blank_target_wording_does_not_block_reimport(world, tmp_path: Path) -> None:
    from sousei.web.strategies.strategy_io import apply_import, export_strategy, preview_import

    home = world["home"]
    KPI.objects.filter(pk=home.kpi.pk).update(target_text="")  # entered as a bare number
    KPI.objects.filter(pk=home.other_kpi.pk).update(target_text="")
    path = export_strategy(home.strategy, tmp_path / "s.xlsx")
    preview = preview_import(home.organisation, path)
    assert preview.unchanged and not preview.conflicts
    texts = [k.target.text for k in preview.imported.strategy.kpis]
    assert texts == ["1,000人", "5年間に40人"]
    assert apply_import(None, home.organisation, preview) == home.strategy


def test_a_changed_file_replaces_the_tree_keeps_comments_and_is_audited(
    world, tmp_path: Path
) -> None:
    from openpyxl import load_workbook as load

    from sousei.web.strategies.models import Comment, KPIReview
    from sousei.web.strategies.strategy_io import apply_import, export_strategy, preview_import

    home = world["home"]
    Comment.objects.create(author=home.users["committee"], kpi=home.kpi, body="居住地も把握を")
    Comment.objects.create(author=home.users["committee"], project=home.project, body="費用は")
    Comment.objects.create(author=home.users["committee"], measure=home.project.measure,
                           body="対象地域は")
    KPIReview.objects.create(kpi=home.kpi, fiscal_year=2022, self_evaluation="順調",
                             next_step="継続")
    path = export_strategy(home.strategy, tmp_path / "s.xlsx")
    book = load(path)
    ws = book["事業一覧"]
    header = [c.value for c in ws[3]]
    row = next(r for r in ws.iter_rows(min_row=4) if r[header.index("重要業績評価指標(KPI)")].value
               == "物産展の来場者数")
    row[header.index("R5/実績値")].value = 820
    book.save(path)
    preview = preview_import(home.organisation, path)
    assert preview.changes == ["KPI「物産展の来場者数」の内容を変更"] and not preview.conflicts
    apply_import(home.users["planning"], home.organisation, preview)
    kpi = KPI.objects.get(name="物産展の来場者数",
                          project__measure__direction__goal__strategy_ref=home.strategy)
    assert kpi.actuals.get(fiscal_year=2023).value == 820
    subjects = {c.body: c.subject for c in Comment.objects.all()}
    assert subjects["居住地も把握を"] == kpi and subjects["費用は"] == kpi.project
    assert subjects["対象地域は"] == kpi.project.measure
    assert (kpi.reviews.get().self_evaluation, kpi.reviews.get().next_step) == ("順調", "継続")
    assert Event.objects.filter(action="総合戦略の再取込").count() == 1
