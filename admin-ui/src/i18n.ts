import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import chineseModule from '@haxqer/ra-language-chinese';
import { mergeTranslations, type TranslationMessages } from 'react-admin';
import { en, zh } from './messages';
import { raZh } from './messages/raZh';

// The package is CommonJS with an `exports.default`; depending on the bundler's interop the
// default import is either the messages or the module object holding them.
const chineseMessages: TranslationMessages = (chineseModule as unknown as { default?: TranslationMessages }).default ?? chineseModule;

// The Chinese package targets react-admin 4: raZh adds the keys it lacks, English any others.
const messages: Record<string, TranslationMessages> = {
  zh: mergeTranslations(englishMessages, chineseMessages, raZh, zh),
  en: mergeTranslations(englishMessages, en),
};

export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[locale] ?? messages.zh,
  'zh',
  [
    { locale: 'zh', name: '简体中文' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
