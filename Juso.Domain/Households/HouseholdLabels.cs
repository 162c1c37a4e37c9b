namespace Juso.Domain.Households;

public static class HouseholdLabels
{
    public static string Label(this Relationship relationship) => relationship switch
    {
        Relationship.Principal => "本人",
        Relationship.Spouse => "配偶者",
        Relationship.Child => "子",
        Relationship.Parent => "父母",
        Relationship.Sibling => "兄弟姉妹",
        Relationship.Grandparent => "祖父母",
        Relationship.Grandchild => "孫",
        Relationship.ChildInLaw => "子の配偶者",
        Relationship.OtherRelative => "その他の親族",
        Relationship.NonRelative => "親族以外の同居人",
        _ => relationship.ToString(),
    };

    public static string Label(this Sex sex) => sex switch
    {
        Sex.Male => "男性",
        Sex.Female => "女性",
        Sex.Other => "その他",
        Sex.Unknown => "不明・未回答",
        _ => sex.ToString(),
    };
}
