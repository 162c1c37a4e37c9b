// Small helpers the Blazor pages call through JS interop.
window.juso = {
    // Moves keyboard focus to the error summary, so screen reader and keyboard users land on what to fix.
    focusFirstError: function () {
        const summary = document.querySelector('[data-testid="form-errors"]');
        if (summary) {
            summary.setAttribute('tabindex', '-1');
            summary.focus();
            summary.scrollIntoView({ block: 'start' });
        }
    },
    // Focuses the first of these elements that exists and is enabled: after a keyboard move, the moved row's button.
    focusFirstOf: function (ids) {
        for (const id of ids) {
            const element = document.getElementById(id);
            if (element && !element.disabled) {
                element.focus();
                return;
            }
        }
    },
    // Saves a file the server made (a printed PDF) through a temporary blob link.
    downloadFile: async function (fileName, contentType, streamRef) {
        const buffer = await streamRef.arrayBuffer();
        const url = URL.createObjectURL(new Blob([buffer], { type: contentType }));
        const link = document.createElement('a');
        link.href = url;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
    // Reports real input (keys, clicks, touch, the wheel, the browser's back and forward) to the circuit, at most once
    // per interval: only input keeps the session alive, never a redraw (docs/adr/0002-server-side-sessions.md).
    watchInput: function (reporter, intervalMs) {
        let last = 0;
        const report = () => {
            const now = Date.now();
            if (now - last >= intervalMs) {
                last = now;
                reporter.invokeMethodAsync('ReportInput').catch(() => { /* the circuit is gone; the page reloads on its own */ });
            }
        };
        for (const type of ['keydown', 'pointerdown', 'touchstart', 'wheel', 'popstate']) {
            window.addEventListener(type, report, { capture: true, passive: true });
        }
    }
};

// The connection-lost dialog (Components/Layout/ReconnectDialog.razor). Blazor retries on its own; while it does,
// we ask the server whether the session still exists. When the account was disabled or the session ended while
// the page was cut off, every retry is refused, so the page goes to the sign-in page instead of retrying forever.
(function () {
    const dialog = document.getElementById('components-reconnect-modal');
    if (!dialog) {
        return;
    }
    let lastCheck = 0;

    async function signInIfSessionEnded() {
        const now = Date.now();
        if (now - lastCheck < 3000) {
            return;
        }
        lastCheck = now;
        try {
            const response = await fetch('account/session', { cache: 'no-store', credentials: 'same-origin' });
            if (response.status === 401) {
                location.assign('account/login?returnUrl=' + encodeURIComponent(location.pathname + location.search));
            }
        } catch {
            // The server is unreachable: keep retrying.
        }
    }

    async function retry() {
        try {
            // true: reconnected; false: the server no longer knows this page, so load it afresh.
            if (!await Blazor.reconnect()) {
                location.reload();
            }
        } catch {
            await signInIfSessionEnded();
        }
    }

    dialog.addEventListener('components-reconnect-state-changed', event => {
        const state = event.detail.state;
        dialog.dataset.state = state;
        if (state === 'hide') {
            dialog.close();
            return;
        }
        if (state === 'rejected') {
            location.reload();
            return;
        }
        if (!dialog.open) {
            dialog.showModal();
        }
        if (state === 'failed') {
            lastCheck = 0;
        }
        signInIfSessionEnded();
    });
    document.getElementById('components-reconnect-button').addEventListener('click', retry);
})();

// Runs callback every intervalMs while an element matching selector is on the page, and not otherwise; returns the
// interval's handle (null when stopped) for the next call, which the caller makes whenever the DOM changes.
juso.whileShown = function (selector, handle, callback, intervalMs) {
    const shown = document.querySelector(selector) !== null;
    if (shown && handle === null) {
        return setInterval(callback, intervalMs);
    }
    if (!shown && handle !== null) {
        clearInterval(handle);
        return null;
    }
    return handle;
};

// The item timer of the live board (Features/Meetings/BoardTimer.razor) ticks here, not on the server: the server
// renders the elapsed time once, when the item starts, and the browser counts on from it with its own monotonic
// clock, so open boards cost the server nothing between changes (docs/adr/0015-board-render-strategy.md). The
// elapsed time comes from the server's clock, so a wrong clock on the viewer's PC does not show a wrong time.
(function () {
    const maxMs = (99 * 60 + 59) * 1000;
    const baselines = new WeakMap();

    function setText(element, text) {
        // Writes into the text node Blazor rendered, so that Blazor's later updates still find it.
        if (element.firstChild && element.firstChild.nodeType === Node.TEXT_NODE) {
            if (element.firstChild.nodeValue !== text) {
                element.firstChild.nodeValue = text;
            }
        } else {
            element.textContent = text;
        }
    }

    function tick() {
        const now = performance.now();
        for (const timer of document.querySelectorAll('[data-board-timer][data-elapsed-ms]')) {
            const rendered = timer.getAttribute('data-elapsed-ms');
            let baseline = baselines.get(timer);
            if (!baseline || baseline.rendered !== rendered) {
                baseline = { rendered, at: now };
                baselines.set(timer, baseline);
            }
            const elapsedMs = Math.min(maxMs, Math.max(0, Number(rendered) + now - baseline.at));
            const seconds = Math.floor(elapsedMs / 1000);
            const over = elapsedMs > Number(timer.getAttribute('data-minutes')) * 60000;
            const clock = timer.querySelector('.board-timer-clock');
            const overText = timer.querySelector('.board-timer-over');
            if (clock) {
                setText(clock, String(Math.floor(seconds / 60)).padStart(2, '0') + ':' + String(seconds % 60).padStart(2, '0'));
            }
            if (overText) {
                setText(overText, over ? '（超過）' : '');
            }
            timer.classList.toggle('over', over);
        }
    }

    // A timer appears or the server renders a new start: show it at once, not at the next tick. The clock ticks only
    // while a started timer is on the page: an idle interval still wakes the page, and a hundred open pages add up.
    let ticking = null;
    new MutationObserver(() => {
        ticking = juso.whileShown('[data-board-timer][data-elapsed-ms]', ticking, tick, 1000);
        tick();
    }).observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-elapsed-ms'] });
    ticking = juso.whileShown('[data-board-timer][data-elapsed-ms]', ticking, tick, 1000);
    tick();
})();

// The projector's body (Features/Meetings/BoardProjection.razor) scrolls itself when the item does not fit the screen:
// slowly down, a pause at the end, back to the top, so nobody in the room needs a mouse.
(function () {
    const pauseMs = 4000;
    const state = new WeakMap();

    function step() {
        const now = performance.now();
        for (const body of document.querySelectorAll('[data-auto-scroll]')) {
            const room = body.scrollHeight - body.clientHeight;
            if (room <= 2) {
                body.scrollTop = 0;
                continue;
            }
            const s = state.get(body) || { waitUntil: now + pauseMs };
            state.set(body, s);
            if (now < s.waitUntil) {
                continue;
            }
            if (body.scrollTop >= room - 1) {
                body.scrollTop = 0;
                s.waitUntil = now + pauseMs;
            } else {
                body.scrollTop = Math.min(room, body.scrollTop + 1);
                if (body.scrollTop >= room - 1) {
                    s.waitUntil = now + pauseMs;
                }
            }
        }
    }

    let stepping = null;
    new MutationObserver(() => stepping = juso.whileShown('[data-auto-scroll]', stepping, step, 40))
        .observe(document.documentElement, { childList: true, subtree: true });
    stepping = juso.whileShown('[data-auto-scroll]', stepping, step, 40);
})();
