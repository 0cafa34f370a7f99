#!/bin/sh
# Installs what adrlint needs to build and test on Debian 12 (bookworm).
set -eu
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# Debian's npm package conflicts with a nodejs that ships its own npm
# (NodeSource's): ask for it only when there is no npm yet.
NPM=npm
command -v npm >/dev/null 2>&1 && NPM=""
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
    build-essential cmake pkg-config git ca-certificates \
    libfyaml-dev libjson-c-dev libpcre2-dev libcriterion-dev \
    clang clang-format llvm libclang-rt-14-dev \
    python3 python3-pytest python3-setuptools python3-pip \
    nodejs $NPM pre-commit neovim valgrind binutils >/dev/null
