namespace ChatOpsBot.Core.Identity;

/// <summary>Whether a role or group name carries a namespace's name as one of its words.</summary>
internal static class NamespaceNames
{
    /// <summary>
    /// True when the namespace occurs in the name bounded by the name's ends or by characters
    /// that are not letters or digits: <c>eks-role@hello</c> and <c>team-hello</c> name
    /// <c>hello</c>, <c>othello</c> does not.
    /// </summary>
    internal static bool Mentions(string name, string ns)
    {
        if (ns.Length == 0)
        {
            return false;
        }

        var from = 0;
        while (from <= name.Length - ns.Length)
        {
            var at = name.IndexOf(ns, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return false;
            }

            var end = at + ns.Length;
            if ((at == 0 || !char.IsLetterOrDigit(name[at - 1]))
                && (end == name.Length || !char.IsLetterOrDigit(name[end])))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }
}
