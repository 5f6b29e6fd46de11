import { Edit } from 'react-admin';
import type { Operator } from '../types';
import { OperatorForm, operatorBody } from './OperatorForm';

/** PUT /api/operators/:id: the USCC stays; the API keeps only the editable fields. */
export const OperatorEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="show"
    transform={(values: Partial<Operator>) => {
      const { uscc: _uscc, ...body } = operatorBody(values);
      return body;
    }}
  >
    <OperatorForm edit />
  </Edit>
);
