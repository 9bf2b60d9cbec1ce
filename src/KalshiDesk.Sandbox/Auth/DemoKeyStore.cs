using System.Security.Cryptography;

namespace KalshiDesk.Sandbox.Auth;

/// <summary>
/// The demo account's key pair: read from <c>&lt;DataDirectory&gt;/sandbox-demo-key.pem</c> (PKCS#8, mode 0600 on Unix)
/// and <c>sandbox-demo-key.id</c> (a GUID), made there at the first start; without a data directory, made in memory.
/// </summary>
internal static class DemoKeyStore
{
    private const string Setting = $"{SandboxOptions.Section}:{nameof(SandboxOptions.DataDirectory)}";

    /// <summary>The demo key and its RSA key (the caller owns it); a folder or file that cannot be used is an <see cref="ArgumentException"/> naming the setting.</summary>
    public static (SandboxDemoKey Key, RSA Rsa) LoadOrCreate(string? dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            var rsa = RSA.Create(2048);
            return (new SandboxDemoKey(Guid.NewGuid().ToString(), rsa.ExportPkcs8PrivateKeyPem(), null), rsa);
        }

        var directory = Path.GetFullPath(dataDirectory);
        var keyPath = Path.Combine(directory, SandboxDemoKey.KeyFileName);
        var idPath = Path.Combine(directory, SandboxDemoKey.KeyIdFileName);
        try
        {
            Directory.CreateDirectory(directory);
            if (!File.Exists(keyPath))
            {
                Create(keyPath, idPath);
            }

            return Load(keyPath, idPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{Setting}: '{directory}' cannot hold the demo key ({ex.Message}); choose a folder this user can write.", ex);
        }
    }

    private static void Create(string keyPath, string idPath)
    {
        using var rsa = RSA.Create(2048);

        // A key made by a concurrent start wins: this one is dropped and that one loaded.
        if (WriteNew(keyPath, rsa.ExportPkcs8PrivateKeyPem(), secret: true))
        {
            File.WriteAllText(idPath, Guid.NewGuid() + Environment.NewLine);
        }
    }

    private static (SandboxDemoKey, RSA) Load(string keyPath, string idPath)
    {
        var pem = File.ReadAllText(keyPath);
        var rsa = RSA.Create();
        try
        {
            if (pem.Contains("ENCRYPTED", StringComparison.Ordinal))
            {
                throw new ArgumentException("encrypted");
            }

            rsa.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new ArgumentException($"{Setting}: '{keyPath}' is not an unencrypted RSA private key in PEM form; delete it (and {SandboxDemoKey.KeyIdFileName}) and a new demo key is made at the next start.", ex);
        }

        // The id only names the key: one lost (or never written, if a start was cut short) is simply made again.
        if (!File.Exists(idPath))
        {
            WriteNew(idPath, Guid.NewGuid() + Environment.NewLine, secret: false);
        }

        var id = File.ReadAllText(idPath).Trim();
        if (!Guid.TryParse(id, out _))
        {
            rsa.Dispose();
            throw new ArgumentException($"{Setting}: '{idPath}' does not hold a key id (a GUID); delete it and a new id is made at the next start.");
        }

        return (new SandboxDemoKey(id, pem, keyPath), rsa);
    }

    /// <summary>Writes <paramref name="text"/> to a new file at <paramref name="path"/> (owner read/write only when secret); false if the file appeared meanwhile.</summary>
    private static bool WriteNew(string path, string text, bool secret)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (secret && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
            {
                writer.Write(text);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
