"""sousei.web: the Django app where departments enter actuals and planning grades and publishes.

A thin layer: grading and formatting live in `sousei.strategy` and `sousei.japanese`; this
package stores, checks access, records every write and renders pages.
"""
