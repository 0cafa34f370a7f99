#!/bin/sh
# Installs what adrlint needs to build and test on Debian 12 (bookworm).
set -eu
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
    build-essential cmake pkg-config git ca-certificates \
    libfyaml-dev libjson-c-dev libpcre2-dev libcriterion-dev \
    clang llvm libclang-rt-14-dev \
    python3 python3-pytest python3-setuptools python3-pip \
    nodejs npm pre-commit neovim valgrind binutils >/dev/null
