import { useLocaleState } from 'react-admin';
import type { Bilingual } from '../types';

/** Returns a function giving an item's name in the UI language (Chinese when no English name). */
export const useLocalizedName = () => {
    const [locale] = useLocaleState();
    return (item?: Bilingual | null): string =>
        !item ? '' : locale === 'en' && item.nameEn ? item.nameEn : item.name;
};
