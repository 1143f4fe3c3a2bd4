"""Print filled lines of the shipped playbooks, to read aloud: python tests/words/read_aloud.py [ko|en] [count]."""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import ENGLISH, KOREAN  # noqa: E402
from test_lines_read_well import PLAYBOOKS, SAFE, templates  # noqa: E402

from salescoach.core.details import NOTE_FIELDS, honour_family  # noqa: E402
from salescoach.paths import locations  # noqa: E402
from salescoach.playbook.loader import load  # noqa: E402
from salescoach.playbook.template import FREE_TEXT, SPOKEN, fill, is_complete, placeholders  # noqa: E402


def sample(language: str, count: int, seed: int = 1) -> list[str]:
    """Lines that speak of a note (raw or phrased), each filled with a note of the kind it speaks of, at random."""
    chance = random.Random(seed)
    notes = {"en": ENGLISH, "ko": KOREAN}[language]
    found = []
    for name in PLAYBOOKS:
        playbook = load(name, language, locations())
        family = playbook["address"].get("family", {})
        for template in templates(playbook):
            if not set(placeholders(template)) - set(SAFE[language]):
                continue
            fields = [name.removesuffix(".say") for name in placeholders(template)]
            kinds = next((NOTE_FIELDS[field] for field in fields if field in NOTE_FIELDS), None)
            _, raw, say = chance.choice([note for note in notes if kinds is None or note[0] in kinds])
            values = {**SAFE[language], **dict.fromkeys(FREE_TEXT, raw)}
            values |= {f"{field}.say": honour_family(say, family) if say else None for field in SPOKEN}
            if is_complete(template, values):
                found.append(fill(template, values))
    lines = sorted(set(found))
    return chance.sample(lines, min(count, len(lines)))


if __name__ == "__main__":
    language = sys.argv[1] if len(sys.argv) > 1 else "en"
    print(*sample(language, int(sys.argv[2]) if len(sys.argv) > 2 else 50), sep="\n")
