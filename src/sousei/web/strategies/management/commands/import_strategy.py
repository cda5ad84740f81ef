"""`sousei-manage import_strategy FILE --organisation CODE`: a whole strategy from a workbook.

Lists how cells were read and what was inferred, then stores the strategy in one transaction
(or reports that nothing changed, or lists the conflicts and stores nothing).
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sousei.io.errors import WorkbookError
from sousei.web.accounts.models import Organisation
from sousei.web.strategies.strategy_io import apply_import, preview_import


def organisation_by_code(code: str) -> Organisation:
    found = Organisation.objects.filter(code=code[:5]).first() if code.isdigit() else None
    found = found or Organisation.objects.filter(name=code).first()
    if found is None:
        raise CommandError(f"団体 {code!r} が登録されていません"
                           f"(sousei-manage create_organisation {code} で登録してください)")
    return found


class Command(BaseCommand):
    help = "事業一覧(数値目標・事業シートを含む)の Excel から総合戦略を取り込みます"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="事業一覧の Excel ファイル (.xlsx)")
        parser.add_argument("--organisation", "-o", required=True, help="団体コード(または名称)")

    def handle(self, *args: object, **options: object) -> None:
        organisation = organisation_by_code(str(options["organisation"]))
        try:
            preview = preview_import(organisation, Path(str(options["file"])))
        except WorkbookError as exc:
            raise CommandError(str(exc)) from None
        for title, lines in (("読み取りの解釈", preview.imported.readings),
                             ("推定した項目", preview.imported.inferred),
                             ("競合", preview.conflicts)):
            if lines:
                self.stdout.write(f"{title}:")
                for line in lines:
                    self.stdout.write(f"  {line}")
        if preview.conflicts:
            raise CommandError("書き出した後にシステム上で変更された内容と食い違うため、"
                               "何も取り込んでいません。最新の書き出しに記入し直してください")
        stored = apply_import(None, organisation, preview)
        name = preview.imported.strategy.name
        if preview.unchanged:
            self.stdout.write(f"{name}: 変更はありません")
        elif preview.existing is None:
            kpis = len(preview.imported.strategy.kpis)
            self.stdout.write(f"{name} を {organisation.name} に登録しました(KPI {kpis}件)")
        else:
            for line in preview.changes:
                self.stdout.write(f"  {line}")
            self.stdout.write(f"{name} を更新しました")
        assert stored is not None
