using Juso.Domain.Participation;

namespace Juso.Portal.Features.Participation;

/// <summary>A resource as the directory shows it; <see cref="PlansReferring"/> tells whether it may still be deleted.</summary>
public sealed record ResourceView(int Id, int Version, string Name, ResourceKind Kind, ResourceStatus Status, string? Description, string? Place, string? Schedule,
    string? SuitedFor, string? ContactPerson, string? Accessibility, int? Capacity, string? RaisedAt, DateOnly? RaisedOn, bool IsDeveloped, DateOnly? DevelopedOn,
    string? DevelopmentNote, int OpenPlans, int PlansReferring);

/// <summary>The directory's search: words in name, what, where, whom; kind; status (不足 = the register of lacking resources).</summary>
public sealed record ResourceFilter(string? Text = null, ResourceKind? Kind = null, ResourceStatus? Status = null, bool DevelopedOnly = false,
    bool IncludeArchived = false);

/// <summary>What the resource form edits; <see cref="Mode"/> says which of register / record a lack / develop / update it is.</summary>
public sealed class ResourceForm
{
    public string? Name { get; set; }

    public ResourceKind Kind { get; set; } = ResourceKind.DropIn;

    public string? Description { get; set; }

    public string? Place { get; set; }

    public string? Schedule { get; set; }

    public string? SuitedFor { get; set; }

    public string? ContactPerson { get; set; }

    public string? Accessibility { get; set; }

    public int? Capacity { get; set; }

    public string? RaisedAt { get; set; }

    public DateTime? RaisedOn { get; set; }

    public string? DevelopmentNote { get; set; }

    public ResourceDetails Details => new(Name, Kind, Description, Place, Schedule, SuitedFor, ContactPerson, Accessibility, Capacity);

    public static ResourceForm From(ResourceView view) => new()
    {
        Name = view.Name, Kind = view.Kind, Description = view.Description, Place = view.Place, Schedule = view.Schedule, SuitedFor = view.SuitedFor,
        ContactPerson = view.ContactPerson, Accessibility = view.Accessibility, Capacity = view.Capacity, DevelopmentNote = view.DevelopmentNote,
    };
}

/// <summary>Register an existing resource, one developed with its host, or a lack; develop a lack; or change one.</summary>
public enum ResourceFormMode
{
    Register,
    RegisterDeveloped,
    RecordLack,
    Develop,
    Update,
}
