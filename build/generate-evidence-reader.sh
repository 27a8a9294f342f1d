#!/usr/bin/env bash
# Regenerates src/IntacctSync.Rules/Evidence/Json/FastEvidenceReader.g.cs (the reader of each evidence type),
# EvidenceModel.g.cs (each type's fields and JSON writer, for cited facts) and
# src/IntacctSync.Rules/Rules/Definition/FastRuleDocumentReader.g.cs (the rule-file reader) after a type or field
# of the evidence model (src/IntacctSync.Rules/Evidence) or of the rule format (RuleDocument.cs) was added or
# changed. The generators are in tests/IntacctSync.Rules.Tests/Generation; the *_IsCurrent tests fail until this is
# run, then the reader tests prove the regenerated code agrees with System.Text.Json. Review with `git diff`.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Written by the test when asked to, never on CI.
INTACCTSYNC_ACCEPT_GENERATED=1 CI= dotnet test tests/IntacctSync.Rules.Tests \
  --filter "FullyQualifiedName~FastEvidenceReaderTests.GeneratedFile_IsCurrent|FullyQualifiedName~FastEvidenceReaderTests.GeneratedModelFile_IsCurrent|FullyQualifiedName~FastRuleDocumentReaderTests.GeneratedFile_IsCurrent"

# The library now compiles the new reader; run the whole class against it.
dotnet test tests/IntacctSync.Rules.Tests --filter "FullyQualifiedName~FastEvidenceReaderTests|FullyQualifiedName~EvidenceModelTests|FullyQualifiedName~FastRuleDocumentReaderTests"
