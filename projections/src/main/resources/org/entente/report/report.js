(function () {
  'use strict';
  // Everything shown is taken from the embedded data and set as text (textContent, setAttribute), never as markup.
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var ORDER = ['SEVERED', 'WINDING_DOWN', 'ENDED', 'STRENGTHENING', 'ACTIVE', 'NONE'];
  var TREND = { WARMING: '\u25B2 warming', STEADY: '= steady', COOLING: '\u25BC cooling' };
  var network = document.getElementById('network');
  var NS = network.namespaceURI;
  var DAY_MS = 86400000;

  function epoch(s) {
    var p = s.split('-');
    return Math.round(Date.UTC(Number(p[0]), Number(p[1]) - 1, Number(p[2])) / DAY_MS);
  }
  function iso(n) { return new Date(n * DAY_MS).toISOString().slice(0, 10); }
  function two(v) { return v.toFixed(2); }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function words(s) { return s === 'NONE' ? 'no facts yet' : s.toLowerCase().replace(/_/g, ' '); }
  function make(ns, name, attrs, text) {
    var e = ns ? document.createElementNS(ns, name) : document.createElement(name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function html(name, attrs, text) { return make(null, name, attrs, text); }
  function svg(name, attrs, text) { return make(NS, name, attrs, text); }

  var from = epoch(data.from);
  var to = epoch(data.to);
  data.lanes.forEach(function (lane) { lane.spans.forEach(function (s) { s.first = epoch(s[0]); }); });

  // A span: [from, to, status, weight, trend, membership, temperature on its first day, cells].
  function spanAt(lane, d) {
    var lo = 0, hi = lane.spans.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (lane.spans[mid].first > d) { hi = mid - 1; } else { lo = mid; }
    }
    return lane.spans[lo];
  }

  // As Portfolio: every partner with a status other than NONE, by status then name.
  function rows(d) {
    var out = [];
    data.lanes.forEach(function (lane, index) {
      var s = spanAt(lane, d);
      if (s[2] !== 'NONE') {
        out.push({ lane: lane, index: index, span: s, t: s[6] * Math.pow(0.5, (d - s.first) / 90) });
      }
    });
    out.sort(function (a, b) { return ORDER.indexOf(a.span[2]) - ORDER.indexOf(b.span[2]) || cmp(a.lane.name, b.lane.name); });
    return out;
  }

  // As Portfolio: shares of the security weight, heaviest first; concentration is their Herfindahl index.
  function mix(rs) {
    var sec = rs.filter(function (r) { return r.span[3] > 0; });
    sec.sort(function (a, b) { return b.span[3] - a.span[3] || cmp(a.lane.name, b.lane.name); });
    var total = 0;
    sec.forEach(function (r) { total += r.span[3]; });
    if (total === 0) { return null; }
    var hhi = 0;
    sec.forEach(function (r) { var share = r.span[3] / total; hhi += share * share; });
    return { partners: sec, total: total, concentration: hhi, diversification: 1 - hhi, effective: 1 / hhi };
  }

  function swatch(status) {
    var s = svg('svg', { 'class': 'swatch', viewBox: '0 0 24 14', width: '24', height: '14', 'aria-hidden': 'true', focusable: 'false' });
    s.appendChild(svg('rect', { 'class': 'segment s-' + status, width: '24', height: '14', fill: 'url(#p-' + status + ')' }));
    return s;
  }

  function renderTable(rs) {
    var body = document.querySelector('#board-table tbody');
    body.textContent = '';
    rs.forEach(function (r) {
      var s = r.span, cells = data.cells[s[7]];
      var tr = html('tr', { 'data-partner': r.lane.partner, 'data-status': s[2], 'data-weight': String(s[3]),
        'data-trend': s[4], 'data-temperature': two(r.t) });
      tr.appendChild(html('td', { 'class': 'partner' }, r.lane.partner + ' ' + r.lane.name));
      var status = html('td', { 'class': 'status' });
      status.appendChild(swatch(s[2]));
      status.appendChild(document.createTextNode(' ' + s[2]));
      if (s[5] !== 'NONE') {
        status.appendChild(html('br'));
        status.appendChild(html('span', { 'class': 'membership' }, 'membership: ' + s[5]));
      }
      tr.appendChild(status);
      tr.appendChild(html('td', { 'class': 'num temperature' }, two(r.t)));
      tr.appendChild(html('td', { 'class': 'trend' }, TREND[s[4]]));
      tr.appendChild(html('td', { 'class': 'num weight' }, String(s[3])));
      cells.forEach(function (c) { tr.appendChild(html('td', {}, c)); });
      body.appendChild(tr);
    });
    if (rs.length === 0) {
      var empty = html('tr', { 'class': 'empty' });
      empty.appendChild(html('td', { colspan: '9' }, 'No partner on this day.'));
      body.appendChild(empty);
    }
  }

  function figure(id, value) {
    var e = document.getElementById(id);
    e.textContent = value === null ? '-' : two(value);
    e.setAttribute('data-value', value === null ? '' : two(value));
  }

  function renderMix(m) {
    var list = document.getElementById('security-partners');
    if (data.dyad) { return; }
    list.textContent = m === null ? 'none' : m.partners.map(function (r) { return r.lane.partner + ' ' + r.span[3]; }).join(', ');
    document.getElementById('security-total').textContent = m === null ? '0' : String(m.total);
    figure('diversification', m === null ? null : m.diversification);
    figure('effective-partners', m === null ? null : m.effective);
    figure('concentration', m === null ? null : m.concentration);
  }

  // The country in the centre, each partner at a fixed angle (its lane's order), edges by status and weight.
  function renderNetwork(rs) {
    var edges = document.getElementById('network-edges'), nodes = document.getElementById('network-nodes');
    var g = data.network, n = Math.max(1, data.lanes.length);
    edges.textContent = '';
    nodes.textContent = '';
    rs.forEach(function (r) {
      var a = -Math.PI / 2 + 2 * Math.PI * r.index / n;
      var x = (g.cx + g.r * Math.cos(a)).toFixed(1), y = (g.cy + g.r * Math.sin(a)).toFixed(1), s = r.span;
      edges.appendChild(svg('line', { 'class': 'edge s-' + s[2], 'data-partner': r.lane.partner, 'data-status': s[2],
        'data-weight': String(s[3]), x1: String(g.cx), y1: String(g.cy), x2: x, y2: y, 'stroke-width': String(1.5 + 2.5 * s[3]) }));
      var node = svg('g', { 'class': 'node', 'data-partner': r.lane.partner, 'data-status': s[2] });
      node.appendChild(svg('circle', { 'class': 's-' + s[2], cx: x, cy: y, r: '15', fill: 'url(#p-' + s[2] + ')' }));
      node.appendChild(svg('text', { 'class': 'node-code', x: x, y: (Number(y) + 27).toFixed(1) }, r.lane.partner));
      node.appendChild(svg('text', { 'class': 'node-status', x: x, y: (Number(y) + 39).toFixed(1) },
        words(s[2]) + ' \u00b7 ' + s[3]));
      nodes.appendChild(node);
    });
    var centre = svg('g', { 'class': 'node centre', 'data-actor': data.centre });
    centre.appendChild(svg('circle', { cx: String(g.cx), cy: String(g.cy), r: '22' }));
    centre.appendChild(svg('text', { 'class': 'node-code', x: String(g.cx), y: String(g.cy + 4) }, data.centre));
    nodes.appendChild(centre);
  }

  var slider = document.getElementById('day');
  var output = document.getElementById('day-value');
  var date = document.getElementById('day-date');
  var line = document.getElementById('day-line');

  function render(d) {
    var rs = rows(d), text = iso(d);
    renderTable(rs);
    renderMix(mix(rs));
    renderNetwork(rs);
    output.textContent = text;
    slider.setAttribute('aria-valuetext', text);
    date.value = text;
    document.getElementById('board-day').textContent = text;
    var x = (data.plot[0] + (d - from + 0.5) * (data.plot[1] - data.plot[0]) / (to - from + 1)).toFixed(1);
    line.setAttribute('x1', x);
    line.setAttribute('x2', x);
    line.setAttribute('data-day', text);
  }

  function show(day) {
    var d = Math.max(from, Math.min(to, typeof day === 'number' ? day : epoch(day)));
    slider.value = String(d - from);
    render(d);
    return iso(d);
  }

  slider.addEventListener('input', function () { render(from + Number(slider.value)); });
  date.addEventListener('change', function () { if (/^\d{4}-\d{2}-\d{2}$/.test(date.value)) { show(date.value); } });

  // Tooltips: a marker's fact, on hover and on keyboard focus.
  var tip = document.getElementById('tooltip');
  var facts = {};
  data.facts.forEach(function (f) { facts[f.id] = f; });
  Array.prototype.forEach.call(document.querySelectorAll('.marker'), function (m) {
    var title = m.querySelector('title');
    if (title) { m.setAttribute('aria-label', title.textContent); m.removeChild(title); }
  });

  function showTip(marker) {
    var f = facts[marker.getAttribute('data-fact')];
    if (!f) { return; }
    tip.textContent = '';
    var head = html('div', { 'class': 'tt-head' });
    head.appendChild(html('strong', { 'class': 'tt-id' }, f.id));
    head.appendChild(document.createTextNode(' ' + f.kind));
    tip.appendChild(head);
    tip.appendChild(html('div', { 'class': 'tt-who' }, f.actor + ' \u2192 ' + f.target + ', ' + f.happened));
    if (f.details) { tip.appendChild(html('div', { 'class': 'tt-details' }, f.details)); }
    tip.appendChild(html('div', { 'class': 'tt-revision' }, 'revision ' + f.revision + (f.revision > 1 ? ', recorded ' + f.revisedAt : '')));
    if (f.retracted) {
      tip.appendChild(html('div', { 'class': 'tt-retracted' }, 'retracted ' + f.retractedAt + (f.retractionReason ? ': ' + f.retractionReason : '')));
    }
    tip.appendChild(html('div', { 'class': 'tt-sources-head' }, f.sources.length === 1 ? 'Source:' : 'Sources:'));
    var list = html('ul', { 'class': 'tt-sources' });
    f.sources.forEach(function (s) { list.appendChild(html('li', {}, s)); });
    tip.appendChild(list);
    tip.hidden = false;
    var r = marker.getBoundingClientRect();
    var left = Math.max(4, Math.min(r.left, document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = (window.scrollX + left) + 'px';
    tip.style.top = (window.scrollY + r.bottom + 6) + 'px';
    marker.setAttribute('aria-describedby', 'tooltip');
  }
  function hideTip() { tip.hidden = true; }
  var lanes = document.getElementById('lanes-chart');
  lanes.addEventListener('mouseover', function (e) { var m = e.target.closest('.marker'); if (m) { showTip(m); } });
  lanes.addEventListener('mouseout', function (e) { if (e.target.closest('.marker')) { hideTip(); } });
  lanes.addEventListener('focusin', function (e) { var m = e.target.closest('.marker'); if (m) { showTip(m); } });
  lanes.addEventListener('focusout', hideTip);
  lanes.addEventListener('click', function (e) { goTo(e.target.closest('.marker')); });
  lanes.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { hideTip(); }
    if (e.key === 'Enter') { goTo(e.target.closest('.marker')); }
  });
  function goTo(marker) {
    if (!marker) { return; }
    var row = document.getElementById('fact-' + marker.getAttribute('data-fact'));
    if (row) { row.scrollIntoView({ block: 'center' }); }
  }

  window.ententeReport = { show: show, data: data };
  show(from + Number(slider.value));
}());
