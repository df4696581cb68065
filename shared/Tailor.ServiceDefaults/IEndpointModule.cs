using Microsoft.AspNetCore.Routing;

namespace Tailor.ServiceDefaults;

/// <summary>
/// HTTP endpoints a service contributes. A service registers its module in its one registration
/// entry point; the host maps whichever modules the chosen targets registered.
/// </summary>
public interface IEndpointModule
{
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
