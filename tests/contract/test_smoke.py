"""The daily loop on both backends: the same commands, the same book."""


def test_add_prep_debrief_followup(backend, cli):
    cli("customer", "add", "Park Sora", "--company", "Hanbit Bank")
    cli("customer", "note", "Park Sora", "leisure", "plays golf on Saturdays")
    out = cli("prep", "Park Sora").stdout
    assert "Park Sora" in out
    shown = cli.json("customer", "show", "Park Sora")
    assert shown
