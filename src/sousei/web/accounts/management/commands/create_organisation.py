"""`sousei-manage create_organisation CODE [--partnership NAME --members CODE,...]`.

Name, prefecture and kind come from the shipped code master (io/reference/codes.py), so an
administrator types only the 団体コード; each new row is audited (actor: the command line).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sousei.io.reference.codes import AreaCodeError
from sousei.web.accounts.organisations import organisation_for_code, partnership


class Command(BaseCommand):
    help = "団体コードから団体(市区町村・都道府県)を登録します。--partnership で連携中枢都市圏も登録"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="団体コード(5桁、または検査数字付き6桁。例: 40227)")
        parser.add_argument("--partnership", default="", help="連携中枢都市圏の名称")
        parser.add_argument("--members", default="",
                            help="連携中枢都市圏の構成市町村の団体コード(カンマ区切り)")

    def handle(self, *args: object, **options: str) -> None:
        if options["members"] and not options["partnership"]:
            raise CommandError("--members は --partnership と一緒に指定してください")
        codes = [options["code"], *(c for c in options["members"].split(",") if c.strip())]
        try:
            found = [organisation_for_code(None, c.strip()) for c in codes]
        except AreaCodeError as exc:
            raise CommandError(str(exc)) from None
        for row, created in found:
            state = "登録しました" if created else "登録済みです"
            self.stdout.write(f"{row.code} {row.name}({row.prefecture}、"
                              f"{row.get_kind_display()})を{state}")
        if options["partnership"]:
            group, created = partnership(None, options["partnership"], [r for r, _ in found])
            names = "、".join(m.name for m in group.members.order_by("code"))
            state = "登録しました" if created else "更新しました"
            self.stdout.write(f"{group.name}(構成: {names})を{state}")
