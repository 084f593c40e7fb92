#!/usr/bin/env bash
# Runs the tests under another Node major version, from the `node` npm package (which ships the binary),
# installed once into a cache folder outside the repository. The machines here have only Node 20.
#   scripts/test-on-node.sh 24              # type-check, lint and every test
#   scripts/test-on-node.sh 24 tests/core   # arguments after the version go to vitest
set -euo pipefail
cd "$(dirname "$0")/.."

version="${1:?usage: scripts/test-on-node.sh <major version> [vitest arguments]}"
shift
cache="${XDG_CACHE_HOME:-$HOME/.cache}/adcs-archive/node-$version"
if [ ! -x "$cache/node_modules/node/bin/node" ]; then
  echo "Installing Node $version from the npm package \`node\` into $cache…"
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-save --no-audit --no-fund --no-package-lock "node@$version" >/dev/null
fi
bin="$(cd "$cache/node_modules/node/bin" && pwd)"
# npm and npx run under whichever `node` is first on PATH, and so do vitest's worker processes.
export PATH="$bin:$PATH"
echo "Testing on $(node --version)"
if [ "$#" -eq 0 ]; then
  npm test
else
  npx vitest run "$@"
fi
