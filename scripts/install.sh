#!/usr/bin/env bash
# Installs a release archive of the Authlete CLI (made by scripts/build-dist) for the current user, or removes it.
# No JDK and no Maven needed: the archive carries its own runtime.
#
#   install.sh [--prefix DIR] [--sha256 HEX] ARCHIVE|URL    install (default prefix: ~/.local)
#   install.sh [--prefix DIR] --uninstall                   remove what an install put there
#   curl -fsSL https://HOST/install.sh | bash -s -- https://HOST/authlete-X.Y.Z-linux-x64.tar.gz   (one line)
#
# The archive is checked against its SHA-256 before anything is unpacked: --sha256 HEX, else the file NAME.sha256
# beside it (or URL.sha256 for a download); without either it is refused, and so is a plain http:// URL to another
# machine without --sha256. Nothing that install.sh did not put there is replaced or removed (a file or link of the
# user's own at one of the places below stops the install); the new release must run before it replaces the old
# one, and the old one comes back if anything fails before the new one is linked. Installed as:
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
download); without either it is refused, as is plain http:// to another machine without --sha256. Nothing it did
not install is replaced or removed; the new release must run before it replaces the old one, which comes back if
anything fails on the way.
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
if (( uninstall )) && [[ ! -d $prefix ]]; then
  echo "install.sh: nothing installed in $prefix (no such folder)" >&2
  exit 1
fi
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
home=$prefix/lib/authlete
links=(
  "bin/authlete:bin/authlete"
  "share/bash-completion/completions/authlete:share/bash-completion/completions/authlete"
  "share/zsh/site-functions/_authlete:share/zsh/site-functions/_authlete"
  "share/fish/vendor_completions.d/authlete.fish:share/fish/vendor_completions.d/authlete.fish"
)

# A link this script made: it leads into this prefix's release folder (a link of the user's own, even one into
# some other lib/authlete, is theirs).
ours() {
  local target
  [[ -L $1 ]] && target=$(readlink "$1") && [[ $target == "$home"/* ]]
}

# The release folder holds a release this script put there (marked since 0.1; before that, its shape).
installed_release() {
  [[ -f $home/.installed-by-install.sh ]] \
    || [[ -x $home/bin/authlete && -f $home/lib/authlete.jar && -x $home/runtime/bin/java ]]
}

remove_links() {
  local link
  for entry in "${links[@]}"; do
    link=$prefix/${entry%%:*}
    if ours "$link"; then
      rm -f "$link"
    fi
  done
  for link in "$prefix"/share/man/man1/authlete*.1; do
    if ours "$link"; then
      rm -f "$link"
    fi
  done
}

if (( uninstall )); then
  [[ -z $source ]] || { echo "install.sh: --uninstall takes no archive" >&2; exit 2; }
  [[ -d $home ]] || { echo "install.sh: nothing installed in $prefix" >&2; exit 1; }
  installed_release || { echo "install.sh: $home was not put there by install.sh; nothing was removed" >&2; exit 1; }
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
  protocols='=https'
  if [[ $source == http://* ]]; then
    # A checksum fetched over the same plain channel proves nothing: plain http only to this machine, or with
    # --sha256 from somewhere trusted.
    host=${source#http://}
    host=${host%%/*}
    host=${host##*@}
    if [[ $host == \[* ]]; then host=${host%%]*}]; else host=${host%%:*}; fi
    case $host in
      127.0.0.1|localhost|'[::1]') ;;
      *) [[ -n $sha256 ]] || { echo "install.sh: refusing plain http://$host without --sha256 HEX (its checksum could be forged on the way); use https" >&2; exit 2; } ;;
    esac
    protocols='=https,http'
  fi
  archive=$work/${source##*/}
  curl -fsSL --proto "$protocols" --proto-redir "$protocols" -o "$archive" "$source" \
    || { echo "install.sh: cannot download $source" >&2; exit 1; }
  if [[ -z $sha256 ]]; then
    sha256=$(curl -fsSL --proto "$protocols" --proto-redir "$protocols" "$source.sha256" | awk '{print $1}') \
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

# Unpacked beside its final place (same file system), checked, then swapped in; the previous release is kept until
# the new one is linked and runs, and put back if anything fails before that.
mkdir -p "$prefix/lib"
stage=$(mktemp -d "$prefix/lib/.authlete-new.XXXXXX")
swapped=0
completed=0
# Links to the release in $home: the command, the completion scripts, every man page it has.
make_links() {
  local entry link page
  for entry in "${links[@]}"; do
    link=$prefix/${entry%%:*}
    mkdir -p "${link%/*}"
    ln -sfn "$home/${entry#*:}" "$link"
    # For the tests of the restore path: a failure in the middle of linking a new release.
    [[ ${_AUTHLETE_INSTALL_FAIL:-} != link || ${1:-} == restoring ]] || { echo "install.sh: failing while linking (test)" >&2; return 1; }
  done
  mkdir -p "$prefix/share/man/man1"
  for page in "$home"/share/man/man1/*.1; do
    ln -sfn "$page" "$prefix/share/man/man1/${page##*/}"
  done
}
finish() {
  if (( swapped && !completed )); then
    rm -rf "$home"
    if [[ -d $stage/previous ]]; then
      mv "$stage/previous" "$home"
      echo "install.sh: the install failed; the previous release is back in place" >&2
    else
      echo "install.sh: the install failed; nothing is installed" >&2
    fi
    # The links of the previous release, as they were (best effort: what failed may fail again).
    remove_links
    if [[ -d $home ]]; then make_links restoring || echo "install.sh: some links could not be made again" >&2; fi
  fi
  rm -rf "$work" "$stage"
}
trap finish EXIT
tar -xzf "$archive" -C "$stage"
unpacked=("$stage"/*)
(( ${#unpacked[@]} == 1 )) && [[ -x ${unpacked[0]}/bin/authlete && -f ${unpacked[0]}/lib/authlete.jar && -x ${unpacked[0]}/runtime/bin/java ]] \
  || { echo "install.sh: ${archive##*/} is not an Authlete CLI release" >&2; exit 1; }
release=${unpacked[0]}

# Nothing of the user's is replaced: every place a link goes must be empty or hold a link this script made.
conflicts=()
for entry in "${links[@]}"; do
  link=$prefix/${entry%%:*}
  if [[ -e $link || -L $link ]] && ! ours "$link"; then conflicts+=("$link"); fi
done
for page in "$release"/share/man/man1/*.1; do
  link=$prefix/share/man/man1/${page##*/}
  if [[ -e $link || -L $link ]] && ! ours "$link"; then conflicts+=("$link"); fi
done
if [[ -e $home || -L $home ]] && ! installed_release; then conflicts+=("$home"); fi
if (( ${#conflicts[@]} > 0 )); then
  echo "install.sh: these were not installed by install.sh; move them away first (nothing was installed):" >&2
  printf '  %s\n' "${conflicts[@]}" >&2
  exit 1
fi

# The new release must run here before it replaces anything.
if ! checked=$(AUTHLETE_CACHE=off "$release/bin/authlete" --version 2>&1) || [[ $checked != authlete\ * ]]; then
  echo "install.sh: the release in ${archive##*/} does not run on this machine ($(printf '%s' "$checked" | head -c 300)); nothing was changed" >&2
  exit 1
fi
touch "$release/.installed-by-install.sh"

if [[ -d $home ]]; then
  mv "$home" "$stage/previous"
fi
swapped=1
mv "$release" "$home"
# The links are made again: a page or script the new release no longer has must not stay behind as a dead link.
remove_links

make_links || exit 1

version=$("$prefix/bin/authlete" --version)
completed=1
echo "Installed $version in $home"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "Add $prefix/bin to PATH, for example: echo 'export PATH=\"$prefix/bin:\$PATH\"' >> ~/.bashrc" ;;
esac
# bash-completion and fish look under XDG_DATA_HOME (~/.local/share), /usr/local/share and /usr/share by themselves.
case "$prefix/share" in
  "${XDG_DATA_HOME:-$HOME/.local/share}" | /usr/share | /usr/local/share)
    echo "Completion: bash and fish find it by themselves; zsh needs fpath+=($prefix/share/zsh/site-functions) before compinit." ;;
  *)
    echo "Completion: bash and fish do not look in $prefix/share by themselves; add"
    echo "  to ~/.bashrc:                 source $prefix/share/bash-completion/completions/authlete"
    echo "  to ~/.config/fish/config.fish: set -a fish_complete_path $prefix/share/fish/vendor_completions.d"
    echo "  to ~/.zshrc, before compinit: fpath+=($prefix/share/zsh/site-functions)" ;;
esac
