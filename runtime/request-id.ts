// The API request id across Temporal (README "Operating"), after temporalio/samples-typescript's
// context-propagation sample: the client puts it into the headers of the starts, Updates and Signals a
// request makes; workflows/interceptors.ts hands it on to the activities scheduled for that message;
// the activity interceptor here logs each activity with it.
import { performance } from 'node:perf_hooks';
import { Client, type Connection, type WorkflowClientInterceptor } from '@temporalio/client';
import { defaultPayloadConverter, type Headers } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { REQUEST_ID_HEADER, requestIdOf } from '../workflows/interceptors.js';
import { requestContext, type Logger } from './logging.js';

function withRequestId(headers: Headers): Headers {
  const requestId = requestContext.getStore()?.requestId;
  return requestId ? { ...headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(requestId) } : headers;
}

/** Adds the current request's id (requestContext) to the workflow starts, Updates and Signals a client makes. */
export const requestIdClientInterceptor: WorkflowClientInterceptor = {
  startWithDetails: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
  startUpdate: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
  startUpdateWithStart: (input, next) =>
    next({ ...input, workflowStartHeaders: withRequestId(input.workflowStartHeaders), updateHeaders: withRequestId(input.updateHeaders) }),
  signal: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
  signalWithStart: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
};

/** The processes' Temporal client: the API's, and the worker's for the webhook deliveries activities start. */
export function createTemporalClient(connection: Connection, namespace: string): Client {
  return new Client({ connection, namespace, interceptors: { workflow: [requestIdClientInterceptor] } });
}

/**
 * Each activity runs within its request id (so a workflow it starts carries it on) and is logged when it
 * ends: at info when an API request caused it — one officer's click can be followed from the API's line
 * to the activity that wrote the projection — and at debug otherwise (timers, fan-out, sweeps).
 */
export function activityLogging(logger: Logger): ActivityInterceptorsFactory {
  return (ctx) => {
    let requestId: string | undefined;
    return {
      inbound: {
        async execute(input, next) {
          requestId = requestIdOf(input.headers);
          const { activityType, workflowExecution, isLocal, attempt } = ctx.info;
          const log = logger.child({ ...(requestId ? { requestId } : {}), activityType, workflowId: workflowExecution?.workflowId, local: isLocal, attempt });
          const started = performance.now();
          const ms = () => Math.round(performance.now() - started);
          return requestContext.run({ requestId }, async () => {
            try {
              const result = await next(input);
              log[requestId ? 'info' : 'debug']({ durationMs: ms() }, 'activity completed');
              return result;
            } catch (err) {
              // Retried by Temporal with backoff; the last attempt's failure reaches the workflow.
              log.warn({ err, durationMs: ms() }, 'activity failed');
              throw err;
            }
          });
        },
      },
      outbound: {
        // The SDK's activity logger (Context.current().log) tags its lines the same way.
        getLogAttributes: (input, next) => next(requestId ? { ...input, requestId } : input),
      },
    };
  };
}
