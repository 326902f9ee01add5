// What each generated page is called, in its heading and in the browser's tab: a list is its resource's
// name ("Schools"), a record's page its title, other actions say what they do and to which record.
export const SERVICE_NAME = 'ECF back office';

interface TitleParts {
  actionName: string;
  /** The action's own label, translated ("Void declaration"). */
  actionLabel: string;
  /** The resource's name, translated ("Schools"). */
  resourceLabel: string;
  recordTitle?: string;
}

export function pageHeading({ actionName, actionLabel, resourceLabel, recordTitle }: TitleParts): string {
  if (actionName === 'list') return resourceLabel;
  if (actionName === 'new') return `Add to ${resourceLabel}`;
  if (!recordTitle) return actionLabel;
  if (actionName === 'show') return recordTitle;
  return `${actionLabel}: ${recordTitle}`;
}

/** The browser tab: the page's heading, then where it is. */
export const tabTitle = (...parts: (string | undefined)[]): string =>
  [...new Set([...parts.filter((part): part is string => !!part), SERVICE_NAME])].join(' – ');
