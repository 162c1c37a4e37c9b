using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Juso.Portal.Security;

/// <summary>When the user of this circuit last did something (a click, a key, a navigation).</summary>
public sealed class CircuitActivity
{
    public DateTime? LastActivityUtc { get; set; }
}

/// <summary>Records inbound activity of a circuit, so that idle sign-out counts work done in the page, not only page loads.</summary>
public sealed class ActivityCircuitHandler(CircuitActivity activity, TimeProvider time) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            activity.LastActivityUtc = time.GetUtcNow().UtcDateTime;
            return next(context);
        };
}
