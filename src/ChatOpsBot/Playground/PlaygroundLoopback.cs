using System.Net;

namespace ChatOpsBot.Playground;

/// <summary>What counts as "this machine only" for the playground.</summary>
internal static class PlaygroundLoopback
{
    /// <summary>True for localhost and loopback IP literals (brackets allowed).</summary>
    public static bool IsLoopbackHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>
    /// True when the request comes from this machine and names it in its Host header, which
    /// also turns away web pages that rebind their own name to 127.0.0.1.
    /// </summary>
    public static bool IsLocalRequest(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        return remote is not null
               && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)
               && context.Request.Host.HasValue && IsLoopbackHost(context.Request.Host.Host);
    }
}
