"""Extraction: from an article to candidate figures a curator can accept into the ledger.

    article = read_article("article.html")       # .txt, .html, or bytes via read_bytes
    candidates = extract(article, ledger)         # the ledger suggests indicators
    print(candidates_yaml(article, candidates, ledger))

The stages, one file each: `article` (reading and citation), `sentences`, `figures`
(numbers that are counts, with qualifiers), `context` (time, claimant, counted words),
`suggest` (the indicator), `candidates` (the pipeline), `entries` (as ledger YAML).
"""

from tracker.errors import ExtractError
from tracker.extraction.article import MAX_BYTES, Article, fetch, read_article, read_bytes, read_text_article
from tracker.extraction.candidates import Candidate, extract
from tracker.extraction.entries import candidates_document, candidates_frame, candidates_yaml, source_id

__all__ = ["MAX_BYTES", "Article", "Candidate", "ExtractError", "candidates_document", "candidates_frame",
           "candidates_yaml", "extract",
           "fetch", "read_article", "read_bytes", "read_text_article", "source_id"]
