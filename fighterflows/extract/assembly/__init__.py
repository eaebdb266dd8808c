"""The assembly stage: each figure of one sentence read into a draft (which numbers are
figures; their place, people, flow, scope, date and source) by named rules (`rules.py`);
`estimates.assemble` is its entry."""
