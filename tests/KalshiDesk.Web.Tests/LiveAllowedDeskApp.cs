namespace KalshiDesk.Web.Tests;

/// <summary>The whole app with <c>Trading:Mode=Live</c>: it still starts on paper, and an admin may go live.</summary>
public sealed class LiveAllowedDeskApp : DeskApp
{
    protected override IEnumerable<string> Arguments => ["--Trading:Mode=Live"];
}
