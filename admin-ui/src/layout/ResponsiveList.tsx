import { cloneElement, isValidElement, useState, type ReactElement, type ReactNode } from 'react';
import CloseIcon from '@mui/icons-material/Close';
import FilterListIcon from '@mui/icons-material/FilterList';
import { Badge, Box, Button, Divider, Drawer, IconButton, Stack, Typography } from '@mui/material';
import { ExportButtons } from '../common/ExportButtons';
import { FilterButton, FilterContext, FilterForm, List, TopToolbar, useListContext, useTranslate, type ListProps } from 'react-admin';
import { useNarrow } from './responsive';

type FilterElement = ReactElement<{ source: string; alwaysOn?: boolean; defaultValue?: unknown }>;

const sourceOf = (filter: ReactNode) => (isValidElement(filter) ? (filter as FilterElement).props.source : undefined);

const isSet = (value: unknown): boolean => value != null && value !== '' && (typeof value !== 'object' || Object.values(value as object).some(isSet));

/**
 * 筛选 on a narrow screen: the list's filters in a drawer from the bottom (where a thumb reaches), every
 * one shown, applied as they change; the button counts the filters set.
 */
export const FilterDrawerButton = ({ filters }: { filters: ReactElement[] }) => {
  const translate = useTranslate();
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const [open, setOpen] = useState(false);
  const sources = filters.map(sourceOf).filter((s): s is string => !!s);
  const active = sources.filter((s) => isSet(filterValues?.[s])).length;
  // Every filter shown in the drawer: alwaysOn (react-admin refuses alwaysOn with a defaultValue).
  const shown = filters.map((f) => cloneElement(f as FilterElement, { alwaysOn: true, defaultValue: undefined }));
  const clear = () => {
    const rest = Object.fromEntries(Object.entries(filterValues ?? {}).filter(([key]) => !sources.includes(key)));
    setFilters(rest, displayedFilters);
  };
  if (!filters.length) return null;
  return (
    <>
      <Button size="small" startIcon={<FilterListIcon />} onClick={() => setOpen(true)} data-testid="list-filters-button">
        <Badge color="primary" badgeContent={active} invisible={active === 0} sx={{ '& .MuiBadge-badge': { right: -10 } }}>
          {translate('app.layout.filters')}
        </Badge>
      </Button>
      <Drawer
        anchor="bottom"
        open={open}
        onClose={() => setOpen(false)}
        data-testid="list-filters-drawer"
        slotProps={{ paper: { sx: { maxHeight: '85vh', borderTopLeftRadius: 12, borderTopRightRadius: 12 } } }}
      >
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', px: 2, py: 1 }}>
          <Typography variant="subtitle1">{translate('app.layout.filters')}</Typography>
          <IconButton aria-label={translate('ra.action.close')} onClick={() => setOpen(false)}>
            <CloseIcon />
          </IconButton>
        </Stack>
        <Divider />
        <Box
          sx={{
            px: 2,
            pb: 1,
            overflowY: 'auto',
            '& form': { flexDirection: 'column', alignItems: 'stretch', width: '100%' },
            '& form > *, & .MuiFormControl-root': { width: '100%', maxWidth: 'none' },
          }}
        >
          <FilterContext.Provider value={shown}>
            <FilterForm />
          </FilterContext.Provider>
        </Box>
        <Divider />
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', px: 2, py: 1 }}>
          <Button onClick={clear} disabled={active === 0} data-testid="list-filters-clear">
            {translate('app.layout.clear_filters')}
          </Button>
          <Button variant="contained" onClick={() => setOpen(false)} data-testid="list-filters-done">
            {translate('app.layout.done')}
          </Button>
        </Stack>
      </Drawer>
    </>
  );
};

const ResponsiveListActions = ({
  drawerFilters,
  filterButton,
  exportable,
  extra,
}: {
  drawerFilters: ReactElement[];
  filterButton: boolean;
  exportable: boolean;
  extra?: ReactNode;
}) => (
  <TopToolbar sx={{ flexWrap: 'wrap' }}>
    {filterButton && <FilterButton />}
    {drawerFilters.length > 0 && <FilterDrawerButton filters={drawerFilters} />}
    {extra}
    {exportable && <ExportButtons />}
  </TopToolbar>
);

export type ResponsiveListProps = Omit<ListProps, 'actions' | 'filters'> & {
  filters?: ReactElement[];
  /** The toolbar's own buttons (after 筛选, before 导出; 导出 unless `exporter` is false). */
  actions?: ReactNode;
  /** Sources of the filters kept above the list on a narrow screen (default: the search box, `q`). */
  inlineFilters?: string[];
};

/**
 * react-admin's List, laid out for the screen: on a narrow one (below NARROW_BREAKPOINT) only the
 * `inlineFilters` stay above the list and the other filters open in a drawer (FilterDrawerButton).
 * Pair with ResponsiveDatagrid for cards on a phone and the table on a desktop.
 */
export const ResponsiveList = ({ filters = [], actions, inlineFilters = ['q'], exporter, children, ...listProps }: ResponsiveListProps) => {
  const narrow = useNarrow();
  const inline = narrow ? filters.filter((f) => inlineFilters.includes(sourceOf(f) ?? '')) : filters;
  const drawer = narrow ? filters.filter((f) => !inlineFilters.includes(sourceOf(f) ?? '')) : [];
  return (
    <List
      {...listProps}
      exporter={exporter}
      filters={inline.length ? inline : undefined}
      actions={<ResponsiveListActions drawerFilters={drawer} filterButton={!narrow && filters.length > 0} exportable={exporter !== false} extra={actions} />}
    >
      {children}
    </List>
  );
};
