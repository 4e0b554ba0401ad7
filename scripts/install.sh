#!/usr/bin/env bash
# Installs a release archive of the Authlete CLI (made by scripts/build-dist) for the current user, or removes it.
# No JDK and no Maven needed: the archive carries its own runtime.
#
#   install.sh [--prefix DIR] [--sha256 HEX] ARCHIVE|URL    install (default prefix: ~/.local)
#   install.sh [--prefix DIR] --uninstall                   remove what an install put there
#   curl -fsSL https://HOST/install.sh | bash -s -- https://HOST/authlete-X.Y.Z-linux-x64.tar.gz   (one line)
#
# The archive is checked against its SHA-256 before anything is unpacked: --sha256 HEX, else the file NAME.sha256
# beside it (or URL.sha256 for a download); without either it is refused. Installed as:
#   PREFIX/lib/authlete/                       the release (bin, lib, runtime, share), replaced as a whole
#   PREFIX/bin/authlete                        a link to its launcher
#   PREFIX/share/man/man1/authlete*.1          links to its man pages (man finds them through PATH)
#   PREFIX/share/bash-completion/completions/authlete, PREFIX/share/zsh/site-functions/_authlete,
#   PREFIX/share/fish/vendor_completions.d/authlete.fish   links to its completion scripts
set -euo pipefail

# Also when piped into bash (curl ... | bash -s --), where the script has no file to read its header from.
usage() {
  cat <<'USAGE'
Installs a release archive of the Authlete CLI, or removes it.
  install.sh [--prefix DIR] [--sha256 HEX] ARCHIVE|URL    install (default prefix: ~/.local)
  install.sh [--prefix DIR] --uninstall                   remove what an install put there
The archive is checked against its SHA-256 first: --sha256 HEX, else NAME.sha256 beside it (URL.sha256 for a
download); without either it is refused.
USAGE
}

prefix=${HOME:?}/.local
sha256=
uninstall=0
source=
while (( $# > 0 )); do
  case $1 in
    --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --sha256) sha256=${2:?--sha256 needs a hex digest}; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) [[ -z $source ]] || { echo "install.sh: give one archive" >&2; exit 2; }; source=$1; shift ;;
  esac
done
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
home=$prefix/lib/authlete
links=(
  "bin/authlete:bin/authlete"
  "share/bash-completion/completions/authlete:share/bash-completion/completions/authlete"
  "share/zsh/site-functions/_authlete:share/zsh/site-functions/_authlete"
  "share/fish/vendor_completions.d/authlete.fish:share/fish/vendor_completions.d/authlete.fish"
)

remove_links() {
  local link target
  for entry in "${links[@]}"; do
    link=$prefix/${entry%%:*}
    # Only links into our own folder: a file someone else put there is left alone.
    if [[ -L $link ]] && target=$(readlink "$link") && [[ $target == *lib/authlete/* ]]; then
      rm -f "$link"
    fi
  done
  for link in "$prefix"/share/man/man1/authlete*.1; do
    if [[ -L $link ]] && [[ $(readlink "$link") == *lib/authlete/* ]]; then
      rm -f "$link"
    fi
  done
}

if (( uninstall )); then
  [[ -z $source ]] || { echo "install.sh: --uninstall takes no archive" >&2; exit 2; }
  [[ -d $home ]] || { echo "install.sh: nothing installed in $prefix" >&2; exit 1; }
  remove_links
  rm -rf "$home"
  # The folders an install made, when nothing else is in them (never PREFIX itself or above it).
  for entry in "${links[@]}" "share/man/man1/x" "lib/x"; do
    dir=$prefix/${entry%%:*}
    dir=${dir%/*}
    while [[ $dir != "$prefix" ]] && rmdir "$dir" 2>/dev/null; do
      dir=${dir%/*}
    done
  done
  echo "Removed the Authlete CLI from $prefix"
  exit 0
fi

[[ -n $source ]] || { echo "install.sh: give the archive (a path or an https URL); see --help" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/authlete-install.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [[ $source == https://* || $source == http://* ]]; then
  archive=$work/${source##*/}
  curl -fsSL --proto '=https,http' -o "$archive" "$source" || { echo "install.sh: cannot download $source" >&2; exit 1; }
  if [[ -z $sha256 ]]; then
    sha256=$(curl -fsSL "$source.sha256" | awk '{print $1}') \
      || { echo "install.sh: cannot download $source.sha256; give --sha256 HEX" >&2; exit 1; }
  fi
else
  archive=$source
  [[ -f $archive ]] || { echo "install.sh: no such file: $archive" >&2; exit 1; }
  if [[ -z $sha256 ]]; then
    [[ -f $archive.sha256 ]] || { echo "install.sh: no checksum: give --sha256 HEX or put ${archive##*/}.sha256 beside the archive" >&2; exit 1; }
    sha256=$(awk '{print $1}' "$archive.sha256")
  fi
fi
actual=$(sha256sum "$archive" | awk '{print $1}')
if [[ ${actual,,} != "${sha256,,}" ]]; then
  echo "install.sh: checksum mismatch for ${archive##*/}: expected $sha256, got $actual; nothing was installed" >&2
  exit 1
fi

# Unpacked beside its final place (same file system), checked, then swapped in: an interrupted install leaves the
# previous one working.
mkdir -p "$prefix/lib"
stage=$(mktemp -d "$prefix/lib/.authlete-new.XXXXXX")
trap 'rm -rf "$work" "$stage"' EXIT
tar -xzf "$archive" -C "$stage"
unpacked=("$stage"/*)
(( ${#unpacked[@]} == 1 )) && [[ -x ${unpacked[0]}/bin/authlete && -f ${unpacked[0]}/lib/authlete.jar && -x ${unpacked[0]}/runtime/bin/java ]] \
  || { echo "install.sh: ${archive##*/} is not an Authlete CLI release" >&2; exit 1; }
if [[ -d $home ]]; then
  mv "$home" "$stage/previous"
fi
if ! mv "${unpacked[0]}" "$home"; then
  [[ -d $stage/previous ]] && mv "$stage/previous" "$home"
  echo "install.sh: cannot put the release in $home; the installed one is kept" >&2
  exit 1
fi
# The links are made again: a page or script the new release no longer has must not stay behind as a dead link.
remove_links

for entry in "${links[@]}"; do
  link=$prefix/${entry%%:*}
  mkdir -p "${link%/*}"
  ln -sfn "$home/${entry#*:}" "$link"
done
mkdir -p "$prefix/share/man/man1"
for page in "$home"/share/man/man1/*.1; do
  ln -sfn "$page" "$prefix/share/man/man1/${page##*/}"
done

echo "Installed $("$prefix/bin/authlete" --version) in $home"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "Add $prefix/bin to PATH, for example: echo 'export PATH=\"$prefix/bin:\$PATH\"' >> ~/.bashrc" ;;
esac
echo "Completion: bash and fish find it by themselves; zsh needs fpath+=($prefix/share/zsh/site-functions) before compinit."
