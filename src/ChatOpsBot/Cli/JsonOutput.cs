using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatOpsBot.Core.Diagnosis;
using ChatOpsBot.Core.Parsing;

namespace ChatOpsBot.Cli;

/// <summary>
/// The JSON contract of <c>parse</c> and <c>diagnose</c> (field names are public).
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions Indented = Compact with { Indented = true };

    /// <summary>One attempt as one line of JSON.</summary>
    public static string Attempt(AccessAttempt attempt) =>
        Write(Compact, writer => WriteAttempt(writer, attempt));

    /// <summary>A diagnosis as one indented JSON object.</summary>
    public static string Diagnosis(DiagnosisReport report) => Write(Indented, writer =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("attempt");
        WriteAttempt(writer, report.Attempt);

        writer.WriteStartObject("identity");
        writer.WriteString("user", report.Identity.User);
        WriteStrings(writer, "groups", report.Identity.Groups);
        writer.WriteString("source", SourceName(report.Identity.Chosen.Source));
        writer.WriteString("principalArn", report.Identity.Chosen.PrincipalArn);
        writer.WriteBoolean("guess", report.Identity.IsGuess);
        writer.WriteStartArray("candidates");
        foreach (var candidate in report.Identity.Candidates)
        {
            writer.WriteStartObject();
            writer.WriteString("user", candidate.User);
            WriteStrings(writer, "groups", candidate.Groups);
            writer.WriteString("source", SourceName(candidate.Source));
            writer.WriteString("principalArn", candidate.PrincipalArn);
            writer.WriteString("why", candidate.Why);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteStrings(writer, "notes", report.Identity.Notes);
        writer.WriteEndObject();

        writer.WriteBoolean("allowed", report.Allowed);
        writer.WriteStartObject("cause");
        writer.WriteString("code", report.Cause.Code.ToString());
        writer.WriteString("summary", report.Cause.Summary);
        writer.WriteEndObject();

        writer.WriteStartArray("checks");
        foreach (var check in report.Checks)
        {
            writer.WriteStartObject();
            writer.WriteString("name", check.Name);
            writer.WriteString("status", check.Status.ToString().ToLowerInvariant());
            writer.WriteString("detail", check.Detail);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (report.Fix is null)
        {
            writer.WriteNull("fix");
        }
        else
        {
            writer.WriteStartObject("fix");
            writer.WriteString("kind", report.Fix.Kind);
            writer.WriteString("namespace", report.Fix.Namespace);
            writer.WriteString("name", report.Fix.Name);
            writer.WriteString("yaml", report.Fix.Yaml);
            writer.WriteString("summary", report.Fix.Summary);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    });

    /// <summary>The contract's name of an identity source.</summary>
    public static string SourceName(Core.Identity.IdentitySource source) => source switch
    {
        Core.Identity.IdentitySource.Override => "override",
        Core.Identity.IdentitySource.WhoAmI => "whoami",
        Core.Identity.IdentitySource.AccessEntry => "access-entry",
        Core.Identity.IdentitySource.AwsAuth => "aws-auth",
        Core.Identity.IdentitySource.ServiceAccount => "serviceaccount",
        _ => "error-message",
    };

    private static void WriteAttempt(Utf8JsonWriter writer, AccessAttempt attempt)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", attempt.Kind.ToWireName());
        writer.WriteString("user", attempt.User);
        if (attempt.Groups is null)
        {
            writer.WriteNull("groups");
        }
        else
        {
            WriteStrings(writer, "groups", attempt.Groups);
        }

        writer.WriteString("verb", attempt.Verb);
        writer.WriteString("resource", attempt.Resource);
        writer.WriteString("subresource", attempt.Subresource);
        writer.WriteString("apiGroup", attempt.ApiGroup);
        writer.WriteString("namespace", attempt.Namespace);
        writer.WriteString("name", attempt.Name);
        writer.WriteString("reason", attempt.Reason);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string Write(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
