// The curators' page. Plain JavaScript, no framework, nothing loaded from
// elsewhere. Every piece of data is put on the page with textContent or
// as an attribute value, never parsed as HTML: post text is written by
// strangers.
"use strict";

const TOKEN_KEY = "feedgen.curation.token";
const FEED_KEY = "feedgen.curation.feed";
const PAGE = 30;

const state = { feeds: [], feed: null, actor: "", feedCursor: "", queueCursor: "", auditCursor: "", view: "feed" };

function $(id) { return document.getElementById(id); }

// el builds an element; strings among children become text nodes.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") e.textContent = v;
    else if (k === "onclick") e.addEventListener("click", v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    e.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return e;
}

// safeLink only links to the Bluesky web app; anything else is text.
function safeLink(href, text) {
  if (typeof href === "string" && href.startsWith("https://bsky.app/")) {
    return el("a", { href, target: "_blank", rel: "noopener noreferrer" }, text);
  }
  return document.createTextNode(text);
}

function when(us) {
  if (!us) return "";
  return new Date(us / 1000).toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
}

function status(msg, kind, action) {
  const s = $("status");
  s.replaceChildren(msg || "");
  s.className = kind || "";
  if (action) s.append(" ", action);
}

class ApiError extends Error {
  constructor(code, name, message) {
    super(`${name || "Error"}: ${message || "request failed"} (HTTP ${code})`);
    this.code = code;
    this.name = name;
  }
}

function token() { return sessionStorage.getItem(TOKEN_KEY) || ""; }

async function api(method, path, body) {
  const headers = { "Authorization": "Bearer " + token() };
  const init = { method, headers };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const resp = await fetch("/admin" + path, init);
  let data = null;
  try { data = await resp.json(); } catch (_) { data = null; }
  if (!resp.ok) {
    if (resp.status === 401) signOut("Your token was not accepted; sign in again.");
    throw new ApiError(resp.status, data && data.error, data && data.message);
  }
  return data;
}

function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.forEach((x) => u.append(k, x));
    else if (v !== undefined && v !== null && v !== "") u.set(k, v);
  }
  return u.toString();
}

// run wraps an action: errors go to the status line.
function run(fn) {
  return async (ev) => {
    if (ev && ev.preventDefault) ev.preventDefault();
    try { await fn(ev); } catch (err) { status(err.message, "error"); }
  };
}

// ---- sign in ----

async function signIn(tok) {
  sessionStorage.setItem(TOKEN_KEY, tok);
  const data = await api("GET", "/feeds");
  state.feeds = data.feeds;
  state.actor = data.actor;
  const saved = sessionStorage.getItem(FEED_KEY);
  state.feed = state.feeds.find((f) => f.id === saved) || state.feeds[0];
  $("actor").textContent = state.actor;
  const sel = $("feed-select");
  sel.replaceChildren(...state.feeds.map((f) => el("option", { value: f.id, selected: f.id === state.feed.id }, f.id)));
  $("signin").hidden = true;
  $("whoami").hidden = false;
  $("app").hidden = false;
  status("");
  await show(state.view);
}

function signOut(msg) {
  sessionStorage.removeItem(TOKEN_KEY);
  $("app").hidden = true;
  $("whoami").hidden = true;
  $("signin").hidden = false;
  $("token").value = "";
  status(msg || "", msg ? "error" : "");
}

// ---- views ----

const loaders = {
  feed: () => loadFeed(false),
  stats: loadStats,
  authors: loadAuthors,
  queue: () => loadQueue(false),
  moderation: loadModeration,
  explain: async () => {},
  audit: () => loadAudit(false),
};

async function show(view) {
  state.view = view;
  for (const b of document.querySelectorAll("nav .tab")) {
    if (b.dataset.view === view) b.setAttribute("aria-current", "page");
    else b.removeAttribute("aria-current");
  }
  for (const s of document.querySelectorAll("section.view")) s.hidden = s.id !== "view-" + view;
  await loaders[view]();
  refreshQueueCount();
  refreshPeople();
}

async function refreshQueueCount() {
  try {
    const q = await api("GET", "/queue?" + qs({ feed: state.feed.id, limit: 1 }));
    $("queue-count").textContent = q.total ? `(${q.total})` : "";
  } catch (_) { /* the count is a nicety */ }
}

// ---- feed ----

async function loadFeed(more) {
  const list = $("feed-list");
  if (!more) { list.replaceChildren(); state.feedCursor = ""; }
  // The skeleton comes from the public endpoint, exactly as the AppView
  // gets it (logged out, so no token is sent there).
  const resp = await fetch("/xrpc/app.bsky.feed.getFeedSkeleton?" + qs({ feed: state.feed.uri, limit: PAGE, cursor: state.feedCursor }));
  const sk = await resp.json();
  if (!resp.ok) throw new ApiError(resp.status, sk.error, sk.message);
  const uris = [];
  for (const it of sk.feed) {
    uris.push(it.post);
    if (it.reason && it.reason.repost) uris.push(it.reason.repost);
  }
  const views = new Map();
  if (uris.length) {
    const data = await api("GET", "/posts?" + qs({ feed: state.feed.id, uri: uris }));
    learn(data.people);
    for (const p of data.posts) views.set(p.uri, p);
  }
  for (const it of sk.feed) {
    const p = views.get(it.post) || { uri: it.post, reasons: [] };
    const pinned = it.reason && it.reason.$type === "app.bsky.feed.defs#skeletonReasonPin";
    const repost = it.reason && it.reason.repost ? views.get(it.reason.repost) : null;
    list.append(postItem(p, { pinned, repost }));
  }
  state.feedCursor = sk.cursor || "";
  $("feed-more").hidden = !state.feedCursor;
  if (!more && sk.feed.length === 0) list.append(el("li", { class: "empty" }, "The feed is empty."));
  refreshPeople();
}

// ---- people ----

// Who authors are (handle, display name, avatar), by DID, from the
// "people" of the API's answers. The server answers from its cache without
// waiting; an author it does not know yet is shown by DID, and asked for
// again a little later (refreshPeople).
const people = new Map();

function learn(ps) {
  for (const [did, p] of Object.entries(ps || {})) people.set(did, p);
}

function resolved(p) { return !!(p && (p.handle || p.displayName)); }

function profileURL(did) { return "https://bsky.app/profile/" + did; }

// person shows an author: avatar, display name and @handle, linked to the
// profile on bsky.app, and the DID; the DID alone while not known.
function person(did) {
  const span = el("span", { class: "person", "data-did": did });
  fillPerson(span);
  return span;
}

function fillPerson(span) {
  const did = span.dataset.did;
  const p = people.get(did) || { did };
  const kids = [];
  if (typeof p.avatar === "string" && p.avatar.startsWith("data:image/jpeg;base64,")) {
    kids.push(el("img", { class: "avatar", src: p.avatar, alt: "", width: 32, height: 32 }));
  }
  if (p.displayName) kids.push(el("bdi", { class: "display-name" }, p.displayName));
  if (p.handle) kids.push(safeLink(profileURL(did), "@" + p.handle), el("span", { class: "did" }, did));
  else kids.push(el("span", { class: "did" }, safeLink(profileURL(did), did)));
  span.replaceChildren(...kids);
  span.classList.toggle("unresolved", !resolved(p));
}

// refreshPeople asks again, after a while, who the authors shown by DID
// alone are, and shows them as they come; it gives up after a few tries
// (such an author is shown by DID: the server could not resolve them).
const PEOPLE_RETRIES = [1500, 4000, 10000];
let peopleTimer = null;

function refreshPeople(attempt) {
  if (peopleTimer) { clearTimeout(peopleTimer); peopleTimer = null; }
  attempt = attempt || 0;
  const missing = [...new Set([...document.querySelectorAll("span.person.unresolved")].map((s) => s.dataset.did))];
  if (missing.length === 0 || attempt >= PEOPLE_RETRIES.length) return;
  peopleTimer = setTimeout(async () => {
    peopleTimer = null;
    try {
      const data = await api("GET", "/people?" + qs({ did: missing.slice(0, 200) }));
      learn(data.people);
      for (const span of document.querySelectorAll("span.person")) fillPerson(span);
    } catch (_) { /* names are a nicety: the DIDs stay */ }
    refreshPeople(attempt + 1);
  }, PEOPLE_RETRIES[attempt]);
}

// authorOf is the DID in an at:// URI.
function authorOf(uri) {
  const m = /^at:\/\/(did:[^/]+)\//.exec(uri || "");
  return m ? m[1] : "";
}

// postLink opens a post in Bluesky.
function postLink(uri, text) {
  const did = authorOf(uri);
  const rkey = (uri || "").split("/").pop();
  return safeLink(did ? `https://bsky.app/profile/${did}/post/${rkey}` : "", text);
}

function postItem(p, opts) {
  const li = el("li", { "data-uri": p.uri, class: "post" });
  const meta = el("div", { class: "meta" }, person(p.author || authorOf(p.uri)), el("span", {}, p.createdAt || ""));
  if (opts.pinned) meta.append(el("span", { class: "badge pin" }, "pinned"));
  if (p.tier) meta.append(el("span", { class: "badge tier-" + p.tier }, p.tier));
  if (opts.repost) meta.append(el("span", {}, "reposted by ", person(opts.repost.author)));
  if (!p.stored) meta.append(el("span", {}, "(not indexed)"));
  li.append(meta);
  li.append(el("div", { class: "text" }, p.text || ""));
  if (p.reasons && p.reasons.length) {
    li.append(el("div", { class: "reasons" }, `score ${p.score}: ${p.reasons.join(" ")}`));
  }
  const actions = el("div", { class: "actions" });
  if (opts.pinned) {
    actions.append(el("button", { type: "button", class: "unpin", onclick: run(() => unpin(p.uri)) }, "Unpin"));
  } else {
    actions.append(el("button", { type: "button", class: "pin", onclick: run(() => pin(p.uri)) }, "Pin"));
  }
  actions.append(el("button", { type: "button", class: "block danger", onclick: run(() => block(p.uri)) }, "Block"));
  actions.append(el("button", { type: "button", class: "explain", onclick: run(() => explainURI(p.uri)) }, "Explain"));
  if (p.author && p.tier !== "blocked") {
    actions.append(el("button", { type: "button", class: "block-author danger", onclick: run(() => addAuthor(p.author, "blocked", undefined)) }, "Block author"));
  }
  actions.append(safeLink(p.appUrl, "open in Bluesky"));
  li.append(actions);
  return li;
}

async function block(uri) {
  const r = await api("POST", "/blocks", { uri });
  await reloadCurrent();
  const undo = el("button", { type: "button", onclick: run(async () => { await api("POST", "/blocks/remove", { uri }); status("Unblocked.", "ok"); await reloadCurrent(); }) }, "Undo");
  status(r.unchanged ? "Already blocked." : `Blocked: left ${r.feeds.length} feed(s).`, "ok", undo);
}

async function pin(uri) {
  const r = await api("POST", "/pins", { feed: state.feed.id, uri });
  await reloadCurrent();
  status(r.unchanged ? "Already pinned." : "Pinned." + (r.warning ? " " + r.warning : ""), "ok");
}

async function unpin(uri) {
  await api("POST", "/pins/remove", { feed: state.feed.id, uri });
  await reloadCurrent();
  status("Unpinned.", "ok");
}

async function reloadCurrent() { await loaders[state.view](); refreshQueueCount(); refreshPeople(); }

// ---- dashboard ----

// What each kind of entry and queue exit is called on the charts.
const KIND_NAMES = {
  rules: "rules", expert: "expert author", all: "newsroom (tier all)", thread: "joined a thread",
  endorsed: "expert endorsement", approved: "approved from the queue", repost: "repost by a listed author",
};
const OUT_NAMES = {
  approved: "approved", rejected: "rejected", admitted: "let in by the rules", gone: "deleted or edited out", overflow: "queue full",
};

function named(series, names) {
  return series.map((s) => Object.assign({}, s, { name: names[s.name] || s.name }));
}

function sumSeries(name, series, n) {
  const values = new Array(n).fill(0);
  for (const s of series) s.values.forEach((v, i) => { values[i] += v; });
  return { name, values, total: values.reduce((a, v) => a + v, 0) };
}

function tile(n, label) {
  return el("div", { class: "tile" }, el("span", { class: "n" }, typeof n === "number" ? n.toLocaleString("en") : n), el("span", { class: "l" }, label));
}

function shortDID(did) { return did.length > 20 ? did.slice(0, 18) + "…" : did; }

async function loadStats() {
  const days = $("stats-days").value;
  const r = await api("GET", "/stats?" + qs({ feed: state.feed.id, days }));
  const n = r.days.length;
  const entered = r.enteredByKind.reduce((a, s) => a + s.total, 0);
  const requests = r.requests.reduce((a, s) => a + s.total, 0);
  const viewersToday = r.viewers.map((s) => s.values[n - 1].toLocaleString("en")).join(" · ");
  const lag = r.lag.length ? r.lag[r.lag.length - 1].seconds.toFixed(1) + " s" : "–";
  $("stats-generated").textContent = `${r.feeds.join(" and ")} · ${r.days[0]} to ${r.days[n - 1]} (UTC) · made ${when(Date.parse(r.generated) * 1000)}`;
  $("stats-tiles").replaceChildren(
    tile(entered, `posts entered in ${n} days`),
    tile(requests, `feed requests in ${n} days`),
    tile(viewersToday, "distinct viewers today" + (r.viewers.length > 1 ? " (" + r.feeds.join(" · ") + ")" : "")),
    tile(r.queueWaiting, "waiting for review"),
    tile(lag, "indexer lag now"));

  const out = r.queueOut.length ? named(r.queueOut, OUT_NAMES) : [{ name: "out", values: new Array(n).fill(0), total: 0 }];
  $("stats-charts").replaceChildren(
    barChart("entered-kind", "Posts entering per day, by why", r.days, [{ name: "entered", series: named(r.enteredByKind, KIND_NAMES) }]),
    barChart("entered-lang", "Posts entering per day, by language", r.days, [{ name: "entered", series: r.enteredByLanguage }],
      { note: "First language the author's app declared; reposts aside." }),
    barChart("requests", "Feed requests per day", r.days, [{ name: "requests", series: r.requests }],
      { note: "getFeedSkeleton calls from the Bluesky app; today's bar is the day so far." }),
    lineChart("viewers", "Distinct viewers per day", r.days, r.viewers,
      { note: "Signed-in viewers, counted without keeping who they are (about ±2%)." }),
    barChart("queue", "Review queue per day: in | out", r.days, [{ name: "in", series: [r.queueIn] }, { name: "out", series: out }]),
    barChart("feedback", "Show more | show less per day", r.days, [
      { name: "more", series: [sumSeries("show more", r.showMore, n)] },
      { name: "less", series: [sumSeries("show less", r.showLess, n)] }]),
    barChart("seen", "Posts seen per day, as the app reports", r.days, [{ name: "seen", series: r.seen }]),
    lagChart("lag", "Indexer lag over the last 24 hours, in seconds", r.lag, new Date(r.generated)));

  $("top-note").textContent = r.engagementCounted
    ? "Likes, reposts, replies and quotes of the feed's posts in the period; score weighs a repost or quote 3, a reply 2, a like 1."
    : "This version does not count likes, reposts, replies and quotes yet: posts are ranked by how often the app reported them seen.";
  const cell = (v) => el("td", { class: "n" }, Number(v || 0).toLocaleString("en"));
  $("top-posts").querySelector("tbody").replaceChildren(...r.topPosts.map((p, i) => el("tr", { "data-uri": p.uri },
    el("td", { class: "n" }, String(i + 1)),
    el("td", { class: "post-text" }, p.text || "(text not kept)", " ", safeLink(p.url, "open")),
    el("td", { class: "who" }, safeLink(p.authorUrl, p.handle ? "@" + p.handle : shortDID(p.author))),
    cell(p.likes), cell(p.reposts), cell(p.replies), cell(p.quotes), cell(Math.round(p.score)), cell(p.impressions))));
  if (!r.topPosts.length) $("top-posts").querySelector("tbody").append(el("tr", {}, el("td", { colspan: 9 }, "No posts in this period.")));
  $("top-authors").querySelector("tbody").replaceChildren(...r.topAuthors.map((a, i) => el("tr", { "data-did": a.did },
    el("td", { class: "n" }, String(i + 1)),
    el("td", { class: "who" }, safeLink(a.url, a.handle ? "@" + a.handle : shortDID(a.did))),
    cell(a.posts), cell(a.likes), cell(a.reposts), cell(a.replies), cell(a.quotes), cell(Math.round(a.score)))));
  if (!r.topAuthors.length) $("top-authors").querySelector("tbody").append(el("tr", {}, el("td", { colspan: 8 }, "No authors in this period.")));
}

// ---- authors ----

async function loadAuthors() {
  const feed = state.feed;
  const modLists = feed.modLists || [];
  $("list-info").hidden = !feed.list && modLists.length === 0;
  $("list-experts").hidden = !feed.list;
  if (feed.list) {
    const parts = feed.list.split("/");
    const link = $("list-link");
    link.textContent = feed.list;
    link.setAttribute("href", `https://bsky.app/profile/${parts[2]}/lists/${parts[4]}`);
  }
  $("modlists").replaceChildren(...modLists.map((l) => {
    const parts = l.split("/");
    return el("span", {}, " Authors on the moderation list ", safeLink(`https://bsky.app/profile/${parts[2]}/lists/${parts[4]}`, l), " are kept out.");
  }));
  const data = await api("GET", "/authors?" + qs({ feed: feed.id }));
  learn(data.people);
  const body = $("authors-table").querySelector("tbody");
  body.replaceChildren();
  for (const a of data.authors) {
    const tierSel = el("select", { "aria-label": "tier of " + (a.handle || a.did) },
      ...["expert", "all", "blocked"].map((t) => el("option", { value: t, selected: t === (a.tier || "") }, t)));
    if (!a.tier) tierSel.prepend(el("option", { value: "", selected: true }, "(list)"));
    tierSel.addEventListener("change", run(() => addAuthor(a.did, tierSel.value, undefined)));
    const source = [a.tier ? "manual" : "", a.onList ? "Bluesky list" : ""].filter(Boolean).join(" + ");
    const row = el("tr", { "data-did": a.did },
      el("td", {}, person(a.did)),
      el("td", {}, el("span", { class: "badge tier-" + a.effectiveTier }, a.effectiveTier), " ", tierSel),
      el("td", {}, source),
      el("td", {}, a.note || ""),
      el("td", {}, `${a.addedBy} ${when(a.addedUs)}`),
      el("td", {}, a.tier ? el("button", { type: "button", class: "remove danger", onclick: run(() => removeAuthor(a.did)) }, "Remove") : ""));
    body.append(row);
  }
  if (data.authors.length === 0) body.append(el("tr", {}, el("td", { colspan: 6 }, "No authors listed yet.")));
  refreshPeople();
}

async function addAuthor(author, tier, note) {
  const req = { feed: state.feed.id, author, tier };
  if (note !== undefined) req.note = note;
  status("Working… (fetching the author's recent posts can take a moment)");
  const r = await api("POST", "/authors", req);
  await reloadCurrent();
  const a = r.author;
  let msg = r.unchanged ? "No change." : `@${a.handle || a.did} is now ${a.effectiveTier}.`;
  if (r.removed) msg += ` ${r.removed} post(s) left the feed.`;
  if (r.backfill) msg += ` Fetched ${r.backfill.fetched} recent post(s); ${r.backfill.in[state.feed.id] || 0} in the feed.`;
  if (r.backfillError) msg += ` Backfill failed: ${r.backfillError}`;
  if (r.warning) msg += ` ${r.warning}`;
  status(msg, r.backfillError ? "error" : "ok");
}

async function removeAuthor(did) {
  const r = await api("POST", "/authors/remove", { feed: state.feed.id, author: did });
  await reloadCurrent();
  status("Removed." + (r.warning ? " " + r.warning : ""), "ok");
}

// ---- queue ----

async function loadQueue(more) {
  const list = $("queue-list");
  if (!more) { list.replaceChildren(); state.queueCursor = ""; }
  const q = await api("GET", "/queue?" + qs({ feed: state.feed.id, limit: PAGE, cursor: state.queueCursor }));
  learn(q.people);
  for (const e of q.entries) {
    const p = e.post;
    const li = el("li", { "data-uri": p.uri, class: "post" },
      el("div", { class: "meta" }, person(p.author), el("span", {}, when(p.createdUs))),
      el("div", { class: "text" }, p.text || ""),
      el("div", { class: "reasons" }, `score ${e.score}: ${(e.reasons || []).join(" ")}`));
    const verdict = (path, body, msg) => run(async () => {
      await api("POST", path, Object.assign({ feed: state.feed.id, uri: p.uri }, body));
      await reloadCurrent();
      status(msg, "ok");
    });
    li.append(el("div", { class: "actions" },
      el("button", { type: "button", class: "approve", onclick: verdict("/queue/approve", {}, "Approved: the post is in the feed.") }, "Approve"),
      el("button", { type: "button", class: "approve-expert", onclick: verdict("/queue/approve", { addAuthor: "expert" }, "Approved, and the author is now an expert.") }, "Approve + add author as expert"),
      el("button", { type: "button", class: "reject danger", onclick: verdict("/queue/reject", {}, "Rejected.") }, "Reject"),
      postLink(p.uri, "open in Bluesky")));
    list.append(li);
  }
  state.queueCursor = q.cursor || "";
  $("queue-more").hidden = !state.queueCursor;
  if (!more && q.entries.length === 0) list.append(el("li", { class: "empty" }, "Nothing waits for review."));
  refreshPeople();
}

// ---- blocks and pins ----

async function loadModeration() {
  const [pins, blocks] = await Promise.all([
    api("GET", "/pins?" + qs({ feed: state.feed.id })),
    api("GET", "/blocks"),
  ]);
  learn(pins.people);
  learn(blocks.people);
  $("pins-list").replaceChildren(...pins.pins.map((p) => el("li", { "data-uri": p.uri },
    person(authorOf(p.uri)), " ", postLink(p.uri, "post"), ` pinned by ${p.by} ${when(p.atUs)} `, p.note ? `(${p.note}) ` : "",
    el("button", { type: "button", class: "unpin", onclick: run(() => unpin(p.uri)) }, "Unpin"))));
  if (pins.pins.length === 0) $("pins-list").append(el("li", {}, "No pins."));
  $("blocks-list").replaceChildren(...blocks.blocks.map((b) => el("li", { "data-uri": b.uri },
    person(authorOf(b.uri)), " ", postLink(b.uri, "post"), ` blocked by ${b.by} ${when(b.atUs)} `, b.note ? `(${b.note}) ` : "",
    el("button", { type: "button", class: "unblock", onclick: run(async () => { await api("POST", "/blocks/remove", { uri: b.uri }); await reloadCurrent(); status("Unblocked.", "ok"); }) }, "Unblock"))));
  if (blocks.blocks.length === 0) $("blocks-list").append(el("li", {}, "No blocks."));
  refreshPeople();
}

// ---- explain ----

async function explainURI(uri) {
  if (state.view !== "explain") await show("explain");
  $("explain-input").value = uri;
  const x = await api("GET", "/explain?" + qs({ uri }));
  learn(x.people);
  const out = $("explain-result");
  out.replaceChildren(
    el("div", { class: "meta" }, person(x.author), el("span", {}, x.createdAt || ""), postLink(x.uri, "open in Bluesky")),
    el("div", { class: "text" }, x.text || (x.fetchError ? `(could not fetch the post: ${x.fetchError})` : "")),
    ...(x.engagement ? [el("div", { class: "engagement" }, `${x.engagement.likes} likes, ${x.engagement.reposts} reposts, ${x.engagement.replies} replies, ${x.engagement.quotes} quotes since it entered`)] : []));
  if (x.labels && x.labels.length) out.append(el("div", { class: "labels" }, "labels: " + x.labels.join(", ")));
  for (const f of x.feeds) {
    out.append(el("div", { class: "feed-verdict " + (f.in ? "in" : "out") },
      el("strong", {}, `${f.feed}: ${f.in ? "in" : "not in"}`), " — ", f.why,
      el("div", { class: "reasons" }, `score ${f.score} (needs ${f.need})${f.tier ? ", author tier " + f.tier : ""}${f.judgedNow ? ", judged now" : ""}: ${f.reasons.join(" ")}`),
      f.authorNote ? el("div", {}, "author note: ", f.authorNote) : null,
      f.expertFollowers ? el("div", { class: "community" }, `followed by ${f.expertFollowers} of the feed's experts${f.community ? ": a community author" : ""}`) : null,
      f.endorsers && f.endorsers.length ? el("div", { class: "endorsers" }, "liked or reposted by the experts ", ...f.endorsers.map((d) => el("span", { class: "did" }, d + " "))) : null));
  }
  status("");
  refreshPeople();
}

// ---- audit ----

// targetCell shows what a change was about: an author, or a post with its
// author.
function targetCell(target) {
  if (!target) return "";
  if (target.startsWith("did:")) return person(target);
  if (target.startsWith("at://")) {
    const did = authorOf(target);
    return el("span", {}, did ? person(did) : "", " ", postLink(target, "post"), el("br"), el("span", { class: "did" }, target));
  }
  return el("span", { class: "did" }, target);
}

// actorCell shows who made a change: a curator's name, or the owner of
// the Bluesky list whose change it was.
function actorCell(actor) {
  if (actor && actor.startsWith("list:did:")) return el("span", {}, "list of ", person(actor.slice(5)));
  return actor || "";
}

async function loadAudit(more) {
  const body = $("audit-table").querySelector("tbody");
  if (!more) { body.replaceChildren(); state.auditCursor = ""; }
  const a = await api("GET", "/audit?" + qs({ feed: "", limit: 50, cursor: state.auditCursor }));
  learn(a.people);
  for (const e of a.entries) {
    const change = el("details", {}, el("summary", {}, "before / after"),
      el("pre", {}, "before: " + JSON.stringify(e.before ?? null, null, 1)),
      el("pre", {}, "after: " + JSON.stringify(e.after ?? null, null, 1)));
    body.append(el("tr", {},
      el("td", {}, when(e.atUs)), el("td", {}, actorCell(e.actor)), el("td", {}, e.action), el("td", {}, e.feed || ""),
      el("td", {}, targetCell(e.target)), el("td", {}, e.note ? e.note + " " : "", change)));
  }
  state.auditCursor = a.cursor || "";
  refreshPeople();
  $("audit-more").hidden = !state.auditCursor;
}

// ---- wiring ----

document.addEventListener("DOMContentLoaded", () => {
  $("signin-form").addEventListener("submit", run(async () => {
    try { await signIn($("token").value.trim()); } catch (err) { signOut(err.message); }
  }));
  $("signout-btn").addEventListener("click", () => signOut(""));
  $("feed-select").addEventListener("change", run(async () => {
    state.feed = state.feeds.find((f) => f.id === $("feed-select").value);
    sessionStorage.setItem(FEED_KEY, state.feed.id);
    await show(state.view);
  }));
  for (const b of document.querySelectorAll("nav .tab")) b.addEventListener("click", run(() => show(b.dataset.view)));
  $("feed-refresh").addEventListener("click", run(() => loadFeed(false)));
  $("stats-form").addEventListener("submit", run(loadStats));
  $("stats-days").addEventListener("change", run(loadStats));
  $("feed-more").addEventListener("click", run(() => loadFeed(true)));
  $("queue-more").addEventListener("click", run(() => loadQueue(true)));
  $("audit-more").addEventListener("click", run(() => loadAudit(true)));
  $("author-form").addEventListener("submit", run(async () => {
    const note = $("author-note").value.trim();
    await addAuthor($("author-input").value.trim(), $("author-tier").value, note || undefined);
    $("author-input").value = "";
    $("author-note").value = "";
  }));
  $("list-sync").addEventListener("click", run(async () => {
    const r = await api("POST", "/lists/sync", { feed: state.feed.id });
    await reloadCurrent();
    const mods = (r.modLists || []).map((m) => ` Moderation list: ${m.items} item(s), ${m.added.length} kept out, ${m.removed.length} let back.`).join("");
    status(`List synced: ${r.items} item(s), ${r.added.length} added, ${r.removed.length} removed.${mods}`, "ok");
  }));
  $("post-form").addEventListener("submit", run(async (ev) => {
    const uri = $("post-input").value.trim();
    const note = $("post-note").value.trim();
    const which = ev.submitter ? ev.submitter.value : "block";
    if (which === "pin") {
      const r = await api("POST", "/pins", { feed: state.feed.id, uri, note });
      status(r.unchanged ? "Already pinned." : "Pinned." + (r.warning ? " " + r.warning : ""), "ok");
    } else {
      const r = await api("POST", "/blocks", { uri, note });
      status(r.unchanged ? "Already blocked." : `Blocked: left ${r.feeds.length} feed(s).`, "ok");
    }
    $("post-input").value = "";
    $("post-note").value = "";
    await reloadCurrent();
  }));
  $("explain-form").addEventListener("submit", run(() => explainURI($("explain-input").value.trim())));
  if (token()) signIn(token()).catch((err) => signOut(err.message));
});
