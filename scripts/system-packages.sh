#!/usr/bin/env bash
# Installs the system packages the tests use for real: PostgreSQL (the ledger suite runs on it
# too) and Debian's Chromium (Playwright drives it; Playwright's own browser download does not
# work offline). Skips apt when both are already there, so a second `make test` is quick.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "system packages: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), postgresql $(ls -d /usr/lib/postgresql/*/ | xargs -n1 basename | tail -1)"
