// Shared by the pages: POST with the CSRF token, and a place for messages.
"use strict";
const CSRF = document.querySelector('meta[name="csrf-token"]').content;

async function post(url, body, isForm) {
  const headers = { "X-CSRF-Token": CSRF };
  if (!isForm) headers["Content-Type"] = "application/json";
  const response = await fetch(url, {
    method: "POST", headers, credentials: "same-origin",
    body: isForm ? body : JSON.stringify(body),
  });
  return response;
}

async function problemOf(response) {
  try { return (await response.json()).error || response.statusText; }
  catch (e) { return "máy chủ trả lời lỗi " + response.status; }
}

function say(text, kind) {
  const box = document.getElementById("message");
  box.textContent = text;
  box.className = "message" + (kind ? " " + kind : "");
}
