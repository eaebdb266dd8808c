"""Extraction tasks run with a higher threshold for the cyclic collector, and give it back."""

from __future__ import annotations

import gc
import threading

import pytest

from fighterflows.engines import YOUNG_OBJECTS, extract_spilled, fewer_collections


def test_the_collector_waits_longer_while_extracting_and_is_given_back() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] == max(YOUNG_OBJECTS, before[0])
        assert gc.get_threshold()[1:] == before[1:]
        with fewer_collections():  # a second task of the same process, overlapping
            assert gc.get_threshold()[0] == max(YOUNG_OBJECTS, before[0])
        assert gc.get_threshold()[0] == max(YOUNG_OBJECTS, before[0])
    assert gc.get_threshold() == before


def test_the_threshold_is_given_back_after_a_failed_task() -> None:
    before = gc.get_threshold()
    with pytest.raises(OSError):
        extract_spilled("/nonexistent/spill", [0])
    assert gc.get_threshold() == before


def test_overlapping_threads_leave_the_process_s_own_threshold() -> None:
    before = gc.get_threshold()
    inside = threading.Barrier(2)

    def task() -> None:
        with fewer_collections():
            inside.wait(timeout=10)  # both threads inside at once
            inside.wait(timeout=10)

    threads = [threading.Thread(target=task) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert gc.get_threshold() == before
