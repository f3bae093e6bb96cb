using YamlDotNet.RepresentationModel;

namespace ChatOpsBot.Core.Identity;

/// <summary>
/// Reads the YAML text of one <c>aws-auth</c> key (<c>mapRoles</c>, <c>mapUsers</c>,
/// <c>mapAccounts</c>) the way the authenticator does: entry keys match without regard to
/// case, unknown keys are ignored, values of the wrong type are dropped and reported.
/// </summary>
internal sealed class AwsAuthSectionReader
{
    private readonly string section;
    private readonly List<string> problems;

    internal AwsAuthSectionReader(string section, List<string> problems)
    {
        this.section = section;
        this.problems = problems;
    }

    /// <summary>Reads <c>mapRoles</c> (arnKey <c>rolearn</c>) or <c>mapUsers</c> (<c>userarn</c>).</summary>
    internal List<AwsAuthMapping> ReadMappings(string text, string arnKey)
    {
        var mappings = new List<AwsAuthMapping>();
        var root = LoadRoot(text);
        if (root is null)
        {
            return mappings;
        }

        if (root is not YamlSequenceNode entries)
        {
            Report($"is {YamlScalarKinds.Describe(root)}, not a list of entries, so nothing in it is used.");
            return mappings;
        }

        var number = 0;
        foreach (var entry in entries)
        {
            number++;
            if (entry is not YamlMappingNode fields)
            {
                Report($"entry {number} is {YamlScalarKinds.Describe(entry)}, not a mapping; it is skipped.");
                continue;
            }

            mappings.Add(ReadEntry(fields, number, arnKey));
        }

        return mappings;
    }

    /// <summary>Reads <c>mapAccounts</c>: a list of account ids (unquoted numbers are fine).</summary>
    internal List<string> ReadAccounts(string text)
    {
        var accounts = new List<string>();
        var root = LoadRoot(text);
        if (root is null)
        {
            return accounts;
        }

        if (root is not YamlSequenceNode items)
        {
            Report($"is {YamlScalarKinds.Describe(root)}, not a list of account ids.");
            return accounts;
        }

        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } id })
            {
                accounts.Add(id);
            }
            else
            {
                Report($"holds {YamlScalarKinds.Describe(item)} where an account id belongs; it is skipped.");
            }
        }

        return accounts;
    }

    private YamlNode? LoadRoot(string text)
    {
        var root = YamlText.LoadFirst(text, out var error);
        if (error is not null)
        {
            Report($"is not valid YAML ({error}), so nothing in it is used.");
            return null;
        }

        return root is YamlScalarNode scalar && YamlScalarKinds.Of(scalar) == YamlScalarKinds.Kind.Null
            ? null
            : root;
    }

    private AwsAuthMapping ReadEntry(YamlMappingNode fields, int number, string arnKey)
    {
        string arn = "", username = "";
        var groups = new List<string>();
        var sawArn = false;
        var usesSso = false;

        // Later keys overwrite earlier ones, as when the Go JSON decoder fills a struct.
        foreach (var (keyNode, value) in fields.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (KeyEquals(key, arnKey))
            {
                arn = ReadText(value, number, arnKey);
                sawArn = true;
            }
            else if (KeyEquals(key, "username"))
            {
                username = ReadText(value, number, "username");
            }
            else if (KeyEquals(key, "groups"))
            {
                groups = ReadGroups(value, number);
            }
            else if (arnKey == "rolearn" && KeyEquals(key, "sso"))
            {
                usesSso = true;
            }
        }

        if (usesSso && arn.Length == 0)
        {
            Report($"entry {number} uses the alpha \"sso\" matcher, which this bot does not evaluate.");
        }
        else if (!sawArn || arn.Length == 0)
        {
            Report($"entry {number} has no {arnKey}, so it never matches.");
        }

        if (username.Length == 0)
        {
            Report($"entry {number} has no username.");
        }

        return new AwsAuthMapping(arn, username, groups);
    }

    private string ReadText(YamlNode value, int number, string key)
    {
        if (value is YamlScalarNode scalar)
        {
            switch (YamlScalarKinds.Of(scalar))
            {
                case YamlScalarKinds.Kind.Text:
                    return scalar.Value ?? "";
                case YamlScalarKinds.Kind.Null:
                    return "";
            }
        }

        var hint = value is YamlMappingNode && key == "username"
            ? " (an unquoted {{…}} template is read as a mapping: quote it)"
            : "";
        Report($"entry {number}: {key} is {YamlScalarKinds.Describe(value)}, not text{hint}; it is ignored.");
        return "";
    }

    private List<string> ReadGroups(YamlNode value, int number)
    {
        var groups = new List<string>();
        if (value is YamlScalarNode nullNode && YamlScalarKinds.Of(nullNode) == YamlScalarKinds.Kind.Null)
        {
            return groups;
        }

        if (value is not YamlSequenceNode items)
        {
            var kind = YamlScalarKinds.Describe(value);
            Report($"entry {number}: groups is {kind}, not a list; no group is used.");
            return groups;
        }

        foreach (var item in items)
        {
            if (item is YamlScalarNode scalar && YamlScalarKinds.Of(scalar) == YamlScalarKinds.Kind.Text)
            {
                groups.Add(scalar.Value ?? "");
                continue;
            }

            Report($"entry {number}: a group is {YamlScalarKinds.Describe(item)}, not text; it is skipped.");
        }

        return groups;
    }

    private void Report(string sentence) => problems.Add($"aws-auth {section} {sentence}");

    // Go's JSON field matching ignores case with Unicode simple folding, where the long s
    // folds to 's': "uſerarn" still names userarn.
    private static bool KeyEquals(string key, string name) =>
        string.Equals(key.Replace('\u017F', 's'), name, StringComparison.OrdinalIgnoreCase);
}
