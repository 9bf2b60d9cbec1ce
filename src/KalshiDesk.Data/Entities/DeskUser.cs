using Microsoft.AspNetCore.Identity;

namespace KalshiDesk.Data.Entities;

/// <summary>A person or script that signs in to the desk.</summary>
public sealed class DeskUser : IdentityUser
{
}
