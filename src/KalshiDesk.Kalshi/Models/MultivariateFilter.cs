namespace KalshiDesk.Kalshi.Models;

/// <summary>Kalshi's <c>mve_filter</c>: whether multivariate (combo) markets are returned.</summary>
public enum MultivariateFilter
{
    /// <summary>Only multivariate markets (<c>only</c>).</summary>
    Only,

    /// <summary>No multivariate markets (<c>exclude</c>).</summary>
    Exclude,
}
