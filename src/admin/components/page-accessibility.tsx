// What AdminJS's generated pages lack for WCAG 2.2 AA, put right on every back-office page (mounted with the top bar).
// - Names: its filter and edit fields render a <label for="filter-x"> beside an input that has no such id, its
//   option pickers (react-select) and date filters have no label at all, list check boxes have no name, and its
//   pagination arrows, drawer crosses and password eye are bare icons. Rather than
//   fork every property type's component, each label is tied to the control it stands beside, and the arrows
//   are named, as soon as they appear.
// - Look: a focus indicator that shows on any background (yellow with a dark edge, as GOV.UK's) and targets of
//   at least 24 by 24 pixels. Colours are the theme's (src/admin/theme.ts).
import React, { useEffect } from 'react';

const PAGINATION_NAMES: Record<string, string> = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' };

const CONTROL = 'input:not([type=hidden]), select, textarea';

/** Ties each label to its control and names the icon-only buttons AdminJS renders, within `root`. */
export function nameControls(root: ParentNode): void {
  for (const label of Array.from(root.querySelectorAll<HTMLLabelElement>('label[for]'))) {
    const target = label.htmlFor;
    if (!target || document.getElementById(target)) continue;
    // The control the label stands beside: in the same group, not already labelled by another label.
    const control: HTMLElement | null | undefined = label.parentElement?.querySelector(CONTROL);
    if (!control || control.getAttribute('aria-labelledby') || control.getAttribute('aria-label')) continue;
    if (!control.id) {
      control.id = target;
    } else {
      label.id ||= `${target}-label`;
      control.setAttribute('aria-labelledby', label.id);
    }
  }
  for (const button of Array.from(root.querySelectorAll<HTMLElement>('[data-testid]'))) {
    const name = PAGINATION_NAMES[button.dataset.testid ?? ''];
    if (name && !button.getAttribute('aria-label') && button.classList.contains('adminjs_PaginationLink')) button.setAttribute('aria-label', name);
  }
  // A date filter is the property's label, then "- From:" and a picker, then "- To:" and a picker, none tied.
  for (const input of Array.from(root.querySelectorAll<HTMLInputElement>('section[data-css*="-filter-"] .adminjs_DatePicker input'))) {
    if (input.getAttribute('aria-label')) continue;
    const group = input.closest('section');
    const property = group?.querySelector('label')?.textContent?.trim().replace(/:$/, '') ?? 'Date';
    const end = input.closest('.adminjs_DatePicker')?.previousElementSibling?.textContent?.replace(/[-:]/g, '').trim().toLowerCase() ?? '';
    input.setAttribute('aria-label', end ? `${property}, ${end}` : property);
  }
  // A list with bulk actions has a check box per row and one in the header, drawn without a name.
  for (const box of Array.from(root.querySelectorAll<HTMLInputElement>('table input[type=checkbox]'))) {
    if (box.getAttribute('aria-label') || box.labels?.length) continue;
    const row = box.closest('tr');
    if (box.closest('thead')) {
      box.setAttribute('aria-label', 'Select every row on this page');
    } else if (row) {
      const title = Array.from(row.cells).map((cell) => cell.textContent?.trim() ?? '').find(Boolean);
      box.setAttribute('aria-label', title ? `Select ${title.slice(0, 80)}` : 'Select this row');
    }
  }
  // A password field's eye icon switches the field between hidden and shown text.
  for (const button of Array.from(root.querySelectorAll<HTMLButtonElement>('button[type=button]'))) {
    if (button.textContent?.trim() || button.getAttribute('aria-label') || !button.querySelector('svg')) continue;
    if (button.parentElement?.querySelector('input[name*="assword"]')) button.setAttribute('aria-label', 'Show or hide the password');
  }
  // A drawer's only icon button is the cross that closes it.
  for (const button of Array.from(root.querySelectorAll<HTMLButtonElement>('.adminjs_Drawer button'))) {
    if (button.textContent?.trim() || button.getAttribute('aria-label') || !button.querySelector('svg')) continue;
    button.setAttribute('aria-label', button.closest('[data-css$="-filter-drawer-content"]') ? 'Close filters' : 'Close');
  }
}

// A plain style element: the Content-Security-Policy allows inline styles (AdminJS's styled-components need them).
const ACCESSIBLE_LOOK = `
  a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible,
  [tabindex]:focus-visible, [role=button]:focus-visible {
    outline: 3px solid #ffdd00 !important;
    outline-offset: 0;
    box-shadow: 0 0 0 5px #0b0c0c !important;
  }
  /* AdminJS's check box hides the real input and draws a box after it: the box shows the focus. */
  input[type=checkbox]:focus-visible + a {
    outline: 3px solid #ffdd00;
    box-shadow: 0 0 0 5px #0b0c0c;
  }
  .adminjs_Breadcrumbs a, [data-css="sidebar"] a, .adminjs_PaginationLink, .adminjs_Link {
    min-height: 24px;
    min-width: 24px;
    display: inline-flex;
    align-items: center;
  }
`;

/** Mounted once per page: keeps names on what AdminJS renders as the page changes. */
export function PageAccessibility(): React.ReactElement {
  useEffect(() => {
    nameControls(document);
    // Only added and removed nodes are watched, so naming (attribute changes) does not wake it again.
    const observer = new MutationObserver(() => nameControls(document));
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return <style>{ACCESSIBLE_LOOK}</style>;
}

export default PageAccessibility;
