#!/usr/bin/env bash
# Provisions the test tools at the versions pinned in hack/versions.env:
# kube-apiserver, kubectl, etcd and helm are built from the Go module proxy
# (release binaries cannot be downloaded here), moto_server is a Python venv
# (the system python's moto, else PyPI). Each is built once into a per-user cache
# keyed by version, shared by every clone, then symlinked into this repo's
# git-ignored bin/ and .cache/.
#
# Usage: hack/tools.sh [all|kube|etcd|helm|moto]   (default: all)
set -euo pipefail

hack=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$hack")
# shellcheck source=versions.env
source "$hack/versions.env"
cache=${XDG_CACHE_HOME:-$HOME/.cache}/kubesmith
mkdir -p "$cache" "$root/bin" "$root/.cache"

# Static, path-free binaries like upstream's release builds. No VCS stamping:
# the tool modules sit inside this repo's checkout, whose state is irrelevant.
export CGO_ENABLED=0
goflags=(-trimpath -buildvcs=false)

tmp=
trap '[[ -z $tmp ]] || rm -rf "$tmp"' EXIT

# ensure NAME VERSION LABEL SOURCE: makes $cache/NAME-VERSION with build_NAME.
# The build goes to a temp dir renamed into place only once complete, so an
# interrupted build leaves no half tool; the lock makes concurrent runs build once.
ensure() {
  local name=$1 version=$2 label=$3 dir=$cache/$1-$2 lock start=$SECONDS
  exec {lock}>"$dir.lock"
  flock -n "$lock" || { echo "tools: waiting for another run to build $label $version"; flock "$lock"; }
  if [[ -d $dir ]]; then
    echo "tools: $label $version (cached)"
  else
    echo "tools: building $label $version from $4"
    rm -rf "$dir".tmp.* # left by a killed run: we hold the lock, so none is in progress
    tmp=$(mktemp -d "$dir.tmp.XXXXXX")
    "build_$name" "$tmp" "$version"
    mv "$tmp" "$dir"
    tmp=
    echo "tools: built $label $version in $((SECONDS - start))s"
  fi
  exec {lock}>&-
}

# link CACHED REPO_PATH: points REPO_PATH (relative to the repo root) at CACHED.
link() {
  rm -rf "${root:?}/$2"
  ln -s "$1" "$root/$2"
}

# The cache is keyed by versions.env but built from the tool module's go.mod:
# refuse to build when the two disagree.
check_pin() { # DIR MODULE VERSION
  grep -Eq "^(require)?[[:space:]]+$2 $3\$" "$hack/tools/$1/go.mod" || {
    echo "tools: hack/tools/$1/go.mod does not require $2 $3 from hack/versions.env" >&2
    exit 1
  }
}

build_kubernetes() { # DIR VERSION
  local minor=${2#v1.} pkg ldflags="-s -w"
  minor=${minor%%.*}
  # The version `kube-apiserver --version` and `kubectl version` print; envtest reads it.
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X $pkg.gitVersion=$2 -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
  done
  # One go build for both so their shared packages compile once.
  (cd "$hack/tools/kubernetes" && go build "${goflags[@]}" -ldflags "$ldflags" -o "$1/" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kubectl)
}

build_etcd() { # DIR VERSION
  (cd "$hack/tools/etcd" && go build "${goflags[@]}" -ldflags "-s -w" -o "$1/etcd" .)
}

build_helm() { # DIR VERSION
  # helm's go.mod has no replace directives, so `go install pkg@version` can build it.
  GOBIN=$1 go install "${goflags[@]}" \
    -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=$2" "helm.sh/helm/v3/cmd/helm@$2"
}

build_moto() { # DIR VERSION
  # --system-site-packages: reuse the moto the machine image already ships, if it is the pinned one.
  python3 -m venv --system-site-packages "$1"
  if ! "$1/bin/python" -c "import moto, flask, flask_cors; assert moto.__version__ == '$2'" 2>/dev/null; then
    "$1/bin/python" -m pip install --quiet --disable-pip-version-check "moto[server]==$2"
  fi
  # Our own launcher rather than pip's, whose shebang would name the temp dir the venv was built in.
  cat >"$1/bin/moto_server" <<'EOF'
#!/bin/sh
exec "$(dirname "$0")/python" -m moto.server "$@"
EOF
  chmod +x "$1/bin/moto_server"
}

tool_kube() {
  check_pin kubernetes k8s.io/kubernetes "$KUBERNETES_VERSION"
  ensure kubernetes "$KUBERNETES_VERSION" "kube-apiserver, kubectl" "the Go module proxy (first time only, ~5-10 min)"
  link "$cache/kubernetes-$KUBERNETES_VERSION/kube-apiserver" bin/kube-apiserver
  link "$cache/kubernetes-$KUBERNETES_VERSION/kubectl" bin/kubectl
}

tool_etcd() {
  check_pin etcd go.etcd.io/etcd/server/v3 "$ETCD_VERSION"
  ensure etcd "$ETCD_VERSION" etcd "the Go module proxy (first time only, ~1 min)"
  link "$cache/etcd-$ETCD_VERSION/etcd" bin/etcd
}

tool_helm() {
  ensure helm "$HELM_VERSION" helm "the Go module proxy (first time only, ~3-4 min)"
  link "$cache/helm-$HELM_VERSION/helm" bin/helm
}

tool_moto() {
  ensure moto "$MOTO_VERSION" moto_server "the system python or PyPI (first time only)"
  link "$cache/moto-$MOTO_VERSION" .cache/moto
}

case ${1:-all} in
all) tool_kube; tool_etcd; tool_helm; tool_moto ;;
kube | etcd | helm | moto) "tool_$1" ;;
*)
  echo "usage: $0 [all|kube|etcd|helm|moto]" >&2
  exit 2
  ;;
esac
