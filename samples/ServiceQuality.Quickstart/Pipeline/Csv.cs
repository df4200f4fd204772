using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ServiceQuality.Quickstart.Pipeline;

/// <summary>A mistake in the user's input or command: shown as one line naming where it is, exit code 1, no stack trace.</summary>
internal sealed class UserError(string message) : Exception(message);

/// <summary>One field of a CSV file and where it starts (1-based line and character column).</summary>
internal readonly record struct CsvField(string Value, int Line, int Column);

/// <summary>One record of a CSV file, with its fields by the header's column names (case-insensitive).</summary>
internal sealed class CsvRecord(CsvTable table, int line, CsvField[] fields)
{
    /// <summary>Gets the line the record starts on.</summary>
    public int Line => line;

    /// <summary>Gets the field of a column, or <see langword="null"/> when the file has no such column.</summary>
    public CsvField? Field(string column) => table.IndexOf(column) is int i and >= 0 ? fields[i] : null;

    /// <summary>Gets the text of a column; empty when the file has no such column.</summary>
    public string this[string column] => Field(column)?.Value ?? string.Empty;

    /// <summary>An error about one field: "FILE, line L, column C (NAME): what is wrong".</summary>
    public UserError Error(string column, string problem)
    {
        var field = Field(column) ?? new CsvField(string.Empty, line, 1);
        return new UserError($"{table.Path}, line {field.Line}, column {field.Column} ({column}): {problem}");
    }
}

/// <summary>The rows of a CSV text as plain strings, for the test and benchmark corpora that link this file.</summary>
internal static class Csv
{
    /// <summary>Reads every row (the header first) strictly, as <see cref="CsvTable"/> does.</summary>
    /// <exception cref="UserError">An unclosed quote, text after a closing quote, or a quote inside an unquoted field.</exception>
    public static IEnumerable<string[]> ReadRows(TextReader reader) =>
        CsvTable.Parse(reader.ReadToEnd(), "CSV text").Select(row => row.Fields.Select(f => f.Value).ToArray());
}

/// <summary>
/// A CSV file read strictly (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks), so that every
/// problem is reported with the file, line and column: a file that is not UTF-8 text, an empty file, an unclosed
/// quote, text after a closing quote, a quote inside an unquoted field, a row with more or fewer fields than the header.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);

    private CsvTable(string path, string[] header)
    {
        Path = path;
        Header = header;
        for (int i = 0; i < header.Length; i++)
        {
            _columns.TryAdd(header[i].Trim(), i);
        }
    }

    /// <summary>Gets the file's full path.</summary>
    public string Path { get; }

    /// <summary>Gets the column names of the header.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Gets the records after the header.</summary>
    public IReadOnlyList<CsvRecord> Records { get; private set; } = [];

    /// <summary>Whether the header has the column.</summary>
    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The index of a column, or -1.</summary>
    public int IndexOf(string column) => _columns.GetValueOrDefault(column, -1);

    /// <summary>Reads and checks a CSV file whose first row is the header.</summary>
    /// <exception cref="UserError">The file is missing, a folder, not UTF-8 text, empty or malformed.</exception>
    public static CsvTable Read(string path)
    {
        string fullPath = InputFiles.Existing(path);
        string text = InputFiles.ReadText(fullPath, "a CSV file");
        if (text.Trim().Length == 0)
        {
            throw new UserError($"{fullPath} is empty; expected a CSV file whose first line names the columns.");
        }

        var rows = Parse(text, fullPath);
        var header = rows[0].Fields;
        var table = new CsvTable(fullPath, [.. header.Select(f => f.Value)]);
        var records = new List<CsvRecord>(rows.Count - 1);
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Length == 1 && fields[0].Value.Length == 0)
            {
                continue; // a blank line
            }

            if (fields.Length != header.Length)
            {
                throw new UserError($"{fullPath}, line {line}: {fields.Length} field{(fields.Length == 1 ? "" : "s")}, but the header (line 1) names {header.Length} columns.");
            }

            records.Add(new CsvRecord(table, line, fields));
        }

        table.Records = records;
        return table;
    }

    /// <summary>Throws unless the header has every one of <paramref name="required"/> columns.</summary>
    public void Require(IEnumerable<string> required, string what)
    {
        var missing = required.Where(c => !Has(c)).ToList();
        if (missing.Count > 0)
        {
            throw new UserError($"{Path}, line 1: {what} needs the column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)}; the header has {string.Join(", ", Header)}.");
        }
    }

    /// <summary>Splits CSV text into rows of fields, each field with the line and column where it starts.</summary>
    /// <exception cref="UserError">An unclosed quote, text after a closing quote, or a quote inside an unquoted field.</exception>
    internal static List<(int Line, CsvField[] Fields)> Parse(string text, string source)
    {
        var rows = new List<(int, CsvField[])>();
        var fields = new List<CsvField>();
        var field = new StringBuilder();
        int line = 1, column = 1;             // where the next character is
        int rowLine = 1, fieldLine = 1, fieldColumn = 1;
        int quoteLine = 0, quoteColumn = 0;   // where the open quote of the current field is
        bool quoted = false, closed = false;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                        column += 2;
                        continue;
                    }

                    quoted = false;
                    closed = true;
                }
                else
                {
                    field.Append(ch);
                }

                Advance(ch);
                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0 && !closed:
                    quoted = true;
                    quoteLine = line;
                    quoteColumn = column;
                    break;
                case '"':
                    throw new UserError($"{source}, line {line}, column {column}: a quote inside an unquoted field; quote the whole field and double the quotes inside it.");
                case ',':
                    EndField();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n' or '\r':
                    EndField();
                    rows.Add((rowLine, [.. fields]));
                    fields.Clear();
                    Advance('\n');
                    rowLine = fieldLine = line;
                    fieldColumn = column;
                    continue;
                default:
                    if (closed)
                    {
                        throw new UserError($"{source}, line {line}, column {column}: text after the closing quote of a field; expected a comma or the end of the line.");
                    }

                    field.Append(ch);
                    break;
            }

            Advance(ch);
        }

        if (quoted)
        {
            throw new UserError($"{source}, line {quoteLine}, column {quoteColumn}: the quote that opens this field is never closed (an unbalanced quote).");
        }

        if (field.Length > 0 || fields.Count > 0 || closed)
        {
            EndField();
            rows.Add((rowLine, [.. fields]));
        }

        return rows;

        void Advance(char c)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else if (!char.IsLowSurrogate(c))
            {
                column++;
            }
        }

        void EndField()
        {
            fields.Add(new CsvField(field.ToString(), fieldLine, fieldColumn));
            field.Clear();
            closed = false;
            fieldLine = line;
            fieldColumn = column + 1;
        }
    }
}

/// <summary>Checks of the files a user names, each failing with one line that names the file.</summary>
internal static class InputFiles
{
    /// <summary>The full path of an existing file.</summary>
    public static string Existing(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UserError($"{full} is a folder; expected a file.");
        }

        if (!File.Exists(full))
        {
            throw new UserError($"{full} does not exist.");
        }

        return full;
    }

    /// <summary>The full path of a file to write, whose folder exists.</summary>
    public static string Writable(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UserError($"cannot write {full}: it is a folder; expected a file name.");
        }

        string? folder = System.IO.Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UserError($"cannot write {full}: the folder {folder} does not exist.");
        }

        return full;
    }

    /// <summary>Reads a file as UTF-8 text (a byte-order mark is skipped); binary content is refused with its position.</summary>
    public static string ReadText(string fullPath, string expected)
    {
        byte[] bytes = File.ReadAllBytes(fullPath);
        var source = bytes.AsSpan(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0);
        char[] chars = new char[source.Length];
        var status = Utf8.ToUtf16(source, chars, out int read, out int written, replaceInvalidSequences: false);
        string text = new(chars, 0, written);
        if (status != OperationStatus.Done)
        {
            var (line, column) = Position(text);
            throw new UserError($"{fullPath}, line {line}, column {column}: not UTF-8 text (byte 0x{source[read]:X2}); expected {expected}.");
        }

        int nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var (line, column) = Position(text[..nul]);
            throw new UserError($"{fullPath}, line {line}, column {column}: not text (a NUL character); expected {expected}.");
        }

        return text;
    }

    /// <summary>The line and column just after <paramref name="before"/>.</summary>
    private static (int Line, int Column) Position(string before)
    {
        int lastBreak = before.LastIndexOf('\n');
        int line = 1 + before.Count(c => c == '\n');
        return (line, before.Length - lastBreak);
    }
}
