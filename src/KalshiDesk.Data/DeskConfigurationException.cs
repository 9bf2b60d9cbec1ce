namespace KalshiDesk.Data;

/// <summary>Configuration the desk cannot start with; the message names the key and the fix, on one line.</summary>
public sealed class DeskConfigurationException(string key, string problem) : Exception($"{key} {problem}")
{
    public string Key { get; } = key;
}
