using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatOpsBot.GitOps.GitHub;

/// <summary>
/// The short-lived JWT (RS256) a GitHub App signs with its private key to ask for installation
/// tokens: issued a minute in the past against clock drift, valid nine minutes (GitHub allows ten).
/// </summary>
internal static class GitHubAppJwt
{
    /// <summary>The signed token.</summary>
    /// <exception cref="ArgumentException">The key is not an RSA private key in PEM.</exception>
    public static string Create(long appId, string privateKeyPem, DateTimeOffset now)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(privateKeyPem);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            throw new ArgumentException("The GitHub App private key is not an RSA key in PEM form.", nameof(privateKeyPem), exception);
        }

        var issued = now.AddSeconds(-60).ToUnixTimeSeconds();
        var expires = now.AddMinutes(9).ToUnixTimeSeconds();
        var header = Base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"u8.ToArray());
        var payload = Base64Url(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{{\"iat\":{issued},\"exp\":{expires},\"iss\":\"{appId}\"}}")));
        var signature = rsa.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
