"""Make web/static/countries.geojson from Natural Earth's 110m countries as TopoJSON (the `world-atlas` npm package).

Run once by hand, not at run time:  `npm pack world-atlas && tar xzf world-atlas-*.tgz` and then
`python -m twinatlas.web.outlines package/countries-110m.json src/twinatlas/web/static/countries.geojson`.
The map only draws outlines, so coordinates are rounded to 0.01° to keep the shipped file small.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pycountry

Ring = list[list[float]]


def decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Absolute coordinates of every arc (TopoJSON stores quantised deltas)."""
    transform = topology.get("transform")
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            if transform:
                x, y = x + dx, y + dy
                (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
                points.append([round(x * sx + tx, 2), round(y * sy + ty, 2)])
            else:
                points.append([round(dx, 2), round(dy, 2)])
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[Ring]) -> Ring:
    """A ring from arc indexes; a negative index ~i means arc i reversed. Shared end points are kept once."""
    out: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        out.extend(points if not out else points[1:])
    return out


def alpha2(numeric: str | None) -> str | None:
    found = pycountry.countries.get(numeric=numeric) if numeric else None
    return found.alpha_2 if found else None


def to_geojson(topology: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            coords: Any = [ring(r, arcs) for r in geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            coords = [[ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"name": geometry["properties"]["name"], "iso_a2": alpha2(geometry.get("id"))},
                "geometry": {"type": geometry["type"], "coordinates": coords},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str]) -> None:
    source, target = Path(argv[0]), Path(argv[1])
    collection = to_geojson(json.loads(source.read_text(encoding="utf-8")))
    target.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"{target}: {len(collection['features'])} countries, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
