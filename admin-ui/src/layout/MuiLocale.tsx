import { useCallback, type ReactNode } from 'react';
import { createTheme, ThemeProvider, type Theme } from '@mui/material/styles';
import { zhCN } from '@mui/material/locale';
import { useLocaleState } from 'react-admin';

/**
 * MUI's own words in the UI language: react-admin translates its pagination's page buttons only on a wide
 * screen, so on a phone MUI's defaults ("Go to next page") showed, as did an autocomplete's "No options".
 * MUI's locale for Chinese is merged into the theme around `children` (MUI docs, "Localization"); English
 * keeps MUI's defaults.
 */
export const MuiLocale = ({ children }: { children: ReactNode }) => {
  const [locale] = useLocaleState();
  // A function of the theme around, so that the light/dark switch still applies.
  const theme = useCallback((outer: Theme) => (locale === 'en' ? outer : createTheme(outer, zhCN)), [locale]);
  return <ThemeProvider theme={theme}>{children}</ThemeProvider>;
};
