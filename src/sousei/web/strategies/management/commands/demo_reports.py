"""`sousei-manage demo_reports`: the demo's 人口ビジョン and KPI reports into var/reports/.

The KPI report starts from the demo strategy in the database, written out as the progress
workbook a planning division would keep, so the report path is the one users take.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sousei.io.strategy.progress import write_progress_workbook
from sousei.reports.demo import write_demo_reports
from sousei.web.strategies.convert import to_core
from sousei.web.strategies.models import Strategy


class Command(BaseCommand):
    help = "デモの報告書 (人口ビジョンと KPI) を書き出す"

    def add_arguments(self, parser) -> None:
        default = Path(settings.VAR_DIR) / "reports"
        parser.add_argument("--out", default=str(default), help="書き出し先のフォルダ")

    def handle(self, *args, **options) -> None:
        strategy = Strategy.objects.filter(is_demo=True).order_by("pk").first()
        if strategy is None:
            raise CommandError("デモの総合戦略がありません。先に load_demo を実行してください")
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        core, _ = to_core(strategy)
        workbook = out / "demo-progress.xlsx"
        write_progress_workbook(core, workbook)
        for files in write_demo_reports(out, progress_workbook=workbook):
            for path in (files.xlsx, files.pdf):
                if path is not None:
                    self.stdout.write(f"  {path}")
        self.stdout.write(self.style.SUCCESS(f"デモの報告書を {out} に書き出しました"))
