import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { CustomFieldProps } from '../common/fields';
import type { Operator } from '../types';

/** 经营异常 / 严重违法失信 as red chips (nothing when on neither list). */
export const ListFlagsField = (_props: CustomFieldProps) => {
  const operator = useRecordContext<Operator>();
  const translate = useTranslate();
  if (!operator?.abnormalListed && !operator?.dishonestListed) return null;
  return (
    <Stack direction="row" spacing={0.5} data-testid="operator-flags">
      {operator.abnormalListed && <Chip size="small" color="error" label={translate('app.operator.abnormal_listed')} />}
      {operator.dishonestListed && <Chip size="small" color="error" label={translate('app.operator.dishonest_listed')} />}
    </Stack>
  );
};
