import { Create, useGetIdentity } from 'react-admin';
import type { Operator } from '../types';
import { OperatorForm, operatorBody } from './OperatorForm';

/** 登记经营主体: POST /api/operators (409 when the USCC is already registered). */
export const OperatorCreate = () => {
  const { identity } = useGetIdentity();
  return (
    <Create
      redirect="show"
      transform={(values: Partial<Operator>) => operatorBody(values)}
      record={{
        jurisdictionId: identity?.jurisdictionId,
        platformAccounts: [],
        abnormalListed: false,
        dishonestListed: false,
      }}
    >
      <OperatorForm />
    </Create>
  );
};
