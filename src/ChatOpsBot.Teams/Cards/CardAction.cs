namespace ChatOpsBot.Teams.Cards;

/// <summary>
/// A click on one of the bot's cards, in the Slack flow's terms: the Slack action_id and
/// block_id the button or menu was rendered from, the button's value, and the option chosen
/// in a menu. Every field is as the client sent it: check it against stored state.
/// </summary>
/// <param name="ActionId">The Slack action_id (also the <c>Action.Execute</c> verb).</param>
/// <param name="BlockId">The Slack block_id, when the element had one.</param>
/// <param name="Value">The button's value, when it had one.</param>
/// <param name="SelectedOption">The value chosen in a ChoiceSet, for a menu's "Use this" button.</param>
public sealed record CardAction(string ActionId, string? BlockId, string? Value, string? SelectedOption);
