"""The map's play control: the filtered incidents frame by frame, drawn in the browser.

The frames come from :mod:`dashboard.core.view.playback` (the GIF uses the same);
the browser only picks, per frame, the points whose day falls in the frame's range
and draws them on a canvas, so playing needs no server run per frame. Up to
:data:`MAX_POINTS` incidents travel as points; more travel as counts per grid cell
and step (bounded by cells x steps, not by incidents).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from folium.map import Layer
from folium.template import Template

from dashboard.core.maps.elements import script_json
from dashboard.core.maps.lod import CELL_PX, mercator, metres_per_pixel
from dashboard.core.view.playback import Timeline
from dashboard.core.vocab import SIDE_COLOURS, SIDES

MAX_POINTS = 5_000
#: Zoom whose pixel size sets the playback grid when incidents travel as cells (coarse:
#: a cell's count per step is what is drawn, and cells x steps bounds the payload).
CELL_ZOOM = 5


def playback_data(incidents: pd.DataFrame, line: Timeline) -> dict:
    """Frames and what they draw: points [lat, lon, side, day], or cells (their centres,
    and rows [cell, step, count per side...])."""
    frames = [[f.first, f.last, f.label] for f in line.frames]
    if not len(incidents) or not frames:
        return {"frames": frames, "points": [], "cells": None, "step": line.step_days}
    day = line.day_of(incidents["date"])
    side = _side_codes(incidents["attacker"])
    lat = incidents["latitude"].to_numpy(dtype=float)
    lon = incidents["longitude"].to_numpy(dtype=float)
    if len(incidents) <= MAX_POINTS:
        points = np.column_stack([lat.round(4), lon.round(4), side, day])
        return {"frames": frames, "points": points.tolist(), "cells": None, "step": line.step_days}
    return {"frames": frames, "points": [], "cells": _cells(lat, lon, side, day, line.step_days),
            "step": line.step_days}  # fmt: skip


def _cells(lat, lon, side, day, step_days: int) -> dict[str, list]:
    """Counts per (grid cell, step, side): the cells' centres once, then one row
    [cell, step, count per side...] per non-empty cell and step."""
    x, y = mercator(lon, lat)
    cell_m = metres_per_pixel(CELL_ZOOM) * CELL_PX
    cx = np.floor(x / cell_m).astype(np.int64)
    cy = np.floor(y / cell_m).astype(np.int64)
    cell = pd.factorize(cx * 1_000_003 + cy)[0]
    centres = pd.DataFrame({"cell": cell, "lat": lat, "lon": lon}).groupby("cell").mean().round(2)
    rows = (
        pd.DataFrame({"cell": cell, "step": day // step_days, "side": side})
        .value_counts()
        .unstack("side", fill_value=0)
        .reindex(columns=range(len(SIDES)), fill_value=0)
        .sort_index()
    )
    keys = rows.index.to_frame(index=False).to_numpy()
    return {
        "centres": centres[["lat", "lon"]].to_numpy().tolist(),
        "rows": np.column_stack([keys, rows.to_numpy()]).tolist(),
    }


def _side_codes(attacker: pd.Series) -> np.ndarray:
    """Position of each record's side in SIDES (the browser's colour index)."""
    return pd.Categorical(attacker.astype(str), categories=list(SIDES)).codes.clip(0)


class PlaybackControl(Layer):
    """Play/pause, a slider over the frames and the frame's date on the map. While a
    frame is shown, the incident layer steps aside for the frame's points."""

    _template = Template(
        """
{% macro header(this, kwargs) %}
<style>
.esm-play{background:#fff;padding:6px 8px;border-radius:4px;box-shadow:0 1px 4px #0004;
 font:12px/1.3 system-ui,sans-serif;display:flex;align-items:center;gap:6px}
.esm-play button{font:600 12px system-ui,sans-serif;padding:2px 8px;cursor:pointer}
.esm-play input{width:220px}
.esm-stamp{font:700 18px/1.2 system-ui,sans-serif;color:#222;background:#ffffffd9;
 padding:3px 10px;border-radius:4px;pointer-events:none}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
  var map = {{ this._parent.get_name() }};
  var data = {{ this.data_json }}, colours = {{ this.colours_json }};
  var incidents = {{ this.incidents_name }};
  var frames = data.frames, renderer = L.canvas({padding: 0.2});
  var drawn = L.layerGroup();
  var at = frames.length - 1, timer = null, active = false;
  var bar = L.control({position: 'bottomleft'}), stamp = L.control({position: 'topright'});
  var box = L.DomUtil.create('div', 'esm-play'), label = L.DomUtil.create('div', 'esm-stamp');
  var play = L.DomUtil.create('button', '', box), slider = L.DomUtil.create('input', '', box);
  var reset = L.DomUtil.create('button', '', box), count = L.DomUtil.create('span', '', box);
  play.textContent = 'Play'; play.title = 'Play the filtered incidents step by step';
  reset.textContent = 'All'; reset.title = 'Back to every incident of the filters';
  slider.type = 'range'; slider.min = 0; slider.max = Math.max(frames.length - 1, 0);
  slider.value = at; count.className = 'esm-play-count';
  L.DomEvent.disableClickPropagation(box);
  bar.onAdd = function () { return box; };
  stamp.onAdd = function () { return label; };
  function show(i) {
    at = i; slider.value = i;
    var f = frames[i], n = 0;
    drawn.clearLayers();
    if (!active) {
      active = true;
      if (incidents && map.hasLayer(incidents)) { map.removeLayer(incidents); }
      drawn.addTo(map); stamp.addTo(map);
    }
    data.points.forEach(function (p) {
      if (p[3] < f[0] || p[3] > f[1]) { return; }
      n += 1;
      drawn.addLayer(L.circleMarker([p[0], p[1]], {renderer: renderer, radius: 5, weight: 1,
        color: '#ffffff', fillColor: colours[p[2]], fillOpacity: 0.85, interactive: false}));
    });
    var sums = {};
    (data.cells ? data.cells.rows : []).forEach(function (c) {
      var step = c[1];
      if ((step + 1) * data.step - 1 < f[0] || step * data.step > f[1]) { return; }
      var at = data.cells.centres[c[0]];
      var s = sums[c[0]] || (sums[c[0]] = [at[0], at[1], 0, 0, 0]);
      for (var k = 0; k < colours.length; k++) { s[2 + k] += c[2 + k]; }
    });
    Object.keys(sums).forEach(function (key) {
      var s = sums[key], total = s[2] + s[3] + s[4], top = 0;
      for (var k = 1; k < colours.length; k++) { if (s[2 + k] > s[2 + top]) { top = k; } }
      n += total;
      drawn.addLayer(L.circleMarker([s[0], s[1]], {renderer: renderer,
        radius: Math.min(6 + 3 * Math.sqrt(total), 30), weight: 1, color: '#ffffff',
        fillColor: colours[top], fillOpacity: 0.75, interactive: false}));
    });
    label.textContent = f[2];
    count.textContent = n + ' incidents';
    count.setAttribute('data-count', n);
  }
  function stop() { if (timer) { clearInterval(timer); timer = null; } play.textContent = 'Play'; }
  function leave() {
    stop(); active = false; drawn.clearLayers(); map.removeLayer(drawn);
    stamp.remove(); count.textContent = '';
    if (incidents) { incidents.addTo(map); }
  }
  play.onclick = function () {
    if (timer) { stop(); return; }
    if (!frames.length) { return; }
    if (!active || at >= frames.length - 1) { show(0); }
    play.textContent = 'Pause';
    timer = setInterval(function () {
      if (at >= frames.length - 1) { stop(); return; }
      show(at + 1);
    }, {{ this.interval }});
  };
  slider.oninput = function () { stop(); show(parseInt(slider.value, 10)); };
  reset.onclick = leave;
  var group = L.layerGroup();
  group.on('add', function () { bar.addTo(map); });
  group.on('remove', function () { leave(); bar.remove(); });
  return group;
})();
{% endmacro %}
"""
    )

    def __init__(self, data: dict, *, incidents_name: str = "null", interval_ms: int = 450) -> None:
        super().__init__(name="Playback", overlay=True, control=False, show=True)
        self._name = "PlaybackControl"
        self.data_json = script_json(data)
        self.colours_json = script_json([SIDE_COLOURS[s] for s in SIDES])
        self.incidents_name = incidents_name
        self.interval = int(interval_ms)
