using IntacctSync.Rules;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;

// AotConsumer EVIDENCE.json RULE-DIRECTORY: classifies the evidence with the built-in catalog and the rules of the
// directory, and prints the report as JSON. Exit 0 with a report, 2 for unreadable evidence or wrong usage, 3 for
// invalid rules. Published with PublishAot=true, it runs the custom rules through the library's evaluator for
// applications that cannot generate code.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: AotConsumer EVIDENCE.json RULE-DIRECTORY");
    return 2;
}

var (evidencePath, ruleDirectory) = (args[0], args[1]);

// AOTCONSUMER_PARSE_EVERY_EXPRESSION=1 parses and evaluates the built-in rules' expressions too, instead of taking
// their generated C# (the library's AppContext switch): build/aot-sample.sh compares both reports over every case.
if (Environment.GetEnvironmentVariable("AOTCONSUMER_PARSE_EVERY_EXPRESSION") == "1")
{
    AppContext.SetSwitch("IntacctSync.Rules.ParseEveryExpression", true);
}
SyncErrorClassifier classifier;
try
{
    var options = new IntacctSyncRulesOptions();
    options.RuleDirectories.Add(ruleDirectory);
    classifier = SyncErrorClassifier.Create(options);
}
catch (RuleLoadException ex)
{
    Console.Error.WriteLine($"AotConsumer: the rules are invalid: {ex.Message}");
    return 3;
}

SyncEvidence evidence;
try
{
    evidence = SyncEvidenceJson.Read(File.ReadAllBytes(evidencePath), evidencePath);
}
catch (Exception ex) when (ex is EvidenceFormatException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"AotConsumer: cannot read {evidencePath}: {ex.Message}");
    return 2;
}

Console.WriteLine(DiagnosisReportJson.Write(classifier.Classify(evidence)));
return 0;
