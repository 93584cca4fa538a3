#!/usr/bin/env bash
# Installs the external tools the cross-check tests run: dockerlinter, an npm port of hadolint's rules, with
# Debian's shellcheck, which dockerlinter calls for RUN; and dockerfile-ast, rcjsuen's Dockerfile parser (the one
# behind VS Code's Dockerfile support), read through eng/dockerfile-ast/dump.js.
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
npm install --ignore-scripts --no-audit --no-fund --loglevel=error dockerlinter@2.0.0 dockerfile-ast@0.7.1
echo "dockerlinter: $tools/node_modules/.bin/dockerlinter"
echo "dockerfile-ast: $tools/node_modules/dockerfile-ast"
