import { Box, Stack, Typography } from '@mui/material';
import { FunctionField, ReferenceField, SelectInput, TextField, useRecordContext, useTranslate } from 'react-admin';
import { titleStatusChoices, titleStatusColors } from '../choices';
import { CardMeta } from '../cases/CaseCards';
import { DateTimeField, EnumChipField, useFormatDate } from '../common/fields';
import { campaignFilter, jurisdictionFilter } from '../common/filters';
import { formatScore } from '../common/scores';
import { CardLine, RecordCard, ResponsiveDatagrid } from '../layout/CardList';
import { ResponsiveList } from '../layout/ResponsiveList';
import type { Title } from '../types';
import { csvExporter } from '../common/csv';

const titleFilters = [<SelectInput key="status" source="status" choices={titleStatusChoices} alwaysOn />, campaignFilter(), jurisdictionFilter()];

/** A title on a phone: who holds it, from which campaign, its score, status and term. */
const TitleCard = () => {
  const title = useRecordContext<Title>();
  const formatDate = useFormatDate();
  const translate = useTranslate();
  if (!title) return null;
  return (
    <RecordCard testId="title-card" openTestId="title-card-open" highlighted={title.status === 'active'}>
      <Typography variant="subtitle1" component="div" sx={{ fontWeight: 500, lineHeight: 1.4 }}>
        {title.operatorName}
      </Typography>
      <CardMeta>
        <span>{title.operatorUscc}</span>
        <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} />
      </CardMeta>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <EnumChipField source="status" prefix="app.titles.status" colors={titleStatusColors} />
        <Typography variant="body2" component="span">
          {translate('resources.titles.fields.totalScore')} {formatScore(title.totalScore)}
        </Typography>
      </Stack>
      <Box sx={{ mt: 1 }}>
        <CardLine label="resources.titles.fields.campaignName">{title.campaignName}</CardLine>
        <CardLine label="resources.titles.fields.grantedAt">{formatDate(title.grantedAt, false)}</CardLine>
        <CardLine label="resources.titles.fields.expiresAt">{formatDate(title.expiresAt, false)}</CardLine>
        <CardLine label="resources.titles.fields.endedAt">{formatDate(title.endedAt, false)}</CardLine>
      </Box>
    </RecordCard>
  );
};

/** Granted titles (长兴放心电商): in force, revoked or expired; cards on a phone. */
export const TitleList = () => (
  <ResponsiveList filters={titleFilters} inlineFilters={['status']} sort={{ field: 'expiresAt', order: 'ASC' }} exporter={csvExporter}>
    <ResponsiveDatagrid rowClick="show" bulkActionButtons={false} card={<TitleCard />} cardsTestId="title-cards">
      <TextField source="operatorName" sortable={false} />
      <TextField source="operatorUscc" sortable={false} />
      <TextField source="campaignName" sortable={false} />
      <ReferenceField source="jurisdictionId" reference="jurisdictions" link={false} sortable={false} />
      <FunctionField<Title> source="totalScore" render={(t) => formatScore(t.totalScore)} />
      <DateTimeField source="grantedAt" showTime={false} />
      <DateTimeField source="expiresAt" showTime={false} />
      <EnumChipField source="status" prefix="app.titles.status" colors={titleStatusColors} />
      <DateTimeField source="endedAt" showTime={false} sortable={false} />
    </ResponsiveDatagrid>
  </ResponsiveList>
);
