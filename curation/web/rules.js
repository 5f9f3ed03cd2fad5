// The Rules tab of the curators' page: which rules the feed applies, a
// new version to preview (a dry run) and apply, and a revert. It uses
// app.js's helpers (api, el, run, status, state, loaders), which load
// first. Like the rest of the page, it puts text on the page only with
// textContent.
"use strict";

// preview is the last dry run shown: the text it was for (or "revert"),
// so that Apply applies exactly what was previewed.
const rulesState = { preview: null, previewFeed: "" };

function shortHash(h) { return (h || "").slice(0, 12); }

function rulesName(r) {
  if (!r) return "";
  if (r.source === "upload") return r.version ? `uploaded version ${r.version} (${shortHash(r.hash)})` : `the new rules (${shortHash(r.hash)})`;
  return `the definition's ${r.ref} (${shortHash(r.hash)})`;
}

function diffSummary(d) {
  return `${d.held} kept and ${d.queued} queued posts judged: ${d.entered} enter the feed, ${d.left} leave it, ` +
    `${d.queueAdded} join the review queue, ${d.queueRemoved} leave it clearly out`;
}

async function loadRulesView() {
  const v = await api("GET", "/rules?" + qs({ feed: state.feed.id }));
  const box = $("rules-current");
  box.replaceChildren(
    el("p", {}, el("strong", {}, rulesName(v.active)), ` — thresholds: in ${v.in}, review ${v.review}, expert ${v.expert}`));
  if (v.upload) {
    box.append(el("p", {}, `Uploaded by ${v.upload.setBy} ${when(v.upload.setUs)}`, v.upload.note ? ` (${v.upload.note})` : "",
      `. The feed definition names ${rulesName(v.definition)}.`));
  }
  if (v.uploadError) box.append(el("p", { class: "error" }, "The uploaded version is not applied: " + v.uploadError));
  if (v.rejudge) {
    const r = v.rejudge;
    box.append(el("p", {}, `Last change by ${r.actor} ${when(r.startedUs)}: `,
      r.doneUs ? diffSummary(r.diff) : `being applied (${r.phase}), ${r.diff.held} kept and ${r.diff.queued} queued posts judged so far`));
  }
  $("rules-revert").hidden = !v.upload && !v.uploadError;
  if (rulesState.previewFeed !== state.feed.id) clearPreview();
}

function clearPreview() {
  rulesState.preview = null;
  $("rules-apply").disabled = true;
  $("rules-diff").replaceChildren();
}

function moveList(title, moves) {
  if (!moves.length) return null;
  return el("div", {}, el("h4", {}, title), el("ol", { class: "posts" }, ...moves.map((m) => el("li", { class: "post", "data-uri": m.uri },
    el("div", { class: "meta" }, el("span", { class: "did" }, m.author), el("span", {}, `${m.from} → ${m.to}`),
      safeLink(`https://bsky.app/profile/${m.author}/post/${m.uri.split("/").pop()}`, "open in Bluesky")),
    el("div", { class: "text" }, m.text || ""),
    el("div", { class: "reasons" }, `score ${m.score} under the new rules: ${(m.reasons || []).join(" ")}`)))));
}

// warningList shows what the parser noticed in the new rules: lines that
// work as written but are likely not what was meant.
function warningList(ws) {
  if (!ws.length) return null;
  return el("div", { id: "rules-warnings" },
    el("h3", {}, `${ws.length} warning${ws.length === 1 ? "" : "s"}: the rules work as written, but check these lines`),
    el("ul", {}, ...ws.map((w) => el("li", {}, `line ${w.line}: ${w.message}`))));
}

function showDiff(res, applied) {
  const out = $("rules-diff");
  if (res.unchanged) {
    out.replaceChildren(el("p", {}, `${rulesName(res.to)} are the rules in use: nothing would change.`));
    return;
  }
  const d = applied && res.rejudge ? res.rejudge.diff : res.diff;
  const s = d.samples || [];
  out.replaceChildren(
    el("p", {}, el("strong", {}, applied ? "Applied: " : "Preview, nothing changed yet: "), `${rulesName(res.from)} → ${rulesName(res.to)}`),
    el("p", { id: "rules-counts" }, diffSummary(d)),
    warningList(res.warnings || []),
    moveList("Enter the feed", s.filter((m) => m.to === "in")),
    moveList("Leave the feed", s.filter((m) => m.from === "in")),
    moveList("Join the review queue", s.filter((m) => m.to === "queue")),
    moveList("Leave the review queue clearly out", s.filter((m) => m.from === "queue" && m.to === "out")));
}

async function previewRules(revert) {
  const text = $("rules-text").value;
  if (!revert && !text.trim()) throw new Error("Paste or load the new rules first.");
  status("Judging every post the feed keeps with these rules…");
  const body = revert ? { feed: state.feed.id, revert: true } : { feed: state.feed.id, rules: text };
  const res = await api("POST", "/rules/diff", body);
  showDiff(res, false);
  rulesState.preview = revert ? { revert: true } : { text };
  rulesState.previewFeed = state.feed.id;
  $("rules-apply").disabled = !!res.unchanged;
  status(res.unchanged ? "These are the rules in use." : "Preview ready: check the moves, then Apply.", "ok");
}

async function applyRules() {
  const p = rulesState.preview;
  if (!p || rulesState.previewFeed !== state.feed.id) throw new Error("Preview the change first.");
  if (!p.revert && p.text !== $("rules-text").value) throw new Error("The rules changed since the preview: preview again.");
  const note = $("rules-note").value.trim();
  status("Applying: the feed is being judged again…");
  const res = p.revert
    ? await api("POST", "/rules/revert", { feed: state.feed.id, note })
    : await api("POST", "/rules", { feed: state.feed.id, rules: p.text, note });
  showDiff(res, true);
  rulesState.preview = null;
  $("rules-apply").disabled = true;
  $("rules-note").value = "";
  await loadRulesView();
  refreshQueueCount();
  status(res.unchanged ? "These are the rules in use." : `Rules applied: ${rulesName(res.to)}.`, "ok");
}

async function loadRulesText() {
  const v = await api("GET", "/rules?" + qs({ feed: state.feed.id, text: 1 }));
  $("rules-text").value = v.text || "";
  clearPreview();
  status(v.text ? "Loaded the rules in use; edit them, then Preview." : "The text of these rules is not available here.", v.text ? "ok" : "error");
}

loaders.rules = loadRulesView;

document.addEventListener("DOMContentLoaded", () => {
  $("rules-form").addEventListener("submit", (ev) => ev.preventDefault());
  $("rules-load").addEventListener("click", run(loadRulesText));
  $("rules-file").addEventListener("change", run(async () => {
    const f = $("rules-file").files[0];
    if (!f) return;
    $("rules-text").value = await f.text();
    clearPreview();
    status(`Read ${f.name}; Preview to see what it changes.`, "ok");
  }));
  $("rules-text").addEventListener("input", () => { if (rulesState.preview && !rulesState.preview.revert) clearPreview(); });
  $("rules-preview").addEventListener("click", run(() => previewRules(false)));
  $("rules-revert").addEventListener("click", run(() => previewRules(true)));
  $("rules-apply").addEventListener("click", run(applyRules));
});
