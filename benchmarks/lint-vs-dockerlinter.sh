#!/usr/bin/env bash
# dockerdsl lint against dockerlinter (hadolint's rules on npm), measured side by side in one run with
# hyperfine, on the real Dockerfiles of ../shared/corpus/real:
#   1. the whole corpus: one dockerdsl process for every file, against dockerlinter over the same files
#      (it takes one file per process);
#   2. one file, each tool started as a new process.
# dockerdsl runs as users install it: the Native AOT package (linux-x64) and the portable package on the
# .NET runtime, both installed with dotnet tool install from a local feed. Prints the means and the ratios.
#
#   benchmarks/lint-vs-dockerlinter.sh [runs]      (default 10 runs per command; needs node, npm and hyperfine)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$(cd "$root/../shared/corpus/real" && pwd)"
runs="${1:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! command -v hyperfine >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get install -y -qq hyperfine >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
  else
    echo "hyperfine is missing: sudo apt-get install -y hyperfine" >&2
    exit 2
  fi
fi

bash "$root/eng/install-linters.sh" >/dev/null
dockerlinter="$root/eng/.tools/node_modules/.bin/dockerlinter"

echo "Packing and installing dockerdsl (Release)..." >&2
feed="$work/feed"
for rid in "" "-r any" "-r linux-x64"; do
  # shellcheck disable=SC2086
  dotnet pack "$root/src/DockerDsl.Cli" -c Release $rid -o "$feed" -nologo -v q -p:PublishDir="$work/publish${rid// /}/" >&2
done
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)"
export NUGET_PACKAGES="$work/packages"
dotnet tool install DockerDsl.Cli --version "$version" --tool-path "$work/native" --add-source "$feed" >&2
dotnet tool install DockerDsl.Cli.any --version "$version" --tool-path "$work/portable" --add-source "$feed" >&2
native="$work/native/dockerdsl"
portable="$work/portable/dockerdsl"

# The file closest to the corpus median in size, so the single-file figure is a typical Dockerfile.
files=("$corpus"/*)
single="$(for f in "${files[@]}"; do printf '%s %s\n' "$(wc -c < "$f")" "$f"; done | sort -n | awk '{ a[NR] = $2 } END { print a[int((NR + 1) / 2)] }')"

cat > "$work/dockerlinter-all.sh" <<EOF
for f in "$corpus"/*; do "$dockerlinter" -f "\$f" -j -e none > /dev/null; done
EOF

bench() {
  # -i: a lint that finds something exits 1; -N: no intermediate shell for the plain commands.
  hyperfine --style basic -i -w 2 -r "$runs" --export-json "$work/$1.json" "${@:2}" >&2
}

bench corpus \
  -n "dockerdsl (Native AOT), 88 files, 1 process" "$native lint $corpus --format json" \
  -n "dockerdsl (portable), 88 files, 1 process" "$portable lint $corpus --format json" \
  -n "dockerlinter, 88 files, 88 processes" "bash $work/dockerlinter-all.sh"
bench single -N \
  -n "dockerdsl (Native AOT), 1 file" "$native lint $single --format json" \
  -n "dockerdsl (portable), 1 file" "$portable lint $single --format json" \
  -n "dockerlinter, 1 file" "$dockerlinter -f $single -j -e none"

# Means, and each dockerdsl build's time as a share of dockerlinter's (the last command of each run).
report() {
  python3 - "$work/$1.json" "$2" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
peer = results[-1]["mean"]
print(f"{sys.argv[2]}:")
for r in results:
    print(f"  {r['command']:<48} {r['mean'] * 1000:9.1f} ms ± {r['stddev'] * 1000:6.1f}   {r['mean'] / peer:6.3f}x dockerlinter")
EOF
}

echo
echo "Machine: $(nproc) cores, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg); single file: $(basename "$single") ($(wc -l < "$single") lines)"
report corpus "Whole corpus (target: dockerdsl at most 0.5x)"
report single "One file, a new process (target: dockerdsl at most 1.0x)"
