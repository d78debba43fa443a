#!/usr/bin/env bash
# Builds the UI into the directory given as $1 (Maven passes target/classes/nightwatch-ui).
# Uses the machine's Node and npm; installs dependencies only when package-lock.json changed.
set -euo pipefail
cd "$(dirname "$0")"
out="${1:-target/classes/nightwatch-ui}"
command -v npm >/dev/null || { echo "ui/build.sh: npm not found; install Node.js 20 (apt-get install nodejs npm)" >&2; exit 1; }
stamp=node_modules/.nightwatch-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
NW_UI_OUT="$out" npx vite build --logLevel warn
