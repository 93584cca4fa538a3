#!/usr/bin/env bash
# Installs the external linters that the analyzer cross-check test (DockerLinterCrossCheckTests) runs:
# dockerlinter, an npm port of hadolint's rules, and Debian's shellcheck, which dockerlinter calls for RUN.
# dockerlinter's own install script downloads a shellcheck binary from a host we cannot reach, so it is
# installed with --ignore-scripts and uses the Debian package instead. Everything npm writes stays in
# eng/.tools/, which git ignores.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/eng/.tools"

if ! command -v shellcheck >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends shellcheck
  else
    echo "shellcheck is missing; install it with: sudo apt-get install -y shellcheck" >&2
  fi
fi

mkdir -p "$tools"
printf '*\n' > "$tools/.gitignore"
if [ ! -f "$tools/package.json" ]; then
  printf '{ "private": true }\n' > "$tools/package.json"
fi

cd "$tools"
npm install --ignore-scripts --no-audit --no-fund --loglevel=error dockerlinter@2.0.0
echo "dockerlinter: $tools/node_modules/.bin/dockerlinter"
