"""The JSON Schema of `.journey` files, generated from the pydantic models.

`python -m journeymapper.io.schema_export` rewrites `resources/journey.schema.json`;
a test fails when the file on disk is not what the models generate.
"""

from __future__ import annotations

import json
import sys

from journeymapper.base.resources import resource
from journeymapper.io.atomic import write_atomic
from journeymapper.model.schema import FORMAT_VERSION, JourneyData

SCHEMA_ID = "https://journeymapper.invalid/schema/journey-v{version}.json"


def journey_schema() -> dict[str, object]:
    schema = JourneyData.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID.format(version=FORMAT_VERSION),
        **schema,
    }


def schema_text() -> str:
    return json.dumps(journey_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    path = resource("journey.schema.json")
    write_atomic(path, schema_text().encode("utf-8"))
    sys.stdout.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
