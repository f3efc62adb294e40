#!/usr/bin/env bash
# The README's first command: builds everything and lays out demo-vault/ with
# the plugin installed and enabled, plus the notes Career Coach generates.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/build.sh
step "Building the career CLI"
cargo build --release -p career-cli
career="$ROOT/target/release/career"

vault="$ROOT/demo-vault"
step "Creating demo-vault/"
rm -rf "$vault"
plugin_dir="$vault/.obsidian/plugins/career-coach"
mkdir -p "$plugin_dir"
cp dist/main.js dist/manifest.json dist/styles.css "$plugin_dir/"
printf '["career-coach"]\n' > "$vault/.obsidian/community-plugins.json"
today="$(date +%F)"
"$career" --vault "$vault" --today "$today" init
step "Running a scripted coaching session (scripts/demo-session.txt)"
"$career" --vault "$vault" --today "$today" coach \
  --section Headline --section Vision --section "Annual Theme" --section "Success Criteria" \
  --section "Current Role" --section Network --section Wins < scripts/demo-session.txt > /dev/null
step "Saving a blind spot analysis"
"$career" --vault "$vault" --today "$today" blindspots --save > /dev/null

cat <<MSG

Done. Open the folder below as a vault in Obsidian (Open folder as vault),
then trust its plugins when asked; Career Coach is already enabled:

  $vault

Start with Career/0_Career_Index.md, and find every command in the palette
under "Career Coach". The same commands run in a terminal:

  $career --vault "$vault" --help
MSG
