using System.Reflection;

namespace KalshiDesk.Web.Tests.Architecture;

/// <summary>References point inward: the layering is enforced here, not described in a wiki.</summary>
public class LayeringTests
{
    private static readonly string[] Desk = ["KalshiDesk.Domain", "KalshiDesk.Kalshi", "KalshiDesk.Sandbox", "KalshiDesk.Data", "KalshiDesk.Engine", "kalshidesk"];

    public static TheoryData<string, string[]> Allowed => new()
    {
        { "KalshiDesk.Domain", [] },
        { "KalshiDesk.Kalshi", ["KalshiDesk.Domain"] },
        { "KalshiDesk.Sandbox", ["KalshiDesk.Domain"] },
        { "KalshiDesk.Data", ["KalshiDesk.Domain"] },
        { "KalshiDesk.Engine", ["KalshiDesk.Domain", "KalshiDesk.Kalshi", "KalshiDesk.Data"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Project_ReferencesOnlyInwardProjects(string project, string[] allowed)
    {
        var references = Assembly.Load(project).GetReferencedAssemblies().Select(a => a.Name!).Where(Desk.Contains).Order().ToArray();

        Assert.Subset(allowed.ToHashSet(), references.ToHashSet());
    }

    [Fact]
    public void Domain_DependsOnNoPackage()
    {
        var references = typeof(Domain.Pricing.Price).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", $"Domain references {name}"));
    }
}
