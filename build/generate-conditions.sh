#!/usr/bin/env bash
# Regenerates src/IntacctSync.Rules/Rules/Generated/GeneratedConditions.g.cs, the C# of every condition and
# value expression of the built-in rules (rules/**/*.json), after a rule's expression was added or changed.
# The generator is the test project's Generation folder; GeneratedConditionsTests fails until this is run,
# then proves the regenerated methods agree with the parsed expressions. Review the result with `git diff`.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Written by the test when asked to, never on CI.
INTACCTSYNC_ACCEPT_GENERATED=1 CI= dotnet test tests/IntacctSync.Rules.Tests \
  --filter "FullyQualifiedName~GeneratedConditionsTests.GeneratedFile_IsCurrent"

# The library now compiles the new methods; run the whole class against them.
dotnet test tests/IntacctSync.Rules.Tests --filter "FullyQualifiedName~GeneratedConditionsTests"
