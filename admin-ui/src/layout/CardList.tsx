import { createContext, useContext, type ReactNode } from 'react';
import { Box, Card, CardActionArea, CardActions, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import {
  Datagrid,
  RecordContextProvider,
  useCreatePath,
  useListContext,
  useNavigate,
  useResourceContext,
  useTranslate,
  type DatagridProps,
  type RaRecord,
  type RowClickFunction,
} from 'react-admin';
import { useNarrow } from './responsive';

type RowClick = DatagridProps['rowClick'];

/** Opens the record of the card around (what a row click does in the Datagrid); nothing outside a CardList. */
const CardOpenContext = createContext<(() => void) | null>(null);

/** The records of the list as cards, one under the other; a card's main area opens its record like `rowClick`. */
export const CardList = ({ card, rowClick = 'show', testId }: { card: ReactNode; rowClick?: RowClick; testId?: string }) => {
  const { data, isPending, resource: listResource } = useListContext();
  const resourceContext = useResourceContext();
  const resource = listResource ?? resourceContext ?? '';
  const translate = useTranslate();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const open = async (record: RaRecord) => {
    const target = typeof rowClick === 'function' ? await (rowClick as RowClickFunction)(record.id, resource, record) : rowClick;
    if (!target || target === 'expand' || target === 'toggleSelection') return;
    navigate(target === 'show' || target === 'edit' ? createPath({ resource, id: record.id, type: target }) : target);
  };
  // A row that opens nothing (false, or a wide-screen 'expand'): a card that is not a button.
  const opens = !!rowClick && rowClick !== 'expand' && rowClick !== 'toggleSelection';
  if (isPending) return <LinearProgress sx={{ m: 2 }} />;
  if (!data?.length) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
        {translate('ra.navigation.no_results', { _: 'No results found' })}
      </Typography>
    );
  }
  return (
    <Stack spacing={1} sx={{ p: 1, bgcolor: 'background.default' }} data-testid={testId}>
      {data.map((record) => (
        <RecordContextProvider key={record.id} value={record}>
          <CardOpenContext.Provider value={opens ? () => void open(record) : null}>{card}</CardOpenContext.Provider>
        </RecordContextProvider>
      ))}
    </Stack>
  );
};

/**
 * One record as a card: its main area (a button opening the record) and, apart from it so that a tap on
 * them does not open the record, its actions (e.g. 认领), full width at the bottom where a thumb reaches.
 */
export const RecordCard = ({
  children,
  actions,
  testId,
  openTestId,
  highlighted = false,
}: {
  children: ReactNode;
  actions?: ReactNode;
  testId?: string;
  openTestId?: string;
  /** Marked with a coloured edge (unread, overdue…). */
  highlighted?: boolean;
}) => {
  const open = useContext(CardOpenContext);
  const body = <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>{children}</CardContent>;
  return (
    <Card variant="outlined" data-testid={testId} sx={{ borderLeft: 4, borderLeftColor: highlighted ? 'primary.main' : 'divider', overflowWrap: 'anywhere' }}>
      {open ? (
        <CardActionArea onClick={open} data-testid={openTestId}>
          {body}
        </CardActionArea>
      ) : (
        body
      )}
      {actions && (
        // Hidden when every action renders nothing (e.g. a task already claimed).
        <CardActions disableSpacing sx={{ pt: 0, px: 2, pb: 1.5, justifyContent: 'flex-end', flexWrap: 'wrap', gap: 1, '&:empty': { display: 'none' } }}>
          {actions}
        </CardActions>
      )}
    </Card>
  );
};

/**
 * One fact of a card as a label / value line (nothing when the value is empty): the label in the card's
 * secondary colour, the value wrapping within the card.
 */
export const CardLine = ({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  if (children == null || children === '' || children === false) return null;
  return (
    <Typography
      variant="body2"
      component="div"
      data-testid={testId}
      sx={{ display: 'grid', gridTemplateColumns: '5.5rem minmax(0, 1fr)', columnGap: 1, alignItems: 'baseline' }}
    >
      <Typography component="span" variant="body2" color="text.secondary">
        {typeof label === 'string' ? translate(label, { _: label }) : label}
      </Typography>
      <Box component="span" sx={{ minWidth: 0 }}>
        {children}
      </Box>
    </Typography>
  );
};

/**
 * A react-admin Datagrid on a wide screen, the same records as cards (`card`, rendered in each record's
 * context, usually a RecordCard) on a narrow one (below NARROW_BREAKPOINT), where eight columns would
 * scroll sideways. Bulk selection is a wide-screen tool: the cards have none.
 */
export const ResponsiveDatagrid = ({ card, cardsTestId, children, rowClick, ...datagridProps }: DatagridProps & { card: ReactNode; cardsTestId?: string }) =>
  useNarrow() ? (
    <CardList card={card} rowClick={rowClick} testId={cardsTestId} />
  ) : (
    <Datagrid rowClick={rowClick} {...datagridProps}>
      {children}
    </Datagrid>
  );
