"""Records as data and text: JSON shapes (`serialize.py`), terminal tables (`tables.py`,
`fit.py`), exports (`export.py`), citations (`citation.py`), how a figure was computed
(`explain.py`) and where a figure stands in its sentence (`marks.py`). Below the web app, which
builds its pages and the HTML report on these; nothing here imports `fighterflows.web`."""
