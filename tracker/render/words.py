"""The fixed words of a chart in each language it can be drawn in (`tracker chart --lang`): each language's
CHART_WORDS in tracker.languages.

The ledger's own words (titles, claimant and outlet names) are printed as written; an
indicator's `chart:` setting gives translated titles where a desk needs them.
"""

from __future__ import annotations

from tracker.languages import chart_languages, chart_words

LANGUAGES = chart_languages()


def words(lang: str = "en") -> dict:
    """The fixed words in `lang`; raises KeyError naming the languages there are."""
    return chart_words(lang)
