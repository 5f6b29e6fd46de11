// The audit trail in words (README "The console's words"): what happened by its label, who by name, about
// what by its kind; the raw codes and ids only for an admin, who reads them against the database and
// Temporal. Used by 操作日志 and by a case's own 操作日志.
import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useSessionUser } from '../account/useSessionUser';
import type { AuditEvent } from '../types';

/** An admin sees machine ids and codes (workflow ids, user ids, action codes); nobody else does. */
export const useSeesIds = () => useSessionUser()?.role === 'admin';

const Text = ({ children, title }: { children: React.ReactNode; title?: string }) => (
  <Typography component="span" variant="body2" title={title}>
    {children}
  </Typography>
);

/** "task.completed" → 完成任务; an action without a label yet reads 其他操作 (its code only to an admin). */
export const useAuditActionLabel = () => {
  const translate = useTranslate();
  const seesIds = useSeesIds();
  return (action: string) => {
    const label = translate(`app.timeline.action.${action}`, { _: '' });
    if (label) return label;
    return seesIds ? action : translate('app.audit.other_action');
  };
};

/** Who acted: the user's name, else 系统 for the workflows' own entries (a user id only to an admin). */
export const useAuditActor = () => {
  const translate = useTranslate();
  const seesIds = useSeesIds();
  return (e: Pick<AuditEvent, 'actorId' | 'actorName'>) =>
    e.actorName ?? (e.actorId ? (seesIds ? e.actorId : translate('app.audit.unknown_actor')) : translate('app.timeline.system'));
};

export const AuditActionField = (_props: { source: string; label?: string; sortable?: boolean }) => {
  const e = useRecordContext<AuditEvent>();
  const label = useAuditActionLabel();
  const seesIds = useSeesIds();
  return e ? <Text title={seesIds ? e.action : undefined}>{label(e.action)}</Text> : null;
};

export const AuditActorField = (_props: { source: string; label?: string; sortable?: boolean }) => {
  const e = useRecordContext<AuditEvent>();
  const actor = useAuditActor();
  return e ? <Text>{actor(e)}</Text> : null;
};

/** What the entry is about: its kind (案件, 任务…), and to an admin its id. */
export const AuditEntityField = (_props: { source: string; label?: string; sortable?: boolean }) => {
  const e = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  const seesIds = useSeesIds();
  if (!e) return null;
  const kind = translate(`app.audit.entity.${e.entityType}`, { _: seesIds ? e.entityType : translate('app.audit.entity.other') });
  return <Text>{seesIds ? `${kind} ${e.entityId}` : kind}</Text>;
};
