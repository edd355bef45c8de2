// Enhancement only: every page works without this script. It draws the events the page is about on an
// offline basemap (Natural Earth countries, vendored), clustered when dense, and on the map page applies
// the filters without a reload.
(function () {
  "use strict";
  const MAX_EVENTS = 5000;

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
    const response = await fetch("/static/vendor/world-atlas/countries-110m.json");
    const world = await response.json();
    const countries = topojson.feature(world, world.objects.countries);
    map.getContainer().dataset.basemap = String(countries.features.length);
    L.geoJSON(countries, {
      style: { color: "#8a99a8", weight: 0.6, fillColor: "#eef1f4", fillOpacity: 1 },
      interactive: false,
    }).addTo(map);
  }

  async function draw(element) {
    const map = L.map(element, { worldCopyJump: true, preferCanvas: true, minZoom: 1, maxZoom: 12 }).setView([30, 20], 2);
    element.sitrepMap = map;
    await basemap(map);
    const cluster = L.markerClusterGroup({ showCoverageOnHover: false });
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
        element.dataset.loaded = String(markers.length);
        if (status) status.textContent = `${markers.length} located events`;
        if (markers.length) map.fitBounds(cluster.getBounds(), { maxZoom: element.dataset.focus ? 6 : 5, padding: [20, 20] });
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
  }

  window.addEventListener("DOMContentLoaded", () => {
    const element = document.getElementById("map");
    if (element && window.L) draw(element);
  });
})();
