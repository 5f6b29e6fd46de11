import { Alert, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useTranslate } from 'react-admin';
import { Pending } from '../MyCasesPage';
import type { PortalTaskFormProps } from '../pages';
import { myApplication } from './api';
import { ResubmitForm } from './ResubmitForm';

/** The 补充材料 task in the to-do list: the same edit of the application as on its page (api/portal/applications.ts resubmit). */
export const ResubmissionTaskForm = ({ task }: PortalTaskFormProps) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const caseId = task.caseId ?? '';
  const q = useQuery({ queryKey: ['portal', 'zhoushan', 'application', caseId], queryFn: () => myApplication(caseId), enabled: !!caseId });
  if (!q.data) return <Pending error={q.error} />;
  return (
    <Stack spacing={1}>
      <Alert severity="info">{translate('app.zhoushan_portal.task_hint')}</Alert>
      <ResubmitForm application={q.data} onDone={() => navigate(`/applications/${encodeURIComponent(caseId)}`)} />
    </Stack>
  );
};
