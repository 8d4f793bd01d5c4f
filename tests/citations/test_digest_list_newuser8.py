"""A list of press-digest lines with no blank line between (new-user trial 8, F4: Al Jazeera's "Arab press review"
printed ``Author: headline (Outlet, City)`` one per line, and the whole list gave no digest citation). Each line is
its own citation, with the offsets of its line; the issue's own example line reads as it does alone."""

from __future__ import annotations

from translator.citations import parse_citations

LINES = ["Rami Khoury: The cost of a long summer (An-Nahar, Beirut)",
         "Dahlia Qazaz: Corona virus a crisis of confidence? (Al-Hayat, London)",
         "Samir Attallah: Lebanon’s presidency (Asharq al-Awsat, London)"]


def test_each_line_of_a_digest_list_is_one_citation() -> None:
    text = "\n".join(LINES) + "\n"
    found = [c.to_dict() for c in parse_citations(text)]
    assert [(c["author"], c["title_english"], c["place"]) for c in found] == [
        ("Rami Khoury", "The cost of a long summer", "Beirut"),
        ("Dahlia Qazaz", "Corona virus a crisis of confidence?", "London"),
        ("Samir Attallah", "Lebanon’s presidency", "London")]
    assert [c["outlet"] for c in found][:2] == ["An-Nahar", "Al-Hayat"]
    assert [text[c["start"]:c["end"]] for c in found] == LINES  # offsets are the lines'
    alone = parse_citations(LINES[0])[0].to_dict()
    assert {k: alone[k] for k in ("author", "title_english", "outlet", "place", "kind")} == \
        {k: found[0][k] for k in ("author", "title_english", "outlet", "place", "kind")}


def test_a_list_with_one_line_of_prose_is_not_read_as_a_digest_list() -> None:
    text = LINES[0] + "\nThe paper said the summer would be long and costly for the government.\n"
    found = [c.to_dict() for c in parse_citations(text)]
    assert all(c["author"] != "The paper said the summer would be long and costly for the government" for c in found)
