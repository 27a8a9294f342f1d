#!/usr/bin/env bash
# Publishes samples/AotConsumer with Native AOT for linux-x64 and checks what it gives against the same program
# under the JIT:
#   1. the publish: no trim or AOT warning from this repository's code (the library is IsAotCompatible; its own
#      build already fails on one). The warnings of third-party assemblies are counted and listed, and one from an
#      assembly not named in third_party below fails the run (README, "Trimming and Native AOT").
#   2. the bundled evidence with the sample's custom rule directory: the native program's report equals the JIT
#      build's byte for byte, and names the custom code INT990 with its established cause.
#   3. every case document of the tests, with the custom rule directory: the native program's report with the
#      built-in rules' generated C# equals its report with every expression parsed and interpreted
#      (AOTCONSUMER_PARSE_EVERY_EXPRESSION=1), so the interpreter agrees with the generated code on each of them.
# Options by environment: CONFIGURATION (Release), RID (linux-x64).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

configuration=${CONFIGURATION:-Release}
rid=${RID:-linux-x64}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sample=samples/AotConsumer
evidence=$sample/evidence/udd-inactive.json
rules=$sample/rules
# Assemblies that are not trim- or AOT-annotated and whose warnings this repository cannot fix: RulesEngine's
# expression parser is System.Linq.Dynamic.Core, which reflects and can emit types (for `new(...)`, which rule
# expressions never need); its DynamicClass derives from System.Linq.Expressions' DynamicObject.
third_party='System.Linq.Dynamic.Core|RulesEngine|FastExpressionCompiler|System.Linq.Expressions'

fail() { echo "aot-sample: $*" >&2; exit 1; }
step() { echo "aot-sample: $1 (${SECONDS}s)"; }
SECONDS=0

# 1. Publish.
dotnet publish "$sample" -c "$configuration" -r "$rid" -o "$work/native" -p:TreatWarningsAsErrors=false 2>&1 | tee "$work/publish.log"
native=$work/native/AotConsumer
[ -x "$native" ] || fail "the publish made no native executable $native"
grep -qF 'ILCompiler' <(ls "$work/native") && fail "the publish output holds the IL compiler, not a native program"
warnings=$(grep -E ': (AOT analysis |Trim analysis )?warning IL[0-9]+' "$work/publish.log" | sed -E "s/ \[[^]]*\]$//; s/\.$//" | sort -u || true)
ours=$(grep -vE "$third_party" <<<"$warnings" | grep . || true)
[ -z "$ours" ] || fail "the publish warned outside the third-party assemblies:
$ours"
count=$(grep -c . <<<"$warnings" || true)
echo "$warnings"
step "published $native ($(du -k "$native" | cut -f1) KB); $count warnings, all from third-party assemblies ($third_party)"

# 2. The same program under the JIT, on the bundled evidence and the custom rules.
dotnet build "$sample" -c "$configuration" -warnaserror
"$native" "$evidence" "$rules" >"$work/native.json" || fail "the native program failed (exit $?)"
dotnet "$sample/bin/$configuration/net10.0/AotConsumer.dll" "$evidence" "$rules" >"$work/jit.json" || fail "the JIT program failed (exit $?)"
cmp "$work/jit.json" "$work/native.json" || { diff "$work/jit.json" "$work/native.json" | head -40; fail "the native report differs from the JIT report"; }
grep -q '"code": "INT990"' "$work/native.json" || fail "the custom rule's code INT990 is not in the native report"
grep -q '"id": "no-values"' "$work/native.json" || fail "the custom rule's cause no-values is not in the native report"
grep -q '"code": "INT402"' "$work/native.json" || fail "the built-in INT402 is not in the native report"
step "the native and JIT reports are equal ($(wc -c <"$work/native.json") bytes) and name INT990 and INT402"

# 3. Every case: generated conditions against parsed and interpreted ones, in the native program.
cases=0
for file in tests/IntacctSync.Rules.Tests/Cases/*/*.json; do
  case $file in *.verified.json|*.received.json) continue ;; esac
  set +e
  "$native" "$file" "$rules" >"$work/generated.json" 2>"$work/generated.err"; generated_status=$?
  AOTCONSUMER_PARSE_EVERY_EXPRESSION=1 "$native" "$file" "$rules" >"$work/parsed.json" 2>"$work/parsed.err"; parsed_status=$?
  set -e
  [ "$generated_status" -eq "$parsed_status" ] || fail "$file: exit $generated_status with generated conditions, $parsed_status parsed: $(cat "$work/parsed.err")"
  cmp -s "$work/generated.json" "$work/parsed.json" || { diff "$work/generated.json" "$work/parsed.json" | head -40; fail "$file: the report with parsed, interpreted expressions differs"; }
  grep -q '"faults"' "$work/parsed.json" && fail "$file: a rule faulted with parsed, interpreted expressions: $(grep -A5 '"faults"' "$work/parsed.json")"
  cases=$((cases + 1))
done
[ "$cases" -gt 0 ] || fail "no case document found"
step "$cases case documents: the native program's reports are equal with generated and with interpreted expressions"
