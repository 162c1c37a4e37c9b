namespace Juso.Domain.Outreach;

/// <summary>Where word of the person came from (把握の経路).</summary>
public enum LeadSource
{
    CommissionedVolunteer,
    School,
    Neighbour,
    FamilyAssociation,
    Agency,
    Municipal,
}

/// <summary>The relationship with the person: 未接触 → 接触 → 関係構築 → 同意 → 支援につながった, or 終了 at any point before.</summary>
public enum LeadStage
{
    NotContacted,
    Contacted,
    Relationship,
    Consented,
    Connected,
    Ended,
}

/// <summary>How the outreach worker tried to reach the person.</summary>
public enum OutreachMethod
{
    Letter,
    Call,
    Visit,
    Accompaniment,
    NoteLeft,
    Message,
}

/// <summary>What came of an attempt.</summary>
public enum OutreachOutcome
{
    NotHome,
    Refused,
    Met,
    Talked,
}

public static class OutreachLabels
{
    public static string Label(this LeadSource source) => source switch
    {
        LeadSource.CommissionedVolunteer => "民生委員・児童委員",
        LeadSource.School => "学校・SSW",
        LeadSource.Neighbour => "近隣住民",
        LeadSource.FamilyAssociation => "家族会",
        LeadSource.Agency => "支援関係機関",
        LeadSource.Municipal => "庁内連携",
        _ => source.ToString(),
    };

    public static string Label(this LeadStage stage) => stage switch
    {
        LeadStage.NotContacted => "未接触",
        LeadStage.Contacted => "接触",
        LeadStage.Relationship => "関係構築",
        LeadStage.Consented => "同意",
        LeadStage.Connected => "支援につながった",
        LeadStage.Ended => "終了",
        _ => stage.ToString(),
    };

    public static string Label(this OutreachMethod method) => method switch
    {
        OutreachMethod.Letter => "手紙",
        OutreachMethod.Call => "電話",
        OutreachMethod.Visit => "訪問",
        OutreachMethod.Accompaniment => "同行",
        OutreachMethod.NoteLeft => "置き手紙",
        OutreachMethod.Message => "メッセージ",
        _ => method.ToString(),
    };

    public static string Label(this OutreachOutcome outcome) => outcome switch
    {
        OutreachOutcome.NotHome => "不在",
        OutreachOutcome.Refused => "拒否",
        OutreachOutcome.Met => "会えた",
        OutreachOutcome.Talked => "話せた",
        _ => outcome.ToString(),
    };

    /// <summary>An attempt that reached the person (会えた・話せた), as opposed to one that did not.</summary>
    public static bool ReachedPerson(this OutreachOutcome outcome) => outcome is OutreachOutcome.Met or OutreachOutcome.Talked;

    /// <summary>
    /// The address as a list shows it: the town part only, up to the first digit of the block number
    /// (「ひばり野市桜町2-5-1」 → 「ひばり野市桜町…」); the full address is on the lead's page, whose reading is audited.
    /// </summary>
    public static string MaskAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return "―";
        }
        var cut = address.IndexOfAny("0123456789０１２３４５６７８９".ToCharArray());
        return cut <= 0 ? address : address[..cut] + "…";
    }
}
