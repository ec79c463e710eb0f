"""Every example plan rendered, imported and rendered again keeps its words, and the imported spec
checks with the same diagnostics as the original."""

from collections import Counter
from pathlib import Path

import pytest

from fidelity import docx_text, similarity, words
from kehoach.check import check_file
from kehoach.importer.run import import_file
from kehoach.render.job import render_files

ROOT = Path(__file__).parent.parent
PLANS = sorted((ROOT / "plans").glob("*.yaml"))


def _render(spec: Path, out: Path) -> Path:
    result = render_files([str(spec)], str(out), pdf=False, template=None, ignore=())
    assert result.written, [d.as_text() for d in result.diagnostics]
    return out


@pytest.fixture(scope="module")
def round_trips(tmp_path_factory):
    done = {}
    for plan in PLANS:
        folder = tmp_path_factory.mktemp(plan.stem)
        first = _render(plan, folder / "goc.docx")
        imported = folder / "nhap.yaml"
        written = import_file(str(first), str(imported))
        second = _render(imported, folder / "lai.docx")
        done[plan.name] = (plan, first, imported, second, written)
    return done


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_rendered_plan_imported_and_rendered_again_keeps_its_words(round_trips, plan):
    _, first, _, second, _ = round_trips[plan.name]
    assert similarity(words(docx_text(str(first))), words(docx_text(str(second)))) >= 0.99


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_imported_plan_checks_like_the_original(round_trips, plan):
    _, _, imported, _, _ = round_trips[plan.name]
    original = Counter(d.code for d in check_file(str(plan)).diagnostics)
    again = Counter(d.code for d in check_file(str(imported)).diagnostics)
    assert again == original


def test_timelines_come_back_as_timelines(round_trips):
    import yaml

    _, _, imported, _, _ = round_trips["2023-huu-lung-ra-soat.yaml"]
    spec = yaml.safe_load(imported.read_text(encoding="utf-8"))
    phases = [phase for section in spec["sections"] for item in section.get("body", []) if isinstance(item, dict)
              for phase in item.get("timeline", [])]
    assert phases[0]["task"].startswith("Xây dựng Kế hoạch rà soát") and str(phases[0]["from"]) == "2023-08-15"


def test_the_word_plan_itself_checks_like_the_original(round_trips):
    from kehoach.importer.check import check_word

    plan, first, _, _, _ = round_trips["2023-huu-lung-ra-soat.yaml"]
    found = [d for d in check_word(str(first)) if not d.code.startswith("KH-N")]
    assert [d.code for d in found] == [d.code for d in check_file(str(plan)).diagnostics] == ["KH-D003"]
    assert found[0].where == "Mục III" and found[0].excerpt.startswith("2.1. Từ ngày 15/8/2023 đến ngày 30/9/2023:")
