// A case a launch batch starts is no child of it (activities/case-start.ts), so the batch cannot await
// its result: the case tells it when it closes, whatever way it ends. Only a workflow started with
// `reportClosedTo` in its argument does (workflows/case-start.ts), so every other history replays as
// before. Bundled as a workflow interceptor (runtime/bundle-workflows.ts WORKFLOW_INTERCEPTOR_MODULES).
import {
  CancellationScope,
  TemporalFailure,
  getExternalWorkflowHandle,
  workflowInfo,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
} from '@temporalio/workflow';
import { caseClosedSignal } from './messages.js';

async function reportingClose<T>(run: Promise<T>, to: string): Promise<T> {
  // Told even when the case is cancelled; a batch that is gone (terminated) has nobody waiting.
  const tell = () =>
    CancellationScope.nonCancellable(() => getExternalWorkflowHandle(to).signal(caseClosedSignal, workflowInfo().workflowId)).catch(() => undefined);
  let result: T;
  try {
    result = await run;
  } catch (e) {
    // A TemporalFailure (cancellation included) closes the workflow; any other error fails only the
    // workflow task, retried until fixed, and a new run of the same case (continue-as-new) is no close.
    if (e instanceof TemporalFailure) await tell();
    throw e;
  }
  await tell();
  return result;
}

export const interceptors: WorkflowInterceptorsFactory = () => {
  const inbound: WorkflowInboundCallsInterceptor = {
    execute(input, next) {
      const to = (input.args[0] as { reportClosedTo?: unknown } | undefined)?.reportClosedTo;
      return typeof to === 'string' ? reportingClose(next(input), to) : next(input);
    },
  };
  return { inbound: [inbound] };
};
