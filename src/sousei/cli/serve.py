"""`sousei serve`: migrate and run the web app on one machine (an office PC or the demo).

A shared server runs `sousei.web.wsgi` behind an application server instead; this command is
Django's development server, bound to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import os

import typer


def serve(
    host: str = typer.Option("127.0.0.1", help="待ち受けるアドレス"),
    port: int = typer.Option(8000, help="待ち受けるポート"),
    migrate: bool = typer.Option(True, help="起動前にデータベースを最新の構造にする"),
) -> None:
    """Webアプリを起動する (既定: http://127.0.0.1:8000/)"""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sousei.web.settings")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    if migrate:
        call_command("migrate", interactive=False, verbosity=0)
    typer.echo(f"sousei: http://{host}:{port}/ で起動します (終了は Ctrl+C)")
    # Without DEBUG the development server serves static files only when told to.
    call_command(
        "runserver", f"{host}:{port}", use_reloader=False, insecure_serving=not settings.DEBUG
    )
