using KalshiDesk.Engine.Backtesting;

namespace KalshiDesk.Engine.Tests.Backtesting;

public sealed class BacktestSamplesTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("kalshidesk-samples-");

    public BacktestSamplesTests()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "b.csv"), "ticker,category,price,outcome\n");
        File.WriteAllText(Path.Combine(_root.FullName, "notes.txt"), "not a recording");
        var kalshi = Directory.CreateDirectory(Path.Combine(_root.FullName, "kalshi-json"));
        File.WriteAllText(Path.Combine(kalshi.FullName, "markets.json"), "[]");
    }

    public void Dispose() => _root.Delete(true);

    [Fact]
    public void List_TheCsvFilesAndSubfolders_ByName()
    {
        var samples = new BacktestSamples(_root.FullName).List();

        Assert.Equal([new BacktestSample("b.csv", "file", 30), new BacktestSample("kalshi-json", "folder", 2)], samples);
    }

    [Fact]
    public void List_WithoutTheFolder_IsEmpty() =>
        Assert.Empty(new BacktestSamples(Path.Combine(_root.FullName, "missing")).List());

    [Theory]
    [InlineData("b.csv", true)]
    [InlineData("kalshi-json", true)]
    [InlineData("kalshi-json/markets.json", true)]
    [InlineData("c.csv", false)]
    public void Resolve_ANameInside_IsItsPathThere(string name, bool exists)
    {
        var path = new BacktestSamples(_root.FullName).Resolve(name, out var found, out var problem);

        Assert.Equal(Path.Combine([_root.FullName, .. name.Split('/')]), path);
        Assert.Equal(exists, found);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("../b.csv")]
    [InlineData("kalshi-json/../../b.csv")]
    [InlineData("..\\b.csv")]
    [InlineData("/etc/passwd")]
    [InlineData("./b.csv")]
    public void Resolve_ANameReachingOutside_IsRefused(string name)
    {
        var path = new BacktestSamples(_root.FullName).Resolve(name, out var found, out var problem);

        Assert.Null(path);
        Assert.False(found);
        Assert.Equal($"sample '{name}' must name a recording inside the samples folder, without '..' or a rooted path.", problem);
    }
}
