"""Custom folium elements: each ships its data as one JSON blob, drawn by Leaflet.

A Python loop that adds one folium marker per incident costs ~0.6 ms and 0.7 KB
per incident on every rerun. These elements instead serialise a compact
FeatureCollection once and let one Leaflet layer draw every feature, so build
time and payload stay a few per cent of that.
"""

from __future__ import annotations

import json
from html import escape

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.template import Template

from dashboard.core.maps.popups import POPUP_FIELDS
from dashboard.core.vocab import (
    BASEMAP_LAND,
    BASEMAP_SEA,
    FACILITY_QUIET_COLOUR,
    FACILITY_STRUCK_COLOUR,
    SIDE_COLOURS,
    SIDE_LABELS,
    SIDE_NAMES,
    SIDES,
)

CDN = {
    "markercluster_js": "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js",
    "markercluster_css": "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css",
    "markercluster_default_css": "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.Default.css",
}  # fmt: skip


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element and inside a Jinja template.

    No closing tags or entities; and no ``{{``, ``{%`` or ``{#``: branca renders each
    element's script once more as a Jinja template, so text from data must never
    look like template syntax (it would run on the server). In compact JSON those
    pairs only occur inside strings, where ``\\u007b`` is the same character.
    """
    return (
        json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
        .replace("{{", "{\\u007b")
        .replace("{%", "{\\u0025")
        .replace("{#", "{\\u0023")
    )


class IncidentLayer(JSCSSMixin, Layer):
    """Incidents as circle markers in one clustered GeoJSON layer, plus aggregated cells.

    Feature properties (kept short, they travel with every point): ``id``, ``s``
    (side), ``p`` (precision), ``r`` (radius), ``u`` (user's own), ``tip`` (text) and
    ``q`` (the popup's values, see :mod:`dashboard.core.maps.popups`). A feature
    without ``q`` has its popup in the JSON file at ``popups_url`` (id -> values),
    fetched once, when a reader first opens a popup: the page a shared link sends then
    carries markers, not every popup's text. ``cells`` are counts the server aggregated
    (see :mod:`dashboard.core.maps.lod`). Clusters and cells show a ring split by
    attacking side.
    """

    _template = Template(
        """
{% macro header(this, kwargs) %}
<style>
.esm-cluster{border-radius:50%;display:flex;align-items:center;justify-content:center;
 font:600 12px/1 system-ui,sans-serif;color:#111;box-shadow:0 0 0 1px #fff}
.esm-cluster span{background:#fff;border-radius:50%;min-width:60%;min-height:60%;
 display:flex;align-items:center;justify-content:center}
.esm-popup{font:12px/1.35 system-ui,sans-serif}
.esm-popup p{margin:2px 0 4px;padding-left:6px;border-left:4px solid transparent}
{{ this.side_css }}
.esm-popup table{border-collapse:collapse}
.esm-popup th{text-align:left;vertical-align:top;padding:1px 8px 1px 0;color:#555;font-weight:600}
.esm-popup td{padding:1px 0}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
  var data = {{ this.data_json }};
  var colours = {{ this.colours_json }};
  var map = {{ this._parent.get_name() }};
  // A count in a ring split by attacking side: for browser clusters and server cells alike.
  function ring(counts, n) {
    var stops = [], at = 0;
    Object.keys(colours).forEach(function (side) {
      if (!counts[side]) { return; }
      var next = at + 100 * counts[side] / n;
      stops.push(colours[side] + ' ' + at + '% ' + next + '%'); at = next;
    });
    var size = n < 10 ? 28 : n < 100 ? 34 : n < 1000 ? 40 : n < 10000 ? 46 : 52;
    return L.divIcon({
      html: '<div class="esm-cluster" style="width:' + size + 'px;height:' + size +
        'px;background:conic-gradient(' + stops.join(',') + ')"><span>' + n + '</span></div>',
      className: 'esm-cluster-icon', iconSize: L.point(size, size)
    });
  }
  // Popups are built here from plain values, as text nodes: no data is read as HTML.
  var fields = {{ this.fields_json }}, labels = {{ this.labels_json }};
  function text(tag, value, cls) {
    var node = document.createElement(tag);
    if (value !== undefined && value !== null) { node.textContent = value; }
    if (cls) { node.className = cls; }
    return node;
  }
  // Popups not sent with the markers are fetched once, for all of them, on first use.
  var popupsUrl = {{ this.popups_url_json }}, stored = null;
  function fetched() {
    if (!stored) {
      stored = fetch(popupsUrl).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      });
    }
    return stored;
  }
  function bindLazy(layer, p) {
    layer.bindPopup(text('div', 'Loading\u2026'), {maxWidth: 380});
    layer.on('popupopen', function () {
      if (p.q) { return; }
      fetched().then(function (all) {
        p.q = all[p.id];
        layer.setPopupContent(p.q ? popup(p) : text('div', 'No details for ' + p.id));
      }, function () {
        stored = null;
        layer.setPopupContent(text('div', 'Details could not be loaded; try again.'));
      });
    });
  }
  function popup(p) {
    var q = p.q, box = text('div', null, 'esm-popup'), head = text('p', null, 'esm-' + p.s);
    box.setAttribute('data-incident', p.id);
    head.appendChild(text('b', labels[p.s] || p.s));
    head.appendChild(document.createTextNode(' \u00b7 '));
    head.appendChild(text('code', p.id));
    box.appendChild(head);
    var table = text('table');
    fields.forEach(function (label, i) {
      if (!q[i]) { return; }
      var row = text('tr'), cell = text('td', q[i]);
      if (i === 1 && q[8]) { cell.appendChild(text('em', ' (' + q[8] + '-level location)')); }
      row.appendChild(text('th', label));
      row.appendChild(cell);
      table.appendChild(row);
    });
    box.appendChild(table);
    var sources = text('p');
    sources.appendChild(text('b', 'Sources:'));
    sources.appendChild(document.createTextNode(' '));
    var links = q[9].filter(function (l) { return /^https?:[/][/]/i.test(l[0]); });
    if (!links.length) { sources.appendChild(document.createTextNode(q[10] || 'none given')); }
    links.forEach(function (l, i) {
      if (i) { sources.appendChild(document.createTextNode(' \u00b7 ')); }
      var a = text('a', l[1]);
      a.href = l[0]; a.target = '_blank'; a.rel = 'noopener noreferrer';
      sources.appendChild(a);
    });
    box.appendChild(sources);
    return box;
  }
  var clusters = L.markerClusterGroup({
    showCoverageOnHover: false, maxClusterRadius: 40, spiderfyOnMaxZoom: true,
    removeOutsideVisibleBounds: false,
    iconCreateFunction: function (cluster) {
      var markers = cluster.getAllChildMarkers(), counts = {};
      markers.forEach(function (m) { counts[m.options.side] = (counts[m.options.side] || 0) + 1; });
      return ring(counts, markers.length);
    }
  });
  var byId = {};
  L.geoJSON(data, {
    pointToLayer: function (feature, latlng) {
      var p = feature.properties, region = p.p === 'region' || p.p === 'district';
      // The user's own (uploaded or extracted) incidents get a dark ring.
      return L.circleMarker(latlng, {
        radius: p.r, side: p.s,
        className: 'esm-incident esm-' + p.s + (p.u ? ' esm-user' : ''),
        color: p.u ? '#111111' : region ? colours[p.s] : '#ffffff',
        weight: p.u ? 2.5 : region ? 2 : 1, dashArray: region ? '3 3' : null,
        fillColor: colours[p.s], fillOpacity: region ? 0.25 : 0.85
      });
    },
    onEachFeature: function (feature, layer) {
      var p = feature.properties;
      if (p.q || !popupsUrl) {
        layer.bindPopup(function () { return popup(p); }, {maxWidth: 380});
      } else {
        bindLazy(layer, p);
      }
      layer.bindTooltip(text('span', p.tip));
      byId[p.id] = layer;
    }
  }).eachLayer(function (layer) { clusters.addLayer(layer); });
  // Server-side aggregates: [lat, lon, count, then one count per side in the order of
  // the colours]; a click zooms in.
  var names = {{ this.names_json }}, sides = Object.keys(colours);
  var cells = L.featureGroup();
  {{ this.cells_json }}.forEach(function (c) {
    var counts = {}, words = [];
    sides.forEach(function (side, i) {
      counts[side] = c[3 + i];
      if (c[3 + i]) { words.push(c[3 + i] + ' ' + names[side]); }
    });
    var marker = L.marker([c[0], c[1]], {icon: ring(counts, c[2]), keyboard: false});
    marker.bindTooltip(c[2] + ' incidents here: ' + words.join(', ') + '. Click to zoom in.');
    marker.on('click', function () {
      map.setView([c[0], c[1]], Math.min(map.getZoom() + 2, map.getMaxZoom()));
    });
    cells.addLayer(marker);
  });
  var group = L.featureGroup([clusters, cells]);
  var selected = {{ this.selected_json }};
  var revealZoom = {{ this.reveal_zoom_json }};
  if (selected && byId[selected]) {
    // Open the selected incident's popup once the layer is on the map.
    group.once('add', function () {
      setTimeout(function () {
        var target = byId[selected];
        var open = function () { target.openPopup(); };
        var map = clusters._map;
        // Not markercluster's zoomToShowLayer: it waits for a 'moveend' that a map
        // already centred on the marker never fires. Zoom in, then fan out the cluster
        // that still holds it (records at one town centre share a point).
        var reveal = function () {
          var parent = clusters.getVisibleParent ? clusters.getVisibleParent(target) : null;
          if (map.hasLayer(target) || !parent || parent === target || !parent.spiderfy) {
            open();
          } else {
            clusters.once('spiderfied', open);
            parent.spiderfy();
          }
        };
        if (!map || map.hasLayer(target)) {
          open();
        } else if (map.getZoom() < (revealZoom || map.getMaxZoom())) {
          map.once('zoomend', function () { setTimeout(reveal, 300); });
          map.setView(target.getLatLng(), revealZoom || map.getMaxZoom());
        } else {
          reveal();
        }
      }, 0);
    });
  }
  return group;
})();
{% endmacro %}
"""
    )

    default_js = (("markercluster_js", CDN["markercluster_js"]),)
    default_css = (
        ("markercluster_css", CDN["markercluster_css"]),
        ("markercluster_default_css", CDN["markercluster_default_css"]),
    )

    def __init__(
        self,
        features: dict,
        *,
        name: str = "Incidents",
        cells: list[list[float]] | None = None,
        selected: str | None = None,
        reveal_zoom: int | None = None,
        popups_url: str | None = None,
        show: bool = True,
    ) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "IncidentLayer"
        self.popups_url_json = script_json(popups_url)
        self.data_json = script_json(features)
        self.cells_json = script_json(cells or [])
        self.colours_json = script_json(dict(SIDE_COLOURS))
        self.names_json = script_json({s: f"by {SIDE_NAMES[s]}" for s in SIDES})
        self.side_css = "".join(
            f".esm-popup p.esm-{side}{{border-color:{colour}}}"
            for side, colour in SIDE_COLOURS.items()
        )
        self.selected_json = script_json(selected)
        # The zoom that shows the selected record (None: the deepest).
        self.reveal_zoom_json = script_json(reveal_zoom)
        self.fields_json = script_json(list(POPUP_FIELDS))
        self.labels_json = script_json(dict(SIDE_LABELS))


class FacilityLayer(Layer):
    """Catalogue sites as symbols: shape by kind, size by capacity, black when struck in
    the window and grey when not. The popup lists the site's strikes (built from plain
    values as text nodes, like the incidents' popups). ``selected`` opens one site."""

    _template = Template(
        """
{% macro header(this, kwargs) %}
<style>
.esm-site svg{overflow:visible}
.esm-site-popup{font:12px/1.35 system-ui,sans-serif;max-height:320px;overflow:auto}
.esm-site-popup table{border-collapse:collapse}
.esm-site-popup td{padding:1px 6px 1px 0;vertical-align:top}
.esm-site-popup td:first-child,.esm-site-popup td:nth-child(2){white-space:nowrap}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
  var data = {{ this.data_json }}, colours = {{ this.colours_json }};
  var map = {{ this._parent.get_name() }};
  // Sites sit under the incidents (overlay pane 400): a strike's marker stays clickable.
  if (!map.getPane('esmSites')) { map.createPane('esmSites').style.zIndex = 390; }
  var shapes = {
    triangle: function (r) { return '<polygon points="' + r + ',1 ' + (2 * r - 1) + ',' +
      (2 * r - 1) + ' 1,' + (2 * r - 1) + '"/>'; },
    square: function (r) { return '<rect x="2" y="2" width="' + (2 * r - 4) + '" height="' +
      (2 * r - 4) + '"/>'; },
    diamond: function (r) { return '<polygon points="' + r + ',1 ' + (2 * r - 1) + ',' + r +
      ' ' + r + ',' + (2 * r - 1) + ' 1,' + r + '"/>'; },
    circle: function (r) { return '<circle cx="' + r + '" cy="' + r + '" r="' + (r - 1) + '"/>'; }
  };
  function icon(p) {
    var r = Math.round(p.r / 2), fill = p.k ? colours.struck : colours.quiet;
    return L.divIcon({
      className: 'esm-site esm-site-' + (p.k ? 'struck' : 'quiet'),
      iconSize: L.point(2 * r, 2 * r),
      html: '<svg width="' + 2 * r + '" height="' + 2 * r + '" fill="' + fill +
        '" fill-opacity="' + (p.k ? 0.85 : 0.4) + '" stroke="#ffffff" stroke-width="1.5">' +
        shapes[p.s](r) + '</svg>'
    });
  }
  function text(tag, value) {
    var node = document.createElement(tag);
    if (value !== undefined && value !== null) { node.textContent = value; }
    return node;
  }
  function popup(p) {
    var box = text('div'), head = text('p');
    box.className = 'esm-site-popup';
    box.setAttribute('data-facility', p.id);
    head.appendChild(text('b', p.n));
    head.appendChild(document.createTextNode(' \u00b7 ' + p.t + (p.c ? ' \u00b7 ' + p.c : '')));
    box.appendChild(head);
    if (p.ln) { box.appendChild(text('div', p.ln)); }
    if (p.o) { box.appendChild(text('div', 'Operator: ' + p.o)); }
    if (p.town) {
      box.appendChild(text('div', 'Drawn at its town: the catalogue has no site position.'));
    }
    box.appendChild(text('div', p.k ? p.k + ' strike(s) in this view' +
      (p.k > p.tl.length ? ' (newest ' + p.tl.length + ' listed)' : '') + ':' :
      'No strike in this view.'));
    var table = text('table');
    p.tl.forEach(function (s) {
      var row = text('tr'), sources = text('td');
      row.appendChild(text('td', s[0]));
      row.appendChild(text('td', 'by ' + s[1]));
      row.appendChild(text('td', s[2]));
      s[3].filter(function (l) { return /^https?:[/][/]/i.test(l[0]); }).forEach(function (l, i) {
        if (i) { sources.appendChild(document.createTextNode(' \u00b7 ')); }
        var a = text('a', l[1]);
        a.href = l[0]; a.target = '_blank'; a.rel = 'noopener noreferrer';
        sources.appendChild(a);
      });
      row.appendChild(sources);
      table.appendChild(row);
    });
    box.appendChild(table);
    box.appendChild(text('div', 'Catalogue source: ' + p.src));
    return box;
  }
  var byId = {};
  var group = L.geoJSON(data, {
    pointToLayer: function (feature, latlng) {
      var p = feature.properties;
      return L.marker(latlng, {icon: icon(p), zIndexOffset: p.k ? 500 : 0, keyboard: false,
        pane: 'esmSites'});
    },
    onEachFeature: function (feature, layer) {
      var p = feature.properties;
      layer.bindPopup(function () { return popup(p); }, {maxWidth: 420});
      var tip = p.k ? ': ' + p.k + ' strike(s)' : ': not struck in this view';
      layer.bindTooltip(text('span', p.n + tip));
      byId[p.id] = layer;
    }
  });
  var selected = {{ this.selected_json }};
  if (selected && byId[selected]) {
    group.once('add', function () { setTimeout(function () { byId[selected].openPopup(); }, 0); });
  }
  return group;
})();
{% endmacro %}
"""
    )

    def __init__(
        self, features: dict, *, selected: str | None = None, name: str = "Facilities"
    ) -> None:
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "FacilityLayer"
        self.data_json = script_json(features)
        self.colours_json = script_json(
            {"struck": FACILITY_STRUCK_COLOUR, "quiet": FACILITY_QUIET_COLOUR}
        )
        self.selected_json = script_json(selected)


class GeoSource(MacroElement):
    """Region and country geometry shared by the basemap and the choropleth.

    Either fetched from static files (``urls``: the browser caches them, reruns
    resend nothing) or inlined (``data``: for self-contained exports). Layers use
    the promises ``<name>.regions`` and ``<name>.countries``.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
  function load(inline, url) {
    if (inline) { return Promise.resolve(inline); }
    return fetch(url).then(function (r) { return r.json(); });
  }
  return {
    regions: load({{ this.regions_json }}, {{ this.regions_url_json }}),
    countries: load({{ this.countries_json }}, {{ this.countries_url_json }})
  };
})();
{% endmacro %}
"""
    )

    def __init__(
        self,
        *,
        urls: tuple[str, str] | None = None,
        data: tuple[dict, dict] | None = None,
    ) -> None:
        super().__init__()
        self._name = "GeoSource"
        if (urls is None) == (data is None):
            raise ValueError("GeoSource needs either urls or data")
        regions, countries = data if data else (None, None)
        regions_url, countries_url = urls if urls else (None, None)
        self.regions_json = script_json(regions)
        self.countries_json = script_json(countries)
        self.regions_url_json = script_json(regions_url)
        self.countries_url_json = script_json(countries_url)


class VectorBasemap(Layer):
    """Offline basemap: sea, land, country borders, admin-1 lines, town labels.

    Needs no tile server. Labels of smaller towns appear from zoom 6 on so the
    overview stays readable.
    """

    _template = Template(
        """
{% macro header(this, kwargs) %}
<style>
.esm-town{font:11px/1.1 system-ui,sans-serif;color:#333;white-space:nowrap;
 text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff}
.esm-town b{display:inline-block;width:4px;height:4px;background:#333;border-radius:50%;
 margin-right:3px;vertical-align:middle}
.esm-town.esm-major{font-weight:600;font-size:12px}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
  var map = {{ this._parent.get_name() }};
  var group = L.featureGroup();
  var colours = {{ this.colours_json }};
  group.on('add', function () { map.getContainer().style.background = colours.sea; });
  group.on('remove', function () { map.getContainer().style.background = ''; });
  var land = L.geoJSON(null, {
    style: {color: '#8a8a8a', weight: 1, fillColor: colours.land, fillOpacity: 1},
    interactive: false, pane: 'esmBasemap'
  }).addTo(group);
  var lines = L.geoJSON(null, {
    style: {color: '#b3aea3', weight: 0.6, fill: false}, interactive: false, pane: 'esmBasemap'
  }).addTo(group);
  var source = {{ this.source.get_name() }};
  source.countries.then(function (d) { land.addData(d); land.bringToBack(); });
  source.regions.then(function (d) { lines.addData(d); });
  var major = L.layerGroup().addTo(group), minor = L.layerGroup();
  {{ this.towns_json }}.forEach(function (t) {
    var icon = L.divIcon({className: 'esm-town' + (t[3] ? ' esm-major' : ''),
      html: '<b></b>' + t[0], iconSize: null, iconAnchor: [2, 6]});
    L.marker([t[1], t[2]], {icon: icon, interactive: false, keyboard: false, pane: 'esmLabels'})
      .addTo(t[3] ? major : minor);
  });
  function toggle() {
    if (map.getZoom() >= 6) { group.addLayer(minor); } else { group.removeLayer(minor); }
  }
  map.on('zoomend', toggle);
  toggle();
  return group;
})();
{% endmacro %}
"""
    )

    def __init__(
        self,
        source: GeoSource,
        towns: list[tuple[str, float, float, bool]],
        *,
        name: str = "Offline basemap",
        show: bool = True,
    ) -> None:
        super().__init__(name=name, overlay=False, control=True, show=show)
        self._name = "VectorBasemap"
        self.source = source
        # Names become label HTML in the browser: escaped here, like every text from data.
        self.towns_json = script_json([[escape(t[0]), *t[1:]] for t in towns])
        self.colours_json = script_json({"sea": BASEMAP_SEA, "land": BASEMAP_LAND})


class ChoroplethLayer(Layer):
    """Regions shaded by a value; colours and labels are computed in Python."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
  var values = {{ this.values_json }};
  var layer = L.geoJSON(null, {
    pane: 'esmRegions',
    style: function (f) {
      var v = values[f.properties.iso];
      return {color: '#7a7a7a', weight: 0.6, fillColor: v ? v[1] : '#ffffff',
              fillOpacity: v ? 0.65 : 0};
    },
    onEachFeature: function (f, l) {
      var v = values[f.properties.iso];
      var tip = document.createElement('div');
      var title = document.createElement('b');
      title.textContent = f.properties.name + ' (' + f.properties.iso + ')';
      tip.appendChild(title);
      tip.appendChild(document.createElement('br'));
      tip.appendChild(document.createTextNode({{ this.label_json }} + ': ' + (v ? v[0] : '0')));
      l.bindTooltip(tip, {sticky: true});
      l.on('mouseover', function () { l.setStyle({weight: 2, color: '#333'}); });
      l.on('mouseout', function () { layer.resetStyle(l); });
    }
  });
  {{ this.source.get_name() }}.regions.then(function (d) { layer.addData(d); });
  return layer;
})();
{% endmacro %}
"""
    )

    def __init__(
        self,
        source: GeoSource,
        values: dict[str, tuple[str, str]],
        *,
        label: str,
        name: str,
        show: bool = True,
    ) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "ChoroplethLayer"
        self.source = source
        self.values_json = script_json(values)
        self.label_json = script_json(label)


class Panes(MacroElement):
    """Stacking order: basemap, region shading, incidents (Leaflet's overlay pane), labels.

    Region shading loads asynchronously; without its own lower pane it would land
    on top of the incident markers and swallow their clicks.
    """

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function (map) {
  [['esmBasemap', 250, true], ['esmRegions', 350, true], ['esmLabels', 450, false]]
    .forEach(function (p) {
      map.createPane(p[0]);
      map.getPane(p[0]).style.zIndex = p[1];
      if (!p[2]) { map.getPane(p[0]).style.pointerEvents = 'none'; }
    });
})({{ this._parent.get_name() }});
{% endmacro %}
"""
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "Panes"


class Legend(MacroElement):
    """A static HTML legend in a map corner (no d3, so it also works offline)."""

    _template = Template(
        """
{% macro header(this, kwargs) %}
<style>
.esm-legend{background:rgba(255,255,255,.92);padding:8px 10px;border-radius:6px;
 box-shadow:0 1px 4px rgba(0,0,0,.3);font:12px/1.35 system-ui,sans-serif;color:#222;
 max-width:260px}
.esm-legend h4{margin:0 0 4px;font-size:12px}
.esm-legend i{display:inline-block;width:12px;height:12px;border-radius:50%;
 margin-right:6px;vertical-align:-2px}
.esm-legend .esm-sq{border-radius:2px;width:18px}
.leaflet-control-attribution{max-width:60vw}  /* wraps right, clear of the scale bar */
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function () {
  var legend = L.control({position: {{ this.position_json }}});
  legend.onAdd = function () {
    var div = L.DomUtil.create('div', 'esm-legend');
    div.innerHTML = {{ this.html_json }};
    L.DomEvent.disableClickPropagation(div);
    return div;
  };
  legend.addTo({{ this._parent.get_name() }});
})();
{% endmacro %}
"""
    )

    def __init__(self, html: str, position: str = "bottomright") -> None:
        super().__init__()
        self._name = "Legend"
        self.html_json = script_json(html)
        self.position_json = script_json(position)


class Attribution(MacroElement):
    """Adds a line to Leaflet's attribution control (data credits)."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text_json }});
{% endmacro %}
"""
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Attribution"
        self.text_json = script_json(text)
