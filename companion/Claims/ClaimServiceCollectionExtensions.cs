using Refully.Companion.Detection;

namespace Refully.Companion.Claims;

public static class ClaimServiceCollectionExtensions
{
    /// <summary>Claim drafts, the guard rails and tracking; tracking runs after every detection run.</summary>
    public static IServiceCollection AddClaims(this IServiceCollection services)
    {
        services.AddOptions<ClaimOptions>().BindConfiguration("Claims");
        services.AddSingleton<ClaimDrafter>();
        services.AddSingleton<ClaimTracker>();
        services.AddSingleton<IDetectionFollowUp>(sp => sp.GetRequiredService<ClaimTracker>());
        return services;
    }
}
