using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Tailor.Ingestion.Users;

/// <summary>
/// Sends a request whose target names <c>/v1/users/…</c> with a <c>.</c> or <c>..</c> segment back to the users routes.
/// The server resolves dot segments before routing, so <c>DELETE /v1/users/..</c> arrives as <c>/v1/</c>, matches no
/// route and would be a bare 404; routed to the users endpoints instead, it is authenticated like any other call there
/// and <see cref="UserIdPath"/>, which reads the target as sent, refuses it with a 400 naming <c>userId</c>.
/// A startup filter, because it must run before routing, which the host's pipeline starts with.
/// </summary>
internal sealed class DotSegmentUserPaths : IStartupFilter
{
    private const string UsersPrefix = "/v1/users/";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            var sent = UserIdPath.RawPath(http);
            if (sent.StartsWith(UsersPrefix, StringComparison.OrdinalIgnoreCase) && !http.Request.Path.StartsWithSegments(UsersPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            {
                // Only the route is chosen from this; the handler reads the id from the target as sent.
                http.Request.Path = new PathString(UsersPrefix + sent[UsersPrefix.Length..]);
            }

            return nextMiddleware(http);
        });
        next(app);
    };
}
