// The review page. Every piece of document text goes into the page as text (textContent), never as markup.
"use strict";

const state = { queue: null, order: [], index: -1, view: null };
const $ = (sel, root = document) => root.querySelector(sel);

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}

async function api(path, body) {
  const response = await fetch(path, body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok && !data.error) data.error = `${response.status} ${response.statusText}`;
  return data;
}

async function loadQueue() {
  state.queue = await api("/api/queue");
  state.order = state.queue.documents.flatMap(d => d.fields.map(f => ({ document: d.document, field: f.field, done: f.done })));
  renderQueue();
}

function renderQueue() {
  const q = state.queue;
  $("#reviewer").textContent = `reviewer: ${q.reviewer}`;
  $("#progress").textContent = `${q.done} done / ${q.total - q.done} left`;
  const nav = $("#queue");
  nav.replaceChildren();
  q.documents.forEach(d => {
    const h = el("h4", d.document);
    h.dataset.document = d.document;
    h.append(" ", el("span", `${d.done}/${d.total}`, "count"));
    h.addEventListener("click", () => {
      const first = state.order.findIndex(o => o.document === d.document && !o.done);
      select(first >= 0 ? first : state.order.findIndex(o => o.document === d.document));
    });
    nav.append(h);
    const ol = el("ol");
    d.fields.forEach(f => {
      const li = el("li", null, (f.done ? "done " : "") + (f.status === "missing" ? "missing" : ""));
      li.dataset.document = d.document;
      li.dataset.field = f.field;
      li.append(el("span", f.field), el("span", f.status === "missing" ? "missing" : f.confidence.toFixed(2), "conf"));
      li.addEventListener("click", () => select(state.order.findIndex(o => o.document === d.document && o.field === f.field)));
      ol.append(li);
    });
    nav.append(ol);
  });
  markCurrent();
}

function markCurrent() {
  const cur = state.order[state.index];
  document.querySelectorAll("nav li").forEach(li => {
    const on = cur && li.dataset.document === cur.document && li.dataset.field === cur.field;
    li.classList.toggle("current", on);
    if (on) li.scrollIntoView({ block: "nearest" });
  });
}

async function select(index) {
  if (index < 0 || index >= state.order.length) return;
  state.index = index;
  const { document: doc, field } = state.order[index];
  history.replaceState(null, "", `#${encodeURIComponent(doc)}/${encodeURIComponent(field)}`);
  markCurrent();
  const view = await api(`/api/field?document=${encodeURIComponent(doc)}&field=${encodeURIComponent(field)}`);
  if (view.error) { $("#field").replaceChildren(el("p", view.error, "note")); return; }
  state.view = view;
  renderField(view);
  // The next field's crop is rendered (and cached by the server) while this one is looked at.
  const after = state.order[nextUndone(index)];
  if (after && after !== state.order[index]) fetch(`/api/field?document=${encodeURIComponent(after.document)}&field=${encodeURIComponent(after.field)}`);
}

function renderField(v) {
  const main = $("#field");
  main.replaceChildren($("#field-template").content.cloneNode(true));
  $(".doc", main).textContent = v.document;
  $(".kind", main).textContent = `${v.kind}, page ${v.page}`;
  $(".field-id", main).textContent = v.field;
  $(".labels", main).textContent = [v.table, v.rowLabel, v.columnLabel].filter(Boolean).join(" · ");

  if (v.crop && v.crop.url) {
    const holder = $(".crop", main);
    const img = el("img");
    img.alt = `page ${v.page} around ${v.field}`;
    img.src = v.crop.url;
    const box = el("div", null, "box");
    box.style.left = `${v.crop.left * 100}%`;
    box.style.top = `${v.crop.top * 100}%`;
    box.style.width = `${v.crop.width * 100}%`;
    box.style.height = `${v.crop.height * 100}%`;
    holder.append(img, box);
  }
  const note = (v.crop && v.crop.note) || (v.source && v.source.note);
  $(".note", main).textContent = note || "";
  if (v.source) {
    const src = $(".source", main);
    v.source.lines.forEach(line => {
      const row = el("div", null, line.current ? "current" : "");
      row.append(el("span", line.number, "ln"));
      line.cells.forEach((c, i) => {
        if (i === line.markedCell && line.markStart >= 0) {
          const cell = el("span", null, "cell");
          cell.append(c.slice(0, line.markStart), el("span", c.substr(line.markStart, line.markLength), "marked"), c.slice(line.markStart + line.markLength));
          row.append(cell);
        } else row.append(el("span", c === "" ? "\u00a0" : c, i === line.markedCell ? "cell marked" : "cell"));
      });
      src.append(row);
    });
  }

  $("#value").textContent = v.value === "" ? "(empty)" : v.value;
  $("#status").textContent = v.status;
  $("#confidence").textContent = v.confidence.toFixed(3);
  $("#corrected-by").textContent = v.correction !== null && v.correction !== undefined ? `corrected by ${v.correctedBy || "someone"}` : "";
  $(".extracted", main).textContent = `${v.extractedValue === "" ? "(empty)" : v.extractedValue} (${v.extractedStatus})`;
  $(".flags", main).textContent = v.flags.join("; ") || "—";
  $(".evidence", main).textContent = v.evidence || "—";
  $(".others", main).textContent = v.otherReadings.length ? v.otherReadings.join(", ") : "—";

  const head = $("table.row thead tr", main), body = $("table.row tbody tr", main);
  v.row.forEach(c => {
    head.append(el("th", c.column));
    body.append(el("td", c.value === "" ? (c.status === "missing" ? "?" : "") : c.value, c.current ? "current" : ""));
  });

  const ids = $("ul.identities", main);
  v.identities.forEach(i => {
    const li = el("li", null, i.holds === true ? "holds" : i.holds === false ? "broken" : "");
    li.append(el("div", i.name));
    const side = terms => terms.map(t => {
      const s = el("span", `${t.label} ${t.value === "" ? "∅" : t.value}`, t.current ? "current" : "");
      return s;
    });
    const line = el("div");
    side(i.left).forEach((s, k) => { if (k) line.append(" + "); line.append(s); });
    line.append(` = ${i.leftSum ?? "?"}  vs  ${i.rightSum ?? "?"} = `);
    side(i.right).forEach((s, k) => { if (k) line.append(" + "); line.append(s); });
    li.append(line);
    li.append(el("div", i.holds === true ? "holds" : i.holds === false
      ? `broken: this value would make it hold: ${i.solved ?? "?"}` : `cannot tell (a value is missing); it holds with ${i.solved ?? "?"}`));
    ids.append(li);
  });
  if (!v.identities.length) ids.append(el("li", "no identity holds this field"));

  const hist = $("ul.history", main);
  v.history.forEach(h => hist.append(el("li", `${h.at}: ${h.value === "" ? "(blank)" : h.value} by ${h.reviewer || "?"} (${h.source})`)));
  if (!v.history.length) hist.append(el("li", "no correction yet"));

  const input = $("#input");
  input.addEventListener("keydown", onKey);
  input.addEventListener("input", hint);
  $("#as-text").addEventListener("change", () => { input.classList.toggle("text", $("#as-text").checked); input.focus(); });
  input.focus();
  // Says which field the entry box now belongs to (keys typed before this go to the field shown before).
  main.dataset.document = v.document;
  main.dataset.field = v.field;
}

function hint() {
  const typed = $("#input").value.trim();
  const msg = $("#message");
  msg.className = "";
  msg.textContent = typed === "-" ? "Enter marks the cell blank" : typed === "" ? "" : `Enter saves ${typed}`;
}

function nextUndone(from) {
  for (let i = from + 1; i < state.order.length; i++) if (!state.order[i].done) return i;
  for (let i = 0; i <= from && i < state.order.length; i++) if (!state.order[i].done) return i;
  return Math.min(from + 1, state.order.length - 1);
}

async function save(body) {
  const cur = state.order[state.index];
  const result = await api("/api/correct", { document: cur.document, field: cur.field, ...body });
  const msg = $("#message");
  if (!result.ok) { msg.className = ""; msg.textContent = result.error; return; }
  msg.className = "saved";
  msg.textContent = `saved: ${result.value === "" ? "(blank)" : result.value} (${result.status})`;
  cur.done = true;
  const at = state.index;
  await loadQueue();
  await select(nextUndone(at));
}

async function onKey(e) {
  const input = $("#input");
  const typed = input.value.trim();
  if (e.key === "Enter") {
    e.preventDefault();
    if (typed === "") await save({ accept: true });
    else await save({ value: typed, asText: $("#as-text").checked });
  } else if (e.key === "ArrowDown" || (e.key === "ArrowRight" && typed === "")) {
    e.preventDefault(); await select(Math.min(state.index + 1, state.order.length - 1));
  } else if (e.key === "ArrowUp" || (e.key === "ArrowLeft" && typed === "")) {
    e.preventDefault(); await select(Math.max(state.index - 1, 0));
  } else if (e.key === " " && typed === "") {
    e.preventDefault(); await select(nextUndone(state.index));
  } else if (e.altKey && (e.key === "t" || e.key === "T")) {
    e.preventDefault();
    const box = $("#as-text");
    box.checked = !box.checked;
    input.classList.toggle("text", box.checked);
  } else if (e.key === "Escape") {
    input.value = ""; hint();
  }
}

async function writeCsvs() {
  const r = await api("/api/write", {});
  $("#written").textContent = r.ok ? `CSVs written (${r.corrections} corrections)` : r.error;
}

document.addEventListener("keydown", e => {
  if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); writeCsvs(); }
});

window.addEventListener("DOMContentLoaded", async () => {
  $("#write").addEventListener("click", writeCsvs);
  await loadQueue();
  if (!state.order.length) { $("#empty").textContent = "Nothing to review: every field is at or above the review threshold."; return; }
  const [doc, field] = location.hash.slice(1).split("/").map(decodeURIComponent);
  const fromHash = state.order.findIndex(o => o.document === doc && o.field === field);
  await select(fromHash >= 0 ? fromHash : nextUndone(-1));
});
