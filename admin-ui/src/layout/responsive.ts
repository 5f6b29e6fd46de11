import { useMediaQuery, type Breakpoint, type SxProps, type Theme } from '@mui/material';

/**
 * Below this breakpoint (MUI's md, 900 px) the console is laid out for a phone or a small tablet: lists as
 * cards, filters in a drawer, the app bar's search and settings folded away, forms in one column with the
 * submit button kept in reach (README "On a phone").
 */
export const NARROW_BREAKPOINT: Breakpoint = 'md';

/** True on a narrow screen (below NARROW_BREAKPOINT). */
export const useNarrow = () => useMediaQuery<Theme>((theme) => theme.breakpoints.down(NARROW_BREAKPOINT), { noSsr: true });

/**
 * On a narrow screen, a form's inputs take the full width of the screen (a phone has room for one column
 * only): for the sx of the box around them.
 */
export const narrowFullWidthSx: SxProps<Theme> = (theme) => ({
  [theme.breakpoints.down(NARROW_BREAKPOINT)]: {
    '& .MuiFormControl-root, & .MuiAutocomplete-root': { width: '100%', maxWidth: 'none', minWidth: 0 },
  },
});

/**
 * On a narrow screen, a SimpleShowLayout's fields as label / value lines rather than a label above each
 * value: the record's facts fit on a screen or two, and the work (a task's form) comes sooner.
 */
export const narrowShowLayoutSx: SxProps<Theme> = (theme) => ({
  [theme.breakpoints.down(NARROW_BREAKPOINT)]: {
    '& .ra-field': { display: 'grid', gridTemplateColumns: '5.5rem minmax(0, 1fr)', columnGap: 1, alignItems: 'baseline' },
    '& .ra-field > .RaLabeled-label': { m: 0 },
    '& .ra-field > :not(.RaLabeled-label)': { justifySelf: 'start', maxWidth: '100%' },
    '& .MuiStack-root': { gap: 0.5 },
  },
});
