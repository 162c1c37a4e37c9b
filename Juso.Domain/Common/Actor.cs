namespace Juso.Domain.Common;

/// <summary>Who did something: the signed-in user's id and the name shown in histories.</summary>
public sealed record Actor(string UserId, string Name);
