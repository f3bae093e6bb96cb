using System.Text.Json.Nodes;
using ChatOpsBot.Teams.Cards;

namespace ChatOpsBot.Teams.Adapter;

/// <summary>The invoke responses the adapter answers card clicks with, at once.</summary>
internal static class InvokeAnswers
{
    /// <summary>The click was taken on; the answer follows in the conversation.</summary>
    public static JsonObject Working() => InvokeResponses.Message("Got it, working on it…");

    /// <summary>The work queue is full.</summary>
    public static JsonObject Busy() =>
        InvokeResponses.Error(503, "busy", "I am busy right now. Please try again in a minute.");

    /// <summary>The click is not one of the bot's buttons.</summary>
    public static JsonObject Unknown() =>
        InvokeResponses.Error(400, "unknown_action", "I don't know this button.");

    /// <summary>The click came from someone the bot cannot identify (no Entra user).</summary>
    public static JsonObject Refused() =>
        InvokeResponses.Error(400, "unknown_user", "I can only act for a signed-in Teams user.");
}
