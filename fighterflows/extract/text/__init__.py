"""The text stage: the document cut into sentences, headings, list items and table rows, and
the cheap prefilter (docs/design.md, "The extractor's stages")."""
