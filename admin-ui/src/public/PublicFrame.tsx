import type { ReactNode } from 'react';
import { Box, Button, Container, GlobalStyles, Link, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { Bilingual } from './api';

/** Dates as the notices print them, in Asia/Shanghai: 2024-11-30, or 2024-11-30 17:00. */
export const shanghai = (iso: string | null | undefined, withTime = false): string =>
  iso
    ? new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
      }).format(new Date(iso))
    : '';

/** The API's bilingual words in the page's language. */
export const useWords = () => {
  const [locale] = useLocaleState();
  return (text: Bilingual | null | undefined) => (text ? (locale === 'en' ? text.en : text.zh) : '');
};

/** Hidden when printed (buttons, the form, the language toggle): a printed notice shows the list only. */
export const NO_PRINT = 'public-no-print';

/**
 * The public pages' frame, without the console's layout or sign-in: a plain header with the language
 * toggle (Chinese first), the page, and print rules (A4, black on white, no controls).
 */
export const PublicFrame = ({ children, testId }: { children: ReactNode; testId: string }) => {
  const translate = useTranslate();
  const [locale, setLocale] = useLocaleState();
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'grey.100', '@media print': { bgcolor: 'common.white' } }} data-testid={testId}>
      <GlobalStyles
        styles={{
          '@media print': {
            [`.${NO_PRINT}`]: { display: 'none !important' },
            '@page': { size: 'A4', margin: '15mm' },
            body: { background: '#fff' },
          },
        }}
      />
      <Box component="header" className={NO_PRINT} sx={{ bgcolor: 'primary.main', color: 'primary.contrastText', py: 1.5 }}>
        <Container maxWidth="md" sx={{ px: { xs: 1.5, sm: 3 } }}>
          <Stack direction="row" alignItems="center" spacing={1}>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Link href="#/public/rosters" color="inherit" underline="none">
                <Typography variant="h6" component="div" noWrap>
                  {translate('app.public.title')}
                </Typography>
              </Link>
              <Typography variant="caption" component="div" sx={{ opacity: 0.85 }} noWrap>
                {translate('app.public.subtitle')}
              </Typography>
            </Box>
            <Button
              color="inherit"
              variant="outlined"
              size="small"
              lang={locale === 'en' ? 'zh' : 'en'}
              onClick={() => setLocale(locale === 'en' ? 'zh' : 'en')}
              data-testid="public-language"
              sx={{ flexShrink: 0, minHeight: 40 }}
            >
              {translate('app.public.other_language')}
            </Button>
          </Stack>
        </Container>
      </Box>
      <Container maxWidth="md" component="main" sx={{ py: { xs: 1.5, sm: 3 }, px: { xs: 1, sm: 3 }, '@media print': { p: 0, maxWidth: 'none' } }}>
        {children}
      </Container>
    </Box>
  );
};
