// Prepares a Temporal cluster the dev server does not prepare itself (README "Deploying"): the namespace
// and the search attributes the workflows set (workflows/messages.ts). Both steps are idempotent, so a
// deployment script or the bench may run it against a cluster that has them already.
//
//   node --import tsx runtime/temporal-setup.ts      # TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_TLS_… as the worker
import { pathToFileURL } from 'node:url';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes.js';
import { SEARCH_ATTRIBUTES } from '../workflows/messages.js';
import { configFromEnv, temporalConnectionOptions } from './config.js';

/** The search attributes the workflows set, as addSearchAttributes takes them (name → indexed type). */
export const searchAttributeTypes = (attributes = SEARCH_ATTRIBUTES) =>
  Object.fromEntries(attributes.map((sa) => [sa.name, encodeSearchAttributeIndexedValueType(sa.type)!]));

const GRPC_NOT_FOUND = 5;
const GRPC_ALREADY_EXISTS = 6;
const code = (e: unknown): number | undefined => (e as { code?: number }).code;

/** Retention of closed workflows' histories in a namespace this registers (the dev server keeps 24 h). */
const RETENTION_DAYS = 30;

export async function prepareNamespace(
  connection: Connection,
  namespace: string,
  log: (line: string) => void = () => {},
  retentionDays = RETENTION_DAYS,
): Promise<void> {
  try {
    await connection.workflowService.describeNamespace({ namespace });
  } catch (e) {
    if (code(e) !== GRPC_NOT_FOUND) throw e;
    try {
      await connection.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: msToTs(`${retentionDays} days`),
      });
      log(`registered namespace ${namespace} (retention ${retentionDays} days)`);
    } catch (e2) {
      if (code(e2) !== GRPC_ALREADY_EXISTS) throw e2;
    }
  }
  // A new namespace reaches every service of the cluster on its next cache refresh (about 10 s): until
  // then adding search attributes to it fails with NotFound.
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
      const have = new Set(Object.keys(customAttributes ?? {}));
      const missing = SEARCH_ATTRIBUTES.filter((sa) => !have.has(sa.name));
      if (missing.length === 0) return;
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: searchAttributeTypes(missing),
      });
      log(`added search attributes ${missing.map((sa) => sa.name).join(', ')} to ${namespace}`);
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const cfg = configFromEnv();
  const connection = await Connection.connect(temporalConnectionOptions(cfg));
  await prepareNamespace(connection, cfg.temporalNamespace, (l) => console.log(`[temporal-setup] ${l}`));
  console.log(`[temporal-setup] ${cfg.temporalAddress} namespace ${cfg.temporalNamespace}: ready`);
  await connection.close();
}
