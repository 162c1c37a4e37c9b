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
    }
};
