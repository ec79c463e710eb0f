"""Word's view of a .docx we wrote: openxml-audit (a Python port of the Open XML SDK's rules, with
Word's repair behaviour) must find no error and predict no repair.

    from audit import assert_opens_in_word
    assert_opens_in_word(path)
"""

from __future__ import annotations

from openxml_audit import FileFormat, OpenXmlValidator, ValidationSeverity, predict
from openxml_audit.verdict import AppPrediction


def _validator() -> OpenXmlValidator:
    # What `openxml-audit -f microsoft365` runs; every finding, not the first thousand. A new one for
    # each file: a validator remembers ids across files and would report one file's ids in the next.
    return OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0)


def findings(path) -> list[str]:
    """Each problem Word would have with the file, one readable line each; empty when it opens clean."""
    result = _validator().validate(str(path))
    verdict = predict(result)
    lines = [
        f"{finding.part_uri} {finding.path} <{finding.node or ''}>: {finding.description}"
        for finding in result.errors
        if finding.severity is ValidationSeverity.ERROR
    ]
    if verdict.prediction is not AppPrediction.OPENS_CLEAN:
        lines.insert(0, verdict.headline)
    return lines


def assert_opens_in_word(path) -> None:
    problems = findings(path)
    assert not problems, f"{path}: Microsoft Word would not open this cleanly:\n  " + "\n  ".join(problems)
