import { useMemo, useState } from 'react';
import { Alert, Box, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  BooleanInput,
  Button,
  Confirm,
  Datagrid,
  NumberField,
  Pagination,
  PasswordInput,
  ReferenceManyField,
  TextField,
  TextInput,
  minLength,
  regex,
  required,
  useNotify,
  useRefresh,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { DateTimeField, EnumChipField, useFormatDate } from '../common/fields';
import { FormCard } from '../common/FormCard';
import { inputErrors } from '../common/formErrors';
import { ProblemAlert } from '../common/ProblemAlert';
import { useConfirmedAction } from '../common/useConfirmation';
import { errorMessage, problemOf, type Problem } from '../httpClient';
import { deleteWebhook, fetchWebhook, saveWebhook, SECRET_MIN_LENGTH, type Webhook } from './webhook';

const INPUTS = new Set(['url', 'secret', 'enabled']);

const deliveryStatusColors = { pending: 'warning', delivered: 'success', failed: 'error' } as const;

interface Values {
  url?: string;
  secret?: string;
  enabled?: boolean;
}

/** 推送接口: the URL, the signing secret (never shown again) and whether it is on; saved with PUT. */
const WebhookForm = ({ jurisdictionId, webhook }: { jurisdictionId: Identifier; webhook: Webhook | null }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [problem, setProblem] = useState<Problem | null>(null);
  const record = useMemo(
    () => ({ id: `webhook-${jurisdictionId}-${webhook?.updatedAt ?? 'new'}`, url: webhook?.url ?? '', secret: '', enabled: webhook?.enabled ?? true }),
    [jurisdictionId, webhook?.updatedAt, webhook?.url, webhook?.enabled],
  );
  const submit = async (values: Values) => {
    setProblem(null);
    const secret = (values.secret ?? '').trim();
    try {
      await saveWebhook(jurisdictionId, {
        url: (values.url ?? '').trim(),
        enabled: !!values.enabled,
        ...(secret ? { secret } : {}),
      });
      notify('app.webhook.saved', { type: 'success' });
      refresh();
      return undefined;
    } catch (error) {
      setProblem(problemOf(error));
      return inputErrors(error, (path) => INPUTS.has(path));
    }
  };
  return (
    <FormCard
      testId="webhook-form"
      label={webhook ? 'app.webhook.save' : 'app.webhook.create'}
      record={record}
      onSubmit={(values: Values) => submit(values)}
      problem={problem}
      submitTestId="webhook-save"
    >
      <TextInput
        source="url"
        label="app.webhook.url"
        helperText="app.webhook.url_helper"
        validate={[required(), regex(/^https?:\/\/\S+$/, 'app.webhook.url_invalid')]}
        fullWidth
      />
      <PasswordInput
        source="secret"
        label="app.webhook.secret"
        helperText={webhook?.secretSet ? 'app.webhook.secret_keep' : 'app.webhook.secret_helper'}
        validate={[...(webhook?.secretSet ? [] : [required()]), minLength(SECRET_MIN_LENGTH, 'app.webhook.secret_short')]}
        autoComplete="new-password"
        fullWidth
      />
      <BooleanInput source="enabled" label="app.webhook.enabled" />
    </FormCard>
  );
};

/** The latest deliveries of the jurisdiction's webhook (each with its attempts and the last error). */
export const WebhookDeliveries = () => (
  <ReferenceManyField
    reference="webhook-deliveries"
    target="jurisdictionId"
    sort={{ field: 'id', order: 'DESC' }}
    perPage={10}
    pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
    empty={<EmptyDeliveries />}
  >
    <Datagrid bulkActionButtons={false} rowClick={false} data-testid="webhook-deliveries">
      <DateTimeField source="createdAt" sortable={false} />
      <EnumChipField source="status" prefix="app.webhook.status" colors={deliveryStatusColors} sortable={false} />
      <NumberField source="attempts" sortable={false} />
      <TextField source="lastStatus" sortable={false} emptyText="—" />
      <TextField source="lastError" sortable={false} emptyText="—" />
      <DateTimeField source="deliveredAt" sortable={false} />
      <TextField source="url" sortable={false} />
    </Datagrid>
  </ReferenceManyField>
);

const EmptyDeliveries = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('app.webhook.no_deliveries')}
    </Typography>
  );
};

/** 推送接口 card of a jurisdiction: state, form, removal and the recent deliveries. */
export const WebhookCard = ({ jurisdictionId }: { jurisdictionId: Identifier }) => {
  const translate = useTranslate();
  const formatDate = useFormatDate();
  const {
    data: webhook,
    error,
    isPending,
  } = useQuery({
    // Under the `jurisdictions` key, so react-admin's refresh reloads it.
    queryKey: ['jurisdictions', 'webhook', jurisdictionId],
    queryFn: ({ signal }) => fetchWebhook(jurisdictionId, signal),
    retry: false,
  });
  const removal = useConfirmedAction(() => deleteWebhook(jurisdictionId), 'app.webhook.deleted');
  return (
    <Card variant="outlined" data-testid="webhook-card">
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h6">{translate('app.webhook.title')}</Typography>
            {webhook && (
              <Chip
                size="small"
                data-testid="webhook-state"
                color={webhook.enabled ? 'success' : 'default'}
                label={translate(webhook.enabled ? 'app.webhook.on' : 'app.webhook.off')}
              />
            )}
            {webhook === null && <Chip size="small" variant="outlined" data-testid="webhook-state" label={translate('app.webhook.none')} />}
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {translate('app.webhook.helper')}
          </Typography>
          {error ? (
            <Alert severity="info">{errorMessage(error)}</Alert>
          ) : isPending ? (
            <Typography color="text.secondary">{translate('ra.page.loading')}</Typography>
          ) : (
            <>
              {webhook && (
                <Typography variant="body2" color="text.secondary">
                  {translate('app.webhook.updated', {
                    created: formatDate(webhook.createdAt),
                    updated: formatDate(webhook.updatedAt),
                  })}
                  {webhook.secretSet && ` · ${translate('app.webhook.secret_set')}`}
                </Typography>
              )}
              <WebhookForm jurisdictionId={jurisdictionId} webhook={webhook ?? null} />
              {webhook && (
                <Box>
                  <ProblemAlert problem={removal.problem} onClose={removal.clearProblem} />
                  <Button label="app.webhook.delete" color="error" data-testid="webhook-delete" disabled={removal.loading} onClick={() => removal.ask()} />
                  <Confirm {...removal.confirmProps} title="app.webhook.delete" content="app.webhook.delete_confirm" confirmColor="warning" />
                </Box>
              )}
              <Box>
                <Typography variant="subtitle1" sx={{ mb: 1 }}>
                  {translate('app.webhook.deliveries')}
                </Typography>
                <WebhookDeliveries />
              </Box>
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
