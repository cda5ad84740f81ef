"""`sousei-manage load FILE`: restore a dump into an empty database, all or nothing."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from sousei.web.backup import BackupError, load


class Command(BaseCommand):
    help = "sousei-manage dump のファイルを空のデータベースに読み込む (すべてか、何もしないか)"

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="読み込むファイル")

    def handle(self, *args, file: str, **options) -> None:
        try:
            count = load(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{count}件を読み込みました")
