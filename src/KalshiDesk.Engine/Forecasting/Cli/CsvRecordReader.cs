using System.Globalization;
using System.Text;

namespace KalshiDesk.Engine.Forecasting.Cli;

/// <summary>
/// RFC 4180 records: values separated by commas; a value may be quoted ("..."), and then holds commas, line breaks
/// and doubled quotes (""). Lines end in LF, CRLF or CR. Empty lines hold no record and are passed over; anything
/// else that is not well formed (a quote inside an unquoted value, text after a closing quote, a quote never closed)
/// is refused with its line and column.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, string fileName)
{
    private readonly StringBuilder _value = new();
    private int _line = 1;

    /// <summary>Names the column at a 0-based index in error messages; by position until the header is known.</summary>
    public Func<int, string> ColumnName { get; set; } = index => (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The next record, or null at the end of the file.</summary>
    public CsvRecord? Read()
    {
        while (true)
        {
            if (reader.Peek() < 0)
            {
                return null;
            }

            var start = _line;
            var values = new List<string>();
            var anyQuoted = false;
            while (true)
            {
                var quoted = ReadValue(values.Count);
                anyQuoted |= quoted;
                values.Add(_value.ToString());
                var next = reader.Read();
                if (next == ',')
                {
                    continue;
                }

                EndLine(next);
                break;
            }

            // An empty or blank line is no record, and so no row is dropped by passing over it.
            if (!anyQuoted && values.Count == 1 && string.IsNullOrWhiteSpace(values[0]))
            {
                continue;
            }

            return new CsvRecord(start, values);
        }
    }

    // Reads one value into _value and stops before the separator or line end that follows it; true when it was quoted.
    private bool ReadValue(int column)
    {
        _value.Clear();
        while (reader.Peek() is ' ' or '\t')
        {
            _value.Append((char)reader.Read());
        }

        if (reader.Peek() != '"')
        {
            while (reader.Peek() is var c && c >= 0 && c is not (',' or '\r' or '\n'))
            {
                if (c == '"')
                {
                    throw Fail(_line, column, "a quote inside an unquoted value; quote the whole value and double each quote inside it (\"say \"\"yes\"\"\")");
                }

                _value.Append((char)reader.Read());
            }

            return false;
        }

        _value.Clear();
        var opened = _line;
        reader.Read();
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                throw Fail(opened, column, "a quoted value is never closed");
            }

            if (c == '"')
            {
                if (reader.Peek() != '"')
                {
                    break;
                }

                reader.Read();
            }
            else if (c == '\n' || (c == '\r' && reader.Peek() != '\n'))
            {
                _line++;
            }

            _value.Append((char)c);
        }

        while (reader.Peek() is ' ' or '\t')
        {
            reader.Read();
        }

        if (reader.Peek() is var after && after >= 0 && after is not (',' or '\r' or '\n'))
        {
            throw Fail(_line, column, "text after the closing quote; a quoted value ends with its quote, then a comma or the end of the line");
        }

        return true;
    }

    private void EndLine(int c)
    {
        if (c == '\r' && reader.Peek() == '\n')
        {
            reader.Read();
        }

        if (c >= 0)
        {
            _line++;
        }
    }

    private ForecastInputException Fail(int line, int column, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{fileName} line {line}, column {ColumnName(column)}: {problem}"));
}
