"""`sousei-manage dump FILE [--organisation CODE]`: a stable JSON backup (web/backup.py)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from sousei.web.accounts.models import Organisation
from sousei.web.backup import dump


class Command(BaseCommand):
    help = "全データ (または1団体分) を JSON に書き出す (sousei-manage load で戻せます)"

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="書き出すファイル")
        parser.add_argument("--organisation", "-o", metavar="CODE",
                            help="この団体コード (5桁) のデータだけを書き出す")

    def handle(self, *args, file: str, organisation: str | None, **options) -> None:
        if organisation is not None and not Organisation.objects.filter(code=organisation).exists():
            raise CommandError(f"団体コード {organisation} の組織がありません")
        count = dump(file, organisation)
        self.stdout.write(f"{count}件を {file} に書き出しました")
