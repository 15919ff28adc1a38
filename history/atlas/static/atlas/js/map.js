/* The map of regional actions. It draws the site's own base map and one marker per place and
   kind of action from the data island #map-data that the server renders with the table, and
   redraws whenever htmx swaps the results in. Choosing a marker chooses that place in the
   filter form, so the URL, the table and the place panel all follow. Without JavaScript the
   form, the table and the place pages do the same work. */
(function () {
  "use strict";

  var mapElement = document.getElementById("map");
  if (!mapElement || !window.L) return;

  var CHINA = [[18, 73], [54, 135]];
  var calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var form = document.querySelector(".map-filters");
  var placeSelect = document.getElementById("filter-place");

  var labels = mapElement.dataset;
  var map = L.map(mapElement, {
    zoomSnap: 0.5, minZoom: 3, maxZoom: 9, maxBounds: [[0, 55], [62, 155]], zoomControl: false
  });
  L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
  map.fitBounds(CHINA);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Natural Earth");

  var baseStyles = {
    province: { color: "#a89c86", weight: 0.8, fillColor: "#ffffff", fillOpacity: 1 },
    taiwan: { color: "#4a4640", weight: 1.2, dashArray: "4 3", fillColor: "#d6d0c4", fillOpacity: 1 },
    colony: { color: "#4a4640", weight: 1.2, dashArray: "4 3", fillColor: "#d6d0c4", fillOpacity: 1 },
    country: { color: "#c8bfae", weight: 0.8, fillColor: "#ece6da", fillOpacity: 1 }
  };

  fetch(mapElement.dataset.basemap)
    .then(function (response) { return response.json(); })
    .then(function (data) {
      L.geoJSON(data, {
        interactive: false,
        style: function (feature) { return baseStyles[feature.properties.kind] || baseStyles.country; },
        onEachFeature: function (feature, layer) {
          // Say on the map itself what was not the People's Republic in 1952.
          var kind = feature.properties.kind;
          if (kind === "taiwan" || (kind === "colony" && feature.properties.name === "Hong Kong")) {
            layer.bindTooltip(kind === "taiwan" ? labels.labelTaiwan : labels.labelColony, {
              permanent: true, direction: "right", className: "map-label map-label--note"
            });
          }
        }
      }).addTo(map).bringToBack();
    });

  var markers = L.layerGroup().addTo(map);
  var outlineStyle = { color: "#7a2318", weight: 2, dashArray: "5 4", fillColor: "#7a2318", fillOpacity: 0.08 };

  function symbol(action) {
    var svg = document.querySelector('.map-legend svg[data-symbol="' + action + '"]');
    return svg ? svg.outerHTML : "";
  }

  function readData() {
    var island = document.getElementById("map-data");
    return island ? JSON.parse(island.textContent) : { features: [], filters: {} };
  }

  function choosePlace(slug) {
    if (!placeSelect || !form) return;
    placeSelect.value = slug;
    htmx.trigger(form, "change");
  }

  function draw(moveTo) {
    var data = readData();
    markers.clearLayers();
    var focus = null;
    var named = {};
    data.features.forEach(function (feature) {
      var p = feature.properties;
      if (p.outline) {
        L.geoJSON(feature, { style: outlineStyle, interactive: false }).addTo(markers);
        return;
      }
      var region = p.place_kind === "greater_region";
      var size = region ? 30 : 22;
      var label = p.label;
      var classes = "marker" + (region ? " marker--region" : "") +
        (p.approximate ? " marker--approximate" : "") +
        (p.place === data.filters.place ? " marker--chosen" : "");
      var icon = L.divIcon({
        className: "map-marker",
        html: '<span class="' + classes + '">' + symbol(p.action) + "</span>",
        iconSize: [size, size],
        iconAnchor: [size / 2 - p.spread[0], size / 2 - p.spread[1]]
      });
      var latlng = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
      var marker = L.marker(latlng, { icon: icon, title: label, keyboard: true, riseOnHover: true });
      marker.on("click", function () { choosePlace(p.place); });
      // Leaflet makes markers focusable; Enter or Space chooses one, like a button.
      marker.on("keydown", function (event) {
        var key = event.originalEvent.key;
        if (key === "Enter" || key === " ") {
          event.originalEvent.preventDefault();
          choosePlace(p.place);
        }
      });
      marker.addTo(markers);
      // Regions and the units of 1952 that no longer exist are named on the map.
      if (p.label_on_map && !named[p.place]) {
        named[p.place] = true;
        marker.bindTooltip(p.name + (p.approximate ? " ≈" : ""), {
          permanent: true, direction: "right", offset: [size / 2, 0], className: "map-label"
        });
      }
      var element = marker.getElement();
      element.setAttribute("role", "button");
      element.setAttribute("aria-label", label);
      if (p.place === data.filters.place) {
        element.setAttribute("aria-pressed", "true");
        focus = latlng;
      }
    });
    if (moveTo && focus) {
      map.setView(focus, Math.max(map.getZoom(), 5.5), { animate: !calm });
    } else if (moveTo && !data.filters.place) {
      map.fitBounds(CHINA, { animate: !calm });
    }
  }

  draw(true);

  document.body.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.target && event.detail.target.id === "map-results") {
      draw(true);
    }
  });
  document.body.addEventListener("htmx:oobAfterSwap", function (event) {
    // A place was chosen: take the reader to what it says.
    if (event.detail.target && event.detail.target.id === "place-panel") {
      var heading = document.getElementById("place-title");
      if (heading && document.activeElement && document.activeElement.closest(".map")) {
        heading.focus();
      }
    }
  });
})();
