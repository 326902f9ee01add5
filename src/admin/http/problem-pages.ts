// Plain pages for the back office's refusals and failures: our own words, never an error's text.
const page = (title: string, message: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title} - ECF back office</title>
<style>body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:40rem;padding:0 1rem;color:#0b0c0c}h1{font-size:1.6rem}</style></head>
<body><h1>${title}</h1><p>${message}</p><p><a href="/admin">Go to the back office</a></p></body>
</html>
`;

export const forbiddenPage = (message: string) => page('Not allowed', message);
export const unavailablePage = () => page('Sorry, the service is unavailable', 'The back office cannot reach its database at the moment. Try again in a few minutes.');
export const badRequestPage = (message: string) => page('There is a problem with the request', message);
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const serverErrorPage = (requestId?: string) => page('Sorry, there is a problem with the service', `Something went wrong. Try again later; if it keeps happening, tell the service team what you were doing${requestId ? ` and quote this reference: <strong>${escape(requestId)}</strong>` : ''}.`);
