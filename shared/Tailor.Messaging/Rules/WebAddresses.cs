namespace Tailor.Messaging.Rules;

/// <summary>
/// What Tailor takes as a web page's address (a catalog item's page), over HTTP and on the bus alike: absolute
/// <c>http</c> or <c>https</c> with a host, without spaces or control characters. Readers are redirected to it, so
/// anything a browser would run or hand to another program (<c>javascript:</c>, <c>data:</c>, <c>ftp:</c>, a relative
/// path) is refused.
/// </summary>
public static class WebAddresses
{
    public const string Problem = "Must be an absolute http or https URL, such as https://shop.example.com/products/85123A.";

    public static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host)
        && !value.Any(character => char.IsWhiteSpace(character) || char.IsControl(character));
}
