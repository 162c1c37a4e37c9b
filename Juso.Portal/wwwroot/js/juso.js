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
    print: function () {
        window.print();
    }
};
