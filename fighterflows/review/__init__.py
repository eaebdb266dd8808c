"""Review: what an analyst confirms, rejects, corrects or adds overrides the extractor.

Reviews are stored apart from the extractor's estimates, keyed by the document's content hash,
the span and its quote, and applied where stored estimates become claims
(`fighterflows.review.book`), so the table, conflicts, exports, the API, the map and the report
all follow them, whatever extractor version wrote the estimates.
"""
