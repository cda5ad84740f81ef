"""Login and logout. Login is throttled and audited; the form is Django's, with Japanese messages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.http import HttpRequest, HttpResponse

from sousei.web.accounts import throttle
from sousei.web.accounts.models import Membership
from sousei.web.audit.record import record_event

LOCKED_MESSAGE = (
    "ログインの失敗が続いたため、しばらくの間ログインできません。時間をおいてお試しください。"
)


def _audit(user: object, action: str, address: str, *, by_user: bool = True) -> None:
    """One event per organisation the person belongs to: each organisation's audit trail
    shows who came and went (a login without a membership has no trail to go to)."""
    with transaction.atomic():
        for membership in Membership.objects.filter(user=user).select_related("organisation"):
            record_event(user if by_user else None, membership, action,
                         after={"user": str(user), "address": address})


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        username = request.POST.get("username", "")
        address = throttle.client_address(request.META)
        if not throttle.reserve(username, address):
            messages.error(request, LOCKED_MESSAGE)
            return self.render_to_response(self.get_context_data(form=self.get_form()), status=429)
        response = super().post(request, *args, **kwargs)
        if request.user.is_authenticated:
            throttle.clear(username, address)
            _audit(request.user, "ログイン", address)
        else:
            known = get_user_model().objects.filter(username=username).first()
            if known is not None:
                _audit(known, "ログイン失敗", address, by_user=False)
        return response


class LogoutView(auth_views.LogoutView):
    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if request.user.is_authenticated:
            _audit(request.user, "ログアウト", throttle.client_address(request.META))
        return super().post(request, *args, **kwargs)
