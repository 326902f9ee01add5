// Keyboard-only use in the browser tests: move focus with Tab (or Shift+Tab) as a person would, never by
// clicking or by focusing from script, and see that wherever focus lands it can be seen.
import { expect } from '@jest/globals';
import type { FileChooser, Locator, Page } from 'playwright-core';

/** Whether the focused element shows a focus indicator: an outline or a box shadow that is drawn. */
export const focusIsVisible = (page: Page) => page.evaluate(() => {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return false;
  // A control hidden for a drawn one (a check box) shows its focus on what is drawn after it.
  const hidden = focused.getBoundingClientRect().width <= 1;
  const element = hidden && focused.nextElementSibling ? focused.nextElementSibling : focused;
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return outline || (style.boxShadow !== 'none' && style.boxShadow !== '');
});

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has focus, then checks its focus can be seen.
 * Fails after `limit` presses: the target cannot be reached from the keyboard.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, limit = 150 } = {}): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))) {
      expect({ focusVisible: await focusIsVisible(page) }).toEqual({ focusVisible: true });
      return;
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Could not reach ${String(target)} with ${backwards ? 'Shift+Tab' : 'Tab'} in ${limit} presses`);
}

/**
 * Opens the file chooser of `input` with Tab and Space, as a keyboard user does, and chooses `files`.
 * Playwright intercepts file choosers only once it has told the browser to, which it does without waiting when a
 * page first listens for them: the listener goes on before the Tab presses, so a quick Space cannot open the
 * browser's own dialog instead (seen under load as a chooser that never came).
 */
export async function chooseFileByKeyboard(page: Page, input: Locator, files: Parameters<FileChooser['setFiles']>[0]): Promise<void> {
  const listening = () => {};
  page.on('filechooser', listening);
  try {
    await tabTo(page, input);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles(files);
  } finally {
    page.off('filechooser', listening);
  }
}

/** On an import page, with its files chosen: Preview, then Apply import, each reached by Tab and pressed with Enter. */
export async function previewAndApplyImportByKeyboard(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('button', { name: 'Preview' }));
  await page.keyboard.press('Enter');
  await page.getByText('Preview: this is what applying will do').waitFor();
  await tabTo(page, page.getByRole('button', { name: 'Apply import' }));
  await page.keyboard.press('Enter');
  await page.getByText('Imported', { exact: true }).waitFor();
}
