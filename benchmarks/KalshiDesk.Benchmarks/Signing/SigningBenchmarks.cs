using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using KalshiDesk.Kalshi.Auth;

namespace KalshiDesk.Benchmarks.Signing;

/// <summary>
/// One KALSHI-ACCESS-SIGNATURE (RSA-PSS, SHA-256, 2048-bit key, as the Sandbox's demo key): what every signed REST
/// request and WebSocket upgrade costs the client, and the check the server makes of it.
/// </summary>
[Config(typeof(Config))]
public class SigningBenchmarks
{
    private const string Path = "/trade-api/v2/portfolio/events/orders";
    private readonly long _timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private KalshiRequestSigner? _signer;
    private RSA? _publicKey;
    private byte[] _message = [];
    private byte[] _signature = [];

    [GlobalSetup]
    public void Setup()
    {
        using var rsa = RSA.Create(2048);
        _signer = KalshiRequestSigner.FromPem("benchmark", rsa.ExportPkcs8PrivateKeyPem());
        _publicKey = RSA.Create();
        _publicKey.ImportSubjectPublicKeyInfo(rsa.ExportSubjectPublicKeyInfo(), out _);
        _message = System.Text.Encoding.UTF8.GetBytes(KalshiRequestSigner.Message(_timestamp, "POST", Path));
        _signature = Convert.FromBase64String(_signer.Sign(_timestamp, "POST", Path));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _signer?.Dispose();
        _publicKey?.Dispose();
    }

    [Benchmark(Description = "sign (client)")]
    public string Sign() => _signer!.Sign(_timestamp, "POST", Path);

    [Benchmark(Description = "verify (server)")]
    public bool Verify() => _publicKey!.VerifyData(_message, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15));
    }
}
