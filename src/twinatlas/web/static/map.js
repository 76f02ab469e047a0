// The map of a page: country outlines shipped with twinatlas (works offline), optional tiles, and a line
// from the place to each partner coloured by status. Data comes from <script id="map-data"> (JSON).
(function () {
  const holder = document.getElementById("map");
  const dataNode = document.getElementById("map-data");
  if (!holder || !dataNode || typeof L === "undefined") return;
  const data = JSON.parse(dataNode.textContent);
  const tileUrl = JSON.parse(document.getElementById("map-tiles").textContent);
  const colours = { signed: "#1a7f37", planned: "#0969da", suspended: "#bf8700", lapsed: "#8250df", terminated: "#cf222e" };
  const map = L.map(holder, { worldCopyJump: true, preferCanvas: false }).setView([50, 30], 3);
  if (tileUrl) L.tileLayer(tileUrl, { maxZoom: 18 }).addTo(map);
  fetch("/static/countries.geojson").then(function (r) { return r.json(); }).then(function (outlines) {
    L.geoJSON(outlines, { style: { color: "#8c959f", weight: 1, fillColor: "#ffffff", fillOpacity: tileUrl ? 0 : 1 },
                          interactive: false }).addTo(map).bringToBack();
  });
  const bounds = [];
  function slug(id) { return String(id).replace(/[^A-Za-z0-9_-]/g, "_"); }
  function marker(point, main) {
    const m = L.circleMarker([point.lat, point.lon], { radius: main ? 7 : 5, color: main ? "#1f2328" : (colours[point.status] || "#6e7781"),
                                                     fillOpacity: 0.9, className: "place-marker marker-" + slug(point.id) });
    const link = document.createElement("a");
    link.href = point.url; link.textContent = point.name;  // text, never HTML
    m.bindTooltip(point.name).bindPopup(link).addTo(map);
    bounds.push([point.lat, point.lon]);
  }
  function line(a, b, status, id) {
    L.polyline([[a.lat, a.lon], [b.lat, b.lon]], { color: colours[status] || "#6e7781", weight: 2, opacity: 0.85,
      className: "partner-line status-" + (status || "unknown") + " line-" + slug(id) }).addTo(map);
  }
  if (data.center) marker(data.center, true);
  (data.partners || []).forEach(function (p) { marker(p, false); if (data.center) line(data.center, p, p.status, p.id); });
  (data.lines || []).forEach(function (l) { marker(l.a, false); marker(l.b, false); line(l.a, l.b, l.status, l.a.id + "--" + l.b.id); });
  if (bounds.length > 1) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 6 });
  else if (bounds.length === 1) map.setView(bounds[0], 5);
  holder.dataset.lines = String(document.querySelectorAll("#map path.partner-line").length);
})();
