/** The task list (#/tasks) with a filter, e.g. one jurisdiction's overdue open tasks of a campaign. */
export const taskListPath = (filter: Record<string, unknown>): string => `/tasks?${new URLSearchParams({ filter: JSON.stringify(filter) })}`;

export const campaignPath = (campaignId: string): string => `/campaigns/${encodeURIComponent(campaignId)}/show`;
