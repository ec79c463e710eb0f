"use strict";
// The folder page: upload a Word or Excel file to import it as a new plan.
document.querySelector('#import input[type=file]').addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  const form = new FormData();
  form.append("file", file);
  say("Đang nhập " + file.name + "…");
  const response = await post("/api/nhap", form, true);
  if (!response.ok) { say("Không nhập được: " + await problemOf(response), "error"); return; }
  const result = await response.json();
  location.href = "/ke-hoach/" + encodeURIComponent(result.written[0]).replace(/%2F/g, "/");
});
