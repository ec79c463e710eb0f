"""`kehoach serve`: the security cases as HTTP requests, and what the page's endpoints do."""

from __future__ import annotations

import io
import os
import shutil
import signal
import subprocess
import sys

import httpx
import pytest
from starlette.testclient import TestClient

from conftest import MINIMAL_PLAN
from kehoach.serve.app import create_app
from kehoach.serve.security import allowed_hosts

TOKEN, CSRF = "t0k3n-for-tests", "csrf-for-tests"
BASE = "http://127.0.0.1:8765"
SCHEDULE = """\
title: LỊCH KIỂM TRA
members: {nn: Đại diện Phòng Nông nghiệp}
rows:
  - {date: 2023-10-02, place: Khu 1, members: [nn]}
"""
PLAN = MINIMAL_PLAN + "window: {from: 2023-10-02, to: 2023-10-06}\nappendices:\n  - schedule: ../lich/lich.yaml\n"


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "ke-hoach"
    (root / "plans").mkdir(parents=True)
    (root / "lich").mkdir()
    (root / "plans" / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (root / "lich" / "lich.yaml").write_text(SCHEDULE, encoding="utf-8")
    return root


def client_for(root, host="127.0.0.1", authenticated=True) -> TestClient:
    client = TestClient(create_app(str(root), TOKEN, CSRF, allowed_hosts(host)), base_url=BASE, follow_redirects=False)
    if authenticated:
        client.cookies.set("kehoach_token", TOKEN)
    return client


@pytest.fixture
def client(folder) -> TestClient:
    return client_for(folder)


def post(client, url, body, csrf=CSRF, **headers):
    return client.post(url, json=body, headers={"X-CSRF-Token": csrf, **headers} if csrf else headers)


def files_of(root) -> set[str]:
    return {os.path.relpath(os.path.join(d, n), root) for d, _, names in os.walk(root) for n in names}


# --- the token ---------------------------------------------------------------------------------

def test_no_token_is_refused_on_every_path(folder):
    anonymous = client_for(folder, authenticated=False)
    for url in ("/", "/ke-hoach/plans/plan.yaml", "/static/editor.js"):
        response = anonymous.get(url)
        assert response.status_code == 403 and "token" in response.text
    assert post(anonymous, "/api/kiem-tra", {"path": "plans/plan.yaml", "text": ""}).status_code == 403


def test_the_token_in_the_url_becomes_a_cookie_and_leaves_the_address(folder):
    browser = client_for(folder, authenticated=False)
    first = browser.get(f"/ke-hoach/plans/plan.yaml?token={TOKEN}")
    assert first.status_code == 303 and first.headers["location"] == "/ke-hoach/plans/plan.yaml"
    cookie = first.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert browser.get("/ke-hoach/plans/plan.yaml").status_code == 200


def test_a_wrong_token_is_refused(folder):
    browser = client_for(folder, authenticated=False)
    assert browser.get("/?token=doan-mo").status_code == 403
    browser.cookies.set("kehoach_token", "doan-mo")
    assert browser.get("/").status_code == 403


# --- the Host header (DNS rebinding) -----------------------------------------------------------

def test_a_foreign_host_name_is_refused(client):
    assert client.get("/", headers={"host": "evil.example:8765"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200
    assert client.get("/", headers={"host": "[::1]:8765"}).status_code == 200


def test_on_every_interface_ip_addresses_are_accepted_but_names_are_not(folder):
    lan = client_for(folder, host="0.0.0.0")
    assert lan.get("/", headers={"host": "192.168.1.20:8765"}).status_code == 200
    assert lan.get("/", headers={"host": "rebind.evil.example:8765"}).status_code == 400
    assert client_for(folder, host="0.0.0.0", authenticated=False).get(
        "/", headers={"host": "192.168.1.20:8765"}).status_code == 403  # the token is still required


# --- writes: CSRF and Origin -------------------------------------------------------------------

def test_a_post_without_the_csrf_token_is_refused(client, folder):
    before = (folder / "plans" / "plan.yaml").read_bytes()
    for csrf in (None, "doan-mo"):
        response = post(client, "/api/luu", {"path": "plans/plan.yaml", "text": "x: 1\n", "digest": ""}, csrf=csrf)
        assert response.status_code == 403 and "CSRF" in response.text
    assert (folder / "plans" / "plan.yaml").read_bytes() == before


def test_a_post_from_another_origin_is_refused(client):
    body = {"path": "plans/plan.yaml", "text": PLAN}
    assert post(client, "/api/kiem-tra", body, Origin="http://evil.example").status_code == 403
    assert post(client, "/api/kiem-tra", body, Origin=BASE).status_code == 200


def test_get_never_writes(client):
    assert client.get("/api/luu").status_code == 405


# --- paths -------------------------------------------------------------------------------------

def test_no_path_outside_the_folder(client, folder, tmp_path):
    (tmp_path / "secret.yaml").write_text("bí mật: 1\n", encoding="utf-8")
    os.symlink(tmp_path / "secret.yaml", folder / "plans" / "link.yaml")
    os.symlink(tmp_path, folder / "out")
    for path in ("../secret.yaml", "plans/../../secret.yaml", str(tmp_path / "secret.yaml"),
                 "plans/link.yaml", "out/secret.yaml"):
        response = post(client, "/api/kiem-tra", {"path": path, "text": ""})
        assert response.status_code == 403, path
        assert "bí mật" not in response.text
    assert client.get("/ke-hoach/plans/%2e%2e/%2e%2e/secret.yaml").status_code in (403, 404)
    assert client.get("/ke-hoach/plans/link.yaml").status_code == 403
    assert client.get("/ke-hoach/plans/khong-co.yaml").status_code == 404


def test_the_folder_page_lists_plans_with_their_status(client, folder):
    (folder / "plans" / "loi.yaml").write_text(SCHEDULE.replace("members: [nn]", "members: [khong_co]"), encoding="utf-8")
    page = client.get("/").text
    assert "plans/plan.yaml" in page and "lich/lich.yaml" in page
    assert "1 lỗi" in page and "không có lỗi" in page


def test_one_odd_file_is_a_row_that_says_so_and_the_rest_is_listed(client, folder, tmp_path):
    (tmp_path / "secret.yaml").write_text("bí mật: 1\n", encoding="utf-8")
    os.symlink(tmp_path / "secret.yaml", folder / "plans" / "ra-ngoai.yaml")
    os.symlink("/nonexistent", folder / "plans" / "gay.yaml")
    os.mkfifo(folder / "plans" / "ong.yaml")
    response = client.get("/")
    assert response.status_code == 200
    page = response.text
    assert "plans/plan.yaml" in page and "không có lỗi" in page
    assert page.count("không đọc được: ") == 3
    assert "dẫn ra ngoài thư mục" in page and "không có kế hoạch `plans/ong.yaml`" in page
    assert "bí mật" not in page


# --- checking unsaved text ---------------------------------------------------------------------

def test_unsaved_text_is_checked_where_it_stands_and_nothing_is_written(client, folder):
    before = files_of(folder)
    broken = PLAN.replace("date: 2023-09-25", "date: 2023-09-31")
    result = post(client, "/api/kiem-tra", {"path": "plans/plan.yaml", "text": broken}).json()
    assert [(d["line"], d["column"], d["code"]) for d in result["here"]] == [(3, 7, "KH-S006")]
    assert result["errors"] == 1
    assert all(d["file"] == "plans/plan.yaml" for d in result["here"])
    fine = post(client, "/api/kiem-tra", {"path": "plans/plan.yaml", "text": PLAN}).json()
    assert fine["errors"] == 0 and fine["here"] == [] and fine["elsewhere"] == []
    # The included schedule is read through the plan's relative path, and its problems named by it.
    late = PLAN.replace("window: {from: 2023-10-02, to: 2023-10-06}\n", "window: {from: 2023-10-03, to: 2023-10-06}\n")
    outside = post(client, "/api/kiem-tra", {"path": "plans/plan.yaml", "text": late}).json()
    assert [(d["file"], d["code"]) for d in outside["elsewhere"]] == [("lich/lich.yaml", "KH-L001")]
    assert files_of(folder) == before


# --- saving: conflicts and backups -------------------------------------------------------------

def digest_of(client, path="plans/plan.yaml") -> str:
    page = client.get(f"/ke-hoach/{path}").text
    return page.split('data-digest="')[1].split('"')[0]


def test_save_keeps_the_previous_version_as_a_backup(client, folder):
    edited = PLAN.replace("Rà soát đúng quy trình", "Rà soát đúng quy trình, đúng đối tượng")
    response = post(client, "/api/luu", {"path": "plans/plan.yaml", "text": edited, "digest": digest_of(client)})
    assert response.status_code == 200, response.text
    assert (folder / "plans" / "plan.yaml").read_text(encoding="utf-8") == edited
    backup = folder / response.json()["backup"]
    assert backup.parent == folder / ".kehoach-backup" / "plans"
    assert backup.read_text(encoding="utf-8") == PLAN
    assert "plans/plan.yaml" in client.get("/").text and ".kehoach-backup" not in client.get("/").text


def test_two_tabs_editing_one_file_get_a_conflict_not_an_overwrite(client, folder):
    first_tab = second_tab = digest_of(client)
    one = PLAN.replace("Nguyễn Quang Nhuệ", "Nguyễn Văn Một")
    two = PLAN.replace("Nguyễn Quang Nhuệ", "Nguyễn Văn Hai")
    assert post(client, "/api/luu", {"path": "plans/plan.yaml", "text": one, "digest": first_tab}).status_code == 200
    refused = post(client, "/api/luu", {"path": "plans/plan.yaml", "text": two, "digest": second_tab})
    assert refused.status_code == 409 and "đã được sửa ở nơi khác" in refused.json()["error"]
    assert (folder / "plans" / "plan.yaml").read_text(encoding="utf-8") == one


# --- downloads, roll forward, import -----------------------------------------------------------

def test_download_docx_of_the_editors_text(client):
    import docx

    edited = PLAN.replace("Rà soát đúng quy trình", "Rà soát chưa lưu")
    response = post(client, "/api/docx", {"path": "plans/plan.yaml", "text": edited})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"] and "plan.docx" in response.headers["content-disposition"]
    paragraphs = [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs]
    assert any("Rà soát chưa lưu" in p for p in paragraphs)


def test_no_docx_from_text_with_errors(client):
    broken = PLAN.replace("2023-10-02, to", "2023-10-09, to")
    response = post(client, "/api/docx", {"path": "plans/plan.yaml", "text": broken})
    assert response.status_code == 422 and "còn lỗi" in response.json()["error"]


def test_preview_shows_the_document_and_the_calendar(client):
    result = post(client, "/api/xem-truoc", {"path": "plans/plan.yaml", "text": PLAN}).json()
    assert "KẾ HOẠCH" in result["html"] and "Rà soát đúng quy trình" in result["html"]
    assert "Nơi nhận" in result["html"] and "Khu 1" in result["html"]
    assert 'class="s-KHTenLoai"' in result["html"] and "text-align:center" in result["css"]
    assert result["calendar"].startswith("<svg") and "Tháng 10 năm 2023" in result["calendar"]


def test_pdf_without_libreoffice_says_so_in_vietnamese(client, monkeypatch):
    monkeypatch.setattr("kehoach.render.pdf.shutil.which", lambda name: None)
    response = post(client, "/api/pdf", {"path": "plans/plan.yaml", "text": PLAN})
    assert response.status_code == 503
    assert "không tìm thấy LibreOffice" in response.json()["error"] and "tải tệp .docx" in response.json()["error"]


def test_roll_forward_writes_next_years_draft_beside_it(client, folder):
    response = post(client, "/api/nam-moi", {"path": "plans/plan.yaml", "year": 2024})
    assert response.status_code == 200, response.text
    written = response.json()["written"]
    assert written[0] == "plans/plan-2024.yaml" and (folder / written[0]).exists()
    again = post(client, "/api/nam-moi", {"path": "plans/plan.yaml", "year": 2024})
    assert again.status_code == 422 and "đã có" in again.json()["error"]


def test_roll_forward_lists_what_to_review_and_the_new_plans_problems_under_headings(client, folder):
    # Tuesdays 27/8 and 03/9/2024: whichever whole number of weeks, one lands on Quốc khánh 02/9/2025
    tuesdays = "  - {date: 2024-08-27, place: Khu 0, members: [nn]}\n" + SCHEDULE.split("rows:\n")[1].replace("2023-10-02", "2024-09-03")
    (folder / "lich" / "lich.yaml").write_text(SCHEDULE.split("rows:\n")[0] + "rows:\n" + tuesdays, encoding="utf-8")
    (folder / "plans" / "plan.yaml").write_text(
        PLAN.replace("2023-10-02, to: 2023-10-06", "2024-08-26, to: 2024-09-06").replace("2023", "2024"), encoding="utf-8")
    response = post(client, "/api/nam-moi", {"path": "plans/plan.yaml", "year": 2025})
    assert response.status_code == 200, response.text
    checklist = {part["title"]: part["items"] for part in response.json()["checklist"]}
    review = checklist["Cần xem lại (ngày tháng và năm viết thẳng trong văn bản, không được tự sửa):"]
    assert any(item.startswith("plans/plan-2025.yaml:") and item.endswith(": 2024") for item in review), review
    problems = checklist["Kiểm tra kế hoạch năm 2025:"]
    assert any(item.startswith("lich/lich-2025.yaml:") and "warning KH-L002" in item and "02/9/2025" in item
               for item in problems), problems


def test_import_accepts_only_word_and_excel(client):
    response = client.post("/api/nhap", files={"file": ("ke-hoach.pdf", b"%PDF-1.4", "application/pdf")},
                           headers={"X-CSRF-Token": CSRF})
    assert response.status_code == 422 and ".docx" in response.json()["error"]
    no_csrf = client.post("/api/nhap", files={"file": ("ke-hoach.docx", b"PK", "application/octet-stream")})
    assert no_csrf.status_code == 403


def test_an_upload_is_named_by_the_clerks_file_name_never_the_servers_temporary_path(client, folder):
    broken = client.post("/api/nhap", files={"file": ("Kế hoạch 2024.docx", b"PK not a zip", "application/octet-stream")},
                         headers={"X-CSRF-Token": CSRF})
    message = broken.json()["error"]
    assert broken.status_code == 422 and "Kế hoạch 2024.docx" in message
    assert "kehoach-upload" not in message and "/tmp" not in message and "upload.docx" not in message

    word = post(client, "/api/docx", {"path": "plans/plan.yaml", "text": PLAN}).content
    imported = client.post("/api/nhap", files={"file": ("Kế hoạch 2024.docx", word, "application/octet-stream")},
                           headers={"X-CSRF-Token": CSRF})
    assert imported.status_code == 200, imported.text
    first = (folder / imported.json()["written"][0]).read_text(encoding="utf-8").splitlines()[0]
    assert first == "# Nhập từ Kế hoạch 2024.docx bằng `kehoach import`."


def test_an_upload_goes_through_the_importer_into_a_new_file(client, folder, monkeypatch):
    """The importer's interface: `import_file(path, out, force)` returning what it `written`."""
    import types

    calls = []

    def import_file(path, out, force):
        calls.append((open(path, "rb").read(), out, force))
        with open(out, "w", encoding="utf-8") as f:
            f.write(SCHEDULE)
        return types.SimpleNamespace(written=[out])

    monkeypatch.setitem(sys.modules, "kehoach.importer", types.SimpleNamespace(import_file=import_file))
    (folder / "Lich-kiem-tra.yaml").write_text("x: 1\n", encoding="utf-8")  # taken: never overwritten
    response = client.post("/api/nhap", files={"file": ("../Lich kiem tra.xlsx", b"PK-excel", "application/octet-stream")},
                           headers={"X-CSRF-Token": CSRF})
    assert response.status_code == 200, response.text
    assert response.json() == {"written": ["Lich-kiem-tra-2.yaml"]}
    assert calls == [(b"PK-excel", os.path.join(os.path.realpath(folder), "Lich-kiem-tra-2.yaml"), False)]
    assert (folder / "Lich-kiem-tra.yaml").read_text(encoding="utf-8") == "x: 1\n"


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_download_pdf_through_libreoffice(client):
    from pypdf import PdfReader

    response = post(client, "/api/pdf", {"path": "plans/plan.yaml", "text": PLAN})
    assert response.status_code == 200, response.text
    reader = PdfReader(io.BytesIO(response.content))
    assert "KẾ HOẠCH" in reader.pages[0].extract_text()
    assert reader.metadata.title == "Rà soát hộ nghèo, hộ cận nghèo năm 2023"


# --- the command -------------------------------------------------------------------------------

def test_the_first_line_is_the_url_with_its_token_and_requests_are_never_logged(folder):
    process = subprocess.Popen(
        [sys.executable, "-m", "kehoach", "serve", str(folder), "--port", "0", "--no-browser"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and "/?token=" in url
        token = url.split("token=")[1]
        with httpx.Client(follow_redirects=True) as browser:
            assert "plans/plan.yaml" in browser.get(url).text
            assert browser.get(url.split("?")[0] + "ke-hoach/plans/plan.yaml").status_code == 200
        assert httpx.get(url.split("?")[0]).status_code == 403
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0
    assert token not in out + err and "GET" not in err
    assert "Đã dừng" in err


def children_of(pid: int) -> list[int]:
    found = []
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry))
        except OSError:
            continue
    return found


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_the_kept_libreoffice_makes_the_pdfs_and_ends_with_the_server(folder, stop, kept_libreoffice):
    from pypdf import PdfReader
    from test_listener import group_members

    process = subprocess.Popen(
        [sys.executable, "-m", "kehoach", "serve", str(folder), "--port", "0", "--no-browser"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = process.stdout.readline().strip()
        with httpx.Client(follow_redirects=True, timeout=120) as browser:
            page = browser.get(url.replace("/?token", "/ke-hoach/plans/plan.yaml?token")).text
            csrf = page.split('name="csrf-token" content="')[1].split('"')[0]
            assert children_of(process.pid) == []  # started on the first PDF, not before
            for _ in range(2):
                response = browser.post(url.split("?")[0] + "api/pdf", json={"path": "plans/plan.yaml", "text": PLAN},
                                        headers={"X-CSRF-Token": csrf})
                assert response.status_code == 200, response.text
                assert "KẾ HOẠCH" in PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
        [kept] = children_of(process.pid)
        assert os.getpgid(kept) == kept and group_members(kept)
    finally:
        process.send_signal(stop)
        _, err = process.communicate(timeout=60)
    assert "Đã dừng" in err
    assert process.returncode == (0 if stop == signal.SIGINT else 128 + signal.SIGTERM)
    assert group_members(kept) == []


def test_on_every_interface_the_command_says_the_token_is_still_needed(folder):
    process = subprocess.Popen(
        [sys.executable, "-m", "kehoach", "serve", str(folder), "--host", "0.0.0.0", "--port", "0", "--no-browser"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        assert httpx.get(url.split("?")[0]).status_code == 403
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=20)
    assert "mạng nội bộ" in err and "Vẫn cần mã truy cập (token)" in err


def test_the_plan_page_offers_the_year_after_the_plans_own(client):
    assert "Sang năm 2024" in client.get("/ke-hoach/plans/plan.yaml").text
