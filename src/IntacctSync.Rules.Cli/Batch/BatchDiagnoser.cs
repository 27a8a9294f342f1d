using System.Buffers;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using IntacctSync.Rules.Cli.Rendering.Html;
using IntacctSync.Rules.Diagnoses;
using IntacctSync.Rules.Evidence;

namespace IntacctSync.Rules.Cli.Batch;

/// <summary>
/// <c>diagnose --batch</c>: reads evidence documents one per line, classifies them on every core, and writes one
/// report line per document in input order. A bad line is reported and skipped; it never stops the run.
/// </summary>
/// <remarks>
/// Memory stays constant whatever the input size: the reader keeps at most one line, and the two bounded channels
/// between the reader, the workers and the writer hold at most a few lines per core.
/// A line on which the classifier fails, whatever it throws (<see cref="OutOfMemoryException"/> included: one
/// document's allocation is gone once its line is dropped), is reported and skipped like a bad line; a worker never
/// dies of it, so the run cannot hang waiting for a worker that is gone. When the writer fails, the reader and
/// workers are stopped.
/// </remarks>
internal sealed class BatchDiagnoser
{
    private static readonly byte[] LinePrefix = "{\"line\":"u8.ToArray();
    private static readonly byte[] ReportPrefix = ",\"report\":"u8.ToArray();

    private readonly ISyncErrorClassifier _classifier;
    private readonly int _maxBytes;
    private readonly string _source;
    private readonly int _workers;
    private readonly TriagePageBuilder? _page;

    /// <param name="page">Receives each report in input order, for the triage page (<c>--html</c>); <c>null</c> for none.</param>
    public BatchDiagnoser(ISyncErrorClassifier classifier, int maxBytes, string source, int workers, TriagePageBuilder? page = null)
    {
        _classifier = classifier;
        _maxBytes = maxBytes;
        _source = source;
        _workers = Math.Max(1, workers);
        _page = page;
    }

    /// <summary>Runs the whole input; <paramref name="error"/> receives each bad line's message as it is met.</summary>
    /// <param name="progress">Called by the writer with the input bytes consumed up to the line just written.</param>
    public async Task<BatchSummary> RunAsync(Stream input, TextWriter stdout, Action<string> error, Action<long>? progress, CancellationToken cancellationToken)
    {
        var summary = new BatchSummary();
        await RunAsync(input, stdout, error, progress, summary, cancellationToken).ConfigureAwait(false);
        return summary;
    }

    /// <summary>Runs the whole input into <paramref name="summary"/>, which holds what was done even when the run ends in an exception.</summary>
    public async Task RunAsync(Stream input, TextWriter stdout, Action<string> error, Action<long>? progress, BatchSummary summary, CancellationToken cancellationToken)
    {
        var capacity = _workers * 4;
        var work = Channel.CreateBounded<Item>(new BoundedChannelOptions(capacity) { SingleWriter = true, SingleReader = false });
        var ordered = Channel.CreateBounded<Item>(new BoundedChannelOptions(capacity) { SingleWriter = true, SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var reader = Task.Run(() => ReadAsync(new JsonLineReader(input, _maxBytes), work.Writer, ordered.Writer, summary, stop.Token), stop.Token);
        var workers = Enumerable.Range(0, _workers).Select(_ => Task.Run(() => WorkAsync(work.Reader, stop.Token), stop.Token)).ToArray();
        try
        {
            await WriteAsync(ordered.Reader, stdout, error, progress, summary, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Nobody reads the channels any more: without this, the reader and the workers would wait on them forever.
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }

        await reader.ConfigureAwait(false);
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    private static async Task ReadAsync(JsonLineReader lines, ChannelWriter<Item> work, ChannelWriter<Item> ordered, BatchSummary summary, CancellationToken cancellationToken)
    {
        try
        {
            while (await lines.ReadAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (line.Rented is not null && line.Bytes.Trim(" \t\r\n"u8).IsEmpty)
                {
                    ArrayPool<byte>.Shared.Return(line.Rented);
                    summary.BlankLines++;
                    continue;
                }

                var item = new Item(line, lines.Position);
                if (line.Rented is null)
                {
                    item.Complete();
                }
                else
                {
                    await work.WriteAsync(item, cancellationToken).ConfigureAwait(false);
                }

                await ordered.WriteAsync(item, cancellationToken).ConfigureAwait(false);
            }

            work.Complete();
            ordered.Complete();
        }
        catch (Exception ex)
        {
            // A failing input stream ends the run; the writer reports it after the lines read before it.
            work.TryComplete(ex);
            ordered.TryComplete(ex);
            throw;
        }
    }

    private async Task WorkAsync(ChannelReader<Item> work, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await foreach (var item in work.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                Classify(item, buffer);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(item.Line.Rented!);
                item.Complete();
            }
        }
    }

    private void Classify(Item item, MemoryStream buffer)
    {
        try
        {
            Write(item, _classifier.Classify(SyncEvidenceJson.Read(item.Line.Bytes, source: null, _maxBytes)), buffer);
        }
        catch (Exception ex)
        {
            // A bad line, or a document the classifier cannot handle (a bug to report): neither ends the run for the others.
            item.Output = null;
            item.Error = ex;
        }
    }

    private void Write(Item item, DiagnosisReport report, MemoryStream buffer)
    {
        // Kept only until the writer has given it to the page: at most the channels' few lines per core.
        item.Report = _page is null ? null : report;
        buffer.SetLength(0);
        buffer.Write(LinePrefix);
        Span<byte> number = stackalloc byte[20];
        item.Line.Number.TryFormat(number, out var written, provider: CultureInfo.InvariantCulture);
        buffer.Write(number[..written]);
        buffer.Write(ReportPrefix);
        DiagnosisReportJson.Write(report, buffer, indented: false);
        buffer.WriteByte((byte)'}');
        buffer.WriteByte((byte)'\n');
        item.Output = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        item.Codes = report.Diagnoses.Count == 0 ? [] : [.. report.Diagnoses.Select(d => d.Code)];
        item.Faults = report.Faults;
    }

    private async Task WriteAsync(ChannelReader<Item> ordered, TextWriter stdout, Action<string> error, Action<long>? progress, BatchSummary summary, CancellationToken cancellationToken)
    {
        const int FlushAt = 64 * 1024;
        var pending = new StringBuilder(FlushAt + 4096);
        void Flush()
        {
            if (pending.Length > 0)
            {
                stdout.Write(pending);
                stdout.Flush();
                pending.Clear();
            }
        }

        try
        {
            while (true)
            {
                if (!ordered.TryRead(out var item))
                {
                    // Nothing is ready: what was written so far goes out now, so a slow producer still streams.
                    Flush();
                    if (!await ordered.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    continue;
                }

                if (!item.Done.IsCompleted)
                {
                    Flush();
                    await item.Done.ConfigureAwait(false);
                }

                summary.Documents++;
                if (item.Output is { } output)
                {
                    pending.Append(output);
                    summary.Count(item.Codes);
                    if (item.Report is { } report)
                    {
                        _page!.Add(item.Line.Number, report);
                        item.Report = null;
                    }

                    if (item.Faults.Count > 0)
                    {
                        summary.Faulted();
                        var where = string.Create(CultureInfo.InvariantCulture, $"{_source} line {item.Line.Number}");
                        foreach (var fault in item.Faults)
                        {
                            error(RuleFaults.Line(fault, where));
                        }
                    }

                    if (pending.Length >= FlushAt)
                    {
                        Flush();
                    }
                }
                else
                {
                    if (item.Line.Rented is null || item.Error is EvidenceFormatException)
                    {
                        summary.Bad(item.Line.Number);
                    }
                    else
                    {
                        summary.Failed(item.Line.Number);
                    }

                    error(Describe(item));
                }

                progress?.Invoke(item.EndPosition);
            }
        }
        finally
        {
            Flush();
        }
    }

    private string Describe(Item item)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"{_source} line {item.Line.Number}");
        if (item.Line.Rented is null)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{where}: skipped: the line is longer than {_maxBytes:N0} bytes ({item.Line.OversizedLength:N0}); each line must hold one evidence document within the evidence size limit");
        }

        if (item.Error is not EvidenceFormatException ex)
        {
            return $"{where}: skipped: the classifier failed ({item.Error?.GetType().Name}: {item.Error?.Message}); please report this line as a bug";
        }

        var column = ex.Column is { } c ? string.Create(CultureInfo.InvariantCulture, $", col {c}") : string.Empty;
        var path = string.IsNullOrEmpty(ex.JsonPath) ? string.Empty : ex.JsonPath + ": ";
        return $"{where}{column}: skipped: {path}{ex.Reason}";
    }

    /// <summary>One line on its way through the pipeline; the worker fills it, the writer reads it once it is done.</summary>
    private sealed class Item(JsonLine line, long endPosition)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public JsonLine Line { get; } = line;

        public long EndPosition { get; } = endPosition;

        public string? Output { get; set; }

        public string[] Codes { get; set; } = [];

        public DiagnosisReport? Report { get; set; }

        public IReadOnlyList<RuleFault> Faults { get; set; } = [];

        public Exception? Error { get; set; }

        public Task Done => _done.Task;

        public void Complete() => _done.TrySetResult();
    }
}
