// Enhancement only: every page works without this script. It draws the events the page is about on an
// offline basemap (Natural Earth countries at 1:50m and, at a region's scale, the borders of first-level
// regions; vendored) with the towns the server labelled, clustered when dense, and on the map page applies
// the filters without a reload. It replaces the server's SVG map.
(function () {
  "use strict";
  const MAX_EVENTS = 5000;
  const ADMIN1 = "/static/vendor/admin1/";

  function apiUrl(base, params) {
    const url = new URL(base, window.location.origin);
    for (const [key, value] of params) if (value) url.searchParams.set(key, value);
    url.searchParams.set("limit", "500");
    return url;
  }

  async function fetchEvents(url) {
    const events = [];
    let next = null;
    do {
      if (next) url.searchParams.set("cursor", next);
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error((await response.json()).detail || response.statusText);
      const page = await response.json();
      events.push(...page.items.filter((e) => e.lat !== null && e.lon !== null));
      next = page.next;
    } while (next && events.length < MAX_EVENTS);
    return events;
  }

  function popup(e) {
    const div = document.createElement("div");
    const title = document.createElement("strong");
    title.textContent = `${e.sub_type || e.status || ""} — ${e.place || ""}`;
    const when = document.createElement("div");
    when.textContent = `${e.earliest || "undated"}${e.latest && e.latest !== e.earliest ? " … " + e.latest : ""}` +
      ` · ${e.modality}`;
    const who = document.createElement("div");
    const chain = e.claim_chain || {};
    who.textContent = `${chain.source ? chain.source + " (" + chain.cue + ")" : "the outlet"}, ${chain.outlet || ""}`;
    const link = document.createElement("a");
    link.href = `/documents/${e.doc_id}`;
    link.textContent = "read the article";
    div.append(title, when, who, link);
    return div;
  }

  async function basemap(map) {
    const response = await fetch("/static/vendor/world-atlas/countries-50m.json");
    const world = await response.json();
    const countries = topojson.feature(world, world.objects.countries);
    map.getContainer().dataset.basemap = String(countries.features.length);
    L.geoJSON(countries, {
      style: { color: "#8a99a8", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
      interactive: false,
    }).addTo(map);
    // the towns' own pane: the cluster group's animations move every icon of the marker pane
    map.createPane("towns").style.zIndex = "450";
    for (const [name, lat, lon, kind] of JSON.parse(map.getContainer().dataset.towns || "[]")) {
      const label = document.createElement("span");
      label.textContent = name; // a gazetteer name, set as text: never markup
      const region = kind === "region"; // a first-level region: its name only, centred on its point
      const icon = L.divIcon({
        html: label,
        className: region ? "region-label" : "town-label",
        iconSize: null,
        iconAnchor: region ? [3.7 * name.length, 8] : [3, 8],
      });
      L.marker([lat, lon], { icon, pane: "towns", interactive: false, keyboard: false }).addTo(map);
    }
  }

  // The borders between first-level regions (oblasts, provinces, states) of the countries in view, loaded
  // the first time a country is seen at a region's scale, and hidden on larger maps as on the server's.
  async function regionBorders(map) {
    const boxes = await (await fetch(`${ADMIN1}index.json`)).json();
    // degrees of latitude: regions are drawn on a region's map only, at the scale the server's map uses
    const maxSpan = Number(map.getContainer().dataset.regionMaxSpan);
    const layer = L.layerGroup();
    const loaded = new Set();
    async function update() {
      const view = map.getBounds();
      if (view.getNorth() - view.getSouth() > maxSpan) {
        layer.remove();
        return;
      }
      layer.addTo(map);
      for (const [code, [west, south, east, north]] of Object.entries(boxes)) {
        const outside = west > view.getEast() || east < view.getWest() || south > view.getNorth() || north < view.getSouth();
        if (outside || loaded.has(code)) continue;
        loaded.add(code);
        const topology = await (await fetch(`${ADMIN1}${code}.topo.json`)).json();
        const regions = Object.values(topology.objects)[0];
        L.geoJSON(topojson.mesh(topology, regions, (a, b) => a !== b), {
          style: { color: "#9aa7b4", weight: 0.8, dashArray: "4 3" },
          interactive: false,
        }).addTo(layer);
      }
      map.getContainer().dataset.regionBorders = String(loaded.size);
    }
    map.on("moveend", update);
    await update();
  }

  async function draw(element) {
    element.replaceChildren(); // the server's picture of the map gives way to the interactive one
    const map = L.map(element, { worldCopyJump: true, preferCanvas: true, minZoom: 1, maxZoom: 12 }).setView([30, 20], 2);
    element.sitrepMap = map;
    await basemap(map);
    const borders = regionBorders(map);
    const cluster = L.markerClusterGroup({ showCoverageOnHover: false, animate: false });
    map.addLayer(cluster);
    const status = document.getElementById("map-status");
    const form = document.getElementById("filters");

    async function load() {
      const params = form ? new FormData(form).entries() : [];
      const url = apiUrl(element.dataset.events, params);
      cluster.clearLayers();
      try {
        const events = await fetchEvents(url);
        const markers = events.map((e) => L.marker([e.lat, e.lon], { title: e.sub_type || "" }).bindPopup(popup(e)));
        cluster.addLayers(markers);
        if (status) status.textContent = `${markers.length} located events`;
        map.invalidateSize({ pan: false }); // the server's picture it replaced may have sized the box differently
        const bounds = { maxZoom: element.dataset.focus ? 7 : 5, padding: [20, 20], animate: false };
        if (markers.length) map.fitBounds(cluster.getBounds(), bounds);
        await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
        element.dataset.loaded = String(markers.length); // drawn: what tests and screenshots wait for
      } catch (error) {
        element.dataset.loaded = "error";
        if (status) status.textContent = `Could not load events: ${error.message}`;
      }
    }

    if (form) {
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const query = new URLSearchParams([...new FormData(form).entries()].filter(([, v]) => v));
        history.replaceState(null, "", `${window.location.pathname}?${query}`);
        load();
      });
      form.addEventListener("change", () => form.requestSubmit());
    }
    await load();
    await borders;
  }

  window.addEventListener("DOMContentLoaded", () => {
    const element = document.getElementById("map");
    if (element && window.L) draw(element);
  });
})();
