"""The learned flow reader: a fallback that proposes a flow where no rule finds one."""

from __future__ import annotations

import pytest

from fighterflows.extract import explain, extract
from fighterflows.extract.assembly import learned
from scripts import train_learned

# a figure of people whose verb the rules do not reach (a blind table's known failure)
SWEDES = (
    "About 300 Swedes, most of whom left in the early 2010s, joined jihadist groups in Syria "
    "and Iraq, the security police said in a report."
)


def test_the_shipped_reader_is_switched_off() -> None:
    # Trained on the case tables, it kept no threshold with the precision it must have on
    # the figures that reach the fallback (docs/design.md, "A learned flow reader")
    m = learned.model()
    assert not m.enabled and m.threshold > 1
    assert learned.propose(SWEDES, 0, 9, "total", "approx") is None
    assert extract(SWEDES, "2020-01-01") == []


def test_a_switched_on_reader_proposes_and_explain_names_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sure = learned.Model(True, 0.6, ("none", "departed"), {"bias": {"departed": 3.0}})
    monkeypatch.setattr(learned, "model", lambda: sure)
    ((found, why),) = explain(SWEDES, "2020-01-01")
    assert (found.place, found.flow.value, found.value) == ("SWE", "departed", 300)
    assert why["flow"].startswith("learned-flow (p=0.95")


def test_below_its_threshold_it_proposes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    unsure = learned.Model(True, 0.99, ("none", "departed"), {"bias": {"departed": 3.0}})
    monkeypatch.setattr(learned, "model", lambda: unsure)
    assert extract(SWEDES, "2020-01-01") == []


def test_features_read_the_figure_s_side_distance_and_clause() -> None:
    text = "Kosovo flew home 110 citizens, including 74 children."
    feats = learned.features(text, text.index("110"), text.index("110") + 3, "total", "exact")
    assert {"l0:home", "l1:flew", "r0:citizen", "c:flew", "s:children", "pop:total"} <= set(feats)
    assert "c:children" not in feats  # after the comma: another clause


def test_retraining_reproduces_the_data_file_byte_for_byte() -> None:
    examples = sorted(train_learned._case_examples() + train_learned._sample_examples())
    threshold, _ = train_learned.choose_threshold(examples)
    shipped = train_learned.OUT.read_text("utf-8")
    assert train_learned.dump(threshold, train_learned.train(examples)) == shipped
