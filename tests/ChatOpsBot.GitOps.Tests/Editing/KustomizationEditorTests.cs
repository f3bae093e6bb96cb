using ChatOpsBot.GitOps.Editing;

namespace ChatOpsBot.GitOps.Tests.Editing;

public class KustomizationEditorTests
{
    [Theory]
    [InlineData("resources:\n- b.yaml\n- a.yaml\n", "resources:\n- b.yaml\n- a.yaml\n- c.yaml\n")]
    [InlineData("resources:\n  - \"a.yaml\"\n  - \"d.yaml\" # last\nimages: []\n", "resources:\n  - \"a.yaml\"\n  - \"c.yaml\"\n  - \"d.yaml\" # last\nimages: []\n")]
    [InlineData("resources: [a.yaml, b.yaml]  # flow\n", "resources: [a.yaml, b.yaml, c.yaml]  # flow\n")]
    [InlineData("resources: []\n", "resources: [c.yaml]\n")]
    [InlineData("kind: Kustomization\n", "kind: Kustomization\nresources:\n- c.yaml\n")]
    [InlineData("kind: Kustomization", "kind: Kustomization\nresources:\n- c.yaml\n")]
    [InlineData("resources:\r\n- ./a.yaml\r\n- ./b.yaml\r\n", "resources:\r\n- ./a.yaml\r\n- ./b.yaml\r\n- ./c.yaml\r\n")]
    [InlineData("resources:\n- c.yaml\n", "resources:\n- c.yaml\n")]
    [InlineData("resources:\n- ./c.yaml\n", "resources:\n- ./c.yaml\n")]
    public void Entry_is_added_in_the_list_style_of_the_file(string before, string after)
    {
        Assert.Equal(after, KustomizationEditor.AddResource(before, "c.yaml"));
    }

    [Fact]
    public void Multi_line_flow_list_is_left_to_a_person()
    {
        Assert.Throws<FormatException>(() => KustomizationEditor.AddResource("resources: [\n  a.yaml,\n  b.yaml]\n", "c.yaml"));
    }

    [Fact]
    public void Kustomization_that_is_not_a_mapping_is_refused()
    {
        Assert.Throws<FormatException>(() => KustomizationEditor.AddResource("- a\n- b\n", "c.yaml"));
    }
}
