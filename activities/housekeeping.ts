// Housekeeping (README "Housekeeping"), run hourly by HousekeepingWorkflow: what no one will use again is
// deleted, so the database does not keep files nobody filed, sessions that can no longer sign anyone in,
// or sign-in failures long past the limiter's 15-minute window.
import { activityInfo } from '@temporalio/activity';
import type { PrismaClient } from '../prisma/generated/client.js';
import { SYSTEM_ACTOR } from '../domain/roles.js';
import { appendAudit } from './audit.js';

const HOUR_MS = 3600_000;
/** An upload no application or case has used is deleted this long after it was uploaded. */
export const UNBOUND_UPLOAD_TTL_MS = 24 * HOUR_MS;
/**
 * Filing refuses an upload older than this (api/intake-filing.ts): an hour before it may be deleted, so
 * an application checked against an upload never has the upload deleted before its workflow binds it.
 */
export const UNBOUND_UPLOAD_FILING_MS = UNBOUND_UPLOAD_TTL_MS - HOUR_MS;
/** Sign-in failures count for 15 minutes (api/auth.ts); a day's are kept for an administrator to look at. */
export const LOGIN_FAILURE_TTL_MS = 24 * HOUR_MS;

export interface HousekeepingCounts {
  attachments: number;
  sessions: number;
  loginFailures: number;
}

export function housekeepingActivities(db: PrismaClient) {
  return {
    /**
     * Deletes unused uploads older than a day, expired sessions and day-old sign-in failures, in one
     * transaction with one `housekeeping.ran` audit entry of the counts — none when nothing was deleted,
     * so the append-only audit trail does not grow by an entry of zeros every hour. The entry is keyed by
     * the run and the attempt: a retry after an attempt that committed but was not reported is its own entry.
     */
    async runHousekeeping(): Promise<HousekeepingCounts> {
      const info = activityInfo();
      const run = info.workflowExecution ?? { workflowId: 'standalone', runId: info.activityId };
      const now = new Date();
      return db.$transaction(
        async (tx) => {
          // Bound evidence (a case's, migrations/20261203140000_evidence.sql) is kept like an application's,
          // and so is a public objection's file (objection.attachment_id, whose foreign key would otherwise
          // refuse the delete and roll back every run).
          const attachments = await tx.$executeRaw`
            DELETE FROM attachment a
            WHERE a.entry_id IS NULL AND a.case_id IS NULL AND a.uploaded_at < ${new Date(now.getTime() - UNBOUND_UPLOAD_TTL_MS)}
              AND NOT EXISTS (SELECT 1 FROM objection o WHERE o.attachment_id = a.id)`;
          const sessions = (await tx.session.deleteMany({ where: { expiresAt: { lt: now } } })).count;
          const loginFailures = (await tx.loginFailure.deleteMany({ where: { at: { lt: new Date(now.getTime() - LOGIN_FAILURE_TTL_MS) } } })).count;
          const counts = { attachments, sessions, loginFailures };
          if (attachments + sessions + loginFailures > 0)
            await appendAudit(
              tx,
              {
                key: `housekeeping:${run.workflowId}:${run.runId}:${info.attempt}`,
                actor: SYSTEM_ACTOR,
                action: 'housekeeping.ran',
                entityType: 'system',
                entityId: 'housekeeping',
                clause: 'README Housekeeping',
                data: { ...counts },
              },
              now,
            );
          return counts;
        },
        { timeout: 60_000 },
      ); // Prisma's default of 5 s is short for a first run over a long backlog.
    },
  };
}
