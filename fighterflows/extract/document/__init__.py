"""The document stage: what crosses sentences (carried place, date and source, list leads,
introductions, tables, shares and their bases, derived counts) and the provenance check;
`reading.extract_text` reads a whole document."""
