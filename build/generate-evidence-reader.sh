#!/usr/bin/env bash
# Regenerates src/IntacctSync.Rules/Evidence/Json/FastEvidenceReader.g.cs (the reader of each evidence type) and
# EvidenceModel.g.cs (each type's fields and JSON writer, for cited facts) after a type or field of the model
# (src/IntacctSync.Rules/Evidence) was added or changed. The generator is
# tests/IntacctSync.Rules.Tests/Generation/EvidenceReaderGenerator.cs; FastEvidenceReaderTests fails until this is run,
# then it and EvidenceModelTests prove the regenerated code agrees with the serializer path. Review with `git diff`.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Written by the test when asked to, never on CI.
INTACCTSYNC_ACCEPT_GENERATED=1 CI= dotnet test tests/IntacctSync.Rules.Tests \
  --filter "FullyQualifiedName~FastEvidenceReaderTests.GeneratedFile_IsCurrent|FullyQualifiedName~FastEvidenceReaderTests.GeneratedModelFile_IsCurrent|FullyQualifiedName~FastRuleDocumentReaderTests.GeneratedFile_IsCurrent"

# The library now compiles the new reader; run the whole class against it.
dotnet test tests/IntacctSync.Rules.Tests --filter "FullyQualifiedName~FastEvidenceReaderTests|FullyQualifiedName~EvidenceModelTests|FullyQualifiedName~FastRuleDocumentReaderTests"
