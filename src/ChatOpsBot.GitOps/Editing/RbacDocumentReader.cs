namespace ChatOpsBot.GitOps.Editing;

/// <summary>Reads the Kubernetes objects of a YAML file (List objects are opened).</summary>
internal static class RbacDocumentReader
{
    /// <summary>One entry per YAML document: its objects (empty for comments-only or non-objects).</summary>
    /// <exception cref="FormatException">The text is not valid YAML.</exception>
    public static IReadOnlyList<IReadOnlyList<RbacDocument>> ReadPerDocument(string text) =>
        YamlTree.ReadAll(text).Select(root => (IReadOnlyList<RbacDocument>)Objects(root).ToList()).ToList();

    /// <summary>Every object in the text.</summary>
    /// <exception cref="FormatException">The text is not valid YAML.</exception>
    public static IReadOnlyList<RbacDocument> ReadAll(string text) =>
        ReadPerDocument(text).SelectMany(objects => objects).ToList();

    /// <summary>The object at a document's root, or null when the root is not a Kubernetes object.</summary>
    public static RbacDocument? ToDocument(YamlTreeNode root)
    {
        if (root is not YamlTreeMapping map
            || map.Text("kind") is not { Length: > 0 } kind
            || map["metadata"] is not YamlTreeMapping metadata
            || metadata.Text("name") is not { Length: > 0 } name)
        {
            return null;
        }

        var roleRef = map["roleRef"] is YamlTreeMapping role
            && role.Text("kind") is { } roleKind && role.Text("name") is { } roleName
            ? new RbacRoleRef(roleKind, roleName)
            : null;
        var subjects = map["subjects"] is YamlTreeSequence list
            ? list.Items.OfType<YamlTreeMapping>().Select(ToSubject).OfType<RbacSubjectRef>().ToList()
            : [];
        var @namespace = metadata.Text("namespace") is { Length: > 0 } ns ? ns : null;
        return new RbacDocument(kind, @namespace, name, roleRef, subjects);
    }

    private static IEnumerable<RbacDocument> Objects(YamlTreeNode root)
    {
        if (root is YamlTreeMapping map && map.Text("kind") is { } kind
            && kind.EndsWith("List", StringComparison.Ordinal) && map["items"] is YamlTreeSequence items)
        {
            return items.Items.Select(ToDocument).OfType<RbacDocument>();
        }

        return ToDocument(root) is { } document ? [document] : [];
    }

    private static RbacSubjectRef? ToSubject(YamlTreeMapping subject)
    {
        if (subject.Text("kind") is not { Length: > 0 } kind || subject.Text("name") is not { Length: > 0 } name)
        {
            return null;
        }

        // Only ServiceAccounts are namespaced; a namespace written on a User or Group means nothing.
        var @namespace = kind == "ServiceAccount" ? subject.Text("namespace") : null;
        return new RbacSubjectRef(kind, name, @namespace);
    }
}
