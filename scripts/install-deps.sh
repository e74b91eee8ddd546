#!/bin/sh
# Install the Debian packages dyad needs, only those that are missing.
# Used by `make`, `make demo`, `make test`, `make bench` and `make fuzz`.
#   scripts/install-deps.sh            build and test dependencies
#   scripts/install-deps.sh fuzz       also clang and libFuzzer's runtime
#   scripts/install-deps.sh bench      also hyperfine
set -eu

packages="build-essential meson ninja-build pkg-config libutf8proc-dev python3"
for extra in "$@"; do
	case "$extra" in
	fuzz) packages="$packages clang libclang-rt-14-dev" ;;
	bench) packages="$packages hyperfine" ;;
	*) echo "install-deps.sh: unknown profile '$extra'" >&2; exit 2 ;;
	esac
done

missing=""
for p in $packages; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "install-deps.sh: missing packages:$missing" >&2
	echo "install-deps.sh: run as root, or: sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "install-deps.sh: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
