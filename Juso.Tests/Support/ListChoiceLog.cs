using Microsoft.Playwright;

namespace Juso.Tests.Support;

/// <summary>
/// What a page did around a list choice, for the message of a test whose list stayed open (issue 12 item 7: the
/// intake's 続柄 list stayed open after 父母 in full runs only): the clicks, each list opening or closing with the
/// milliseconds since the choice began, and whether the page had lost its circuit.
/// </summary>
public static class ListChoiceLog
{
    /// <summary>Starts a fresh log; the listeners are installed once per page.</summary>
    public static Task StartAsync(IPage page) => page.EvaluateAsync("""
        () => {
          const start = performance.now();
          window.__jusoListLog = [];
          window.__jusoListNote = m => window.__jusoListLog.push(`${(performance.now() - start).toFixed(0)} ms ${m}`);
          if (window.__jusoListLogInstalled) return;
          window.__jusoListLogInstalled = true;
          const name = e => e instanceof Element ? `${e.tagName.toLowerCase()}#${e.id} "${(e.innerText || '').trim().slice(0, 20)}"` : String(e);
          for (const type of ['pointerdown', 'click', 'keydown'])
            document.addEventListener(type, e => window.__jusoListNote(`${type} ${name(e.target)}${e.key ? ' ' + e.key : ''}`), true);
          new MutationObserver(changes => {
            for (const c of changes.filter(c => c.target.id?.startsWith('popovercontent-')))
              window.__jusoListNote(`list ${c.target.id.slice(15, 23)} ${c.target.classList.contains('mud-popover-open') ? 'open' : 'closed'} "${c.target.innerText.trim().slice(0, 30)}"`);
          }).observe(document.body, { attributes: true, attributeFilter: ['class'], subtree: true });
        }
        """);

    /// <summary>The log, the lists still open and the state of the circuit, one line each.</summary>
    public static Task<string> ReadAsync(IPage page) => page.EvaluateAsync<string>("""
        () => {
          const error = document.getElementById('blazor-error-ui');
          const reconnect = document.getElementById('components-reconnect-modal');
          return [
            ...(window.__jusoListLog || []),
            `still open: ${[...document.querySelectorAll('.mud-popover-open')].map(p => `${p.id.slice(15, 23)} "${p.innerText.trim().slice(0, 60)}"`).join(', ')}`,
            `error bar shown: ${!!error && getComputedStyle(error).display !== 'none'}; reconnect dialog: ${reconnect ? (reconnect.open ? 'open ' : 'closed ') + (reconnect.dataset.state ?? '') : 'none'}`,
          ].join('\n');
        }
        """);
}
