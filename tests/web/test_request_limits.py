"""Request bodies above the cap are refused (413) from the header, before they are read."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse


def test_an_upload_above_the_cap_is_refused_before_reading(settings, db) -> None:
    settings.SOUSEI_MAX_REQUEST_BYTES = 64 * 1024
    big = SimpleUploadedFile("census.csv", b"x" * 100_000, content_type="text/csv")
    response = Client().post(reverse("accounts:login"), {"file": big})
    assert response.status_code == 413
    assert "送信されたデータが大きすぎます" in response.content.decode()
    small = SimpleUploadedFile("census.csv", b"x" * 1000, content_type="text/csv")
    assert Client().post(reverse("accounts:login"), {"file": small}).status_code == 200


def test_a_declared_length_is_enough_to_refuse(settings, db) -> None:
    response = Client().generic("POST", reverse("accounts:login"), b"",
                                CONTENT_LENGTH=str(settings.SOUSEI_MAX_REQUEST_BYTES + 1))
    assert response.status_code == 413
    assert Client().generic("POST", reverse("accounts:login"), b"",
                            CONTENT_LENGTH="many").status_code == 400
