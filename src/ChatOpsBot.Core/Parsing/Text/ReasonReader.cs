namespace ChatOpsBot.Core.Parsing.Text;

/// <summary>
/// Reads the free-text reason that follows an error ("…: RBAC: clusterrole "x" not found").
/// The reason ends at the end of the line or at a quote that closes an enclosing string
/// (log formats wrap messages in quotes: <c>err="… scope: reason" logger=…</c>). Quotes
/// inside the reason come in pairs and are kept.
/// </summary>
internal static class ReasonReader
{
    private const int MaxReason = 1000;

    private static readonly string[] KubectlVerbs =
        ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "post", "put"];

    /// <summary>The reason starting at <paramref name="i"/> and where it ends; null when none.</summary>
    public static (string? Reason, int End) Read(string text, int i)
    {
        i = Scan.SkipSpace(text, i, lines: false);
        if (i >= text.Length || text[i] == '\n')
        {
            return (null, i);
        }

        var start = text[i] == '"' ? i + 1 : i;
        var end = FindEnd(text, start);
        var reason = text[start..end];

        var nested = NestedErrorCut(reason);
        if (nested >= 0)
        {
            end = start + nested;
            reason = reason[..nested];
        }

        reason = StripKubectlSuffix(reason.Trim());
        return (reason.Length == 0 ? null : reason, end);
    }

    private static int FindEnd(string text, int start)
    {
        var limit = Math.Min(text.Length, start + MaxReason);
        var inQuote = false;
        var j = start;
        for (; j < limit; j++)
        {
            var c = text[j];
            if (c == '\n')
            {
                break;
            }

            if (c != '"')
            {
                continue;
            }

            if (inQuote)
            {
                inQuote = false;
                continue;
            }

            var next = j + 1 < text.Length ? text[j + 1] : '\0';
            if (next == '"')
            {
                j++;
            }
            else if (OpensValue(next))
            {
                inQuote = true;
            }
            else
            {
                break;
            }
        }

        return j;
    }

    // A quote followed by these starts a quoted value; one followed by anything else closes
    // the string the reason was printed in.
    private static bool OpensValue(char next) =>
        Scan.IsWordChar(next) || next is '{' or '[' or '<' or '(' or '/' or '.' or '*' or '-' or '$' or ':';

    // A client that prints the message twice ("…: Forbidden (ErrorResponse { message: "x is
    // forbidden…" })") nests a copy; the reason stops before the bracket that opens the copy.
    private static int NestedErrorCut(string reason)
    {
        var nested = reason.IndexOf("is forbidden", StringComparison.Ordinal);
        if (nested < 0)
        {
            nested = reason.IndexOf("User \"", StringComparison.Ordinal);
        }

        if (nested < 0)
        {
            return -1;
        }

        var bracket = reason.AsSpan(0, nested).IndexOfAny("({[");
        return bracket >= 0 ? bracket : -1;
    }

    // kubectl appends "(get pods name)" to some messages; it is not part of the reason.
    private static string StripKubectlSuffix(string reason)
    {
        if (!reason.EndsWith(')'))
        {
            return reason;
        }

        var open = reason.LastIndexOf(" (", StringComparison.Ordinal);
        if (open < 0)
        {
            return reason;
        }

        var inner = reason.AsSpan(open + 2);
        foreach (var verb in KubectlVerbs)
        {
            if (inner.StartsWith(verb + " ", StringComparison.Ordinal))
            {
                return reason[..open].TrimEnd();
            }
        }

        return reason;
    }
}
