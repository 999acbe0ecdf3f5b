"""Build the example maps in this folder from the seed texts' own examples.

    python examples/build_examples.py        # rewrites every examples/*.journey

Each map is a module in `maps/` that follows one example of the seed texts in
`../shared/seeds/` (named in its description); KPIs are the kind seed 004 lists
(conversion rate, satisfaction score, average order value…), with illustrative figures.
Every map validates without errors; the one warning left in (a pain point without an
opportunity on the home and garden store's billing) is deliberate and its description
says why. `tests/test_examples.py` checks both, and that the files match this script.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from maps import (  # noqa: E402
    air_conditioning,
    clothing_store,
    home_and_garden,
    hotel,
    smartphone,
)

from journeymapper.io.journey_file import to_json  # noqa: E402
from journeymapper.model.schema import JourneyData  # noqa: E402

EXAMPLES: dict[str, Callable[[], JourneyData]] = {
    "online-clothing-store.journey": clothing_store.build,
    "smartphone-electronics-retailer.journey": smartphone.build,
    "hotel-booking-online.journey": hotel.build,
    "home-and-garden-store.journey": home_and_garden.build,
    "air-conditioning-service.journey": air_conditioning.build,
}


def main() -> None:
    for name, build in EXAMPLES.items():
        (HERE / name).write_text(to_json(build()), encoding="utf-8")
        print(f"wrote examples/{name}")


if __name__ == "__main__":
    main()
