namespace Juso.Domain.Agencies;

public static class AgencyLabels
{
    public static string Label(this AgencyField field) => field switch
    {
        AgencyField.Elderly => "高齢",
        AgencyField.Disability => "障害",
        AgencyField.Children => "子ども",
        AgencyField.Poverty => "生活困窮",
        AgencyField.Other => "その他",
        _ => field.ToString(),
    };

    public static string Label(this AgencyOperation operation) => operation switch
    {
        AgencyOperation.Direct => "直営",
        AgencyOperation.Contracted => "委託",
        _ => operation.ToString(),
    };
}
