#!/usr/bin/env bash
# Measures the seed write-up's claims on the flagship sample (samples/RPlumberApi), side by side in
# one run, on the local BuildKit engine (eng/docker/setup-engine.sh). Run on demand, not in tests:
#
#   benchmarks/docker/seed-claims.sh            # REPEAT=3 rebuilds per case (median reported)
#
# What it builds (in a scratch copy of the build context, so the repository is never modified):
#   ccache     the Dockerfile `dotnet build samples/RPlumberApi -p:DockerDslSyntax=none` writes
#   no-ccache  the same file with the three lines [Ccache] adds removed by sed (ENV CCACHE_DIR,
#              ENV PATH=/usr/lib/ccache:..., and the /ccache cache mount of the RUN); checked to
#              differ from it in exactly those lines
#   no-strip   the same file without the [StripDebugSymbols] RUN line (for the .so sizes)
#   naive      benchmarks/docker/naive.Dockerfile, single-stage.Dockerfile (image sizes)
#
# Measurements:
#   cold       --no-cache, which on this engine (Docker 26.1, buildx 0.13) also starts every cache
#              mount empty (apt and ccache) and then keeps the new one: it empties the apt caches of
#              other builds on the engine too
#   rebuilds   after a one-function change to one C++ file of the package; after a change to the
#              package's R code only; after a change to the API's R code only. Each case REPEAT
#              times with a new change every time (never a change ccache has seen), median and range;
#              whole `docker build` wall time and the R CMD INSTALL step's own time (BuildKit's DONE),
#              and ccache's hit/miss counts for the ccache variant
#   .so sizes  the package's shared objects in the packages stage, unstripped vs stripped, with the
#              share of DWARF (.debug_*) sections
#   image size the generated image vs the naive and careful single-stage Dockerfiles
# Prints a Markdown table (also written to $WORK/results.md) to paste into docs/performance.md.
# Every image it builds is removed by ID at the end; the build cache stays (warm for later runs).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=../../eng/docker/common.sh
. "$repo/eng/docker/common.sh"

REPEAT=${REPEAT:-3}
WORK=${WORK:-$(mktemp -d /var/tmp/dockerdsl-seed-claims.XXXXXX)}
export DOCKER_BUILDKIT=1
engine_up || die "no Docker engine answers: run eng/docker/setup-engine.sh"

ctx=$WORK/context
logs=$WORK/logs
mkdir -p "$logs"
# Every image this run builds has an .iid file in $WORK: removed by ID at the end.
cleanup() {
  local f
  for f in "$WORK"/*.iid; do
    [ -s "$f" ] && "$DOCKER" image rm --force "$(cat "$f")" >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

say() { printf '[seed-claims %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# --- inputs -----------------------------------------------------------------------------------
say "work folder $WORK"
say "generating the flagship Dockerfile (dotnet build -p:DockerDslSyntax=none)"
dotnet build "$repo/samples/RPlumberApi/RPlumberApi.csproj" -nologo -v:q \
  -p:DockerDslSyntax=none -p:DockerDslBakeFile=none "-p:DockerDslOutputDirectory=$WORK/generated" > "$logs/dotnet-build.log" 2>&1 \
  || { tail -n 30 "$logs/dotnet-build.log" >&2; die "dotnet build failed"; }
df_ccache=$WORK/generated/Dockerfile

df_noccache=$WORK/no-ccache.Dockerfile
sed -E -e '/^ENV CCACHE_[A-Z]+=/d' \
       -e '/^ENV PATH="\/usr\/lib\/ccache:\$\{PATH\}"$/d' \
       -e 's#^RUN --mount=type=cache,target=/ccache,[^ ]* \\$#RUN \\#' \
       -e '/^ +--mount=type=cache,target=\/ccache,[^ ]* \\$/d' \
       "$df_ccache" > "$df_noccache"
removed=$(diff "$df_ccache" "$df_noccache" | grep -c '^<' || true)
grep -qE 'CCACHE_|/usr/lib/ccache|target=/ccache' "$df_noccache" && die "no-ccache variant still uses ccache: $df_noccache"
[ "$removed" -eq 3 ] || die "expected the no-ccache variant to differ in 3 lines, it differs in $removed (see $df_noccache)"

df_nostrip=$WORK/no-strip.Dockerfile
grep -vE "^RUN find '/opt/rlib' .*strip --strip-debug" "$df_ccache" > "$df_nostrip"
[ "$(diff "$df_ccache" "$df_nostrip" | grep -c '^<' || true)" -eq 1 ] || die "no-strip variant: the strip line was not found once"

# A scratch copy of the build context: the benchmark edits sources here, never in the repository.
# The generated Dockerfile.dockerignore serves every variant: as the context's .dockerignore, and
# next to each variant's Dockerfile (BuildKit prefers <Dockerfile>.dockerignore).
mkdir -p "$ctx"
cp -a "$repo/samples/RPlumberApi/app" "$ctx/"
rm -f "$ctx"/app/rpkg/src/*.o "$ctx"/app/rpkg/src/*.so
if [ -f "$df_ccache.dockerignore" ]; then
  cp "$df_ccache.dockerignore" "$ctx/.dockerignore"
  cp "$df_ccache.dockerignore" "$df_noccache.dockerignore"
  cp "$df_ccache.dockerignore" "$df_nostrip.dockerignore"
fi

# --- helpers ----------------------------------------------------------------------------------
# build NAME DOCKERFILE [docker build options...]: builds and sets WALL (seconds) and INSTALL (the
# R CMD INSTALL step's own seconds from BuildKit's DONE line, "cached", or "-" when there is none).
build() {
  local name=$1 dockerfile=$2
  shift 2
  local log=$logs/$name.log t0 t1
  t0=$(now)
  "$DOCKER" build --progress=plain --file "$dockerfile" --iidfile "$WORK/$name.iid" "$@" "$ctx" > "$log" 2>&1 \
    || { tail -n 40 "$log" >&2; die "build $name failed (log $log)"; }
  t1=$(now)
  WALL=$(secs "$t0" "$t1")
  INSTALL=$(awk '
    /^#[0-9]+ \[/ && /R CMD INSTALL/ { step = $1 }
    step != "" && $1 == step && $2 == "DONE" { sub(/s$/, "", $3); print $3; found = 1 }
    step != "" && $1 == step && $2 == "CACHED" { print "cached"; found = 1 }
    END { if (!found) print "-" }' "$log" | tail -n 1)
}

image_id() { cat "$WORK/$1.iid"; }

# ccache statistics of the shared /ccache cache mount, through a throw-away build on the packages
# stage image (which has ccache). `zero` resets them; `show` prints "hits misses".
ccache_stats() {
  local action=$1 helper=$WORK/ccache-$1.Dockerfile cmd
  if [ "$action" = zero ]; then cmd='ccache --zero-stats'; else cmd='ccache --print-stats'; fi
  # Not --no-cache: on this engine that also starts every cache mount empty (and keeps the empty one).
  # A new nonce each time makes the step run anyway.
  cat > "$helper" <<EOF
FROM $bench_tag
RUN --mount=type=cache,target=/ccache,id=ccache,sharing=locked CCACHE_DIR=/ccache $cmd && echo nonce $(date +%s%N)
EOF
  "$DOCKER" build --progress=plain --file "$helper" --iidfile "$WORK/ccache-$action.iid" "$WORK" \
    > "$logs/ccache-$action.log" 2>&1 || die "ccache statistics build failed (log $logs/ccache-$action.log)"
  "$DOCKER" image rm --force "$(cat "$WORK/ccache-$action.iid")" > /dev/null
  if [ "$action" = show ]; then
    read -r HITS MISSES < <(awk '
      $3 == "direct_cache_hit" || $3 == "preprocessed_cache_hit" { hit += $4 }
      $3 == "cache_miss" { miss += $4 }
      END { printf "%d %d\n", hit, miss }' "$logs/ccache-show.log")
  fi
}

median() { tr ' ' '\n' | { grep -E '^[0-9.]+$' || true; } | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit } m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m }'; }
median3() { tr ' ' '\n' | { grep -E '^[0-9.]+$' || true; } | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit } m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f", m }'; }
range() { tr ' ' '\n' | { grep -E '^[0-9.]+$' || true; } | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { if (NR) printf "%.1f-%.1f", lo, hi; else print "-" }'; }

# Each change is new to every cache (layer cache and ccache), also across runs: a run id is part of it.
run_id=$(date +%s)
change_cpp() { printf '\nint dockerdsl_bench_touch_%s() { return %s; }\n' "$1" "$2" >> "$ctx/app/rpkg/src/rolling.cpp"; }
change_pkg_r() { printf '\ndockerdsl_bench_touch_%s <- function() %sL\n' "$1" "$2" >> "$ctx/app/rpkg/R/plumberstats.R"; }
change_api_r() { printf '\n# dockerdsl benchmark change %s\n' "$1" >> "$ctx/app/api/plumber.R"; }

# --- machine ----------------------------------------------------------------------------------
engine=$("$DOCKER" version --format '{{.Server.Version}}')
buildx=$("$DOCKER" buildx version | awk '{ print $2 }')
say "engine $engine, buildx $buildx, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# --- 1. cold builds -----------------------------------------------------------------------------
declare -A r
for variant in ccache no-ccache; do
  df=$df_ccache; [ "$variant" = no-ccache ] && df=$df_noccache
  say "cold build, $variant (--no-cache)"
  build "cold-$variant" "$df" --no-cache
  r[cold-$variant]=$WALL; r[cold-install-$variant]=$INSTALL
  say "  $WALL s (R CMD INSTALL $INSTALL s)"
done
load_after_cold=$(cut -d' ' -f1 /proc/loadavg)

# The packages stage of the ccache variant, for the ccache statistics helper.
build packages-ccache "$df_ccache" --target packages
bench_tag=dockerdsl-bench/packages-ccache:$$
"$DOCKER" tag "$(image_id packages-ccache)" "$bench_tag"

# --- 2. rebuilds --------------------------------------------------------------------------------
# Interleaved: every change is built by the ccache variant and then by the no-ccache variant, so
# both see the same sources and about the same machine load (the machine is shared).
build warm-ccache "$df_ccache"
build warm-no-ccache "$df_noccache"
n=0
for case in cpp pkg_r api_r; do
  declare -a w_cc=() w_no=() i_cc=() i_no=() ratios=()
  hits_seen=""
  for i in $(seq 1 "$REPEAT"); do
    n=$((n + 1))
    "change_$case" "${run_id}_$n" "$n"
    ccache_stats zero
    build "rebuild-ccache-$case-$i" "$df_ccache"
    w_cc+=("$WALL"); i_cc+=("$INSTALL")
    ccache_stats show
    hits_seen+="${hits_seen:+, }$HITS/$((HITS + MISSES))"
    say "rebuild after $case change $i, ccache: $WALL s (R CMD INSTALL $INSTALL s; ccache hits $HITS, misses $MISSES)"
    cc_wall=$WALL
    build "rebuild-no-ccache-$case-$i" "$df_noccache"
    w_no+=("$WALL"); i_no+=("$INSTALL")
    ratios+=("$(awk -v a="$cc_wall" -v b="$WALL" 'BEGIN { printf "%.3f", a / b }')")
    say "rebuild after $case change $i, no ccache: $WALL s (R CMD INSTALL $INSTALL s)"
  done
  r[ccache-$case]=$(echo "${w_cc[*]}" | median); r[ccache-$case-range]=$(echo "${w_cc[*]}" | range)
  r[ccache-$case-install]=$(echo "${i_cc[*]}" | median)
  r[no-ccache-$case]=$(echo "${w_no[*]}" | median); r[no-ccache-$case-range]=$(echo "${w_no[*]}" | range)
  r[no-ccache-$case-install]=$(echo "${i_no[*]}" | median)
  r[ratio-$case]=$(echo "${ratios[*]}" | median3)
  r[ccache-$case-ccache]="ccache hits $hits_seen"
done

# --- 3. shared object sizes -----------------------------------------------------------------------
say "shared objects: packages stage with and without [StripDebugSymbols]"
build packages-nostrip "$df_nostrip" --target packages
so_report() {
  # Prints "total-bytes debug-section-bytes" over the package's shared objects (readelf from binutils,
  # which the packages stage installs; section sizes are hex, summed by the shell).
  "$DOCKER" run --rm --entrypoint sh "$(image_id "$1")" -c '
    total=0; debug=0
    for f in $(find /opt/rlib -type f \( -name "*.so" -o -name "*.so.*" \)); do
      total=$((total + $(stat -c %s "$f")))
      for hex in $(readelf -S -W "$f" | sed -n "s/^ *\[ *[0-9]*\] *\(\.debug_[^ ]*\) *[A-Z_]* *[0-9a-f]* *[0-9a-f]* *\([0-9a-f]*\) .*/\2/p"); do
        debug=$((debug + 0x$hex))
      done
    done
    echo "$total $debug"'
}
read -r so_unstripped so_unstripped_debug < <(so_report packages-nostrip)
read -r so_stripped so_stripped_debug < <(so_report packages-ccache)

# --- 4. image sizes -------------------------------------------------------------------------------
say "image sizes: generated vs single-stage Dockerfiles"
build size-naive "$here/naive.Dockerfile"
build size-single-stage "$here/single-stage.Dockerfile"
size() { "$DOCKER" image inspect --format '{{.Size}}' "$(image_id "$1")"; }
img_generated=$(size warm-ccache)
img_naive=$(size size-naive)
img_single=$(size size-single-stage)

# --- report ---------------------------------------------------------------------------------------
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0 || a == "-" || b == "-") print "-"; else printf "%.0f%%", 100 * (1 - a / b) }'; }
step_or_cached() { if [ "$1" = - ]; then echo "step cached"; else echo "$1 s"; fi; }
ratio_pct() { awk -v r="$1" 'BEGIN { if (r == "-") print "-"; else printf "%.0f%%", 100 * (1 - r) }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
kb() { awk -v b="$1" 'BEGIN { printf "%.0f KB", b / 1e3 }'; }

{
  echo "Engine: Docker $engine (BuildKit, buildx $buildx), $(nproc) cores shared; load average after the cold builds $load_after_cold. Rebuilds: median of $REPEAT (range), wall time of \`docker build\`; in brackets the R CMD INSTALL step alone. Saving: median of the paired (same change, built back to back) ratios."
  echo
  echo "| measurement | ccache ([Ccache], generated) | no ccache (same Dockerfile, ccache lines removed) | saving |"
  echo "| --- | --- | --- | --- |"
  echo "| cold build (--no-cache: empty apt and ccache mounts too) | ${r[cold-ccache]} s [${r[cold-install-ccache]} s] | ${r[cold-no-ccache]} s [${r[cold-install-no-ccache]} s] | $(pct "${r[cold-ccache]}" "${r[cold-no-ccache]}") |"
  echo "| rebuild after changing one C++ file | ${r[ccache-cpp]} s (${r[ccache-cpp-range]}) [${r[ccache-cpp-install]} s; ${r[ccache-cpp-ccache]}] | ${r[no-ccache-cpp]} s (${r[no-ccache-cpp-range]}) [${r[no-ccache-cpp-install]} s] | $(ratio_pct "${r[ratio-cpp]}") (step $(pct "${r[ccache-cpp-install]}" "${r[no-ccache-cpp-install]}")) |"
  echo "| rebuild after changing the package's R code only | ${r[ccache-pkg_r]} s (${r[ccache-pkg_r-range]}) [${r[ccache-pkg_r-install]} s; ${r[ccache-pkg_r-ccache]}] | ${r[no-ccache-pkg_r]} s (${r[no-ccache-pkg_r-range]}) [${r[no-ccache-pkg_r-install]} s] | $(ratio_pct "${r[ratio-pkg_r]}") (step $(pct "${r[ccache-pkg_r-install]}" "${r[no-ccache-pkg_r-install]}")) |"
  echo "| rebuild after changing the API's R code only | ${r[ccache-api_r]} s (${r[ccache-api_r-range]}) [$(step_or_cached "${r[ccache-api_r-install]}")] | ${r[no-ccache-api_r]} s (${r[no-ccache-api_r-range]}) [$(step_or_cached "${r[no-ccache-api_r-install]}")] | $(ratio_pct "${r[ratio-api_r]}") |"
  echo
  echo "| size | value | compared with | saving |"
  echo "| --- | --- | --- | --- |"
  echo "| package .so files, stripped (--strip-debug) | $(kb "$so_stripped") | unstripped $(kb "$so_unstripped") (of which DWARF .debug_* sections $(kb "$so_unstripped_debug"); after stripping $(kb "$so_stripped_debug")) | $(pct "$so_stripped" "$so_unstripped") |"
  echo "| final image (generated, 3 stages) | $(mb "$img_generated") | naive single stage $(mb "$img_naive") | $(pct "$img_generated" "$img_naive") |"
  echo "| final image (generated, 3 stages) | $(mb "$img_generated") | careful single stage (no recommends, stripped; toolchain stays) $(mb "$img_single") | $(pct "$img_generated" "$img_single") |"
} | tee "$WORK/results.md"
say "results: $WORK/results.md, logs: $logs"
