"""What the speed-ups of extraction rely on."""
from __future__ import annotations

import dataclasses

from mapper.model import Mention, Resolved


def test_mention_fields_as_geoparse_article_builds_them():
    # article.geoparse_article builds its shifted mentions field by field (no dataclasses.replace)
    assert [f.name for f in dataclasses.fields(Mention)] == ["name", "start", "end", "part"]
    assert [f.name for f in dataclasses.fields(Resolved)] == ["mention", "place", "reason"]

