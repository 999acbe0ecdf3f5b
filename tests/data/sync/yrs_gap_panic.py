"""A reproduction of yrs's out-of-order integration bugs with pycrdt alone (no JourneyMapper).

Run it (`python tests/data/sync/yrs_gap_panic.py`) to rebuild yrs-gap-panic.json and
print what each delivery order does. Two clients edit the `order` field of two nested
maps; their later updates reach a third document before their first ones. Yjs keeps
such an update pending until the client's earlier updates arrive; yrs 0.28 (pycrdt
0.14.13) integrates what it can at once, behind a hole in the client's clock, and then:

- with a deep observer on the root map, the order x2, x1, y1 panics in the observer's
  event (`called Option::unwrap() on a None value`, yrs src/types/mod.rs, `event_keys`);
- whenever x2 comes before x1, s1's order "a1" is lost for good, even once every update
  has arrived. Yjs 13.6 ends with s1 = "a1", s2 = "Zz" in every order.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from pycrdt import Doc, Map

HERE = Path(__file__).parent


def _txn(doc: Doc, **fields: tuple[str, str]) -> bytes:
    before = doc.get_state()
    with doc.transaction():
        stages = doc.get("stages", type=Map)
        for ident, (field, value) in fields.items():
            stages[ident][field] = value
    return doc.get_update(before)


def make() -> dict[str, bytes]:
    base: Doc = Doc(client_id=1)
    stages = base.get("stages", type=Map)
    with base.transaction():
        stages["s1"] = Map({"name": "One", "order": "a0"})
        stages["s2"] = Map({"name": "Two", "order": "a1"})
    start = base.get_update()
    x: Doc = Doc(client_id=3)
    y: Doc = Doc(client_id=2)
    x.apply_update(start)
    y.apply_update(start)
    updates = {"start": start, "fx": _txn(x, s1=("description", "x was here"))}
    updates["x1"] = _txn(x, s1=("order", "a3"))
    updates["x2"] = _txn(x, s2=("order", "Zz"), s1=("order", "a1"))
    updates["fy"] = _txn(y, s2=("description", "y was here"))
    updates["y1"] = _txn(y, s2=("order", "Zw"), s1=("order", "Zx"))
    return updates


def deliver(updates: dict[str, bytes], order: list[str], *, observe: bool = True) -> str:
    doc: Doc = Doc(client_id=9)
    doc.apply_update(updates["start"])
    stages = doc.get("stages", type=Map)
    subscription = stages.observe_deep(lambda events: None) if observe else None
    for name in order:
        try:
            doc.apply_update(updates[name])
        except BaseException as exc:  # a pyo3 PanicException is a BaseException
            return f"{type(exc).__name__} on {name}"
    if subscription is not None:
        stages.unobserve(subscription)
    value = json.loads(str(stages))
    return f"s1={value['s1'].get('order')} s2={value['s2'].get('order')}"


if __name__ == "__main__":
    made = make()
    (HERE / "yrs-gap-panic.json").write_text(
        json.dumps({name: update.hex() for name, update in made.items()}, indent=1) + "\n"
    )
    for late in itertools.permutations(["x1", "x2", "y1"]):
        print(*late, "fx fy:", deliver(made, [*late, "fx", "fy"]))
