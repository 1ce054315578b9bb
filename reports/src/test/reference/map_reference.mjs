// Reference values for MapGeometryTest: d3-geo 3 (geoEqualEarth, unit scale, y negated to point north) and
// topojson-client 3 (feature) on world-atlas 2.0.2 countries-110m.json. Run: npm install d3-geo@3 topojson-client@3
// && node map_reference.mjs (Node 20), in a folder holding the unpacked world-atlas package. Output pasted in the test.
import {geoEqualEarth, geoBounds, geoArea} from "d3-geo";
import {feature} from "topojson-client";
import fs from "fs";
const p = geoEqualEarth().scale(1).translate([0,0]);
for (const [lon, lat] of [[0,0],[10,20],[-75.5,40.25],[179.9,-85],[120,60]]) {
  const [x,y] = p([lon,lat]);
  console.log(`proj ${lon} ${lat} -> ${x.toFixed(12)} ${(-y).toFixed(12)}`);
}
const topo = JSON.parse(fs.readFileSync("package/countries-110m.json"));
const fc = feature(topo, topo.objects.countries);
for (const id of ["834","076","242","643","840"]) {
  const f = fc.features.find(f => f.id === id);
  const b = geoBounds(f);
  let n = 0; const g = f.geometry;
  const rings = g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
  for (const r of rings) n += r.length;
  console.log(`feature ${id} ${f.properties.name} rings=${rings.length} points=${n} first=${rings[0][0][0].toFixed(10)},${rings[0][0][1].toFixed(10)}`);
}
