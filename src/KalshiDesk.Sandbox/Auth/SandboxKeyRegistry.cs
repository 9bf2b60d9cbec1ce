using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace KalshiDesk.Sandbox.Auth;

/// <summary>The API keys the Sandbox accepts, by key id, each as its RSA public key. Every key belongs to the one demo account.</summary>
internal sealed class SandboxKeyRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, RSA> _keys = new(StringComparer.Ordinal);

    private SandboxKeyRegistry(SandboxDemoKey demoKey) => DemoKey = demoKey;

    public SandboxDemoKey DemoKey { get; }

    public IReadOnlyCollection<string> KeyIds => [.. _keys.Keys];

    /// <summary>The demo key (loaded from or made in <see cref="SandboxOptions.DataDirectory"/>) and <see cref="SandboxOptions.KeyId"/>'s key, if set.</summary>
    public static SandboxKeyRegistry Create(SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RSA? extra = null;
        if (!string.IsNullOrWhiteSpace(options.PublicKey))
        {
            extra = PublicKeyPem.Load(options.PublicKey, $"{SandboxOptions.Section}:{nameof(SandboxOptions.PublicKey)}");
        }

        (SandboxDemoKey Key, RSA Rsa) demo;
        try
        {
            demo = DemoKeyStore.LoadOrCreate(options.DataDirectory);
        }
        catch
        {
            extra?.Dispose();
            throw;
        }

        var registry = new SandboxKeyRegistry(demo.Key);
        using (demo.Rsa)
        using (extra)
        {
            registry.Register(demo.Key.KeyId, demo.Rsa);
            if (extra is not null && !registry.Register(options.KeyId!.Trim(), extra))
            {
                registry.Dispose();
                throw new ArgumentException($"{SandboxOptions.Section}:{nameof(SandboxOptions.KeyId)}: '{options.KeyId.Trim()}' is the demo key's id; choose another.");
            }
        }

        return registry;
    }

    /// <summary>Adds a copy of the key's public half (the caller keeps <paramref name="key"/>); false if the id is taken.</summary>
    public bool Register(string keyId, RSA key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentNullException.ThrowIfNull(key);
        var publicOnly = RSA.Create();
        publicOnly.ImportSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _);
        if (!_keys.TryAdd(keyId, publicOnly))
        {
            publicOnly.Dispose();
            return false;
        }

        return true;
    }

    public bool TryGet(string keyId, [NotNullWhen(true)] out RSA? key) => _keys.TryGetValue(keyId, out key);

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        _keys.Clear();
    }
}
