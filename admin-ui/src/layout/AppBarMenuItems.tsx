import { forwardRef } from 'react';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import Brightness4Icon from '@mui/icons-material/Brightness4';
import Brightness7Icon from '@mui/icons-material/Brightness7';
import CheckIcon from '@mui/icons-material/Check';
import TranslateIcon from '@mui/icons-material/Translate';
import { Divider, ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { useGetIdentity, useLocales, useLocaleState, useTheme, useThemesContext, useTranslate, useUserMenu } from 'react-admin';

// The app bar's settings as entries of the user menu, for a narrow screen where the bar has room for the
// title, search, bell and menu only. MUI's Menu takes its entries as direct children (no fragments),
// hence one component per entry and a list of elements (appBarMenuItems).

/** Who is signed in (the bar shows an icon only on a phone). */
const IdentityItem = forwardRef<HTMLLIElement>((props, ref) => {
  const { identity } = useGetIdentity();
  if (!identity?.fullName) return null;
  return (
    <MenuItem ref={ref} {...props} disabled sx={{ '&.Mui-disabled': { opacity: 1 } }} data-testid="menu-identity">
      <ListItemIcon>
        <AccountCircleIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText primary={identity.fullName} />
    </MenuItem>
  );
});

/** One language of the console; the current one ticked. */
const LocaleItem = forwardRef<HTMLLIElement, { locale: string; name: string }>(({ locale, name, ...props }, ref) => {
  const [current, setLocale] = useLocaleState();
  const menu = useUserMenu();
  return (
    <MenuItem
      ref={ref}
      {...props}
      selected={current === locale}
      data-testid={`menu-locale-${locale}`}
      onClick={() => {
        setLocale(locale);
        menu?.onClose();
      }}
    >
      <ListItemIcon>{current === locale ? <CheckIcon fontSize="small" /> : <TranslateIcon fontSize="small" />}</ListItemIcon>
      <ListItemText primary={name} />
    </MenuItem>
  );
});

/** Light or dark theme, when the console has a dark one (react-admin's ToggleThemeButton as an entry). */
const ThemeItem = forwardRef<HTMLLIElement>((props, ref) => {
  const translate = useTranslate();
  const { darkTheme } = useThemesContext();
  const [theme, setTheme] = useTheme();
  if (!darkTheme) return null;
  const dark = theme === 'dark';
  return (
    <MenuItem ref={ref} {...props} data-testid="menu-theme" onClick={() => setTheme(dark ? 'light' : 'dark')}>
      <ListItemIcon>{dark ? <Brightness7Icon fontSize="small" /> : <Brightness4Icon fontSize="small" />}</ListItemIcon>
      <ListItemText primary={translate(dark ? 'app.layout.theme_light' : 'app.layout.theme_dark')} />
    </MenuItem>
  );
});

/** The entries the user menu gains on a narrow screen: who is signed in, the languages, the theme. */
export const useAppBarMenuItems = () => {
  const locales = useLocales();
  return [
    <IdentityItem key="identity" />,
    ...(locales.length > 1 ? locales.map((l) => <LocaleItem key={`locale-${l.locale}`} locale={l.locale} name={l.name} />) : []),
    <ThemeItem key="theme" />,
    <Divider key="divider" />,
  ];
};
