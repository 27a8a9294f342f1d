namespace IntacctSync.Rules.Cli.Rendering.Html;

/// <summary>
/// The file <c>--html PAGE</c> names: a temporary file beside it is created when the run starts (so a path that cannot
/// be written fails before any input is read) and moved onto <c>PAGE</c> once the page is whole, so a run that fails
/// never leaves half a page, nor destroys an older one.
/// </summary>
internal sealed class TriagePageFile : IDisposable
{
    private readonly string _path;
    private readonly string _temporary;
    private FileStream? _stream;

    private TriagePageFile(string path, string temporary, FileStream stream)
    {
        _path = path;
        _temporary = temporary;
        _stream = stream;
    }

    /// <summary>Creates the temporary file; <c>null</c> and <paramref name="error"/> when the path cannot be written.</summary>
    public static TriagePageFile? Create(string path, out string? error)
    {
        error = null;
        try
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                error = $"cannot write the triage page '{path}': it is a directory; give --html the path of an .html file";
                return null;
            }

            var temporary = Path.Combine(Path.GetDirectoryName(full) ?? ".", "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
            return new TriagePageFile(full, temporary, stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"cannot write the triage page '{path}': {ex.Message}; give --html a path in a directory that exists and can be written";
            return null;
        }
    }

    /// <summary>Writes the page into the temporary file and moves it onto the path given.</summary>
    public void Commit(Action<Stream> write)
    {
        var stream = _stream ?? throw new InvalidOperationException("The page was already written.");
        write(stream);
        stream.Dispose();
        _stream = null;
        File.Move(_temporary, _path, overwrite: true);
    }

    public void Dispose()
    {
        if (_stream is not null)
        {
            _stream.Dispose();
            _stream = null;
            File.Delete(_temporary);
        }
    }
}
