"""Build the example maps in `examples/` from the source articles' own examples.

    python examples/maps/build.py        # rewrites every examples/*.journey

Each map is a module beside this script that follows one example of the articles the
product grew from, named by title and publisher in its description: the practical
example and the two exercises of the “Customer Touchpoints” lesson of an online
Customer Experience Course, the fifteen touchpoints of “15 Customer Touchpoints That
Will Optimize Your Customer Journey” (a marketing blog), and the before / during /
after table of Viindoo's “What is customer touchpoint?”. KPIs are the kinds
“Identifying Key Customer Touchpoints” lists (conversion rate, satisfaction score,
average order value…), with illustrative figures. Every map validates without errors;
the one warning left in (a pain point without an opportunity on the home and garden
store's billing) is deliberate and its description says why. `tests/test_examples.py`
checks both, and that the files match this script. The script lives here, not in
`examples/`, because the build packs `examples/` into the wheel as data.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

EXAMPLES_DIR = Path(__file__).resolve().parents[1]
if str(EXAMPLES_DIR) not in sys.path:
    sys.path.insert(0, str(EXAMPLES_DIR))

from journeymapper.io.journey_file import to_json  # noqa: E402
from journeymapper.model.schema import JourneyData  # noqa: E402
from maps import (  # noqa: E402
    air_conditioning,
    clothing_store,
    home_and_garden,
    hotel,
    smartphone,
)

EXAMPLES: dict[str, Callable[[], JourneyData]] = {
    "online-clothing-store.journey": clothing_store.build,
    "smartphone-electronics-retailer.journey": smartphone.build,
    "hotel-booking-online.journey": hotel.build,
    "home-and-garden-store.journey": home_and_garden.build,
    "air-conditioning-service.journey": air_conditioning.build,
}


def main() -> None:
    for name, build in EXAMPLES.items():
        (EXAMPLES_DIR / name).write_text(to_json(build()), encoding="utf-8")
        print(f"wrote examples/{name}")


if __name__ == "__main__":
    main()
