namespace Juso.Domain.Households;

/// <summary>続柄: how a member relates to the principal member (本人).</summary>
public enum Relationship
{
    Principal,
    Spouse,
    Child,
    Parent,
    Sibling,
    Grandparent,
    Grandchild,
    ChildInLaw,
    OtherRelative,
    NonRelative,
}
