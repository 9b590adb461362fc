"""Numbers as news prints them, read (`numbers`, with word lists per language in `words/`) and written
(`formatting`). The extractor and the ledger's quote check use the same reader."""
