"""sousei (創生): population visions and strategy verification for Japanese municipalities.

The two cores, :mod:`sousei.demography` and :mod:`sousei.strategy`, are pure: they import
nothing of Django, files or the network, so a notebook can use them with arrays and dataclasses.
"""

__version__ = "0.1.0"
