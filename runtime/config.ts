import { TASK_QUEUE_DEFAULT } from '../workflows/messages.js';

/** Everything a process needs to find the others, from the environment (secrets never in code). */
export interface Config {
  temporalAddress: string;
  temporalNamespace: string;
  taskQueue: string;
  databaseUrl?: string;
  port: number;
  temporalUiUrl?: string;
}

export function configFromEnv(env = process.env): Config {
  return {
    temporalAddress: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? TASK_QUEUE_DEFAULT,
    databaseUrl: env.DATABASE_URL || undefined,
    port: Number(env.PORT ?? 3000),
    temporalUiUrl: env.TEMPORAL_UI_URL,
  };
}
