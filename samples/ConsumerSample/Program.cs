using IntacctSync.Rules;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using Microsoft.Extensions.DependencyInjection;

// Classifies one evidence file (the bundled INT402 example unless a path is given) with the
// classifier that AddIntacctSyncRules registers, and prints each diagnosis, its proven causes and
// the plan. The first word of a diagnosis line is its code.
var path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "evidence", "udd-inactive.json");

var services = new ServiceCollection();
services.AddIntacctSyncRules();
using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
var classifier = provider.GetRequiredService<ISyncErrorClassifier>();

SyncEvidence evidence;
try
{
    evidence = SyncEvidenceJson.Read(File.ReadAllBytes(path), path);
}
catch (Exception ex) when (ex is EvidenceFormatException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"consumer-sample: cannot read {path}: {ex.Message}");
    return 2;
}

var report = classifier.Classify(evidence);
if (report.Diagnoses.Count == 0)
{
    Console.WriteLine("no diagnosis: the evidence shows no failure");
    return 0;
}

foreach (var diagnosis in report.Diagnoses)
{
    Console.WriteLine($"{diagnosis.Code} {diagnosis.Certainty.ToString().ToLowerInvariant()}: {diagnosis.Title}");
    foreach (var cause in diagnosis.Causes)
    {
        Console.WriteLine($"  cause: {cause.Summary}");
    }

    foreach (var step in diagnosis.Steps)
    {
        Console.WriteLine($"  {step.Order}. [{step.System}] {step.Action}");
    }
}

return 0;
