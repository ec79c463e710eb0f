"use strict";
// The plan page: a textarea with line numbers, diagnostics refreshed as the clerk types (the unsaved
// text is checked on the server, debounced), a preview and calendar, save with a conflict check.
const main = document.querySelector("main.plan");
const path = main.dataset.path;
let digest = main.dataset.digest;
const text = document.getElementById("text");
const gutter = document.getElementById("gutter");
const list = document.getElementById("diagnostics");
const summary = document.getElementById("summary");
const state = document.getElementById("state");
let marks = {};          // line → worst severity
let saved = text.value;  // what the file on disk holds
let checkTimer = null, previewTimer = null, checking = 0;
const RANK = { error: 3, warning: 2, info: 1 };
const SEVERITY = { error: "lỗi", warning: "cảnh báo", info: "ghi chú" };

// The editor wraps long lines (a plan's paragraphs are long); each line number stands beside the
// first row of its logical line and is as tall as the rows the line takes, measured in a hidden copy
// of the editor's text box laid out at the same width.
const measure = document.createElement("div");
measure.className = "measure";
measure.setAttribute("aria-hidden", "true");
text.parentElement.append(measure);  // inside the editor, so it has the editor's font

function lineHeights(lines) {
  const style = getComputedStyle(text);
  measure.style.width = (text.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)) + "px";
  const rows = document.createDocumentFragment();
  for (const line of lines) {
    const row = document.createElement("div");
    row.textContent = line || " ";
    rows.append(row);
  }
  measure.replaceChildren(rows);
  const heights = Array.from(measure.children, (row) => row.offsetHeight);
  measure.replaceChildren();
  return heights;
}

function drawGutter() {
  const lines = text.value.split("\n");
  const heights = lineHeights(lines);
  const parts = [];
  for (let i = 1; i <= lines.length; i++) {
    const mark = marks[i];
    const tall = heights[i - 1] > 18 ? ` style="height:${heights[i - 1]}px"` : "";
    parts.push(`<span${mark ? ` class="${mark}"` : ""}${tall}>${i}</span>`);
  }
  gutter.innerHTML = parts.join("");
  gutter.scrollTop = text.scrollTop;
}

function goTo(line, column) {
  const lines = text.value.split("\n");
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
  offset += Math.max(0, (column || 1) - 1);
  text.focus();
  text.setSelectionRange(offset, offset);
  const number = gutter.children[line - 1];
  text.scrollTop = Math.max(0, (number ? number.offsetTop - gutter.offsetTop : 0) - 4 * 18);
}

function item(d, here) {
  const li = document.createElement("li");
  li.className = d.severity;
  li.dataset.code = d.code;
  const where = document.createElement("span");
  where.className = "where";
  where.textContent = here ? `dòng ${d.line}:${d.column}` : `${d.file}:${d.line}`;
  const sev = document.createElement("span");
  sev.className = "sev";
  sev.textContent = `${SEVERITY[d.severity]} ${d.code} `;
  li.append(where, sev, document.createTextNode(d.message));
  if (here) li.addEventListener("click", () => goTo(d.line, d.column));
  return li;
}

function showDiagnostics(result) {
  marks = {};
  list.replaceChildren();
  for (const d of result.here) {
    if (!marks[d.line] || RANK[d.severity] > RANK[marks[d.line]]) marks[d.line] = d.severity;
    list.append(item(d, true));
  }
  for (const d of result.elsewhere) list.append(item(d, false));
  const total = result.here.length + result.elsewhere.length;
  summary.textContent = total === 0 ? "Không có lỗi nào." :
    `${result.errors} lỗi, ${result.warnings} cảnh báo` + (total > result.errors + result.warnings ? `, ${total - result.errors - result.warnings} ghi chú` : "");
  summary.dataset.errors = result.errors;
  drawGutter();
}

function showState() {
  state.textContent = text.value === saved ? "đã lưu" : "chưa lưu";
}

async function check() {
  const mine = ++checking;
  const response = await post("/api/kiem-tra", { path, text: text.value });
  if (mine !== checking) return;  // an older answer arriving after a newer request
  if (!response.ok) { summary.textContent = "Không kiểm tra được: " + await problemOf(response); return; }
  showDiagnostics(await response.json());
}

const A4_WIDTH = 21 / 2.54 * 96;  // CSS pixels

function fitPage() {
  const pane = document.getElementById("pane-preview");
  if (pane.clientWidth > 0) document.getElementById("preview").style.zoom = Math.min(1, (pane.clientWidth - 16) / A4_WIDTH);
}

async function preview() {
  const response = await post("/api/xem-truoc", { path, text: text.value });
  if (!response.ok) { document.getElementById("preview-note").textContent = await problemOf(response); return; }
  const result = await response.json();
  document.getElementById("preview-note").textContent = result.note;
  document.getElementById("preview-css").textContent = result.css;
  document.getElementById("preview").innerHTML = result.html;
  fitPage();
  document.getElementById("calendar").innerHTML = result.calendar || "<p>Kế hoạch này không có lịch kiểm tra.</p>";
}

text.addEventListener("input", () => {
  drawGutter();
  showState();
  clearTimeout(checkTimer);
  clearTimeout(previewTimer);
  checkTimer = setTimeout(check, 400);
  previewTimer = setTimeout(preview, 1500);
});
text.addEventListener("scroll", () => { gutter.scrollTop = text.scrollTop; });
new ResizeObserver(() => drawGutter()).observe(text);
window.addEventListener("resize", fitPage);
text.addEventListener("keydown", (event) => {
  if (event.key === "Tab") {  // YAML indents with spaces; Tab would leave the editor
    event.preventDefault();
    text.setRangeText("  ", text.selectionStart, text.selectionEnd, "end");
    text.dispatchEvent(new Event("input"));
  }
});

async function save() {
  const response = await post("/api/luu", { path, text: text.value, digest });
  if (response.status === 409) { say(await problemOf(response), "error"); return; }
  if (!response.ok) { say("Không lưu được: " + await problemOf(response), "error"); return; }
  const result = await response.json();
  digest = result.digest;
  saved = text.value;
  showState();
  showDiagnostics(result);
  say("Đã lưu. Bản trước được giữ ở " + result.backup, "ok");
}

async function download(kind) {
  say(kind === "pdf" ? "Đang tạo PDF bằng LibreOffice…" : "Đang tạo tệp Word…");
  const response = await post("/api/" + kind, { path, text: text.value });
  if (!response.ok) { say("Không tải được: " + await problemOf(response), "error"); return; }
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = path.split("/").pop().replace(/\.ya?ml$/, "") + "." + kind;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  say("");
}

async function roll() {
  if (text.value !== saved) { say("Lưu kế hoạch trước khi dựng kế hoạch năm sau.", "error"); return; }
  const year = prompt("Dựng kế hoạch (bản dự thảo) cho năm:", main.dataset.nextYear);
  if (!year) return;
  const response = await post("/api/nam-moi", { path, year });
  if (!response.ok) { say("Không dựng được: " + await problemOf(response), "error"); return; }
  const result = await response.json();
  let note = "Đã ghi " + result.written.join(", ") + ".";
  for (const part of result.checklist) note += "\n" + part.title + "\n" + part.items.join("\n");
  say(note, "ok");
  const link = document.createElement("a");
  link.href = "/ke-hoach/" + encodeURIComponent(result.written[0]).replace(/%2F/g, "/");
  link.textContent = " Mở kế hoạch mới";
  document.getElementById("message").append(link);
}

document.getElementById("save").addEventListener("click", save);
document.getElementById("docx").addEventListener("click", () => download("docx"));
document.getElementById("pdf").addEventListener("click", () => download("pdf"));
document.getElementById("roll").addEventListener("click", roll);
document.addEventListener("keydown", (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === "s") { event.preventDefault(); save(); }
});
window.addEventListener("beforeunload", (event) => { if (text.value !== saved) event.preventDefault(); });
for (const tab of document.querySelectorAll(".tabs button")) {
  tab.addEventListener("click", () => {
    for (const other of document.querySelectorAll(".tabs button")) other.classList.toggle("active", other === tab);
    document.getElementById("pane-preview").hidden = tab.dataset.tab !== "preview";
    document.getElementById("pane-calendar").hidden = tab.dataset.tab !== "calendar";
    fitPage();
  });
}

drawGutter();
showState();
check();
preview();
