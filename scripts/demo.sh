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

step "Coach this: editing the win the blind spots flagged, in place (scripts/demo-coach-this.txt)"
# The finding's "Do:" line names the entry; the session opens it for editing, and its log
# lists the edit with the day's blind spots.
entry="$("$career" --vault "$vault" --today "$today" blindspots | sed -n 's/.*Do: career coach --section wins --entry \([0-9]*\).*/\1/p' | head -n 1)"
"$career" --vault "$vault" --today "$today" coach --section wins --entry "$entry" < scripts/demo-coach-this.txt > /dev/null

step "Building the goal cascade (career goals new, scripted)"
year="${today%%-*}"
"$career" --vault "$vault" --today "$today" goals new --year "$year" \
  --goal "Be known outside the company for platform reliability|3 conference talks and 2 published articles" \
  --goal "Publish the innovation thesis|Paper accepted by a peer-reviewed venue" \
  --goal "Land the transition to principal engineer|Team runs the platform without me by Q2" \
  --quarter "Q1|Stabilize the transition|Team rituals, handover plan" \
  --quarter "Q2|Build the thesis|Draft, two reviewers" \
  --quarter "Q3|Go external|Talks, articles" \
  --quarter "Q4|Deliver and reflect|Annual review, next theme" \
  --milestone "$year-03|Submit two talk proposals|G1" \
  --milestone "$year-06|Thesis draft to reviewers|G2" \
  --milestone "$year-09|First conference talk given|G1" \
  --milestone "$year-11|Write the handover retrospective|G3" > /dev/null
last_week="$(date -d "$today -7 days" +%G-W%V)"
"$career" --vault "$vault" --today "$today" goals action "Email the program chair about the CFP" --goal G1 --week "$last_week" > /dev/null
"$career" --vault "$vault" --today "$today" goals action "Outline the thesis's three claims" --goal G2 > /dev/null
"$career" --vault "$vault" --today "$today" goals action "Pair with the new on-call lead" --goal G3 > /dev/null
goals_note="Career/$year Goals.md"
for done in "Submit two talk proposals" "Thesis draft to reviewers" "Outline the thesis's three claims"; do
  line="$(grep -n -F -- "$done" "$vault/$goals_note" | head -n 1 | cut -d: -f1)"
  "$career" --vault "$vault" --today "$today" task toggle "$goals_note" "$line" > /dev/null
done
"$career" --vault "$vault" --today "$today" goals status G1 "In progress" > /dev/null
"$career" --vault "$vault" --today "$today" goals status G3 "At risk" > /dev/null

step "Writing reviews (weekly with carry-forward, monthly, quarterly, annual) and the review calendar"
"$career" --vault "$vault" --today "$today" review weekly --period "$last_week" > /dev/null
"$career" --vault "$vault" --today "$today" review monthly > /dev/null
"$career" --vault "$vault" --today "$today" review quarterly \
  --intention "Go external, for real" --focus "Two talks, one article" > /dev/null
# The annual review: success criteria with evidence, this year's wins, each index section's state,
# and next year's theme (which `goals new --year NEXT` starts from).
"$career" --vault "$vault" --today "$today" review annual --period "$year" --theme "Lead in the open" > /dev/null
"$career" --vault "$vault" --today "$today" calendar --output "Career/Career reviews.ics" > /dev/null

step "Filling the timeline, skills, network and risks, and drawing every chart (Career/Charts.md, Career/charts/*.svg)"
index="Career/0_Career_Index.md"
add() { "$career" --vault "$vault" --today "$today" table add-row "$index" "$@" > /dev/null; }
add "Timeline" --cell "$((year - 3))-now" --cell "Staff engineer, Platform" --cell "Northwind Health" --cell "Platform reliability programme"
add "Timeline" --cell "$((year - 8))-$((year - 3))" --cell "Senior engineer" --cell "Northwind Health" --cell "On-call redesign"
add "Timeline" --cell "$((year - 13))-$((year - 8))" --cell "Software engineer" --cell "Contoso Labs" --cell "First clinical integration"
add "Growth/Skills Inventory" --cell "Distributed systems" --cell "Expert" --cell "$year" --cell ""
add "Growth/Skills Inventory" --cell "Public speaking" --cell "Developing" --cell "$year" --cell "First talks"
add "Growth/Skills Inventory" --cell "Technical writing" --cell "Proficient" --cell "$year" --cell "Thesis"
add "Growth/Skills Inventory" --cell "Java" --cell "Advanced" --cell "$((year - 4))" --cell "Contoso years"
add "Network & Influence/Mentors" --cell "Rosa Diaz" --cell "VP Engineering, Northwind Health"
add "Network & Influence/Advisors" --cell "Sam Lee" --cell "Conference organiser"
add "Risk Register" --cell "Platform reorg removes the role" --cell "Medium" --cell "High" --cell "Make the handover visible to two VPs"
add "Risk Register" --cell "No external network" --cell "High" --cell "Medium" --cell ""
# People write lists too: a mentee and a risk as bullets, beside the template's tables.
printf -- '- **Kai Ito** (junior engineer, Northwind Health) — mentee since %s\n' "$year" \
  | "$career" --vault "$vault" --today "$today" section append "$index" "Network & Influence/Mentees" > /dev/null
printf -- '- Burnout from on-call — low likelihood, high impact; mitigation: a second on-call rota\n' \
  | "$career" --vault "$vault" --today "$today" section append "$index" "Risk Register" > /dev/null
{
  printf '# Career charts\n\nEach block below is drawn live by Career Coach; `career chart KIND` writes the same picture as SVG. The goals note draws its progress with a `career-progress` block, the same chart as `kind: progress`.\n'
  for kind in timeline skills network risks progress streak; do
    printf '\n## %s\n\n```career-chart\nkind: %s\n```\n' "$kind" "$kind"
  done
} > "$vault/Career/Charts.md"
mkdir -p "$vault/Career/charts"
for kind in timeline skills network risks progress streak; do
  "$career" --vault "$vault" --today "$today" chart "$kind" --output "Career/charts/$kind.svg" > /dev/null
done

step "Coaching the profile, one question at a time (scripts/demo-profile.txt)"
# Its session log records Phase 1 and the day's other phases (index, blind spots, goals).
"$career" --vault "$vault" --today "$today" coach --section profile < scripts/demo-profile.txt > /dev/null

step "An AI assistant's session through career mcp (scripts/demo-mcp.mjs, the MCP TypeScript SDK client)"
# Coaches an empty section with propose → confirm and closes the session: its own session log.
node scripts/demo-mcp.mjs "$career" "$vault" "$today"

cat <<MSG

Done. Open the folder below as a vault in Obsidian (Open folder as vault),
then trust its plugins when asked; Career Coach is already enabled:

  $vault

Start with Career/0_Career_Index.md, then Career/Charts.md (every chart, live),
then Career/$year Goals.md (its career-progress chart is live) and the reviews beside it; find every command in the palette
under "Career Coach". The same commands run in a terminal:

  $career --vault "$vault" --help

To coach with an AI assistant on this vault, see README "Use with an AI assistant":

  claude mcp add career -- $career mcp --vault "$vault"
MSG
