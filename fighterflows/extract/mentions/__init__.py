"""The mentions stage: what one sentence names (flow cues, people, groups and zones, dates,
sources and organisations), each found by its own scan and gathered once per sentence in
`facts.py`; the data files' loader is `lexicon.py`."""
