// Carries the request id of the API call that caused a workflow's work (README "Operating"): the
// client sends it as a Temporal header with a start, Update or Signal (runtime/request-id.ts); here it
// is handed on to the activities, local activities and child workflows scheduled for that message, and
// the activity interceptor logs it. Bundled with the workflows (runtime/bundle-workflows.ts
// WORKFLOW_INTERCEPTOR_MODULES). Deterministic: headers are not part of the commands replay compares.
import {
  AsyncLocalStorage,
  defaultPayloadConverter,
  type Headers,
  type Next,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

/** The Temporal header that carries the API request id (the HTTP header's name, lower case). */
export const REQUEST_ID_HEADER = 'x-request-id';

/** The request id a header map carries, if any (and only a string: a header is outside input). */
export function requestIdOf(headers: Headers | undefined): string | undefined {
  const p = headers?.[REQUEST_ID_HEADER];
  if (!p) return undefined;
  try {
    const v = defaultPayloadConverter.fromPayload<unknown>(p);
    return typeof v === 'string' && v.length <= 128 ? v : undefined;
  } catch {
    return undefined;
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => {
  // One store per workflow run (the SDK disposes it with the run): the message being handled, carried
  // across the handler's awaits by the sandbox's AsyncLocalStorage.
  const current = new AsyncLocalStorage<{ requestId?: string }>();
  // The start's request id is the first activation's only: a workflow's main body outlives the request
  // that started it by months, and what it does later is not that request's doing.
  let start: { requestId?: string } | undefined;
  const withRequestId = <I extends { headers: Headers }>(input: I): I => {
    const requestId = current.getStore()?.requestId;
    return requestId ? { ...input, headers: { ...input.headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(requestId) } } : input;
  };
  const inbound: WorkflowInboundCallsInterceptor = {
    execute(input, next) {
      start = { requestId: requestIdOf(input.headers) };
      return current.run(start, () => next(input));
    },
    handleSignal(input, next) {
      return current.run({ requestId: requestIdOf(input.headers) }, () => next(input));
    },
    handleUpdate(input, next) {
      return current.run({ requestId: requestIdOf(input.headers) }, () => next(input));
    },
  };
  const outbound: WorkflowOutboundCallsInterceptor = {
    scheduleActivity: (input, next) => next(withRequestId(input)),
    scheduleLocalActivity: (input, next) => next(withRequestId(input)),
    startChildWorkflowExecution: (input, next) => next(withRequestId(input)),
    getLogAttributes(input, next: Next<WorkflowOutboundCallsInterceptor, 'getLogAttributes'>) {
      const requestId = current.getStore()?.requestId;
      return next(requestId ? { ...input, requestId } : input);
    },
  };
  return {
    inbound: [inbound],
    outbound: [outbound],
    internals: [
      {
        concludeActivation(input, next) {
          if (start) start.requestId = undefined;
          start = undefined;
          return next(input);
        },
      },
    ],
  };
};
