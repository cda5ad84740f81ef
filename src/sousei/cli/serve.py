"""`sousei serve`: migrate and run the web app on one machine (an office PC or the demo).

By default a multi-worker WSGI server with the production settings (DEBUG off): gunicorn, or
waitress where gunicorn cannot run (Windows). `--dev` keeps Django's reloading development
server with the development settings. Bound to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import ipaddress
import os

import typer

from sousei.cli import wsgi_server


def serve(
    host: str = typer.Option("127.0.0.1", help="待ち受けるアドレス"),
    port: int = typer.Option(8000, help="待ち受けるポート"),
    migrate: bool = typer.Option(True, help="起動前にデータベースを最新の構造にする"),
    dev: bool = typer.Option(
        False, "--dev", help="開発用サーバー (DEBUG 有効、コード変更で再起動) で起動する"
    ),
    workers: int = typer.Option(
        0, help="ワーカー数 (0 = CPU数×2+1、最大8; 環境変数 SOUSEI_WORKERS でも指定可)"
    ),
    server: str = typer.Option(
        "auto", help="WSGIサーバー: auto / gunicorn / waitress (auto は gunicorn、Windows は waitress)"
    ),
) -> None:
    """Webアプリを起動する (既定: http://127.0.0.1:8000/)"""
    if dev:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sousei.web.settings")
    else:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sousei.web.production")
        _plain_http_on_loopback(host)
    import django
    from django.core.management import call_command

    django.setup()
    if migrate:
        call_command("migrate", interactive=False, verbosity=0)
    typer.echo(f"sousei: http://{_url_host(host)}:{port}/ で起動します (終了は Ctrl+C)")
    if dev:
        from django.conf import settings

        call_command("runserver", f"{host}:{port}", insecure_serving=not settings.DEBUG)
        return
    call_command("collectstatic", interactive=False, verbosity=0)
    wsgi_server.run(host, port, wsgi_server.worker_count(workers), server)


def _plain_http_on_loopback(host: str) -> None:
    """On 127.0.0.1 the browser speaks plain http to this very machine: no TLS to insist on."""
    if _is_loopback(host):
        os.environ.setdefault("SOUSEI_HTTPS", "0")
    elif os.environ.get("SOUSEI_HTTPS", "1") == "1":
        typer.echo(
            "sousei: 外部向けのアドレスです。TLS のリバースプロキシの背後で使ってください "
            "(プロキシなしの http で使う場合は SOUSEI_HTTPS=0。docs/deploy.md 参照)",
            err=True,
        )


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
