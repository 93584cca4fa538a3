#!/usr/bin/env bash
# Builds the base images the samples start FROM, locally: no image registry is reachable here.
# Idempotent: an image that exists is left alone; the debootstrap output is cached in
# $DOCKERDSL_CACHE_DIR, so a new clone on the same machine imports it again in seconds.
#
#   debian:bookworm-slim                  debootstrap --variant=minbase bookworm from this machine's
#                                         apt mirror, with the slim image's apt/dpkg settings
#   busybox:1.35                          FROM scratch: the static busybox of Debian's busybox-static
#                                         package (1.35.0), its applets linked in /bin, and the
#                                         /etc/passwd, group and shadow of the upstream image (buildroot's)
#   mcr.microsoft.com/dotnet/runtime-deps:10.0   stand-ins made from the host's .NET 10, with the
#   mcr.microsoft.com/dotnet/aspnet:10.0         real images' `app` user (uid/gid 1654), APP_UID and
#   mcr.microsoft.com/dotnet/sdk:10.0            ports; only what the samples need (see docs/end-to-end.md)
#
# Needs a running engine (eng/docker/setup-engine.sh). DOCKERDSL_REBUILD_BASE_IMAGES=1 rebuilds the
# images (the debootstrap cache is still reused; delete $DOCKERDSL_CACHE_DIR to redo it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=common.sh
. "$here/common.sh"

engine_up || die "no Docker engine answers: run eng/docker/setup-engine.sh"
rebuild=${DOCKERDSL_REBUILD_BASE_IMAGES:-0}
has_image() { [ "$rebuild" != 1 ] && "$DOCKER" image inspect "$1" >/dev/null 2>&1; }
export DOCKER_BUILDKIT=1

# --- debian:bookworm-slim ---------------------------------------------------------------------
debian_image=debian:$DEBIAN_SUITE-slim
rootfs_tar=$CACHE_DIR/debian-$DEBIAN_SUITE-minbase-$(dpkg --print-architecture).tar

make_rootfs() {
  local mirror security root
  mirror=$(debian_mirror "$DEBIAN_SUITE")
  security=$(debian_mirror "$DEBIAN_SUITE-security" 2>/dev/null || true)
  root=$(mktemp -d "$CACHE_DIR/rootfs.XXXXXX")
  log "$debian_image: debootstrap --variant=minbase $DEBIAN_SUITE from $mirror (a few minutes)"
  debootstrap --variant=minbase "$DEBIAN_SUITE" "$root" "$mirror" > "$CACHE_DIR/debootstrap.log" 2>&1 \
    || { tail -n 20 "$CACHE_DIR/debootstrap.log" >&2; die "debootstrap failed; log: $CACHE_DIR/debootstrap.log"; }

  # What the official slim image sets: the same apt sources layout, apt lists and caches cleaned
  # after every apt run, no docs or man pages, no recommends.
  rm -f "$root/etc/apt/sources.list"
  {
    printf 'Types: deb\nURIs: %s\nSuites: %s %s-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$mirror" "$DEBIAN_SUITE" "$DEBIAN_SUITE"
    if [ -n "$security" ]; then
      printf '\nTypes: deb\nURIs: %s\nSuites: %s-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        "$security" "$DEBIAN_SUITE"
    fi
  } > "$root/etc/apt/sources.list.d/debian.sources"
  cat > "$root/etc/apt/apt.conf.d/docker-clean" <<'CONF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CONF
  printf 'Acquire::GzipIndexes "true";\nAcquire::CompressionTypes::Order:: "gz";\n' > "$root/etc/apt/apt.conf.d/docker-gzip-indexes"
  printf 'APT::AutoRemove::SuggestsImportant "false";\n' > "$root/etc/apt/apt.conf.d/docker-autoremove-suggests"
  printf 'Acquire::Languages "none";\n' > "$root/etc/apt/apt.conf.d/docker-no-languages"
  cat > "$root/etc/dpkg/dpkg.cfg.d/docker" <<'CONF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
CONF
  rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/var/lib/apt/lists/* \
    "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb "$root"/var/log/*.log "$root"/tmp/*
  find "$root/usr/share/doc" -mindepth 2 ! -name copyright ! -type d -delete 2>/dev/null || true
  find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} + 2>/dev/null || true
  : > "$root/etc/resolv.conf"; : > "$root/etc/hostname"; rm -f "$root/etc/machine-id"; : > "$root/etc/machine-id"

  tar --numeric-owner --xattrs -C "$root" -cf "$rootfs_tar.tmp" .
  mv "$rootfs_tar.tmp" "$rootfs_tar"
  rm -rf "$root"
}

if has_image "$debian_image"; then
  log "$debian_image: present"
else
  mkdir -p "$CACHE_DIR"
  if [ -s "$rootfs_tar" ]; then
    log "$debian_image: reusing cached root file system $rootfs_tar"
  else
    make_rootfs
  fi
  "$DOCKER" import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' \
    "$rootfs_tar" "$debian_image" >/dev/null
  log "$debian_image: imported ($("$DOCKER" image inspect -f '{{.Size}}' "$debian_image") bytes)"
fi

# --- busybox:1.35 --------------------------------------------------------------------------------
# The upstream image (docker-library/busybox, Dockerfile.builder) is FROM scratch with one static
# busybox, every applet installed as a link in /bin, buildroot's skeleton /etc/passwd, group and
# shadow (root's password locked), the homes they name, /usr/bin/env, and CMD ["sh"]. Debian's
# busybox-static 1.35.0 stands in for the 1.35 build; its applet set is Debian's configuration
# (it has httpd, wget and nologin, and no adduser/addgroup).
busybox_image=busybox:1.35
busybox_tar=$CACHE_DIR/busybox-1.35-$(dpkg --print-architecture).tar

make_busybox_rootfs() {
  local work root deb version
  work=$(mktemp -d "$CACHE_DIR/busybox.XXXXXX")
  ( cd "$work" && { apt-get download busybox-static >/dev/null 2>&1 \
      || { apt-get update >/dev/null 2>&1 && apt-get download busybox-static >/dev/null 2>&1; }; } ) \
    || die "apt-get download busybox-static failed"
  deb=$(ls "$work"/busybox-static_*.deb)
  version=$(dpkg-deb -f "$deb" Version)
  [[ $version == *:1.35.* || $version == 1.35.* ]] || log "$busybox_image: Debian's busybox-static is $version, not 1.35"
  dpkg-deb -x "$deb" "$work/deb"
  root=$work/rootfs
  mkdir -p "$root/bin" "$root/etc" "$root/usr/bin" "$root/root" "$root/tmp" "$root/var/www" "$root/home" \
    "$root/dev" "$root/proc" "$root/sys" "$root/var/spool/mail"
  cp "$work/deb/bin/busybox" "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [ "$applet" = busybox ] || ln "$root/bin/busybox" "$root/bin/$applet"
  done
  ln -s ../../bin/env "$root/usr/bin/env"
  chmod 1777 "$root/tmp"; chmod 700 "$root/root"
  cat > "$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
PASSWD
  cat > "$root/etc/group" <<'GROUP'
root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
kmem:x:9:
wheel:x:10:root
cdrom:x:11:
dialout:x:18:
floppy:x:19:
video:x:28:
audio:x:29:
tape:x:32:
www-data:x:33:
operator:x:37:
utmp:x:43:
plugdev:x:46:
staff:x:50:
lock:x:54:
netdev:x:82:
users:x:100:
nogroup:x:65534:
GROUP
  awk -F: '{ print $1 ":*:::::::" }' "$root/etc/passwd" > "$root/etc/shadow"
  chmod 600 "$root/etc/shadow"
  chown 1:1 "$root/usr/sbin" 2>/dev/null || true
  chown 33:33 "$root/var/www"; chown 8:8 "$root/var/spool/mail"
  tar --numeric-owner -C "$root" -cf "$busybox_tar.tmp" .
  mv "$busybox_tar.tmp" "$busybox_tar"
  rm -rf "$work"
}

if has_image "$busybox_image"; then
  log "$busybox_image: present"
else
  mkdir -p "$CACHE_DIR"
  if [ -s "$busybox_tar" ]; then
    log "$busybox_image: reusing cached root file system $busybox_tar"
  else
    make_busybox_rootfs
  fi
  "$DOCKER" import --change 'CMD ["sh"]' "$busybox_tar" "$busybox_image" >/dev/null
  log "$busybox_image: imported ($("$DOCKER" image inspect -f '{{.Size}}' "$busybox_image") bytes)"
fi

# --- .NET stand-ins -----------------------------------------------------------------------------
# Built from the host's .NET 10 (the runtime and ASP.NET Core shared frameworks, and the SDK with its
# packs), on the Debian base above. The real images are Ubuntu-based for .NET 10; what the samples
# rely on is the same: /usr/share/dotnet, /usr/bin/dotnet, user `app` 1654:1654, APP_UID, port 8080.
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
sdk_version=$(dotnet --version)
runtime_version=$(ls "$dotnet_root/shared/Microsoft.NETCore.App" | grep -E '^10\.' | sort -V | tail -n 1)
aspnet_version=$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | grep -E '^10\.' | sort -V | tail -n 1)
[ -n "$runtime_version" ] && [ -n "$aspnet_version" ] && [[ $sdk_version == 10.* ]] \
  || die ".NET 10 SDK, runtime and ASP.NET Core runtime are needed on the host (found SDK $sdk_version in $dotnet_root)"

mcr=mcr.microsoft.com/dotnet
need_dotnet=0
for image in runtime-deps aspnet sdk; do has_image "$mcr/$image:10.0" || need_dotnet=1; done
if [ "$need_dotnet" -eq 0 ]; then
  log "$mcr/{runtime-deps,aspnet,sdk}:10.0: present"
  exit 0
fi

ctx=$(mktemp -d /var/tmp/dockerdsl-dotnet-ctx.XXXXXX)
trap 'rm -rf "$ctx"' EXIT
log "$mcr stand-ins: .NET SDK $sdk_version, runtime $runtime_version, ASP.NET Core $aspnet_version from $dotnet_root"
# Hard links where possible (same file system), so the context costs no copy.
link_or_copy() { mkdir -p "$2"; cp -al "$1" "$2/" 2>/dev/null || cp -a "$1" "$2/"; }
link_or_copy "$dotnet_root/dotnet" "$ctx/runtime"
link_or_copy "$dotnet_root/host" "$ctx/runtime"
link_or_copy "$dotnet_root/shared/Microsoft.NETCore.App/$runtime_version" "$ctx/runtime/shared/Microsoft.NETCore.App"
link_or_copy "$dotnet_root/shared/Microsoft.AspNetCore.App/$aspnet_version" "$ctx/aspnet/shared/Microsoft.AspNetCore.App"
link_or_copy "$dotnet_root/sdk/$sdk_version" "$ctx/sdk/sdk"
for d in packs sdk-manifests templates; do
  [ -d "$dotnet_root/$d" ] && link_or_copy "$dotnet_root/$d" "$ctx/sdk"
done

cat > "$ctx/Dockerfile" <<DOCKERFILE
FROM $debian_image AS runtime-deps
# The libraries .NET needs (as the real runtime-deps image: no curl, no shell tools beyond the base).
RUN apt-get update \\
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\
        ca-certificates libc6 libgcc-s1 libicu72 libssl3 libstdc++6 tzdata zlib1g \\
    && rm -rf /var/lib/apt/lists/*
ENV APP_UID=1654 \\
    ASPNETCORE_HTTP_PORTS=8080 \\
    DOTNET_RUNNING_IN_CONTAINER=true
RUN groupadd --gid=\$APP_UID app \\
    && useradd --no-log-init --uid=\$APP_UID --gid=\$APP_UID --create-home app

FROM runtime-deps AS aspnet
ENV DOTNET_VERSION=$runtime_version \\
    ASPNET_VERSION=$aspnet_version
COPY runtime/ /usr/share/dotnet/
COPY aspnet/ /usr/share/dotnet/
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet && dotnet --info >/dev/null

FROM aspnet AS sdk
ENV DOTNET_GENERATE_ASPNET_CERTIFICATE=false \\
    DOTNET_NOLOGO=true \\
    DOTNET_SDK_VERSION=$sdk_version \\
    DOTNET_USE_POLLING_FILE_WATCHER=true \\
    NUGET_XMLDOC_MODE=skip \\
    DOTNET_CLI_TELEMETRY_OPTOUT=1
COPY sdk/ /usr/share/dotnet/
RUN dotnet --version
DOCKERFILE

for image in runtime-deps aspnet sdk; do
  "$DOCKER" build -q --target "$image" -t "$mcr/$image:10.0" "$ctx" >/dev/null \
    || die "building the stand-in $mcr/$image:10.0 failed"
  log "$mcr/$image:10.0: built ($("$DOCKER" image inspect -f '{{.Size}}' "$mcr/$image:10.0") bytes)"
done
