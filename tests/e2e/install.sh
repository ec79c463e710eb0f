#!/usr/bin/env bash
# What the browser tests need beyond `pip install ".[test]"`: Debian's chromium (Playwright drives
# it through executable_path; `playwright install` downloads a browser and is never run).
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-dejavu-core libcairo2 >/dev/null
fi
