// Where the check data portal lives, for links in emails sent outside a web request.
export const CHECK_DATA_PATH = '/check-data';

/** PUBLIC_URL is the service's origin, e.g. https://ecf.example.gov.uk; localhost serves development. */
export function checkDataStartUrl(env: NodeJS.ProcessEnv = process.env): string {
  const origin = (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, '');
  return `${origin}${CHECK_DATA_PATH}`;
}
