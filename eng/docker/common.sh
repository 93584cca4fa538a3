# Shared by the eng/docker scripts; source it, do not run it.
# Paths can be moved with environment variables; the defaults survive a new clone on the same
# machine, so a second run reuses the engine's images and the debootstrap cache.

DOCKER=/usr/bin/docker        # Debian's CLI: another docker may come first on PATH and lack buildx.
DOCKERD=/usr/sbin/dockerd
ENGINE_DIR=${DOCKERDSL_ENGINE_DIR:-/var/tmp/dockerdsl-engine}    # pidfile and log of the dockerd we start
CACHE_DIR=${DOCKERDSL_CACHE_DIR:-/var/cache/dockerdsl}           # debootstrap output, reused by later runs
DEBIAN_SUITE=bookworm

log() { printf '[eng/docker] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

engine_up() { "$DOCKER" info >/dev/null 2>&1; }

# The Debian mirror this machine's apt uses for $1 (default: the release suite), read from the
# apt sources (deb822 *.sources, then one-line *.list and sources.list); no host is hard-coded.
debian_mirror() {
  local suite=${1:-$DEBIAN_SUITE} uri=''
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk -v suite="$suite" '
      BEGIN { RS = ""; FS = "\n" }
      {
        types = ""; uris = ""; suites = ""; comps = ""; enabled = "yes"
        for (i = 1; i <= NF; i++) {
          line = $i
          if (line ~ /^#/) continue
          split(line, kv, ":")
          key = tolower(kv[1]); val = substr(line, length(kv[1]) + 2); gsub(/^[ \t]+|[ \t]+$/, "", val)
          if (key == "types") types = val
          else if (key == "uris") uris = val
          else if (key == "suites") suites = val
          else if (key == "components") comps = val
          else if (key == "enabled") enabled = tolower(val)
        }
        if (enabled == "no" || (" " types " ") !~ / deb / || (" " comps " ") !~ / main /) next
        if ((" " suites " ") ~ (" " suite " ")) { split(uris, u, " "); print u[1]; exit }
      }' "$f")
    [ -n "$uri" ] && break
  done
  if [ -z "$uri" ]; then
    uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | sed -E 's/\[[^]]*\]//' \
      | awk -v suite="$suite" '$1 == "deb" && $3 == suite { for (i = 4; i <= NF; i++) if ($i == "main") { print $2; exit } }')
  fi
  [ -n "$uri" ] || die "no apt source for suite '$suite' with component main in /etc/apt/sources.list{,.d}"
  printf '%s\n' "${uri%/}"
}
