using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace IntacctSync.Rules.Tests.Snapshots;

/// <summary>
/// Snapshot checks with Verify's conventions: the accepted text lives in <c>NAME.verified.json</c>; a
/// mismatch writes <c>NAME.received.json</c> beside it and fails with a line diff; a missing verified
/// file fails too (always on CI). Accepting is explicit: set <c>INTACCTSYNC_ACCEPT_SNAPSHOTS=1</c> and
/// rerun (never honoured on CI), or rename the received file by hand after reading it.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string received, string verifiedPath)
    {
        var receivedPath = verifiedPath.Replace(".verified.", ".received.", StringComparison.Ordinal);
        received = Normalize(received);
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        var accept = !onCi && Environment.GetEnvironmentVariable("INTACCTSYNC_ACCEPT_SNAPSHOTS") == "1";

        if (!File.Exists(verifiedPath))
        {
            if (accept)
            {
                File.WriteAllText(verifiedPath, received);
                return;
            }

            File.WriteAllText(receivedPath, received);
            Assert.Fail($"No verified snapshot at {verifiedPath}{(onCi ? " (CI needs every snapshot committed)" : string.Empty)}. "
                + $"The output was written to {receivedPath}: read it, and if it is right rename it to .verified.json "
                + "(or rerun with INTACCTSYNC_ACCEPT_SNAPSHOTS=1).");
        }

        var verified = Normalize(File.ReadAllText(verifiedPath));
        if (verified == received)
        {
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        if (accept)
        {
            File.WriteAllText(verifiedPath, received);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail($"Snapshot mismatch for {verifiedPath}; received written to {receivedPath}.\n{Diff(verified, received)}"
            + "\nIf the change is right, accept it: rename the received file over the verified one (or rerun with INTACCTSYNC_ACCEPT_SNAPSHOTS=1).");
    }

    internal static string Diff(string verified, string received)
    {
        var diff = InlineDiffBuilder.Diff(verified, received, ignoreWhiteSpace: false);
        var text = new StringBuilder();
        foreach (var line in diff.Lines)
        {
            var mark = line.Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => null,
            };

            if (mark is not null)
            {
                text.Append(mark).Append(line.Text).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Normalize(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return text.EndsWith('\n') ? text : text + "\n";
    }
}
