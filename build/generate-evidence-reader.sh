#!/usr/bin/env bash
# Regenerates src/IntacctSync.Rules/Evidence/Json/FastEvidenceReader.g.cs (the reader of each evidence type),
# EvidenceModel.g.cs (each type's fields and JSON writer, for cited facts) and
# src/IntacctSync.Rules/Rules/Definition/FastRuleDocumentReader.g.cs (the rule-file reader) after a type or field
# of the evidence model (src/IntacctSync.Rules/Evidence) or of the rule format (RuleDocument.cs) was added or
# changed. The generators are tools/IntacctSync.Rules.Generators (`dotnet run --project tools/IntacctSync.Rules.Generators
# -- evidence-reader`, `-- rule-reader`); the *_IsCurrent tests fail until this is run, then the reader tests prove the
# regenerated code agrees with System.Text.Json. Review with `git diff`.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet run --project tools/IntacctSync.Rules.Generators -- evidence-reader
dotnet run --project tools/IntacctSync.Rules.Generators -- rule-reader

# The library now compiles the new reader; run the whole class against it.
dotnet test tests/IntacctSync.Rules.Tests --filter "FullyQualifiedName~FastEvidenceReaderTests|FullyQualifiedName~EvidenceModelTests|FullyQualifiedName~FastRuleDocumentReaderTests"
