// The back office's colours: AdminJS's default theme with every text and badge colour dark enough for WCAG 2.2 AA
// (4.5:1 for text on its background), taken from GOV.UK's palette so the tool reads as the department's.
import type { ThemeOverride } from '@adminjs/design-system';

export const backOfficeTheme: Partial<ThemeOverride> = {
  colors: {
    // Secondary text (breadcrumbs, counts, hints): 7:1 on white and on the page background.
    grey60: '#505a5f',
    // Badges without a variant carry white text on this grey (and borders use it): 6:1.
    grey40: '#626a6e',
    // Links and primary buttons: GOV.UK's link blue, 5:1 against white.
    primary100: '#1d70b8',
    primary80: '#1d70b8',
    accent: '#0b0c0c',
    info: '#1d70b8',
    infoDark: '#003078',
    success: '#00703c',
    successDark: '#005a30',
    // Danger buttons and errors: GOV.UK's red (#d4351c) darkened, as its 4.9:1 on white drops to 4.2:1 on the tint an
    // outlined danger button gets while focused; this one keeps 5.4:1 there.
    error: '#b52a17',
    errorDark: '#942514',
    inputBorder: '#0b0c0c',
  },
};
