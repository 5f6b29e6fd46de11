import { useRecordContext } from 'react-admin';
import { useProgrammes } from '../common/programmes';
import type { Campaign, Named } from '../types';

/**
 * The rules a campaign runs by: those copied into its definition at launch, else its programme's
 * (tracks, serious violations, revocation grounds, the enrolment stage).
 */
export const useCampaignRules = (campaign?: Campaign) => {
    const fromContext = useRecordContext<Campaign>();
    const record = campaign ?? fromContext;
    const { data: programmes } = useProgrammes();
    const programme = programmes?.find(p => p.id === record?.programme);
    const rules = record?.definition?.rules;
    return {
        tracks: (rules?.tracks ?? programme?.tracks ?? []) as Named[],
        seriousViolations: (rules?.seriousViolations ?? programme?.seriousViolations ?? []) as Named[],
        revocationGrounds: (rules?.revocationGrounds ?? programme?.revocationGrounds ?? []) as Named[],
        enrolmentStage: rules?.enrolmentStage ?? programme?.enrolmentStage,
        settings: record?.definition?.settings ?? programme?.defaults?.settings,
    };
};
