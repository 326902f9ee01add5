// An admin URL that makes AdminJS reload the record on arrival, for in-app navigation after a save: in-app,
// because a full page load would drop the notice that says what was done.
export const withRefresh = (url: string) => `${url}${url.includes('?') ? '&' : '?'}refresh=true`;
