using FsCheck;
using FsCheck.Fluent;
using Juso.Domain.Participation;
using Juso.Portal.Features.Participation;
using Juso.Tests.Support;
using static Juso.Tests.Support.FormEdits;

namespace Juso.Tests.Features.Participation;

/// <summary>Hostile input through the social-resource form, in each of its modes, into the real service on SQLite.</summary>
public sealed class ResourceFormPropertyTests : IAsyncLifetime
{
    private PortalHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PortalHarness.CreateAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Save_HostileResourceFormInEveryMode_SavesOrRefusesWithNothingHalfSaved()
    {
        var input = AnyOf(
            Set<ResourceForm, string?>("Name", Hostile.Text, (f, v) => f.Name = v),
            Set<ResourceForm, ResourceKind>("Kind", Hostile.Enum<ResourceKind>(), (f, v) => f.Kind = v),
            Set<ResourceForm, string?>("Description", Hostile.Text, (f, v) => f.Description = v),
            Set<ResourceForm, string?>("Place", Hostile.Text, (f, v) => f.Place = v),
            Set<ResourceForm, string?>("Schedule", Hostile.Text, (f, v) => f.Schedule = v),
            Set<ResourceForm, string?>("SuitedFor", Hostile.Text, (f, v) => f.SuitedFor = v),
            Set<ResourceForm, string?>("ContactPerson", Hostile.Text, (f, v) => f.ContactPerson = v),
            Set<ResourceForm, string?>("Accessibility", Hostile.Text, (f, v) => f.Accessibility = v),
            Set<ResourceForm, int?>("Capacity", Hostile.Number.Select(n => (int?)n), (f, v) => f.Capacity = v),
            Set<ResourceForm, string?>("RaisedAt", Hostile.Text, (f, v) => f.RaisedAt = v),
            Set<ResourceForm, DateTime?>("RaisedOn", Hostile.Date, (f, v) => f.RaisedOn = v),
            Set<ResourceForm, string?>("DevelopmentNote", Hostile.Text, (f, v) => f.DevelopmentNote = v));
        var modes = Gen.Elements(Enum.GetValues<ResourceFormMode>());
        var outcomes = new FormProperties.Outcomes();
        var serial = 0;
        int? available = null;
        int? lacking = null;

        await FormProperties.CheckAsync(modes.SelectMany(mode => input.Select(edits => (mode, edits))), async pair =>
        {
            var (mode, edits) = pair;
            await using var scope = _harness.As(TestUsers.Coordinator());
            var directory = _harness.Get<ResourceDirectoryService>(scope);
            // Develop changes a lack, Update an existing entry: created once with a valid form, then edited at will.
            available ??= (await directory.SaveAsync(ResourceFormMode.Register, null, null, ValidForm(++serial))).Id;
            lacking ??= (await directory.SaveAsync(ResourceFormMode.RecordLack, null, null, ValidForm(++serial))).Id;
            var target = mode switch { ResourceFormMode.Develop => lacking, ResourceFormMode.Update => available, _ => null };
            var version = target is { } id ? (await directory.ListAsync(new ResourceFilter(IncludeArchived: true))).Single(r => r.Id == id).Version : (int?)null;
            var result = outcomes.Count(await FormProperties.SaveOrLeaveUntouchedAsync(_harness,
                () => directory.SaveAsync(mode, target, version, edits.ApplyTo(ValidForm(++serial)))));
            if (result.Succeeded && mode == ResourceFormMode.Develop)
            {
                lacking = null; // developed now: the next Develop needs a new lack
            }
        });
        outcomes.AssertBoth();
    }

    private static ResourceForm ValidForm(int serial) => new()
    {
        Name = $"居場所カフェ{serial}",
        Kind = ResourceKind.DropIn,
        Description = "週1回、誰でも立ち寄れるカフェ",
        Place = "ひばり野市東町公民館",
        Schedule = "毎週水曜 13時〜16時",
        RaisedAt = "第3回 重層的支援会議",
        RaisedOn = new DateTime(2026, 11, 20),
        DevelopmentNote = "社会福祉協議会と立ち上げ",
    };
}
