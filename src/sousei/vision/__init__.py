"""Population-vision workflows: data in, assumptions, scenario runs, tables out.

The CLI, the web app and the reports call these functions, so each figure is computed one way.
Unlike the pure :mod:`sousei.demography`, this layer reads data (the shipped tables or a
user's upload) and turns it into the engine's arrays.
"""
