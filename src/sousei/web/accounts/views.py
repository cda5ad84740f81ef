"""Login and logout. Login is throttled; the form is Django's, with Japanese messages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse

from sousei.web.accounts import throttle

LOCKED_MESSAGE = (
    "ログインの失敗が続いたため、しばらくの間ログインできません。時間をおいてお試しください。"
)


def _address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "")


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        username = request.POST.get("username", "")
        if throttle.is_locked(username, _address(request)):
            messages.error(request, LOCKED_MESSAGE)
            return self.render_to_response(self.get_context_data(form=self.get_form()), status=429)
        response = super().post(request, *args, **kwargs)
        if request.user.is_authenticated:
            throttle.clear(username, _address(request))
        else:
            throttle.record_failure(username, _address(request))
        return response


class LogoutView(auth_views.LogoutView):
    pass
