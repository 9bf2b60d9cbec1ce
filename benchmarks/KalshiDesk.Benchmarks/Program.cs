using KalshiDesk.Benchmarks;

// dotnet run -c Release --project benchmarks/KalshiDesk.Benchmarks -- <name> [options]
return await BenchmarkEntry.RunAsync(args).ConfigureAwait(false);
