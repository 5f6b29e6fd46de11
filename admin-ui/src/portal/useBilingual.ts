import { useLocaleState } from 'react-admin';
import type { Bilingual } from './api';

/** The portal API's words (a step, an outcome) in the console's language. */
export const useBilingual = () => {
  const [locale] = useLocaleState();
  return (text: Bilingual | null | undefined, fallback = ''): string => (text ? (locale === 'en' ? text.en : text.zh) : fallback);
};
