#!/usr/bin/env bash
# Packs IntacctSync.Rules, IntacctSync.Rules.Collector and the intacct-sync tool into artifacts/packages, checks what the packages
# hold, then uses them as a stranger would:
#   1. samples/ConsumerSample restores IntacctSync.Rules from that folder alone (samples/nuget.config
#      maps IntacctSync.* to it) into an empty packages folder, so no cached copy can stand in; it
#      must be the very package just packed, and running it must diagnose INT402.
#   2. the tool installs from that folder into an empty tool path (the Native AOT linux-x64 package on this machine), and
#      `intacct-sync diagnose` on the same evidence must diagnose INT402, and with `--rules samples/AotConsumer/rules` the
#      custom INT990 too; `intacct-sync collect` against a closed loopback port must
#      load the collector and say that the gateway cannot be reached (exit 2).
#   3. the framework-dependent "any" tool package (every other platform's) installs into another empty tool path, and
#      `intacct-sync diagnose` diagnoses INT402 on the same evidence, and with `--rules samples/AotConsumer/rules` INT990.
# Every package gets a per-run prerelease version (1.0.0-local.<UTC time>), so runs never collide.
# Options by environment: CONFIGURATION (Release), VERSION_SUFFIX (local.<UTC time>).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

configuration=${CONFIGURATION:-Release}
suffix=${VERSION_SUFFIX:-local.$(date -u +%Y%m%d%H%M%S)}
feed=$PWD/artifacts/packages
evidence=samples/ConsumerSample/evidence/udd-inactive.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "pack-and-run-sample: $*" >&2; exit 1; }
step() { echo "pack-and-run-sample: $1 (${SECONDS}s)"; }
listing() { unzip -Z1 "$1"; }

# 1. Pack. Building the tool builds the library too; the library's own pack reuses that build.
SECONDS=0
rm -rf "$feed"
mkdir -p "$feed"
# The tool is .NET 10 RID-specific tool packages: the top-level package (DotnetToolSettings.xml naming one package per
# runtime identifier), the framework-dependent "any" package, and the Native AOT linux-x64 one (this machine's).
dotnet pack src/IntacctSync.Rules.Cli -c "$configuration" -o "$feed" -warnaserror -p:VersionSuffix="$suffix"
dotnet pack src/IntacctSync.Rules.Cli -c "$configuration" -r any -o "$feed" -warnaserror -p:VersionSuffix="$suffix"
# Native AOT: the third-party expression parser's trim and AOT warnings (build/aot-sample.sh lists them) cannot be errors.
# The tool package is whatever the publish folder holds, so an earlier publish's files (an intacct-sync.dbg) are removed first.
rm -rf "src/IntacctSync.Rules.Cli/bin/$configuration/net10.0/linux-x64/publish"
dotnet pack src/IntacctSync.Rules.Cli -c "$configuration" -r linux-x64 -o "$feed" -p:VersionSuffix="$suffix" -p:TreatWarningsAsErrors=false 2>&1 | tee "$work/native-pack.log"
grep -E ': (AOT analysis |Trim analysis )?warning IL[0-9]+' "$work/native-pack.log" | grep -vE 'System.Linq.Dynamic.Core|RulesEngine|System.Linq.Expressions' \
  && fail "the Native AOT tool package warned outside the third-party assemblies"
dotnet pack src/IntacctSync.Rules -c "$configuration" --no-build -o "$feed" -warnaserror -p:VersionSuffix="$suffix"
dotnet pack src/IntacctSync.Rules.Collector -c "$configuration" --no-build -o "$feed" -warnaserror -p:VersionSuffix="$suffix"

shopt -s nullglob
libs=("$feed"/IntacctSync.Rules.[0-9]*.nupkg)
shopt -u nullglob
[ "${#libs[@]}" -eq 1 ] || fail "expected one IntacctSync.Rules package in $feed, found ${#libs[@]}"
lib=${libs[0]}
version=${lib#"$feed"/IntacctSync.Rules.}
version=${version%.nupkg}
tool=$feed/IntacctSync.Rules.Cli.$version.nupkg
symbols=$feed/IntacctSync.Rules.$version.snupkg
collector=$feed/IntacctSync.Rules.Collector.$version.nupkg
[ -f "$tool" ] || fail "the tool package $tool is missing"
[ -f "$symbols" ] || fail "the symbol package $symbols is missing"
[ -f "$collector" ] || fail "the collector package $collector is missing"
[ -f "$feed/IntacctSync.Rules.Collector.$version.snupkg" ] || fail "the collector's symbol package is missing"
step "packed $version"

# 2. What the library package holds: the assembly with its XML docs, the readme, the evidence
#    and rule schemas as files, symbols beside them, every rule file of rules/ embedded in the
#    assembly, and both schemas embedded under schemas/ (rules/rule.schema.json is no rule).
contents=$(listing "$lib")
for entry in lib/net10.0/IntacctSync.Rules.dll lib/net10.0/IntacctSync.Rules.xml README.md schemas/sync-evidence.v1.schema.json schemas/rule.schema.json; do
  grep -qxF "$entry" <<<"$contents" || fail "$lib lacks $entry"
done
# Listings are read into a variable first: with pipefail, `unzip | grep -q` fails whenever grep stops reading
# before unzip is done writing (unzip dies of SIGPIPE), which depends on the listing's length and on timing.
grep -qxF lib/net10.0/IntacctSync.Rules.pdb <<<"$(listing "$symbols")" || fail "$symbols lacks lib/net10.0/IntacctSync.Rules.pdb"
nuspec=$(unzip -p "$lib" IntacctSync.Rules.nuspec)
grep -qF '<license type="expression">MIT</license>' <<<"$nuspec" || fail "the nuspec has no MIT license expression"
grep -qF '<readme>README.md</readme>' <<<"$nuspec" || fail "the nuspec names no readme"
# What the library's code uses directly is a declared dependency, not only a transitive one of RulesEngine.
for dependency in RulesEngine System.Linq.Dynamic.Core; do
  grep -qF "<dependency id=\"$dependency\"" <<<"$nuspec" || fail "the nuspec does not declare $dependency"
done
unzip -p "$lib" lib/net10.0/IntacctSync.Rules.dll >"$work/IntacctSync.Rules.dll"
embedded=$(LC_ALL=C grep -aoE '(rules/[A-Za-z0-9_./-]+|schemas/[A-Za-z0-9_.-]+)\.json' "$work/IntacctSync.Rules.dll" | sort -u)
expected=$( (cd rules && find . -name '*.json' ! -name rule.schema.json | sed 's|^\./|rules/|'; echo schemas/sync-evidence.v1.schema.json; echo schemas/rule.schema.json) | sort -u)
missing=$(comm -13 <(echo "$embedded") <(echo "$expected"))
[ -z "$missing" ] || fail "not embedded in the packed assembly: $missing"
if [ "${CI:-}" = true ]; then
  # A ContinuousIntegrationBuild maps the clone's path to /_/, so the assembly names no machine path.
  LC_ALL=C grep -aqF /_/src/IntacctSync.Rules/obj/ "$work/IntacctSync.Rules.dll" \
    || fail "CI=true, yet the packed assembly's PDB path is not under /_/ (ContinuousIntegrationBuild)"
fi
# The tool: a top-level package naming the per-RID packages, the framework-dependent one with the collector's assembly,
# the native one with a single executable.
tool_any=$feed/IntacctSync.Rules.Cli.any.$version.nupkg
tool_native=$feed/IntacctSync.Rules.Cli.linux-x64.$version.nupkg
[ -f "$tool_any" ] || fail "the framework-dependent tool package $tool_any is missing"
[ -f "$tool_native" ] || fail "the Native AOT tool package $tool_native is missing"
settings=$(unzip -p "$tool" tools/any/any/DotnetToolSettings.xml) || fail "$tool is not a RID-specific tool's top-level package"
for rid in linux-x64 any; do
  grep -qF "RuntimeIdentifier=\"$rid\" Id=\"IntacctSync.Rules.Cli.$rid\"" <<<"$settings" || fail "$tool does not name the $rid package: $settings"
done
grep -qxF tools/net10.0/any/IntacctSync.Rules.Collector.dll <<<"$(listing "$tool_any")" || fail "$tool_any lacks the collector assembly"
native_contents=$(listing "$tool_native")
grep -qxF tools/any/linux-x64/intacct-sync <<<"$native_contents" || fail "$tool_native holds no native intacct-sync: $native_contents"
grep -qE '^tools/any/linux-x64/.*[.]dll$' <<<"$native_contents" && fail "$tool_native holds assemblies; it should be one native executable: $native_contents"
# The executable alone: no native debug symbols (intacct-sync.dbg, twice the executable), no PDBs or XML docs of assemblies it
# does not load (src/IntacctSync.Rules.Cli/IntacctSync.Rules.Cli.csproj).
native_files=$(grep '^tools/' <<<"$native_contents" | LC_ALL=C sort)
[ "$native_files" = $'tools/any/linux-x64/DotnetToolSettings.xml\ntools/any/linux-x64/intacct-sync' ] \
  || fail "$tool_native should hold the native intacct-sync and its DotnetToolSettings.xml alone: $native_files"
# The collector package: its assembly and docs, the readme, and a dependency on the very IntacctSync.Rules packed beside it.
collector_contents=$(listing "$collector")
for entry in lib/net10.0/IntacctSync.Rules.Collector.dll lib/net10.0/IntacctSync.Rules.Collector.xml README.md; do
  grep -qxF "$entry" <<<"$collector_contents" || fail "$collector lacks $entry"
done
grep -qF "<dependency id=\"IntacctSync.Rules\" version=\"$version\"" <<<"$(unzip -p "$collector" IntacctSync.Rules.Collector.nuspec)" \
  || fail "the collector package does not depend on IntacctSync.Rules $version"
step "package contents checked ($(wc -l <<<"$expected") embedded resources; the Native AOT tool package $(stat -c %s "$tool_native") bytes)"

# 3. The consumer: restored into an empty packages folder, so IntacctSync.Rules can only come from
#    $feed; then proven to be the package just packed (same source, same SHA-512).
packages=$work/packages
NUGET_PACKAGES=$packages dotnet restore samples/ConsumerSample -p:IntacctSyncRulesVersion="$version"
metadata=$packages/intacctsync.rules/$version/.nupkg.metadata
[ -f "$metadata" ] || fail "IntacctSync.Rules $version was not restored into $packages"
grep -qF "\"source\": \"$feed\"" "$metadata" || fail "IntacctSync.Rules came from elsewhere than $feed: $(cat "$metadata")"
hash=$(openssl dgst -sha512 -binary "$lib" | base64 -w0)
grep -qF "\"contentHash\": \"$hash\"" "$metadata" || fail "the restored IntacctSync.Rules is not the package just packed"
NUGET_PACKAGES=$packages dotnet build samples/ConsumerSample --no-restore -c "$configuration" -warnaserror -p:IntacctSyncRulesVersion="$version"
sample_out=$(dotnet "samples/ConsumerSample/bin/$configuration/net10.0/ConsumerSample.dll") || fail "the sample failed (exit $?)"
echo "$sample_out"
grep -qE '^INT402 ' <<<"$sample_out" || fail "the sample did not diagnose INT402"
step "the sample restored $version from $feed and diagnosed INT402"

# 4. The tool: installed from $feed alone (no other source) into an empty tool path.
cat >"$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="intacctsync-local" value="$feed" />
  </packageSources>
</configuration>
CONFIG
(cd "$work" && NUGET_PACKAGES=$packages dotnet tool install IntacctSync.Rules.Cli --version "$version" \
  --tool-path "$work/tools" --configfile "$work/nuget.config")
if [ -z "${DOTNET_ROOT:-}" ]; then
  DOTNET_ROOT=$(dirname "$(readlink -f "$(command -v dotnet)")")
  export DOTNET_ROOT
fi
# This machine is linux-x64: the installed command must be the native executable, not the framework-dependent apphost.
installed=$(find "$work/tools/.store" -type f -name intacct-sync | head -1)
[ -n "$installed" ] || fail "no intacct-sync in the tool store"
[ -z "$(find "$(dirname "$installed")" -maxdepth 1 -name 'intacct-sync.dll')" ] || fail "the installed tool is the framework-dependent one ($installed), not Native AOT"
tool_out=$("$work/tools/intacct-sync" diagnose "$evidence" --format json) || fail "intacct-sync failed (exit $?)"
grep -q '"code": "INT402"' <<<"$tool_out" || fail "intacct-sync from the tool package did not diagnose INT402: $tool_out"
step "intacct-sync $version installed from $feed (Native AOT, $installed) and diagnosed INT402"

# A custom rule directory in the native tool: parsed and interpreted at run time (samples/AotConsumer/rules: nullable
# comparisons, reads through absent objects, a lambda).
rules_out=$("$work/tools/intacct-sync" diagnose "$evidence" --rules samples/AotConsumer/rules --format json) || fail "intacct-sync --rules failed (exit $?)"
grep -q '"code": "INT990"' <<<"$rules_out" || fail "intacct-sync --rules samples/AotConsumer/rules did not diagnose the custom INT990: $rules_out"
grep -q '"id": "no-values"' <<<"$rules_out" || fail "intacct-sync --rules did not establish INT990's cause no-values: $rules_out"
grep -q '"code": "INT402"' <<<"$rules_out" || fail "intacct-sync --rules lost the built-in INT402: $rules_out"
step "intacct-sync --rules samples/AotConsumer/rules (Native AOT) diagnosed the custom INT990 beside INT402"

# The collector inside the tool: credentials given, the endpoint a loopback port nobody listens on.
set +e
collect_err=$(env INTACCT_SENDER_ID=s INTACCT_SENDER_PASSWORD=p INTACCT_COMPANY_ID=c INTACCT_USER_ID=u INTACCT_USER_PASSWORD=q \
  "$work/tools/intacct-sync" collect --endpoint http://127.0.0.1:1/ia/xml/xmlgw.phtml 2>&1 >/dev/null)
collect_status=$?
set -e
[ "$collect_status" -eq 2 ] || fail "intacct-sync collect against a closed port exited $collect_status, not 2: $collect_err"
grep -qF "cannot reach the Sage Intacct gateway" <<<"$collect_err" || fail "intacct-sync collect did not say the gateway cannot be reached: $collect_err"
step "intacct-sync collect from the tool package reported the unreachable gateway"

# 5. The framework-dependent tool, as every platform without a native package gets it. On linux-x64 the top-level package
#    always resolves to the native one, and .NET 10 offers no switch to prefer "any": `dotnet tool install -a arm64` fails
#    ("The runtime identifier linux-arm64 is invalid") before it looks at the packages. So the "any" package is installed by
#    its own id, which `dotnet tool install` accepts: the same package, installed the same way (a shim that runs
#    intacct-sync.dll on the shared .NET), as the top-level package's fallback to "any" installs it elsewhere.
(cd "$work" && NUGET_PACKAGES=$packages dotnet tool install IntacctSync.Rules.Cli.any --version "$version" \
  --tool-path "$work/tools-any" --configfile "$work/nuget.config")
installed_any=$(find "$work/tools-any/.store" -type f -name intacct-sync.dll | head -1)
[ -n "$installed_any" ] || fail "no intacct-sync.dll in the store of the framework-dependent tool: $(find "$work/tools-any" -type f)"
any_out=$("$work/tools-any/intacct-sync" diagnose "$evidence" --format json) || fail "the framework-dependent intacct-sync failed (exit $?)"
grep -q '"code": "INT402"' <<<"$any_out" || fail "the framework-dependent intacct-sync did not diagnose INT402: $any_out"
any_rules_out=$("$work/tools-any/intacct-sync" diagnose "$evidence" --rules samples/AotConsumer/rules --format json) \
  || fail "the framework-dependent intacct-sync --rules failed (exit $?)"
grep -q '"code": "INT990"' <<<"$any_rules_out" || fail "the framework-dependent intacct-sync --rules did not diagnose the custom INT990: $any_rules_out"
grep -q '"id": "no-values"' <<<"$any_rules_out" || fail "the framework-dependent intacct-sync --rules did not establish INT990's cause no-values: $any_rules_out"
grep -q '"code": "INT402"' <<<"$any_rules_out" || fail "the framework-dependent intacct-sync --rules lost the built-in INT402: $any_rules_out"
step "intacct-sync $version installed from $feed (framework-dependent, $installed_any) diagnosed INT402, and with --rules the custom INT990"
