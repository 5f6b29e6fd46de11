import { useRecordContext } from 'react-admin';
import { useProgrammes } from '../common/programmes';
import type { Campaign, Named } from '../types';
import { definitionOf } from './kind';

/**
 * The rules a campaign runs by: those copied into its definition at launch, else its programme's
 * (tracks, serious violations, revocation grounds: a staged award's; the enrolment stage: any kind's).
 */
export const useCampaignRules = (campaign?: Campaign) => {
  const fromContext = useRecordContext<Campaign>();
  const record = campaign ?? fromContext;
  const { data: programmes } = useProgrammes();
  const programme = programmes?.find((p) => p.id === record?.programme);
  const stagedAward = definitionOf(record, 'staged_award')?.rules ?? (programme?.kind === 'staged_award' ? programme : undefined);
  return {
    tracks: (stagedAward?.tracks ?? []) as Named[],
    seriousViolations: (stagedAward?.seriousViolations ?? []) as Named[],
    revocationGrounds: (stagedAward?.revocationGrounds ?? []) as Named[],
    enrolmentStage: record?.definition?.rules.enrolmentStage ?? programme?.enrolmentStage,
  };
};
