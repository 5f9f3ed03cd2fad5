// Charts for the curators' dashboard: small SVG bar and line charts drawn
// with DOM calls (createElementNS, textContent, setAttribute), so nothing
// is parsed as markup and the page's CSP (script and style from this
// server only) holds. Colours come from app.css (.s0 ... .s7).
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const CHART = { w: 520, h: 230, left: 46, right: 12, top: 12, bottom: 34 };

function svgEl(tag, attrs, ...children) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null) continue;
    if (k === "text") e.textContent = v;
    else e.setAttribute(k, String(v));
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

// scale picks round gridlines for values up to max: a step of 1, 2 or 5
// times a power of ten (counts never get a step below 1), and the top of
// the axis the first step at or above max.
function scale(max, integer) {
  if (!(max > 0)) return { top: 4, step: 1 };
  let raw = max / 4;
  if (integer) raw = Math.max(raw, 1);
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  let step = 10 * p;
  for (const m of [1, 2, 5]) {
    if (m * p >= raw) { step = m * p; break; }
  }
  return { top: Math.ceil(max / step - 1e-9) * step, step };
}

// short writes 1234 as 1.2k and 2500000 as 2.5M.
function short(n) {
  if (n >= 1e6) return (n / 1e6).toFixed(n >= 1e7 ? 0 : 1).replace(/\.0$/, "") + "M";
  if (n >= 1e3) return (n / 1e3).toFixed(n >= 1e4 ? 0 : 1).replace(/\.0$/, "") + "k";
  return String(Math.round(n * 100) / 100);
}

function dayLabel(d) {
  const t = new Date(d + "T00:00:00Z");
  return t.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

// frame draws the axes, gridlines and y labels of a chart whose values
// run from 0 to max, and returns the svg and the y scale.
function frame(name, title, max, integer) {
  const svg = svgEl("svg", { viewBox: `0 0 ${CHART.w} ${CHART.h}`, class: "chart", role: "img", "aria-label": title, "data-chart": name });
  const ih = CHART.h - CHART.top - CHART.bottom;
  const { top, step } = scale(max, integer);
  const y = (v) => CHART.top + ih - (v / top) * ih;
  const grid = svgEl("g", { class: "grid" });
  for (let v = 0; v <= top + step / 2; v += step) {
    grid.append(svgEl("line", { x1: CHART.left, x2: CHART.w - CHART.right, y1: y(v), y2: y(v) }));
    grid.append(svgEl("text", { class: "ylabel", x: CHART.left - 6, y: y(v) + 4, "text-anchor": "end", text: short(v) }));
  }
  svg.append(grid);
  return { svg, y };
}

// anchor keeps a label under x inside the chart.
function anchor(x) {
  if (x > CHART.w - CHART.right - 16) return "end";
  return "middle";
}

// xLabels writes the labels under n slots, every step-th of them.
function xLabels(svg, labels, xCenter) {
  const step = Math.max(1, Math.ceil(labels.length / 10));
  const g = svgEl("g", { class: "xlabels" });
  labels.forEach((l, i) => {
    if (i % step !== 0) return;
    g.append(svgEl("text", { class: "xlabel", x: xCenter(i), y: CHART.h - CHART.bottom + 16, "text-anchor": anchor(xCenter(i)), text: l }));
  });
  svg.append(g);
}

function legend(entries) {
  const ul = document.createElement("ul");
  ul.className = "legend";
  for (const [i, name, total] of entries) {
    const li = document.createElement("li");
    li.className = "legend-item";
    const sw = document.createElement("span");
    sw.className = "swatch s" + (i % 8);
    li.append(sw, document.createTextNode(total === undefined ? name : `${name} (${short(total)})`));
    ul.append(li);
  }
  return ul;
}

function figure(name, title, svg, leg, note) {
  const fig = document.createElement("figure");
  fig.className = "chart-box";
  fig.dataset.chart = name;
  const cap = document.createElement("figcaption");
  cap.textContent = title;
  fig.append(cap, svg);
  if (leg) fig.append(leg);
  if (note) {
    const p = document.createElement("p");
    p.className = "chart-note";
    p.textContent = note;
    fig.append(p);
  }
  return fig;
}

// barChart draws, for each label (a day), one bar per group side by side,
// each bar its group's series stacked: groups = [{name, series: [{name,
// values}]}]. Every value gets its rect (class "bar"), zero ones too, so
// a chart of d days and s series has d*s of them.
function barChart(name, title, labels, groups, opts) {
  opts = opts || {};
  let max = 0;
  for (const g of groups) {
    for (let i = 0; i < labels.length; i++) {
      max = Math.max(max, g.series.reduce((a, s) => a + (s.values[i] || 0), 0));
    }
  }
  const { svg, y } = frame(name, title, max, true);
  const iw = CHART.w - CHART.left - CHART.right;
  const slot = iw / Math.max(1, labels.length);
  const barW = Math.min(28, (slot * 0.72) / groups.length);
  const xCenter = (i) => CHART.left + slot * i + slot / 2;
  const bars = svgEl("g", { class: "bars" });
  let colour = 0;
  const entries = [];
  groups.forEach((g, gi) => {
    const firstColour = colour;
    g.series.forEach((s) => {
      entries.push([colour, groups.length > 1 && g.series.length > 1 ? `${g.name}: ${s.name}` : s.name, s.total]);
      colour++;
    });
    for (let i = 0; i < labels.length; i++) {
      const x = xCenter(i) - (groups.length * barW) / 2 + gi * barW;
      let acc = 0;
      g.series.forEach((s, si) => {
        const v = s.values[i] || 0;
        const top = y(acc + v);
        const r = svgEl("rect", { class: "bar s" + ((firstColour + si) % 8), x: x + 1, y: top, width: Math.max(1, barW - 2), height: Math.max(0, y(acc) - top), "data-series": s.name, "data-value": v },
          svgEl("title", { text: `${labels[i]} · ${groups.length > 1 ? g.name + ", " : ""}${s.name}: ${v}` }));
        bars.append(r);
        acc += v;
      });
    }
  });
  svg.append(bars);
  xLabels(svg, labels.map(dayLabel), xCenter);
  return figure(name, title, svg, legend(entries), opts.note);
}

// lineChart draws one line per series over the labels, a point (class
// "point") per value.
function lineChart(name, title, labels, series, opts) {
  opts = opts || {};
  let max = 0;
  for (const s of series) for (const v of s.values) max = Math.max(max, v || 0);
  const { svg, y } = frame(name, title, max, true);
  const iw = CHART.w - CHART.left - CHART.right;
  const slot = iw / Math.max(1, labels.length);
  const xCenter = (i) => CHART.left + slot * i + slot / 2;
  const g = svgEl("g", { class: "lines" });
  series.forEach((s, si) => {
    const pts = s.values.map((v, i) => `${xCenter(i).toFixed(1)},${y(v || 0).toFixed(1)}`);
    g.append(svgEl("polyline", { class: "line s" + (si % 8), points: pts.join(" "), "data-series": s.name }));
    s.values.forEach((v, i) => {
      g.append(svgEl("circle", { class: "point s" + (si % 8), cx: xCenter(i), cy: y(v || 0), r: 3.2, "data-series": s.name, "data-value": v },
        svgEl("title", { text: `${labels[i]} · ${s.name}: ${v}` })));
    });
  });
  svg.append(g);
  xLabels(svg, labels.map(dayLabel), xCenter);
  return figure(name, title, svg, legend(series.map((s, i) => [i, s.name, undefined])), opts.note);
}

// lagChart draws the indexer's lag over the last day as an area on a time
// axis from end-24h to end, a point (class "point") per sample.
function lagChart(name, title, points, end) {
  const t1 = end.getTime();
  const t0 = t1 - 24 * 3600 * 1000;
  let max = 0;
  for (const p of points) max = Math.max(max, p.seconds);
  const { svg, y } = frame(name, title, max, false);
  const iw = CHART.w - CHART.left - CHART.right;
  const x = (t) => CHART.left + ((t - t0) / (t1 - t0)) * iw;
  const g = svgEl("g", { class: "lines" });
  if (points.length) {
    const pts = points.map((p) => `${x(Date.parse(p.at)).toFixed(1)},${y(p.seconds).toFixed(1)}`);
    const base = y(0).toFixed(1);
    g.append(svgEl("polygon", { class: "area s0", points: `${x(Date.parse(points[0].at)).toFixed(1)},${base} ${pts.join(" ")} ${x(Date.parse(points[points.length - 1].at)).toFixed(1)},${base}` }));
    g.append(svgEl("polyline", { class: "line s0", points: pts.join(" ") }));
    for (const p of points) {
      g.append(svgEl("circle", { class: "point tiny s0", cx: x(Date.parse(p.at)), cy: y(p.seconds), r: 1.2, "data-value": p.seconds },
        svgEl("title", { text: `${p.at.replace("T", " ").replace(/:00Z$/, "Z")}: ${p.seconds.toFixed(1)} s` })));
    }
  }
  svg.append(g);
  // A label every three hours, on the hour, UTC.
  const labels = svgEl("g", { class: "xlabels" });
  const first = Math.ceil(t0 / (3 * 3600e3)) * 3 * 3600e3;
  for (let t = first; t <= t1; t += 3 * 3600e3) {
    const d = new Date(t);
    labels.append(svgEl("text", { class: "xlabel", x: x(t), y: CHART.h - CHART.bottom + 16, "text-anchor": anchor(x(t)),
      text: String(d.getUTCHours()).padStart(2, "0") + ":00" }));
  }
  svg.append(labels);
  const worst = points.reduce((a, p) => Math.max(a, p.seconds), 0);
  const note = points.length ? `worst ${worst.toFixed(1)} s, UTC` : "No samples: the indexer is not running here.";
  return figure(name, title, svg, null, note);
}
