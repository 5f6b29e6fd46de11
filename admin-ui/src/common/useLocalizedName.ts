import { useLocaleState } from 'react-admin';
import type { Bilingual } from '../types';

/** Returns a function giving an item's name in the UI language (Chinese when no English name). */
export const useLocalizedName = () => {
  const [locale] = useLocaleState();
  return (item?: Bilingual | null): string => (!item ? '' : locale === 'en' && item.nameEn ? item.nameEn : item.name);
};

/** The localized name of the item with `key` in a list of named items (the key if unknown). */
export const useNamedLookup = () => {
  const localized = useLocalizedName();
  return (items: (Bilingual & { key: string })[] | null | undefined, key?: string | null): string => {
    if (!key) return '';
    const item = items?.find((i) => i.key === key);
    return item ? localized(item) : key;
  };
};
