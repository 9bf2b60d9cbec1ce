using KalshiDesk.Data;
using KalshiDesk.Data.Entities;
using KalshiDesk.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KalshiDesk.Web.Tests;

/// <summary>A new user with only the viewer role, and an API token for it.</summary>
internal static class ViewerToken
{
    public static async Task<string> CreateAsync(IServiceProvider services)
    {
        var token = "viewer-" + Guid.NewGuid().ToString("N");
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DeskUser>>();
        var viewer = new DeskUser { UserName = "viewer-" + Guid.NewGuid().ToString("N")[..8] };
        Assert.True((await users.CreateAsync(viewer, "viewer-password-1")).Succeeded);
        Assert.True((await users.AddToRoleAsync(viewer, DeskRoles.Viewer)).Succeeded);
        await using var context = await scope.ServiceProvider.GetRequiredService<DeskControlDb>().CreateDbContextAsync();
        context.ApiTokens.Add(new ApiTokenEntity { Id = Guid.NewGuid(), UserId = viewer.Id, Name = "test", TokenHash = ApiTokenAuthenticationHandler.Hash(token), CreatedAt = DateTimeOffset.UtcNow });
        await context.SaveChangesAsync();
        return token;
    }
}
