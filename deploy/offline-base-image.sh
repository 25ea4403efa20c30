#!/usr/bin/env bash
# Makes the container image's base without a registry: Debian bookworm with OpenJDK 17 (the JDK the app is built and
# tested with), from the Debian archive through mmdebstrap, saved in the `docker save` format that Jib reads
# (-Djib.from.image=tar://...). For build machines that reach the Debian archive but no container registry.
# Usage: deploy/offline-base-image.sh [output.tar]   (root, or a user mmdebstrap can run unshare for)
set -euo pipefail
out="$(realpath -m "${1:-backend/target/debian-openjdk17-base.tar}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v mmdebstrap >/dev/null || { echo "needs mmdebstrap (apt-get install mmdebstrap)" >&2; exit 1; }

# fonts-ipaexfont-gothic: the TrueType font the 予診票 PDFs embed; util-linux: unshare, which the embedded
# PostgreSQL's initdb needs when the app runs as root. Manual pages stay: openjdk's post-installation links into them.
mmdebstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,util-linux,fonts-ipaexfont-gothic \
  --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --aptopt='Acquire::Retries "3"' \
  bookworm "$work/layer.tar" http://deb.debian.org/debian

python3 - "$work" "$out" <<'PY'
import hashlib, json, os, sys, tarfile
work, out = sys.argv[1], sys.argv[2]
layer = os.path.join(work, "layer.tar")
digest = hashlib.sha256()
with open(layer, "rb") as f:
    for chunk in iter(lambda: f.read(1 << 20), b""):
        digest.update(chunk)
config = {
    "architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                       "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64", "LANG=C.UTF-8"]},
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + digest.hexdigest()]},
    "history": [{"created_by": "mmdebstrap bookworm minbase + openjdk-17-jre-headless (deploy/offline-base-image.sh)"}],
}
with open(os.path.join(work, "config.json"), "w") as f:
    json.dump(config, f)
with open(os.path.join(work, "manifest.json"), "w") as f:
    json.dump([{"Config": "config.json", "RepoTags": ["immunization-office-base:bookworm-openjdk17"],
                "Layers": ["layer.tar"]}], f)
os.makedirs(os.path.dirname(out), exist_ok=True)
with tarfile.open(out, "w") as tar:
    for name in ("manifest.json", "config.json", "layer.tar"):
        tar.add(os.path.join(work, name), arcname=name)
print("base image:", out)
PY
