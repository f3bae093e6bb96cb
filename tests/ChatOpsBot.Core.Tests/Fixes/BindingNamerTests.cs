using ChatOpsBot.Core.Fixes;
using ChatOpsBot.Core.Rbac;

namespace ChatOpsBot.Core.Tests.Fixes;

/// <summary>Binding names follow the convention and stay plain, whatever the subject is called.</summary>
public sealed class BindingNamerTests
{
    private static readonly RoleRef Edit = new("ClusterRole", "edit");

    [Theory]
    [InlineData("alice@corp.example", "alice@corp.example-edit")]
    [InlineData("system:serviceaccount:ci:deployer", "system:serviceaccount:ci:deployer-edit")]
    [InlineData("https://idp.example/#alice", "https:--idp.example--alice-edit")]
    [InlineData(
        "[Approve](https://evil.example)<at>Admin</at>",
        "-Approve--https:--evil.example--at-Admin--at--edit")]
    [InlineData("name with\"quote's and 100%", "name-with-quote-s-and-100--edit")]
    public void A_subject_name_becomes_a_plain_binding_name(string user, string expected)
    {
        var name = BindingNamer.Name(
            null, "hello", new Subject("User", user), Edit, new HashSet<string>(StringComparer.Ordinal));

        Assert.Equal(expected, name);
        Assert.All(name, c => Assert.True(
            char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':' or '@', $"'{c}' in {name}"));
    }

    [Fact]
    public void The_namespace_template_is_kept_and_a_taken_name_gets_the_role()
    {
        var taken = new HashSet<string>(["rb:hello"], StringComparer.Ordinal);

        var name = BindingNamer.Name(
            $"rb:{SiblingConventions.NamespacePlaceholder}", "hello",
            new Subject("Group", "fake_company:server"), Edit, taken);

        Assert.Equal("rb:hello-edit", name);
    }
}
