#!/bin/sh
# Build the vendored browser files from the pinned registry packages (run after `npm ci`).
set -eu
cd "$(dirname "$0")"
out=../server/rekg_server/static/vendor
mkdir -p "$out"
npx esbuild editor.js --bundle --minify --format=iife --legal-comments=none --outfile="$out/editor.bundle.js"
npx esbuild map.js --bundle --minify --format=iife --legal-comments=none --outfile="$out/map.bundle.js"
cp node_modules/world-atlas/countries-110m.json "$out/countries-110m.json"
# the licences of what the files hold
{
  for pkg in codemirror @codemirror/autocomplete @codemirror/commands @codemirror/language @codemirror/legacy-modes \
             @codemirror/lint @codemirror/search @codemirror/state @codemirror/view @lezer/common @lezer/highlight \
             @lezer/lr crelt style-mod w3c-keyname @marijn/find-cluster-break topojson-client d3-geo d3-array internmap world-atlas; do
    dir="node_modules/$pkg"
    version=$(node -p "require('./$dir/package.json').version")
    echo "== $pkg $version =="
    cat "$dir"/LICENSE* 2>/dev/null || node -p "require('./$dir/package.json').license"
    echo
  done
} > "$out/LICENSES.txt"
ls -l "$out"
