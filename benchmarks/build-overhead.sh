#!/usr/bin/env bash
# What DockerDsl adds to an incremental `dotnet build` of the flagship sample (samples/RPlumberApi).
#
# Usage: benchmarks/build-overhead.sh [runs-per-variant]   (default 9)
#
# Three copies of the sample are built side by side in a temporary folder, in alternating order, with
# a source file touched before every build so the compiler runs each time:
#   without   the sample's project without DockerDsl: no imports, no declaration file.
#   package   DockerDsl as the NuGet package gives it: the attribute dll as a reference, the generator,
#             model and analyzer dlls as analyzers, build/DockerDsl.props/.targets with the task dll.
#             This is what users get; the <5% target is about this one.
#   in-repo   the sample's project as it is, importing eng/DockerDsl.Local.*: project references to
#             five DockerDsl projects and the task in a short-lived task host (repository plumbing).
# Each copy imports the repository's Directory.Build.props and Directory.Packages.props, as the sample
# does. The sample itself is not touched or built.
#
# Every variant is timed in two compiler modes:
#   server    the compiler server (VBCSCompiler), as `dotnet build` uses by default on a developer's
#             machine: Roslyn and the analyzers stay loaded and jitted between builds.
#   no-server a fresh csc process per build (UseSharedCompilation=false, as this machine's environment
#             sets for CI): every build pays the JIT start-up of the compiler and of every analyzer.
# A compiler server this script starts is stopped at the end (by its process id).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sample="$root/samples/RPlumberApi"
runs="${1:-9}"
config=Debug
variants=(without package in-repo)
modes=(server no-server)

work="$(mktemp -d "${TMPDIR:-/tmp}/dockerdsl-build-overhead.XXXXXX")"
servers_before=" $( (pgrep -f VBCSCompiler || true) | tr "\n" " ") "
cleanup() {
  local pid
  for pid in $(pgrep -f VBCSCompiler || true); do
    [[ "$servers_before" == *" $pid "* ]] || kill "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "Preparing (restore and first builds are not timed)..."

# The dlls the package ships, built as the package builds them.
for project in src/DockerDsl/DockerDsl.csproj generators/DockerDsl.Generators/DockerDsl.Generators.csproj \
               analyzers/DockerDsl.Analyzers/DockerDsl.Analyzers.csproj src/DockerDsl.Build/DockerDsl.Build.csproj; do
  dotnet build "$root/$project" -c Release -nologo -v:q -clp:NoSummary >/dev/null
done
lib="$root/src/DockerDsl/bin/Release/netstandard2.0"
gen="$root/generators/DockerDsl.Generators/bin/Release/netstandard2.0"
ana="$root/analyzers/DockerDsl.Analyzers/bin/Release/netstandard2.0"
task="$root/src/DockerDsl.Build/bin/Release/netstandard2.0/DockerDsl.Build.dll"

printf '<Project>\n  <Import Project="%s/Directory.Build.props" />\n</Project>\n' "$root" > "$work/Directory.Build.props"
printf '<Project>\n  <Import Project="%s/Directory.Packages.props" />\n</Project>\n' "$root" > "$work/Directory.Packages.props"

csproj="$(basename "$sample"/*.csproj)"
local_props='<Import Project="../../eng/DockerDsl.Local.props" />'
local_targets='<Import Project="../../eng/DockerDsl.Local.targets" />'
grep -qF "$local_props" "$sample/$csproj" && grep -qF "$local_targets" "$sample/$csproj" || {
  echo "error: $sample/$csproj no longer imports eng/DockerDsl.Local.props/.targets as this script expects." >&2
  exit 1
}

package_props="<Import Project=\"$root/src/DockerDsl.Build/build/DockerDsl.props\" />"
package_targets="<PropertyGroup><DockerDslTaskAssembly>$task</DockerDslTaskAssembly></PropertyGroup>
  <ItemGroup>
    <Reference Include=\"$lib/DockerDsl.dll\" />
    <Analyzer Include=\"$gen/DockerDsl.Generators.dll\" />
    <Analyzer Include=\"$gen/DockerDsl.Declarations.dll\" />
    <Analyzer Include=\"$ana/DockerDsl.Analyzers.dll\" />
  </ItemGroup>
  <Import Project=\"$root/src/DockerDsl.Build/build/DockerDsl.targets\" />"

shared() { [ "$1" = server ] && echo true || echo false; }

for variant in "${variants[@]}"; do
  dir="$work/$variant/RPlumberApi"
  mkdir -p "$dir"
  # The file touched before each build: the same in every variant.
  printf 'namespace RPlumberApi;\n\ninternal static class BuildStamp\n{\n}\n' > "$dir/BuildStamp.cs"
  case "$variant" in
    without)
      grep -vF -e "$local_props" -e "$local_targets" "$sample/$csproj" > "$dir/$csproj"
      ;;
    package)
      cp "$sample"/*.cs "$dir/" && cp -r "$sample/app" "$dir/"
      awk -v props="$package_props" -v targets="$package_targets" -v p="$local_props" -v t="$local_targets" \
        'index($0, p) { sub(/<Import.*/, props) } index($0, t) { sub(/<Import.*/, targets) } { print }' \
        "$sample/$csproj" > "$dir/$csproj"
      ;;
    in-repo)
      cp "$sample"/*.cs "$dir/" && cp -r "$sample/app" "$dir/"
      sed "s#\.\./\.\./eng/#$root/eng/#g" "$sample/$csproj" > "$dir/$csproj"
      ;;
  esac
  dotnet restore "$dir/$csproj" -nologo -v:q >/dev/null
  for mode in "${modes[@]}"; do
    touch "$dir/BuildStamp.cs"
    dotnet build "$dir/$csproj" --no-restore -c "$config" -nologo -v:q -clp:NoSummary -p:UseSharedCompilation="$(shared "$mode")" >/dev/null
  done
done

# The compiler's own account of DockerDsl's time (-p:ReportAnalyzer=true). That switch makes the build
# use the command-line compiler, so it includes JIT start-up: the no-server case, shown for scale.
pkg_dir="$work/package/RPlumberApi"
touch "$pkg_dir/BuildStamp.cs"
dotnet build "$pkg_dir/$csproj" --no-restore -c "$config" -nologo -v:d -p:ReportAnalyzer=true > "$work/report.log"
[ -f "$pkg_dir/Dockerfile" ] || { echo "error: the package variant wrote no Dockerfile: DockerDsl did not run." >&2; exit 1; }
[ ! -f "$work/without/RPlumberApi/Dockerfile" ] || { echo "error: the variant without DockerDsl wrote a Dockerfile." >&2; exit 1; }

declare -A times csc task
build_once() {
  local mode="$1" variant="$2" dir="$work/$2/RPlumberApi" start end log="$work/build.log"
  touch "$dir/BuildStamp.cs"
  start=$(date +%s%N)
  dotnet build "$dir/$csproj" --no-restore -c "$config" -nologo -v:q -clp:PerformanceSummary -p:UseSharedCompilation="$(shared "$mode")" > "$log"
  end=$(date +%s%N)
  times[$mode/$variant]+="$(( (end - start) / 1000000 )) "
  # From MSBuild's task performance summary: the compiler, and DockerDsl's task (0 when absent).
  csc[$mode/$variant]+="$(awk '$2 == "ms" && $3 == "Csc" { print $1 }' "$log" | tail -1) "
  task[$mode/$variant]+="$(awk '$2 == "ms" && $3 == "DockerDsl.Build.WriteDockerfiles" { t = $1 } END { print t + 0 }' "$log") "
}

echo "Timing $runs incremental builds per variant and mode, alternating..."
for mode in "${modes[@]}"; do
  # The in-repo variant only shows what the repository's project references cost: one mode is enough.
  if [ "$mode" = server ]; then timed=("${variants[@]}"); else timed=(without package); fi
  for ((i = 0; i < runs; i++)); do
    if (( i % 2 == 0 )); then order=("${timed[@]}"); else order=($(printf '%s\n' "${timed[@]}" | tac)); fi
    for variant in "${order[@]}"; do build_once "$mode" "$variant"; done
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
percent() { awk -v m="$1" -v b="$2" 'BEGIN { printf "%+.1f%%", (m / b - 1) * 100 }'; }

echo
echo "Incremental dotnet build of samples/RPlumberApi (--no-restore, -c $config, one source file touched)"
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); .NET SDK $(dotnet --version)"
echo
echo "| Compiler | Variant | Median wall time | Ratio to without | Added | Median Csc task | Median DockerDsl task | Wall times (ms) |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |"
for mode in "${modes[@]}"; do
  base=$(echo "${times[$mode/without]}" | median)
  for variant in "${variants[@]}"; do
    [ -n "${times[$mode/$variant]:-}" ] || continue
    m=$(echo "${times[$mode/$variant]}" | median)
    ratio=$(awk -v m="$m" -v b="$base" 'BEGIN { printf "%.3f", m / b }')
    echo "| $mode | $variant | $m ms | $ratio ($(percent "$m" "$base")) | $(( m - base )) ms | $(echo "${csc[$mode/$variant]}" | median) ms | $(echo "${task[$mode/$variant]}" | median) ms | ${times[$mode/$variant]% } |"
  done
done
echo
echo "Compiler's account of one package build without the server, JIT included (ReportAnalyzer):"
grep -E "Total (analyzer|generator) execution time:|^ +[<0-9.]+ +[<0-9]+ +DockerDsl\.(Analyzers|Generators), Version" "$work/report.log" \
  | sed -E 's/^ +/  /; s/, Version=[^ ]*//' || true

echo
for mode in "${modes[@]}"; do
  m=$(echo "${times[$mode/package]}" | median)
  b=$(echo "${times[$mode/without]}" | median)
  # Less exposed to other load on the machine than the wall times: the compiler's extra time plus the task's.
  added=$(( $(echo "${csc[$mode/package]}" | median) - $(echo "${csc[$mode/without]}" | median) + $(echo "${task[$mode/package]}" | median) ))
  awk -v m="$m" -v b="$b" -v a="$added" -v mode="$mode" 'BEGIN {
    overhead = (m / b - 1) * 100
    printf "Target: DockerDsl (package, %s) adds under 5%% to an incremental build: wall time %+.1f%%, %s", mode, overhead, overhead < 5 ? "met" : "missed"
    printf " (compiler and task time added: %d ms, %+.1f%% of the build without DockerDsl).\n", a, a / b * 100
  }'
done
