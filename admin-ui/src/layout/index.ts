// The console's layout and its responsive building blocks (also for the operators' portal): a narrow
// screen (below NARROW_BREAKPOINT) gets cards instead of tables, filters in a drawer, one column of
// full-width inputs and the form's actions stuck to the bottom of the screen.
export { AppBar } from './AppBar';
export { CardLine, CardList, RecordCard, ResponsiveDatagrid } from './CardList';
export { Layout } from './Layout';
export { MuiLocale } from './MuiLocale';
export { NARROW_BREAKPOINT, narrowFullWidthSx, narrowShowLayoutSx, useNarrow } from './responsive';
export { FilterDrawerButton, ResponsiveList, type ResponsiveListProps } from './ResponsiveList';
export { StickyActions } from './StickyActions';
