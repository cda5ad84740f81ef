"""`sousei-manage export_strategy --organisation CODE --out FILE`: the strategy in the layout
`import_strategy` reads (事業一覧, 数値目標, project sheets), stamped with its version."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sousei.web.strategies.management.commands.import_strategy import organisation_by_code
from sousei.web.strategies.models import Strategy
from sousei.web.strategies.strategy_io import export_strategy


class Command(BaseCommand):
    help = "団体の総合戦略を事業一覧の Excel に書き出します(import_strategy で読み戻せます)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--organisation", "-o", required=True, help="団体コード(または名称)")
        parser.add_argument("--out", required=True, type=Path, help="書き出す Excel ファイル")
        parser.add_argument("--strategy", default="", help="総合戦略の名称(複数あるとき)")

    def handle(self, *args: object, **options: object) -> None:
        organisation = organisation_by_code(str(options["organisation"]))
        found = Strategy.objects.filter(organisation=organisation, is_demo=False)
        if options["strategy"]:
            found = found.filter(name=options["strategy"])
        if found.count() != 1:
            names = "、".join(found.values_list("name", flat=True)) or "なし"
            raise CommandError(f"{organisation.name} の総合戦略を1つに決められません"
                               f"(登録済み: {names}。--strategy で名称を指定してください)")
        path = export_strategy(found.get(), Path(str(options["out"])))
        self.stdout.write(f"書き出しました: {path}")
