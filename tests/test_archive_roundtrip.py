"""Field values of every kind survive store → archive → inspection unchanged (unmasked),
odd characters included (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ledger_app.outputs.archive import InspectionArchive, build_archive
from ledger_app.store import Ledger

# Any text a person might type or paste, including characters a workbook cannot carry:
# the archive's data copy is SQLite and must keep them all.
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               min_size=1, max_size=200).filter(lambda s: s.strip() == s and s)


@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(topic=TEXT, content=st.text(min_size=0, max_size=3000).filter(lambda s: "\x00" not in s),
       place=TEXT)
def test_a_meeting_comes_back_from_the_archive_as_stored(tmp_path_factory, topic: str,
                                                         content: str, place: str) -> None:
    folder = tmp_path_factory.mktemp("roundtrip")
    path = folder / "往返.ledger"
    with Ledger.create(path, {"org_name": "往返测试支部"}) as ledger:
        entry = ledger.records.insert("meeting", {"kinds": ["党课"], "date": "2025-05-04",
                                                  "topic": topic, "place": place,
                                                  "content": content or None})
        stored = ledger.records.get(entry).values
    with Ledger.open(path, readonly=True) as ledger:
        archive = build_archive(ledger, folder / "往返.zip", 2025, masked=False,
                                categories=["activities"], include_products=False).path
    with InspectionArchive.open(archive) as opened:
        assert opened.report.ok
        back = opened.ledger.records.get(entry).values
    assert {k: back.get(k) for k in ("topic", "place", "content", "date", "kinds")} == \
        {k: stored.get(k) for k in ("topic", "place", "content", "date", "kinds")}
