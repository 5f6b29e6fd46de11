import { Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { inspectionFindingColors } from '../choices';
import { useFormatDate } from '../common/fields';
import { InfoTable } from '../common/InfoTable';
import { useLocalizedName } from '../common/useLocalizedName';
import type { RectificationOrder, SelfCheckArea } from '../types';

/** The rectification order (限期整改) a verification checks: measure, deadline, findings, round. */
export const RectificationOrderInfo = ({ order, areas }: { order?: RectificationOrder; areas: SelfCheckArea[] }) => {
  const translate = useTranslate();
  const localized = useLocalizedName();
  const formatDate = useFormatDate();
  if (!order) return null;
  const areaName = (key: string) => localized(areas.find((a) => a.key === key)) || key;
  const deadline = order.rectifyBy == null ? '' : formatDate(new Date(order.rectifyBy).toISOString(), false);
  return (
    <InfoTable
      testId="rectification-order"
      rows={[
        ['app.verification.round', order.round],
        order.measure && ['app.inspection.measure', translate(`app.measure.${order.measure}`)],
        ['app.inspection.rectify_by', deadline],
        !!order.findings?.length && [
          'app.verification.findings',
          <Stack spacing={0.5}>
            {order.findings.map((f) => (
              <Typography key={f.key} variant="body2" component="div">
                <Chip
                  size="small"
                  color={inspectionFindingColors[f.finding] ?? 'default'}
                  label={translate(`app.inspection.finding.${f.finding}`)}
                  sx={{ mr: 1 }}
                />
                {areaName(f.key)}
                {f.description ? `：${f.description}` : ''}
              </Typography>
            ))}
          </Stack>,
        ],
        ['app.verification.complaint_note', order.note],
        ['app.verification.previous_note', order.previousNote],
      ]}
    />
  );
};
