#!/usr/bin/env bash
# Installs Ghost (its npm tarball) into a cache folder outside the project's node_modules, for the
# publishing tests. Ghost cannot be a dependency of another package (it points at tarballs inside
# itself), so it gets its own folder; a finished install is marked and reused by the next run.
# Needs: node 20, npm, python3, make, g++ (apt: build-essential python3), Node headers
# (/usr/include/node) so the native sqlite3 and re2 build from source when no prebuilt binary downloads.
# Env: GHOST_VERSION (5.130.4, the newest 5.x on Node 20)  GHOST_INSTALL_DIR (cache folder, keyed by version)
set -euo pipefail
GHOST_VERSION=${GHOST_VERSION:-5.130.4}
GHOST_INSTALL_DIR=${GHOST_INSTALL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/newsdesk/ghost-$GHOST_VERSION}
MARK="$GHOST_INSTALL_DIR/.newsdesk-installed"
if [ -f "$MARK" ] && [ "$(cat "$MARK")" = "$GHOST_VERSION $(node -v)" ]; then
  echo "ghost-install: Ghost $GHOST_VERSION already installed in $GHOST_INSTALL_DIR"; exit 0
fi
NODEDIR=${NODEDIR:-$(dirname "$(dirname "$(command -v node)")")}   # /usr/bin/node -> /usr
[ -f "$NODEDIR/include/node/common.gypi" ] || { echo "ghost-install: no Node headers under $NODEDIR/include/node" >&2; exit 1; }
for b in python3 make g++; do command -v "$b" >/dev/null || { echo "ghost-install: missing $b (apt-get install build-essential python3)" >&2; exit 1; }; done
# Build next to the target, then rename: an interrupted install never looks finished.
mkdir -p "$(dirname "$GHOST_INSTALL_DIR")"
tmp=$(mktemp -d "$(dirname "$GHOST_INSTALL_DIR")/.ghost-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && npm pack "ghost@$GHOST_VERSION" >/dev/null && tar xzf "ghost-$GHOST_VERSION.tgz" )
cd "$tmp/package"
# devDependencies include a GitHub tarball (mock-knex) that npm would still resolve: drop them.
node -e 'const f="package.json",fs=require("fs"),p=JSON.parse(fs.readFileSync(f));delete p.devDependencies;fs.writeFileSync(f,JSON.stringify(p,null,2))'
# bookshelf@1.2.0 has a peer dependency on an old knex; Ghost itself uses yarn, which ignores it.
npm_config_nodedir="$NODEDIR" npm install --omit=dev --legacy-peer-deps --no-audit --no-fund --foreground-scripts
test -f node_modules/sqlite3/build/Release/node_sqlite3.node
node -e 'require("sqlite3");require("sharp");require("re2");console.log("ghost-install: native modules OK")'
echo "$GHOST_VERSION $(node -v)" > .newsdesk-installed
cd /
rm -rf "$GHOST_INSTALL_DIR"
mv "$tmp/package" "$GHOST_INSTALL_DIR"
echo "ghost-install: Ghost $GHOST_VERSION installed in $GHOST_INSTALL_DIR"
