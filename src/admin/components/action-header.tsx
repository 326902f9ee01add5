// AdminJS's action header with our headings (./page-title.ts): it heads the page with the action's label,
// so we give the action a label that reads as the heading, and name the browser tab the same way. Buttons,
// breadcrumbs and filters stay AdminJS's own.
import React, { useEffect } from 'react';
import { useTranslation, type ActionHeaderProps } from 'adminjs';
import { pageHeading, tabTitle } from './page-title.js';

type Props = ActionHeaderProps & { OriginalComponent?: React.ComponentType<ActionHeaderProps> };

const ActionHeader: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const { action, resource, record } = props;
  const { i18n, translateAction, translateLabel } = useTranslation();
  const resourceLabel = translateLabel(resource.name, resource.id);
  const heading = pageHeading({
    actionName: action.name, actionLabel: translateAction(action.label, resource.id), resourceLabel, recordTitle: record?.title,
  });
  // The header translates the label as an action of this resource: the heading becomes that translation.
  const key = `heading-${action.name}-${record?.id ?? 'resource'}`.replace(/[.:]/g, '-');
  i18n.addResource(i18n.language, i18n.options.defaultNS?.toString() ?? 'translation', `resources.${resource.id}.actions.${key}`, heading, { silent: true });
  const drawer = !!action.showInDrawer;
  useEffect(() => {
    if (!drawer) document.title = tabTitle(heading, action.name === 'list' ? undefined : resourceLabel);
  }, [heading, resourceLabel, drawer, action.name]);
  return OriginalComponent ? <OriginalComponent {...props} action={{ ...action, label: key }} /> : null;
};

export default ActionHeader;
