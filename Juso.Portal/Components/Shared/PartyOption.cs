namespace Juso.Portal.Components.Shared;

/// <summary>One choice of a <see cref="PartyField"/>: the text kept when chosen (null for 「no one else」) and the text shown.</summary>
public sealed record PartyOption(string? Value, string Text)
{
    public static PartyOption Of(string value) => new(value, value);
}
