"""進捗報告書(Excel)/(PDF): the strategy's verification report for a chosen fiscal year."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from sousei.web.accounts.access import get_for_user, membership_for
from sousei.web.accounts.models import Role
from sousei.web.downloads import report_response
from sousei.web.strategies.models import Strategy
from sousei.web.strategies.report_data import strategy_report


@login_required
def strategy_report_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """Readers of the strategy get it; a viewer reads only published evaluations, and the
    report shows the live actuals, so viewers get 404 like outsiders."""
    strategy = get_for_user(request, Strategy, pk, need="read")
    membership = membership_for(request, strategy.organisation)
    if membership is None or membership.role == Role.VIEWER:
        raise Http404
    raw = request.GET.get("fy", "")
    as_of = int(raw) if raw.isdigit() and int(raw) in strategy.plan_years else None
    return report_response(lambda: strategy_report(strategy, as_of), fmt)
