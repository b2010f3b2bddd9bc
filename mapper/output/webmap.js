/* mapper's web map: decodes the data in #mapper-data (gzipped JSON in base64) and
 * draws circles, markers, the admin-1 choropleth, the slider, legend and panels.
 * Plain ES5 + Leaflet, plus DecompressionStream for the data.
 * Article text is untrusted: it only ever reaches the page through textContent
 * (see el()); links are made only for http(s) URLs (see safeHref()).
 * When the first view is drawn: window.mapperReady = true and a 'mapper-ready'
 * event on window (the canvas paints in the next animation frame). */
function mapperInit(map) {
  'use strict';
  var canDecode = typeof Promise === 'function' && typeof DecompressionStream === 'function' &&
    typeof Response === 'function' && typeof Blob === 'function' && typeof Blob.prototype.stream === 'function';
  if (!canDecode) {
    mapperProblem(map, 'This map needs a newer web browser: its data are compressed, and this browser cannot ' +
      'decompress them (no DecompressionStream). Open it in Chrome or Edge 80+, Firefox 113+ or Safari 16.4+.');
    return;
  }
  mapperLoadData(document.getElementById('mapper-data')).then(function (data) {
    mapperBuild(map, data);
  }).catch(function (err) {
    mapperProblem(map, 'This map could not be drawn: its embedded data are damaged or unreadable (' + err + ').');
    console.error(err);
  });
}

/* base64 -> bytes -> gunzip -> JSON: the same steps as extract_data() in webmap.py. */
function mapperLoadData(node) {
  'use strict';
  var bin = atob(node.textContent), bytes = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text().then(function (text) { return JSON.parse(text); });
}

/* A message in the map instead of a blank page (text only: never parsed as HTML). */
function mapperProblem(map, text) {
  'use strict';
  var box = document.createElement('div');
  box.className = 'mapper-panel mapper-problem';
  box.setAttribute('role', 'alert');
  box.textContent = text;
  map.getContainer().appendChild(box);
}

function mapperBuild(map, DATA) {
  'use strict';
  var DAY_MS = 864e5, MAX_POPUP = 50, R_MIN = 2, D_R = 5;
  var BASE_MS = Date.parse(DATA.base_date + 'T00:00:00Z');
  var types = DATA.types, places = DATA.places, inc = DATA.incidents, nInc = inc.place.length;
  var slices = DATA.slices, nSlices = slices.length;
  var current = -1;              // slice index, -1 = all time
  var visibleCounts = {};        // place key -> strikes drawn now
  var switches = [];             // per type: its overlay layer group
  var strikeLayer = L.layerGroup().addTo(map);
  var regionLayer = L.layerGroup();
  var regionShapes = [];
  var ramp = ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'];

  // ---- small DOM helpers: the only way data reaches the page ----
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function safeHref(url) {
    if (typeof url !== 'string') { return null; }
    try {
      var u = new URL(url);
      return (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : null;
    } catch (err) {
      return null;   // relative or malformed: not a link
    }
  }
  function escapeHtml(s) {
    // Leaflet's layer control parses overlay names as HTML; our labels are escaped first.
    return String(s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }
  function isoDay(offset) { return new Date(BASE_MS + offset * DAY_MS).toISOString().slice(0, 10); }
  function dateRange(d0, d1) { return d0 === d1 ? isoDay(d0) : isoDay(d0) + ' \u2013 ' + isoDay(d1); }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
  function viewRange() {
    if (current < 0) { return [-Infinity, Infinity]; }
    var s = slices[current];
    return [(Date.parse(s[0] + 'T00:00:00Z') - BASE_MS) / DAY_MS, (Date.parse(s[1] + 'T00:00:00Z') - BASE_MS) / DAY_MS];
  }

  // ---- scale: circle AREA follows the count, fixed across slices ----
  var maxAll = 1;
  DATA.all.places.forEach(function (f) { if (f[1] > maxAll) { maxAll = f[1]; } });
  var K = Math.min(8, 40 / Math.sqrt(maxAll));
  function radius(n) { return Math.max(R_MIN, K * Math.sqrt(n)); }

  // ---- diamond marker for non-strike incidents (drawn by Leaflet's renderers) ----
  L.Canvas.include({
    _updateMapperDiamond: function (layer) {
      if (!this._drawing || layer._empty()) { return; }
      var p = layer._point, r = Math.max(Math.round(layer._radius), 1), ctx = this._ctx;
      ctx.beginPath();
      ctx.moveTo(p.x, p.y - r); ctx.lineTo(p.x + r, p.y); ctx.lineTo(p.x, p.y + r); ctx.lineTo(p.x - r, p.y);
      ctx.closePath();
      this._fillStroke(ctx, layer);
    }
  });
  L.SVG.include({
    _updateMapperDiamond: function (layer) {
      var p = layer._point, r = Math.max(Math.round(layer._radius), 1);
      this._setPath(layer, layer._empty() ? 'M0 0' : 'M' + p.x + ',' + (p.y - r) + 'L' + (p.x + r) + ',' + p.y +
        'L' + p.x + ',' + (p.y + r) + 'L' + (p.x - r) + ',' + p.y + 'z');
    }
  });
  // A diamond drawn (and hit-tested) options.mapperOffset pixels away from its place.
  var Diamond = L.CircleMarker.extend({
    _project: function () {
      L.CircleMarker.prototype._project.call(this);
      this._point = this._point.add(L.point(this.options.mapperOffset));
      this._updateBounds();
    },
    _updatePath: function () { this._renderer._updateMapperDiamond(this); }
  });
  // Each non-strike type has its own slot around the place (E, NE, SE, N, S), so markers
  // of several types at one place never cover one another.
  var slotAngle = {}, nSlots = 0, SLOT_DEG = [0, -45, 45, -90, 90];
  types.forEach(function (t, i) { if (!t.strike) { slotAngle[i] = SLOT_DEG[nSlots++ % SLOT_DEG.length] * Math.PI / 180; } });
  function markerOffset(t, ring) {
    return [Math.round(ring * Math.cos(slotAngle[t])), Math.round(ring * Math.sin(slotAngle[t]))];
  }

  // ---- incidents by place, for popups ----
  var byPlace = places.map(function () { return []; });
  inc.place.forEach(function (p, i) { byPlace[p].push(i); });

  function incidentBlock(i) {
    var box = el('div', 'mapper-incident'), start = inc.start[i], killed = inc.killed[i], injured = inc.injured[i];
    var head = dateRange(start, start + inc.days[i]) + (inc.time_precision[i] >= 3 ? ' (approximate)' : '') +
      ' \u00b7 ' + types[inc.type[i]].label;
    box.appendChild(el('div', 'mapper-incident-head', head));
    if (inc.actor[i] >= 0) { box.appendChild(el('div', null, 'Actor: ' + DATA.actors[inc.actor[i]])); }
    if (killed !== null || injured !== null) {
      var cas = [];
      if (killed !== null) { cas.push('killed ' + killed); }
      if (injured !== null) { cas.push('injured ' + injured); }
      box.appendChild(el('div', null, 'Casualties: ' + cas.join(', ')));
    }
    var pairs = inc.sources[i];
    for (var k = 0; k < pairs.length; k += 2) { box.appendChild(sourceBlock(DATA.articles[pairs[k]], DATA.texts[pairs[k + 1]])); }
    return box;
  }

  function sourceBlock(art, text) {
    var box = el('div', 'mapper-source-block');
    box.appendChild(el('blockquote', 'mapper-quote', text));
    var line = el('div', 'mapper-source');
    var href = safeHref(art[1]);
    var name = art[0] || art[1] || 'untitled article';
    if (href) {
      var a = el('a', null, name);
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      line.appendChild(a);
    } else {
      line.appendChild(el('span', null, name));
    }
    if (art[2]) { line.appendChild(el('span', 'mapper-published', ' (' + art[2] + ')')); }
    box.appendChild(line);
    return box;
  }

  function popupFor(p, typeOn, range) {
    var box = el('div', 'mapper-popup');
    box.appendChild(el('h3', null, places[p][1]));
    if (places[p][4] >= 3) { box.appendChild(el('div', 'mapper-note', 'Location known only to region or country level')); }
    var list = byPlace[p].filter(function (i) {
      return typeOn[inc.type[i]] && inc.start[i] <= range[1] && inc.start[i] + inc.days[i] >= range[0];
    });
    box.appendChild(el('div', 'mapper-note', plural(list.length, 'incident') + (current < 0 ? ', all time' : ' in ' + dateRange(range[0], range[1]))));
    list.slice(0, MAX_POPUP).forEach(function (i) { box.appendChild(incidentBlock(i)); });
    if (list.length > MAX_POPUP) {
      box.appendChild(el('div', 'mapper-note', '\u2026 and ' + (list.length - MAX_POPUP) + ' more; choose a shorter time slice to see them.'));
    }
    return box;
  }

  function tooltip(text) { return function () { return el('span', null, text); }; }

  // ---- drawing one view ----
  function strikeOn() { return types.map(function (t, i) { return t.strike && map.hasLayer(switches[i]); }); }

  // [strikes shown, dominant type, outer radius in pixels (0: no circle)] of a feature.
  function strikeSummary(f, on) {
    var total = 0, best = -1, bestN = 0;
    for (var j = 2; j < f.length; j += 2) {
      if (on[f[j]]) {
        total += f[j + 1];
        if (f[j + 1] > bestN) { best = f[j]; bestN = f[j + 1]; }
      }
    }
    return [total, best, total ? radius(total) + (places[f[0]][4] >= 3 ? 2 : 1) : 0];
  }

  function drawPlace(f, s, on, range) {
    var p = f[0], place = places[p], hollow = place[4] >= 3, total = s[0];
    if (total === 0) { return; }
    visibleCounts[place[0]] = total;
    var colour = types[s[1]].color;
    L.circleMarker([place[2], place[3]], {
      radius: radius(total), color: colour, weight: hollow ? 2 : 1, opacity: 0.9,
      fillColor: colour, fillOpacity: hollow ? 0 : 0.55, dashArray: hollow ? '4 4' : null
    }).bindTooltip(tooltip(place[1] + ': ' + plural(total, 'strike') + (hollow ? ' (region/country level)' : '')))
      .bindPopup(function () { return popupFor(p, on, range); }, { maxWidth: 360, maxHeight: 320 })
      .addTo(strikeLayer);
  }

  // Non-strike markers sit just outside their place's circle (outer radius circleR);
  // a lone marker at a place without a circle sits on the place itself.
  function drawEvents(f, circleR, range) {
    var hollow = places[f[0]][4] >= 3, shown = [];
    for (var j = 2; j < f.length; j += 2) {
      if (!types[f[j]].strike && map.hasLayer(switches[f[j]])) { shown.push(j); }
    }
    var ring = circleR ? circleR + D_R + 2 : (shown.length > 1 ? D_R + 1 : 0);
    shown.forEach(function (j) { drawEvent(f[0], f[j], f[j + 1], hollow, markerOffset(f[j], ring), range); });
  }

  function drawEvent(p, t, n, hollow, offset, range) {
    var place = places[p], only = types.map(function (x, i) { return i === t; });
    new Diamond([place[2], place[3]], {
      radius: D_R, color: '#333', weight: 1, dashArray: hollow ? '3 3' : null,
      fillColor: types[t].color, fillOpacity: hollow ? 0.1 : 0.9, mapperOffset: offset
    }).bindTooltip(tooltip(place[1] + ': ' + n + ' \u00d7 ' + types[t].label.toLowerCase()), { offset: offset })
      .bindPopup(function () { return popupFor(p, only, range); }, { maxWidth: 360, maxHeight: 320 })
      .addTo(switches[t]);
  }

  function styleRegions(view) {
    var counts = {}, max = 0;
    view.regions.forEach(function (r) { counts[r[0]] = r[1]; if (r[1] > max) { max = r[1]; } });
    regionShapes.forEach(function (layer, i) {
      var n = counts[i] || 0;
      var cls = n ? Math.ceil((ramp.length * n) / max) - 1 : -1;   // busiest region: darkest
      layer.mapperCount = n;
      layer.setStyle({ fillColor: cls < 0 ? '#ffffff' : ramp[cls], fillOpacity: cls < 0 ? 0 : 0.6 });
    });
  }

  function render() {
    var view = current < 0 ? DATA.all : DATA.views[current];
    var on = strikeOn(), range = viewRange();
    visibleCounts = {};
    strikeLayer.clearLayers();
    types.forEach(function (t, i) { if (!t.strike) { switches[i].clearLayers(); } });
    styleRegions(view);
    // Big circles first so small ones stay on top and clickable.
    var features = view.places.slice().sort(function (a, b) { return b[1] - a[1]; });
    var sums = features.map(function (f) { return strikeSummary(f, on); });
    // Markers before circles: on a canvas later layers draw on top, and the strike
    // circles are what the map is about; markers sit outside their own circle.
    features.forEach(function (f, k) { drawEvents(f, sums[k][2], range); });
    features.forEach(function (f, k) { drawPlace(f, sums[k], on, range); });
    updateSliderLabel();
  }

  // ---- initial view, set before any layer is added: each layer is then projected
  // once, not once for folium's world view and again here ----
  // Not animated: folium has already set a world view, and an animated zoom from it
  // shows stretched, blurred circles for a quarter second (and in screenshots).
  var still = { animate: false };
  if (places.length) {
    var bounds = L.latLngBounds(places.map(function (p) { return [p[2], p[3]]; }));
    map.fitBounds(bounds.pad(0.1), { maxZoom: 9, animate: false });
  }

  // ---- base layers ----
  map.createPane('mapperBase').style.zIndex = 150;   // under the tiles: shows when tiles are blank
  map.getPane('mapperBase').style.pointerEvents = 'none';
  map.attributionControl.addAttribution(DATA.attribution);
  var overlays = {};
  if (DATA.tiles === 'osm') {
    overlays['OpenStreetMap tiles'] = L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 19,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
    }).addTo(map);
  }
  var basemap = L.featureGroup();
  if (DATA.countries.length) {
    basemap.addTo(map);
    DATA.country_shapes.forEach(function (g) {
      if (g) {
        L.geoJSON(g, { pane: 'mapperBase', interactive: false,
          style: { color: '#9a9a9a', weight: 0.7, fillColor: '#e6e6e6', fillOpacity: 1 } }).addTo(basemap);
      }
    });
    overlays['Country outlines'] = basemap;
  }
  DATA.region_shapes.forEach(function (g, i) {
    var layer = L.geoJSON(g || { type: 'GeometryCollection', geometries: [] }, {
      style: { color: '#b35a3c', weight: 0.8, opacity: 0.7, fillOpacity: 0 }
    });
    layer.mapperCount = 0;
    layer.bindTooltip(function () { return el('span', null, DATA.regions[i][1] + ': ' + plural(layer.mapperCount, 'strike')); });
    regionShapes.push(layer);
    layer.addTo(regionLayer);
  });
  if (regionShapes.length) {
    regionLayer.addTo(map);
    overlays['Strikes per region'] = regionLayer;
  }
  types.forEach(function (t, i) {
    switches.push(L.layerGroup().addTo(map));
    overlays[escapeHtml(t.label) + (t.strike ? '' : ' \u25c6')] = switches[i];
  });
  L.control.layers(null, overlays, { collapsed: true }).addTo(map);
  // Any toggle redraws, which also keeps circles above the region fills.
  map.on('overlayadd overlayremove', function () { render(); });

  // ---- panels ----
  function panel(position, cls, build) {
    var Ctl = L.Control.extend({
      onAdd: function () {
        var div = el('div', 'mapper-panel ' + cls);
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        build(div);
        return div;
      }
    });
    return new Ctl({ position: position }).addTo(map);
  }

  panel('topright', 'mapper-summary', function (div) {
    var s = DATA.summary || {};
    div.appendChild(el('h1', null, DATA.title));
    var facts = [['Articles read', s.articles], ['Incidents', s.incidents], ['Strikes', s.strikes],
      ['Dates', s.date_start ? (s.date_start + ' \u2013 ' + (s.date_end || s.date_start)) : null],
      ['Not placed on the map', s.unplaced]];
    facts.forEach(function (f) {
      if (f[1] !== undefined && f[1] !== null) { div.appendChild(el('div', null, f[0] + ': ' + f[1])); }
    });
    if (!nInc) { div.appendChild(el('div', 'mapper-empty', 'No incidents to show.')); }
  });

  var sliderLabel, slider, playButton, timer = null;
  function updateSliderLabel() {
    if (!sliderLabel) { return; }
    slider.value = String(current + 1);
    sliderLabel.textContent = current < 0 ? 'All time' :
      (DATA.slice_unit + ' ' + (current + 1) + '/' + nSlices + ': ' +
       (slices[current][0] === slices[current][1] ? slices[current][0] : slices[current][0] + ' \u2013 ' + slices[current][1]));
  }
  function stop() {
    if (timer !== null) { clearInterval(timer); timer = null; }
    playButton.textContent = '\u25b6';
    playButton.setAttribute('aria-label', 'Play');
  }
  function play() {
    if (current < 0 || current >= nSlices - 1) { setSlice(0); }
    playButton.textContent = '\u275a\u275a';
    playButton.setAttribute('aria-label', 'Pause');
    timer = setInterval(function () {
      if (current >= nSlices - 1) { stop(); } else { setSlice(current + 1); }
    }, nSlices > 60 ? 300 : 800);
  }
  panel('bottomleft', 'mapper-time', function (div) {
    playButton = el('button', 'mapper-play', '\u25b6');
    playButton.type = 'button';
    playButton.setAttribute('aria-label', 'Play');
    slider = el('input', 'mapper-slider');
    slider.type = 'range';
    slider.min = '0';
    slider.max = String(nSlices);
    slider.step = '1';
    slider.setAttribute('aria-label', 'Time slice (leftmost: all time)');
    sliderLabel = el('span', 'mapper-slice-label');
    if (!nSlices) { playButton.disabled = true; slider.disabled = true; }
    playButton.addEventListener('click', function () { if (timer === null) { play(); } else { stop(); } });
    slider.addEventListener('input', function () { stop(); setSlice(parseInt(slider.value, 10) - 1); });
    div.appendChild(playButton);
    div.appendChild(slider);
    div.appendChild(sliderLabel);
  });

  panel('bottomright', 'mapper-legend', function (div) {
    div.appendChild(el('h2', null, 'Incident types'));
    types.forEach(function (t) {
      var row = el('div', 'mapper-legend-row');
      var sw = el('span', t.strike ? 'mapper-swatch' : 'mapper-swatch mapper-diamond');
      sw.style.background = t.color;
      row.appendChild(sw);
      row.appendChild(el('span', null, t.label + (t.strike ? '' : ' (marker)')));
      div.appendChild(row);
    });
    div.appendChild(el('h2', null, 'Strikes per place (circle area)'));
    var sizes = [1, Math.round(Math.sqrt(maxAll)), maxAll].filter(function (v, i, a) { return a.indexOf(v) === i; });
    var scale = el('div', 'mapper-sizes');
    sizes.forEach(function (n) {
      var item = el('div', 'mapper-size');
      var c = el('span', 'mapper-circle');
      var r = radius(n);
      c.style.width = c.style.height = (2 * r) + 'px';
      item.appendChild(c);
      item.appendChild(el('span', null, String(n)));
      scale.appendChild(item);
    });
    div.appendChild(scale);
    var vague = el('div', 'mapper-legend-row');
    vague.appendChild(el('span', 'mapper-swatch mapper-hollow'));
    vague.appendChild(el('span', null, 'Only region/country known'));
    div.appendChild(vague);
    if (regionShapes.length) {
      var rampRow = el('div', 'mapper-legend-row');
      ramp.forEach(function (c) { var b = el('span', 'mapper-ramp'); b.style.background = c; rampRow.appendChild(b); });
      rampRow.appendChild(el('span', null, ' strikes per region, relative to the busiest in view'));
      div.appendChild(rampRow);
    }
  });

  // ---- view and test hooks ----
  function setSlice(i) {
    if (typeof i !== 'number' || i !== Math.floor(i) || i < -1 || i >= nSlices) {
      throw new RangeError('slice index must be -1 (all time) or 0..' + (nSlices - 1));
    }
    current = i;
    render();
  }
  window.mapperMap = map;
  window.mapperSetSlice = setSlice;
  window.mapperVisibleCounts = function () {
    var copy = {};
    Object.keys(visibleCounts).forEach(function (k) { copy[k] = visibleCounts[k]; });
    return copy;
  };

  // ---- initial view without places: fit what there is ----
  if (!places.length && regionShapes.length) {
    map.fitBounds(L.featureGroup(regionShapes).getBounds(), still);
  } else if (!places.length && DATA.countries.length) {
    map.fitBounds(basemap.getBounds(), still);
  }
  setSlice(-1);
  window.mapperReady = true;
  window.dispatchEvent(new Event('mapper-ready'));
}
