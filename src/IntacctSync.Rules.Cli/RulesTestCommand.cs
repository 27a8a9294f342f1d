using System.CommandLine;
using System.Globalization;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;
using IntacctSync.Rules.Rules;
using Microsoft.Extensions.Options;

namespace IntacctSync.Rules.Cli;

/// <summary>
/// <c>intacct-sync rules test [CASES] [--rules DIR]... [--accept]</c>: classifies every case file (evidence)
/// under CASES and compares the JSON report with <c>CASE.verified.json</c> beside it, with Verify's
/// conventions: a new or changed report is written as <c>CASE.received.json</c>, its diff printed, and the
/// run fails until it is accepted with <c>--accept</c>. "Today" is fixed at 2026-11-20, as in the test suite.
/// </summary>
internal static class RulesTestCommand
{
    public const string DefaultCases = "tests/IntacctSync.Rules.Tests/Cases";

    private static readonly DateTimeOffset Today = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static Command Create(TextWriter stdout, TextWriter stderr, ClassifierFactory classifiers)
    {
        var cases = new Argument<string?>("CASES")
        {
            Description = $"A folder of case files (CODE/NAME.json, with NAME.verified.json beside each); default: {DefaultCases} when it exists.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var rules = new Option<string[]>("--rules")
        {
            Description = "A folder of rule files loaded on top of the built-in catalog; may be given more than once.",
        };
        var accept = new Option<bool>("--accept")
        {
            Description = "Accept every new or changed report: write NAME.verified.json and remove NAME.received.json.",
        };

        var command = new Command("test", "Run rule cases against their verified reports. Exit 0 when all match, 4 when a report is new or changed, 2 when a case cannot be read, 3 when the rules are invalid, 70 when the classifier failed on a case.")
        {
            cases, rules, accept,
        };
        command.SetAction(parse => Run(parse.GetValue(cases), parse.GetValue(rules) ?? [], parse.GetValue(accept), stdout, stderr, classifiers));
        return command;
    }

    private static int Run(string? casesDirectory, string[] ruleDirectories, bool accept, TextWriter stdout, TextWriter stderr, ClassifierFactory classifiers)
    {
        if (casesDirectory is null && !Directory.Exists(DefaultCases))
        {
            TerminalText.Error(stderr, $"give the folder of cases to run (there is no {DefaultCases} here)");
            return ExitCodes.Usage;
        }

        casesDirectory ??= DefaultCases;
        if (!Directory.Exists(casesDirectory))
        {
            TerminalText.Error(stderr, $"the cases folder '{casesDirectory}' does not exist");
            return ExitCodes.Usage;
        }

        var caseFiles = Directory.EnumerateFiles(casesDirectory, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".verified.json", StringComparison.Ordinal) && !f.EndsWith(".received.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (caseFiles.Length == 0)
        {
            TerminalText.Error(stderr, $"the cases folder '{casesDirectory}' holds no case files (CODE/NAME.json evidence documents)");
            return ExitCodes.BadInput;
        }

        ISyncErrorClassifier classifier;
        try
        {
            classifier = classifiers(RuleLoading.Options(ruleDirectories), new FixedTime());
        }
        catch (RuleLoadException ex)
        {
            return RuleLoading.Report(ex, stderr);
        }
        catch (OptionsValidationException ex)
        {
            return RuleLoading.Report(ex, stderr);
        }

        var tally = new Dictionary<CaseOutcome, int>();
        foreach (var file in caseFiles)
        {
            var outcome = RunCase(classifier, file, accept, stdout, stderr);
            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
        }

        var failed = tally.GetValueOrDefault(CaseOutcome.New) + tally.GetValueOrDefault(CaseOutcome.Changed);
        var unreadable = tally.GetValueOrDefault(CaseOutcome.Unreadable);
        var crashed = tally.GetValueOrDefault(CaseOutcome.Crashed);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{caseFiles.Length} cases: {tally.GetValueOrDefault(CaseOutcome.Passed)} passed, {failed} failed, {tally.GetValueOrDefault(CaseOutcome.Accepted)} accepted, {unreadable} unreadable")
            + (crashed > 0 ? string.Create(CultureInfo.InvariantCulture, $", {crashed} not run (the classifier failed)") : string.Empty);
        stdout.WriteLine(summary);
        if (failed > 0)
        {
            stdout.WriteLine("Review each .received.json; if the reports are right, rerun with --accept.");
        }

        // A classifier failure is a bug to report before anything else; then unreadable cases, then differing ones.
        return crashed > 0 ? ExitCodes.Internal : unreadable > 0 ? ExitCodes.BadInput : failed > 0 ? ExitCodes.CasesFailed : ExitCodes.Ok;
    }

    private static CaseOutcome RunCase(ISyncErrorClassifier classifier, string file, bool accept, TextWriter stdout, TextWriter stderr)
    {
        SyncEvidence evidence;
        try
        {
            using var stream = File.OpenRead(file);
            evidence = SyncEvidenceJson.Read(stream, file);
        }
        catch (EvidenceFormatException ex)
        {
            TerminalText.Error(stderr, "cannot read the case: " + ex.Message);
            return CaseOutcome.Unreadable;
        }
        catch (IOException ex)
        {
            TerminalText.Error(stderr, $"cannot read '{file}': {ex.Message}");
            return CaseOutcome.Unreadable;
        }
        catch (UnauthorizedAccessException ex)
        {
            TerminalText.Error(stderr, $"cannot read '{file}': {ex.Message}");
            return CaseOutcome.Unreadable;
        }

        string received;
        try
        {
            received = Normalize(DiagnosisReportJson.Write(classifier.Classify(evidence)));
        }
        catch (Exception ex)
        {
            // A bug in the classifier for one case: said once, and the other cases still run.
            TerminalText.Error(stderr, $"{file}: the classifier failed ({ex.GetType().Name}: {ex.Message}); the case was not compared; please report it as a bug");
            return CaseOutcome.Crashed;
        }

        var verifiedPath = Path.ChangeExtension(file, ".verified.json");
        var receivedPath = Path.ChangeExtension(file, ".received.json");
        var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return CaseOutcome.Passed;
        }

        if (accept)
        {
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            stdout.WriteLine(TerminalText.Escape($"accepted {verifiedPath}{(verified is null ? " (new)" : string.Empty)}"));
            return CaseOutcome.Accepted;
        }

        File.WriteAllText(receivedPath, received);
        if (verified is null)
        {
            stdout.WriteLine(TerminalText.Escape($"NEW  {file}: no {Path.GetFileName(verifiedPath)} yet; the report was written to {receivedPath}"));
            return CaseOutcome.New;
        }

        stdout.WriteLine(TerminalText.Escape($"FAIL {file}: the report differs from {Path.GetFileName(verifiedPath)}; received written to {receivedPath}"));
        stdout.Write(LineDiff.Describe(verified, received));
        return CaseOutcome.Changed;
    }

    // The same text rules as the test suite's snapshots: LF line ends and one final newline.
    private static string Normalize(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.EndsWith('\n') ? text : text + "\n";
    }

    private enum CaseOutcome
    {
        Passed,
        Accepted,
        New,
        Changed,
        Unreadable,
        Crashed,
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Today;
    }
}
